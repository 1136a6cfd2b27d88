/**
 * The ingest pipeline: one seed (+ override) → one validated entry. Pure from bytes to text;
 * reading and writing files is left to ingestDirectory() and the command (scripts/ingest.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import matter from 'gray-matter';
import { DateTime } from 'luxon';
import { entrySchema, type Basis, type EntryFrontmatter, type RemovedLine } from '../lib/entry-schema.ts';
import { ActorMatcher, findBodies, findPeople, listActors, withArticlePeople, withBodies, type ActorLists } from './actors.ts';
import { cutFurniture, type BodyLine } from './boilerplate.ts';
import { claimStopWords, findClaims } from './claims.ts';
import { loadIngestData, type IngestData, type Outlet } from './data.ts';
import { choosePublicationDate, implausibleDates, inferDateFromRelativeDay, inferDateFromWeekdays, type BodySentence, type DateLineReader, type PageLine } from './date.ts';
import { decodeSeedDetected } from './decode.ts';
import { IngestError } from './errors.ts';
import { bodyMarkdown } from './markdown.ts';
import { frontmatterYaml } from './frontmatter.ts';
import { findOutlet, detectOutlet, type OutletFinding } from './outlet.ts';
import { parseOverride, type Override } from './override.ts';
import { droppedLines, segmentLines } from './segment.ts';
import { headlineSlug } from './slug.ts';
import { sentences, tokenize, wordCount } from '../text/tokens.ts';

export interface SeedInput {
  /** The seed's file name (recorded as `source`). */
  name: string;
  /** Its path, for messages. */
  path: string;
  bytes: Uint8Array;
  override?: { path: string; text: string };
}

export interface Entry {
  slug: string;
  frontmatter: EntryFrontmatter;
  body: string;
}

export interface Ingestor {
  data: IngestData;
  matcher: ActorMatcher;
}

export function createIngestor(contentDir: string): Ingestor {
  return ingestorFromData(loadIngestData(contentDir));
}

/** An ingestor from data already loaded and validated (the incremental cache keeps it as JSON). */
export function ingestorFromData(data: IngestData): Ingestor {
  return { data, matcher: new ActorMatcher(data.actors) };
}

const MAX_HEADLINE_WORDS = 30;

/** A fixed offset as luxon names it: 3 → "UTC+3", -3.5 → "UTC-3:30". */
function utcZone(hours: number): string {
  const sign = hours < 0 ? '-' : '+';
  const h = Math.trunc(Math.abs(hours));
  const m = Math.round((Math.abs(hours) - h) * 60);
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

export function buildEntry(seed: SeedInput, { data, matcher }: Ingestor): Entry {
  const { text, encoding } = decodeSeedDetected(seed.bytes, seed.path);
  const override: Override | null = seed.override
    ? parseOverride(seed.override.text, seed.override.path, new Set(matcher.byId.keys()))
    : null;

  const lines = segmentLines(text);
  const { headline, title, body, removed: cut, dateLines } = cutFurniture(lines, data);
  // Lines segmenting blanked (a frontmatter block, rule lines) are listed with what furniture cut.
  const removed = [...droppedLines(lines), ...cut].sort((a, b) => a.line - b.line);
  if (!title) throw new IngestError(seed.path, 'no headline: every line is page furniture');
  if (wordCount(title.text) > MAX_HEADLINE_WORDS) {
    throw new IngestError(seed.path, `no headline: the headline (line ${title.line}) is a paragraph of ${wordCount(title.text)} words`);
  }
  const paragraphs = body.filter((b) => !b.heading);
  if (paragraphs.length === 0) throw new IngestError(seed.path, 'no article text after the headline');

  const texts = [...(title.derived ? [] : [title.text]), ...body.map((b) => b.text)];
  const named = matcher.namedInFull(texts);
  const outlet = decideOutlet(detectOutlet(removed, data, { lines, headline, body }), override, data);
  const dated = decideDate(seed, removed, paragraphs, override, outlet.record, named, { data, matcher }, headline?.no ?? 0, dateLines);
  const lists = actorLists(texts, override, matcher);
  const people = findPeople(texts, matcher, data.claims.people, claimStopWords(data.claims), named);
  const withUnlinked = withArticlePeople(matcher, people, texts, data.claims.people);
  const unknownBodies = findBodies(texts, withUnlinked, data.claims, people.length ? withUnlinked.namedInFull(texts) : named);
  const speakers = withBodies(withUnlinked, unknownBodies);
  const claims = findClaims(
    paragraphs.map((p) => p.text),
    { matcher: speakers, named: people.length || unknownBodies.length ? speakers.namedInFull(texts) : named, rules: data.claims, dates: data.dates, writtenOn: dated.writtenOn, headline: title.derived ? null : title.text },
  );
  // An unknown body is kept on the entry only when a claim is its.
  const bodies = unknownBodies.filter((b) => claims.some((c) => c.speaker === b.name));

  const candidate = {
    title: title.text,
    ...(title.derived ? { title_derived: true } : {}),
    date: dated.date,
    date_basis: dated.basis,
    ...(dated.publishedAt ? { published_at: dated.publishedAt } : {}),
    outlet: outlet.outlet,
    ...(outlet.outlet && !outlet.record ? { outlet_known: false } : {}),
    via: outlet.via,
    outlet_basis: outlet.basis,
    ...lists,
    people,
    ...(bodies.length ? { bodies } : {}),
    claims,
    source: seed.name,
    // The encoding the seed was read in, when it is not UTF-8 (src/ingest/decode.ts).
    ...(encoding !== 'utf-8' ? { encoding } : {}),
    ...(override?.url ? { url: override.url } : {}),
    removed,
    notes: override?.notes.map((n) => n.text) ?? [],
  };
  const parsed = entrySchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IngestError(seed.path, `entry fails the schema at ${issue.path.join('.')}: ${issue.message}`);
  }
  const slug = override?.slug ?? headlineSlug(title.text);
  return { slug: `${dated.date}-${slug}`, frontmatter: parsed.data, body: bodyMarkdown(body) };
}

/** The outlet: the override when an editor gave one (it corrects the text), else what the text says. */
function decideOutlet(found: OutletFinding, override: Override | null, data: IngestData): OutletFinding {
  const o = override?.outlet;
  if (!o) return found;
  const record = o.name ? findOutlet(o.name, data.outlets) : null;
  return {
    outlet: o.name ? record?.name_ar ?? o.name : null,
    via: o.via ? findOutlet(o.via, data.outlets)?.name_ar ?? o.via : null,
    basis: { kind: 'editorial', note: o.note, confirmed: o.confirmed },
    record,
  };
}

interface Dated {
  date: string;
  basis: Basis;
  publishedAt?: string;
  /** The day of writing, when the text tells it (stated or inferred): claims' weekdays resolve against it. */
  writtenOn: string | null;
}

/**
 * What may stand between an article's stamp and its text on a page with no headline and no masthead: the
 * photo's caption, and the buttons beside the stamp (font size «A- A+», share links: Latin UI strings).
 */
const BESIDE_STAMP = new Set(['photo_caption', 'ui_string', 'comment_counter']);

/** The date: the override, else the text's date line, else inferred from a weekday and a dated event. */

function decideDate(
  seed: SeedInput,
  removed: RemovedLine[],
  paragraphs: BodyLine[],
  override: Override | null,
  outletRecord: Outlet | null,
  named: Set<string>,
  { data, matcher }: Ingestor,
  headlineNo = 0,
  dateLines?: DateLineReader,
): Dated {
  if (override?.date) {
    return { date: override.date.value, basis: { kind: 'editorial', note: override.date.note, confirmed: override.date.confirmed }, writtenOn: null };
  }
  // Every line of the page but the "read also" / related tails (other stories' dates), in order, placed
  // above the headline, between it and the text, or further down.
  const tailRules = new Set(data.boilerplate.rules.filter((r) => r.match === 'tail_from').map((r) => r.name));
  const firstText = paragraphs[0]?.no ?? Infinity;
  // Without a headline line (a derived title), the text's first paragraph is the boundary.
  const top = headlineNo > 0 ? headlineNo : firstText;
  const above = removed.filter((r) => r.line < top).map((r) => r.line);
  // A post date stands right above its headline; on a page without one, anywhere between masthead and text,
  // or (no masthead found) right above the text, with nothing but a photo's caption or credit between.
  const masthead = Math.min(...removed.filter((r) => r.rule === 'masthead').map((r) => r.line));
  const captionOnly = (no: number) => removed.every((r) => r.line <= no || r.line >= top || BESIDE_STAMP.has(r.rule));
  const overHeadline = (no: number) => no === Math.max(...above) || (headlineNo <= 0 && no < top && (no > masthead || captionOnly(no)));
  const page: PageLine[] = [
    ...removed
      .filter((r) => !tailRules.has(r.rule) && !/tail|read_also|related/.test(r.rule))
      .map((r) => ({ no: r.line, text: r.text, paragraph: false, touchesHeadline: overHeadline(r.line) })),
    ...paragraphs.map((p) => ({ no: p.no, text: p.text, paragraph: true })),
  ]
    .map((l) => ({ ...l, zone: (l.no < top ? 'above' : l.no < firstText ? 'header' : 'body') as PageLine['zone'] }))
    .sort((a, b) => a.no - b.no);
  const p = choosePublicationDate(page, data.dates, { dateOrder: outletRecord?.date_order, ...(dateLines ? { dateLines } : {}) });
  if (p) {
    const basis: Basis = { kind: 'stated', line: p.line, rule: p.rule };
    let publishedAt: string | undefined;
    // A time without an offset is read in the zone the line names, else the outlet's (content/outlets.yaml);
    // a zone the rules do not know leaves the moment unknown (the day is as printed).
    const zone = p.offsetHours !== undefined ? utcZone(p.offsetHours) : p.zone ?? (p.zoneUnknown ? undefined : outletRecord?.timezone);
    if (p.time && zone) {
      const dt = DateTime.fromISO(`${p.date}T${p.time}`, { zone });
      if (dt.isValid) publishedAt = dt.toISO({ suppressMilliseconds: true }) ?? undefined;
    }
    return { date: p.date, basis, writtenOn: p.date, ...(publishedAt ? { publishedAt } : {}) };
  }
  const bodySentences: BodySentence[] = paragraphs.flatMap((para, i) =>
    sentences(para.text).map((s) => ({
      text: s.text,
      line: para.no,
      lineText: para.text,
      lead: i === 0,
      names: new Set(matcher.mentions(tokenize(s.text), named).map((m) => m.actorId)),
    })),
  );
  const inferred = inferDateFromRelativeDay(bodySentences, data.dates) ?? inferDateFromWeekdays(bodySentences, data.events, data.dates);
  if (!inferred) {
    const overrideName = `${path.basename(seed.path).replace(/\.txt$/, '')}.meta.yaml`;
    const implausible = implausibleDates(removed.map((r) => ({ no: r.line, text: r.text })), data.dates);
    const why = implausible ?? 'the text has no date line and no weekday tied to a dated event';
    throw new IngestError(seed.path, `no date: ${why}, and there is no override (${overrideName} with date: {value, note})`);
  }
  return { date: inferred.date, basis: { kind: 'inferred', from: inferred.from, line: inferred.line }, writtenOn: inferred.date };
}

/** People, places and organisations the text names, with an override's additions and removals. */
function actorLists(texts: string[], override: Override | null, matcher: ActorMatcher): ActorLists {
  const lists = listActors(texts, matcher);
  for (const id of override?.actors?.add ?? []) {
    const kind = matcher.byId.get(id)!.kind;
    const list = kind === 'person' ? lists.actors : kind === 'place' ? lists.places : lists.organisations;
    if (!list.includes(id)) list.push(id);
  }
  const removeIds = new Set(override?.actors?.remove ?? []);
  const keep = (ids: string[]) => ids.filter((id) => !removeIds.has(id));
  return { actors: keep(lists.actors), places: keep(lists.places), organisations: keep(lists.organisations) };
}

/**
 * What JSON.parse(JSON.stringify(v)) gives for the frontmatter's plain data (objects, arrays, strings,
 * numbers, booleans, null), without printing and parsing it: undefined values dropped (in an array, null),
 * numbers that are not finite null. Keys keep their order.
 */
function jsonData(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === null || typeof v !== 'object') return v;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(v)) as unknown;
  if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : jsonData(x)));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    Object.defineProperty(out, k, { value: jsonData(x), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

// gray-matter's own writer, given the body as the file object matter.stringify would make of it: for a body
// that holds no frontmatter of its own and no BOM, matter(body) changes nothing, and only costs a Buffer copy.
const stringifyMatter = createRequire(import.meta.url)('gray-matter/lib/stringify.js') as (
  file: { content: string; data: Record<string, unknown> },
  data: Record<string, unknown>,
  options: object,
) => string;

/** The file's text: YAML frontmatter (as gray-matter writes it) and the Markdown body. */
export function entryFile(entry: Entry): string {
  if (entry.body && !entry.body.startsWith('---') && !entry.body.startsWith('\uFEFF')) {
    // Plain data is written directly (src/ingest/frontmatter.ts), the same bytes as gray-matter's.
    const yaml = frontmatterYaml(entry.frontmatter as unknown as Record<string, unknown>);
    if (yaml !== null) return yaml + (entry.body.endsWith('\n') ? entry.body : `${entry.body}\n`);
  }
  // Drop undefined values; js-yaml would refuse them.
  const data = jsonData(entry.frontmatter) as Record<string, unknown>;
  const options = { lineWidth: -1 };
  if (entry.body && !entry.body.startsWith('---') && !entry.body.startsWith('\uFEFF')) {
    return stringifyMatter({ content: entry.body, data: {} }, data, options);
  }
  return matter.stringify(entry.body, data, options as never);
}
