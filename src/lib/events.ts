/**
 * Events: the dated happenings of content/events.yaml, and which entries report or refer to each,
 * derived at build time from data alone (no Astro imports, so unit tests can call it):
 *
 * - an entry **reports** an event when its date falls on the event's day or within `follow_days` after
 *   it, it names the event's people (all of them) or its place, and its headline or text has one of the
 *   event's words;
 * - an entry **refers to** an event when it is later than that, names the event's place and its people,
 *   has one of its words, and, when it was published in another year than the event's, names that year;
 * - `include` / `exclude` (seed file names) in an event's record add or remove an entry by hand.
 *
 * An event with neither people nor place is linked only by `include`. The ingest's own date inference
 * reads the same file (src/ingest/data.ts: id, date, name_ar, name_en, actors, places, words, years);
 * the fields below are the site's additions and the ingest ignores them.
 */
import { z } from 'astro/zod';
import { countOf, type CountedNoun } from './plural.ts';
import { tokenize, phraseTokens, NAME_PREFIXES } from '../text/tokens.ts';

// A YAML loader may read an unquoted 2023-09-13 as a Date: take it back to its day.
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
);

export const siteEventSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ASCII slug'),
  date: isoDate,
  /** Last day, for an event over several days. */
  end_date: isoDate.optional(),
  name_ar: z.string().min(1),
  name_en: z.string().min(1),
  /** One line: what happened. */
  what: z.string().min(1).optional(),
  /** Where: a place id in content/actors.yaml. */
  place: z.string().min(1).optional(),
  /** Who took part: person (or organisation) ids in content/actors.yaml. */
  people: z.array(z.string().min(1)).default([]),
  /** A turning point of the story: it stands out on the timeline. */
  key: z.boolean().default(false),
  words: z.array(z.string().min(1)).min(1),
  /** More words for linking entries only (the ingest's date inference reads `words` alone). */
  match_words: z.array(z.string().min(1)).default([]),
  years: z.array(z.number().int()).default([]),
  /** How many days after the event an article still reports it rather than refers back to it. */
  follow_days: z.number().int().min(0).default(3),
  /** Seed file names (an entry's `source`) linked or unlinked by hand. */
  include: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
});
export type SiteEvent = z.infer<typeof siteEventSchema>;

export type Relation = 'reports' | 'refers';

/** What events.ts needs of an entry. */
export interface EventEntry {
  id: string;
  /** Headline plus body text (Markdown is fine: only words count). */
  text: string;
  data: {
    date: string;
    published_at?: string;
    source: string;
    actors: string[];
    places: string[];
    organisations: string[];
    claims: Array<{ speaker: string; text: string; when?: { date?: string } }>;
  };
}

export interface EventLink<T> {
  entry: T;
  relation: Relation;
}

const DAY = 86_400_000;
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days since 1970-01-01 of an ISO day, parsed once: linking every entry to every event asks for the same few days. */
const dayNumbers = new Map<string, number>();
function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    n = Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(iso, n);
  }
  return n;
}

/** The folded forms a word may take in a text: with or without ال, after a proclitic. */
function wordForms(word: string): string[] {
  const folded = phraseTokens(word)[0];
  if (!folded) return [];
  const bare = folded.startsWith('ال') ? folded.slice(2) : folded;
  return [...new Set([bare, `ال${bare}`, folded])];
}

/** A text's folded words, once, to test words against. */
export function wordSet(text: string): Set<string> {
  return new Set(tokenize(text).map((t) => t.folded));
}

export function hasWord(words: Set<string>, candidates: readonly string[]): boolean {
  for (const w of candidates) {
    for (const form of wordForms(w)) {
      for (const p of NAME_PREFIXES) {
        if (words.has(p + form)) return true;
        if (form.startsWith('ال') && (p === 'ل' || p === 'ول' || p === 'فل') && words.has(`${p}ل${form.slice(2)}`)) return true;
      }
    }
  }
  return false;
}

/** How an entry stands to an event, or null. */
export function relationOf(event: SiteEvent, entry: EventEntry, words: () => Set<string> = () => wordSet(entry.text)): Relation | null {
  const d = entry.data;
  const days = daysBetween(event.end_date ?? event.date, d.date);
  const sinceStart = daysBetween(event.date, d.date);
  const relationByDate: Relation = days <= event.follow_days ? 'reports' : 'refers';
  if (event.exclude.includes(d.source)) return null;
  if (event.include.includes(d.source)) return sinceStart >= 0 ? relationByDate : 'refers';
  if (sinceStart < 0) return null;
  if (!event.place && event.people.length === 0) return null;
  const named = new Set([...d.actors, ...d.places, ...d.organisations, ...d.claims.map((c) => c.speaker)]);
  const peopleNamed = event.people.every((id) => named.has(id));
  const placeNamed = !event.place || named.has(event.place);
  // Reporting it: its people or its place (and a word); referring back to it: both (and a word).
  if (relationByDate === 'reports' ? !((event.people.length && peopleNamed) || (event.place && placeNamed)) : !(peopleNamed && placeNamed)) {
    return null;
  }
  if (!hasWord(words(), [...event.words, ...event.match_words])) return null;
  if (relationByDate === 'refers' && d.date.slice(0, 4) !== event.date.slice(0, 4)) {
    const years = event.years.length ? event.years : [Number(event.date.slice(0, 4))];
    if (!years.some((y) => words().has(String(y)))) return null;
  }
  return relationByDate;
}

export interface EventIndex<T extends EventEntry> {
  /** Every event in the data, by date. */
  events: SiteEvent[];
  byId: Map<string, SiteEvent>;
  /** An event's entries: reports first (first report first), then references, oldest first. */
  entriesOf: Map<string, EventLink<T>[]>;
  /** An entry's events, oldest first. */
  eventsOf: Map<string, Array<{ event: SiteEvent; relation: Relation }>>;
  /** The one event an entry sits under on the timeline (a key event it reports, else the nearest), or none. */
  primaryOf: Map<string, SiteEvent>;
}

function compareByDate(a: { date: string; id: string }, b: { date: string; id: string }) {
  return a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
}

/** Link every entry to its events. `entries` in timeline order (oldest first). */
export function indexEvents<T extends EventEntry>(events: readonly SiteEvent[], entries: readonly T[]): EventIndex<T> {
  const sorted = [...events].sort(compareByDate);
  const byId = new Map(sorted.map((e) => [e.id, e]));
  const entriesOf = new Map<string, EventLink<T>[]>(sorted.map((e) => [e.id, []]));
  const eventsOf = new Map<string, Array<{ event: SiteEvent; relation: Relation }>>();
  const primaryOf = new Map<string, SiteEvent>();
  for (const entry of entries) {
    // The text's words only when an event's date, people and place fit: most pairs are decided before.
    let wordsOfText: Set<string> | undefined;
    const words = () => (wordsOfText ??= wordSet(entry.text));
    const mine: Array<{ event: SiteEvent; relation: Relation }> = [];
    for (const event of sorted) {
      const relation = relationOf(event, entry, words);
      if (!relation) continue;
      mine.push({ event, relation });
      entriesOf.get(event.id)!.push({ entry, relation });
    }
    eventsOf.set(entry.id, mine);
    const reported = mine.filter((m) => m.relation === 'reports').map((m) => m.event);
    const nearest = (list: SiteEvent[]) =>
      [...list].sort((a, b) => daysBetween(a.date, entry.data.date) - daysBetween(b.date, entry.data.date))[0];
    const primary = nearest(reported.filter((e) => e.key)) ?? nearest(reported);
    if (primary) primaryOf.set(entry.id, primary);
  }
  for (const links of entriesOf.values()) {
    links.sort((a, b) => (a.relation === b.relation ? 0 : a.relation === 'reports' ? -1 : 1));
  }
  return { events: sorted, byId, entriesOf, eventsOf, primaryOf };
}

/** Events worth a page: those an entry reports or refers to. */
export function linkedEvents<T extends EventEntry>(index: EventIndex<T>): SiteEvent[] {
  return index.events.filter((e) => (index.entriesOf.get(e.id) ?? []).length > 0);
}

/** How many distinct outlets cover an event (an unknown outlet counts once per entry). */
export function sourceCount(links: ReadonlyArray<EventLink<{ id: string; data: { outlet?: string | null } }>>): number {
  return new Set(links.map((l) => l.entry.data.outlet ?? `?${l.entry.id}`)).size;
}

/** The claims of an event's entries that speak of it: said on its days, or naming one of its words. */
export function claimsAbout<T extends EventEntry>(event: SiteEvent, links: ReadonlyArray<EventLink<T>>) {
  const out: Array<{ entry: T; n: number; claim: T['data']['claims'][number] }> = [];
  for (const { entry } of links) {
    entry.data.claims.forEach((claim, i) => {
      const onDay = claim.when?.date && claim.when.date >= event.date && claim.when.date <= (event.end_date ?? event.date);
      if (onDay || hasWord(wordSet(claim.text), [...event.words, ...event.match_words])) out.push({ entry, n: i + 1, claim });
    });
  }
  return out;
}

// ---------------------------------------------------------------- the timeline as a story

export type StoryItem<T> =
  | { kind: 'event'; date: string; event: SiteEvent; entries: T[]; coverage: number }
  | { kind: 'entry'; date: string; entry: T };

/**
 * The timeline's items, oldest first: each event that entries report, at its date, with those entries
 * under it (each entry under one event only: its primary); an entry tied to no event on its own.
 */
export function storyItems<T extends EventEntry & { data: { outlet?: string | null } }>(
  entries: readonly T[],
  index: EventIndex<T>,
): StoryItem<T>[] {
  const groups = new Map<string, T[]>();
  const items: StoryItem<T>[] = [];
  for (const entry of entries) {
    const primary = index.primaryOf.get(entry.id);
    if (!primary) {
      items.push({ kind: 'entry', date: entry.data.date, entry });
      continue;
    }
    let list = groups.get(primary.id);
    if (!list) {
      groups.set(primary.id, (list = []));
      items.push({ kind: 'event', date: primary.date, event: primary, entries: list, coverage: 0 });
    }
    list.push(entry);
  }
  for (const item of items) {
    if (item.kind === 'event') item.coverage = sourceCount(index.entriesOf.get(item.event.id) ?? []);
  }
  // Stable: same date keeps entry order; an event goes before an entry of its own day.
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.date.localeCompare(b.item.date) || (a.item.kind === b.item.kind ? a.i - b.i : a.item.kind === 'event' ? -1 : 1))
    .map(({ item }) => item);
}

/** The gap before an item, in words («بعد 8 أشهر»), when it is long enough to notice (two weeks or more). */
export function gapLabel(fromDate: string, toDate: string, word: 'بعد' | 'قبل' = 'بعد'): string | null {
  const days = Math.abs(daysBetween(fromDate, toDate));
  if (days < 14) return null;
  if (days < 45) return `${word} ${countArabic(Math.round(days / 7), WEEKS)}`;
  const months = Math.round(days / 30.44);
  if (months < 12) return `${word} ${countArabic(months, MONTHS)}`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest ? `${word} ${countArabic(years, YEARS)} و${countArabic(rest, MONTHS)}` : `${word} ${countArabic(years, YEARS)}`;
}

interface Noun { one: string; two: string; few: string; many: string; other: string }
const WEEKS: Noun = { one: 'أسبوع', two: 'أسبوعين', few: 'أسابيع', many: 'أسبوعًا', other: 'أسبوع' };
const MONTHS: Noun = { one: 'شهر', two: 'شهرين', few: 'أشهر', many: 'شهرًا', other: 'شهر' };
const YEARS: Noun = { one: 'سنة', two: 'سنتين', few: 'سنوات', many: 'سنة', other: 'سنة' };
const rules = new Intl.PluralRules('ar');
/** After «بعد»: «شهر»، «شهرين»، «8 أشهر»، «11 شهرًا». */
function countArabic(n: number, noun: Noun): string {
  const c = rules.select(n);
  if (c === 'one') return noun.one;
  if (c === 'two') return noun.two;
  if (c === 'few') return `${n} ${noun.few}`;
  if (c === 'many') return `${n} ${noun.many}`;
  return `${n} ${noun.other}`;
}

// ---------------------------------------------------------------- counted nouns of the story pages

/**
 * How many outlets covered an event, as a sentence whose verb agrees with its subject: «غطّاه مصدر واحد»،
 * «غطّاه مصدران»، «غطّته 3 مصادر» (a broken plural), «غطّاه 11 مصدرًا»، «غطّاه 100 مصدر»؛ «لم يغطّه أي مصدر».
 */
export function coveredBy(n: number): string {
  if (n === 0) return 'لم يغطّه أي مصدر';
  const sources = countOf(n, SOURCES);
  return n % 100 >= 3 && n % 100 <= 10 ? `غطّته ${sources}` : `غطّاه ${sources}`;
}

/** The counted noun of coveredBy: «مصدر واحد»، «مصدران»، «3 مصادر»، «11 مصدرًا». */
export const SOURCES: CountedNoun = {
  zero: 'لا مصادر',
  one: 'مصدر واحد',
  two: 'مصدران',
  few: 'مصادر',
  many: 'مصدرًا',
  other: 'مصدر',
};
export const EVENTS: CountedNoun = {
  zero: 'لا أحداث',
  one: 'حدث واحد',
  two: 'حدثان',
  few: 'أحداث',
  many: 'حدثًا',
  other: 'حدث',
};
export const STEPS: CountedNoun = {
  zero: 'لا خطوات',
  one: 'خطوة واحدة',
  two: 'خطوتان',
  few: 'خطوات',
  many: 'خطوة',
  other: 'خطوة',
};
