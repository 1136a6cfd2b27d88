/**
 * The ingest pipeline: one seed (+ override) → one validated entry. Pure from bytes to text;
 * reading and writing files is left to ingestDirectory() and the command (scripts/ingest.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { DateTime } from 'luxon';
import { entrySchema, type Basis, type EntryFrontmatter } from '../lib/entry-schema.ts';
import { ActorMatcher, listActors } from './actors.ts';
import { cutFurniture } from './boilerplate.ts';
import { findClaims } from './claims.ts';
import { loadIngestData, type IngestData } from './data.ts';
import { inferDateFromWeekdays, readDateLine, type BodySentence } from './date.ts';
import { decodeSeed } from './decode.ts';
import { IngestError } from './errors.ts';
import { bodyMarkdown } from './markdown.ts';
import { findOutlet, detectOutlet } from './outlet.ts';
import { parseOverride, type Override } from './override.ts';
import { segmentLines } from './segment.ts';
import { headlineSlug } from './slug.ts';
import { sentences, tokenize, wordCount } from './text.ts';

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
  const data = loadIngestData(contentDir);
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
  const text = decodeSeed(seed.bytes, seed.path);
  const override: Override | null = seed.override
    ? parseOverride(seed.override.text, seed.override.path, new Set(matcher.byId.keys()))
    : null;

  const lines = segmentLines(text);
  const { headline, body, removed } = cutFurniture(lines, data);
  if (!headline) throw new IngestError(seed.path, 'no headline: every line is page furniture');
  if (wordCount(headline.text) > MAX_HEADLINE_WORDS) {
    throw new IngestError(seed.path, `no headline: the first line (line ${headline.no}) is a paragraph of ${wordCount(headline.text)} words`);
  }
  const paragraphs = body.filter((b) => !b.heading);
  if (paragraphs.length === 0) throw new IngestError(seed.path, 'no article text after the headline');

  // Outlet: the override when an editor gave one, else what the text says.
  const found = detectOutlet(removed, data);
  let outlet = found.outlet;
  let via = found.via;
  let outletBasis: Basis = found.basis;
  let outletRecord = found.record;
  if (override?.outlet) {
    const o = override.outlet;
    outletRecord = o.name ? findOutlet(o.name, data.outlets) : null;
    outlet = o.name ? outletRecord?.name_ar ?? o.name : null;
    via = o.via ? findOutlet(o.via, data.outlets)?.name_ar ?? o.via : null;
    outletBasis = { kind: 'editorial', note: o.note, confirmed: o.confirmed };
  }

  // Date: the override, else a date line of the text, else inferred from weekdays and events.
  let date: string;
  let dateBasis: Basis;
  let publishedAt: string | undefined;
  let writtenOn: string | null = null;
  const dateLines = removed
    .filter((r) => r.rule === 'date_line' || r.rule === 'cms_metadata')
    .map((r) => ({ r, parsed: readDateLine(r.text, data.dates) }))
    .filter((x) => x.parsed && x.parsed.kind !== 'update');
  const stated = dateLines[0];
  if (override?.date) {
    date = override.date.value;
    dateBasis = { kind: 'editorial', note: override.date.note, confirmed: override.date.confirmed };
  } else if (stated?.parsed) {
    const p = stated.parsed;
    date = p.date;
    dateBasis = { kind: 'stated', line: stated.r.text, rule: `${p.label ? `«${p.label}»` : 'سطر تاريخ'} + ${p.form}` };
    writtenOn = date;
    if (p.time) {
      const zone = p.offsetHours !== undefined ? utcZone(p.offsetHours) : outletRecord?.timezone;
      if (zone) {
        const dt = DateTime.fromISO(`${p.date}T${p.time}`, { zone });
        if (dt.isValid) publishedAt = dt.toISO({ suppressMilliseconds: true }) ?? undefined;
      }
    }
  } else {
    const named = matcher.namedInFull([headline.text, ...paragraphs.map((p) => p.text)].join('\n'));
    const bodySentences: BodySentence[] = paragraphs.flatMap((p, i) =>
      sentences(p.text).map((s) => ({
        text: s.text,
        line: p.no,
        lineText: p.text,
        lead: i === 0,
        names: new Set(matcher.mentions(tokenize(s.text), named).map((m) => m.actorId)),
      })),
    );
    const inferred = inferDateFromWeekdays(bodySentences, data.events, data.dates);
    if (!inferred) {
      throw new IngestError(seed.path, `no date: the text has no date line and no weekday tied to a dated event, and there is no override (${path.basename(seed.path).replace(/\.txt$/, '')}.meta.yaml with date: {value, note})`);
    }
    date = inferred.date;
    dateBasis = { kind: 'inferred', from: inferred.from, line: inferred.line };
    writtenOn = date;
  }

  const texts = [headline.text, ...body.map((b) => b.text)];
  const lists = listActors(texts, matcher);
  const addIds = override?.actors?.add ?? [];
  const removeIds = new Set(override?.actors?.remove ?? []);
  for (const id of addIds) {
    const kind = matcher.byId.get(id)!.kind;
    const list = kind === 'person' ? lists.actors : kind === 'place' ? lists.places : lists.organisations;
    if (!list.includes(id)) list.push(id);
  }
  const keep = (ids: string[]) => ids.filter((id) => !removeIds.has(id));

  const named = matcher.namedInFull(texts.join('\n'));
  const claims = findClaims(
    paragraphs.map((p) => p.text),
    { matcher, named, rules: data.claims, dates: data.dates, writtenOn },
  );

  const candidate = {
    title: headline.text,
    date,
    date_basis: dateBasis,
    ...(publishedAt ? { published_at: publishedAt } : {}),
    outlet,
    via,
    outlet_basis: outletBasis,
    actors: keep(lists.actors),
    places: keep(lists.places),
    organisations: keep(lists.organisations),
    claims,
    source: seed.name,
    removed,
    notes: override?.notes.map((n) => n.text) ?? [],
  };
  const parsed = entrySchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IngestError(seed.path, `entry fails the schema at ${issue.path.join('.')}: ${issue.message}`);
  }
  const slug = override?.slug ?? headlineSlug(headline.text);
  return { slug: `${date}-${slug}`, frontmatter: parsed.data, body: bodyMarkdown(body) };
}

/** The file's text: YAML frontmatter (gray-matter) and the Markdown body. */
export function entryFile(entry: Entry): string {
  // Drop undefined values; js-yaml would refuse them.
  const data = JSON.parse(JSON.stringify(entry.frontmatter)) as Record<string, unknown>;
  return matter.stringify(entry.body, data, { lineWidth: -1 } as never);
}

export interface IngestResult {
  written: string[];
  unchanged: string[];
  deleted: string[];
  /** One line of figures per entry, for the command's report. */
  entries: { file: string; date: string; dateBasis: string; outletBasis: string; actors: number; claims: number; removed: number }[];
}

/** Read every seed, build every entry, and only then write: a bad seed leaves content/ untouched. */
export function ingestDirectory(seedsDir: string, contentDir: string, entriesDir = path.join(contentDir, 'entries')): IngestResult {
  const ingestor = createIngestor(contentDir);
  const names = fs.readdirSync(seedsDir).sort();
  const seedNames = names.filter((n) => n.endsWith('.txt'));
  const errors: IngestError[] = [];
  for (const n of names.filter((x) => x.endsWith('.meta.yaml'))) {
    if (!seedNames.includes(n.replace(/\.meta\.yaml$/, '.txt'))) {
      errors.push(new IngestError(path.join(seedsDir, n), `override without a seed (no ${n.replace(/\.meta\.yaml$/, '.txt')})`));
    }
  }
  const entries: Entry[] = [];
  for (const name of seedNames) {
    const seedPath = path.join(seedsDir, name);
    const overridePath = path.join(seedsDir, name.replace(/\.txt$/, '.meta.yaml'));
    try {
      const seed: SeedInput = {
        name,
        path: seedPath,
        bytes: fs.readFileSync(seedPath),
        ...(fs.existsSync(overridePath) ? { override: { path: overridePath, text: fs.readFileSync(overridePath, 'utf8') } } : {}),
      };
      entries.push(buildEntry(seed, ingestor));
    } catch (err) {
      if (err instanceof IngestError) errors.push(err);
      else throw err;
    }
  }
  if (errors.length) throw new AggregateError(errors, errors.map((e) => e.message).join('\n'));

  // Two articles with one date and headline start: number the later ones (seed-name order is stable).
  const files = new Map<string, string>();
  const summary: IngestResult['entries'] = [];
  for (const entry of entries) {
    let file = `${entry.slug}.md`;
    for (let k = 2; files.has(file); k++) file = `${entry.slug}-${k}.md`;
    files.set(file, entryFile(entry));
    const fm = entry.frontmatter;
    summary.push({
      file,
      date: fm.date,
      dateBasis: fm.date_basis.kind,
      outletBasis: fm.outlet_basis.kind,
      actors: fm.actors.length + fm.places.length + fm.organisations.length,
      claims: fm.claims.length,
      removed: fm.removed.length,
    });
  }

  fs.mkdirSync(entriesDir, { recursive: true });
  const result: IngestResult = { written: [], unchanged: [], deleted: [], entries: summary };
  for (const [file, content] of files) {
    const target = path.join(entriesDir, file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content) result.unchanged.push(file);
    else {
      fs.writeFileSync(target, content);
      result.written.push(file);
    }
  }
  // content/entries/ holds generated files only: an entry whose seed is gone goes too.
  for (const file of fs.readdirSync(entriesDir)) {
    if (file.endsWith('.md') && !files.has(file)) {
      fs.rmSync(path.join(entriesDir, file));
      result.deleted.push(file);
    }
  }
  return result;
}
