/**
 * The search's terms and query units, shared by the record builder (src/search/index-build.ts, Node) and
 * the search page (src/search/client.ts, browser): the term kinds Pagefind indexes (src/search/terms.ts
 * for their shape), the manifest the page inlines, and a query broken into units with three levels of match:
 *   exact   the word's own readings (src/search/terms.ts: word and stem terms), an actor, a date;
 *   light   the light stem (src/search/stem.ts: Snowball's Arabic stemmer): اتفاقية meets اتفاقيات;
 *   begun   a query word of 3 letters or more begins a word of the text: بوت → بوتين.
 * Each level is a list of KEYS, and a key finds the terms it begins (Pagefind's prefix search): a reading
 * key `<stem>ـw` finds both reading terms of that stem, a light key `<stem>ـ` those and the light term,
 * a bare prefix `بوت` every term of a word it begins. So words begun and light stems need no terms but
 * the light terms of words whose light stem is not one of their readings.
 * Browser-safe: imports only src/text/ and src/search/ modules that are.
 */
import { readingsOf, tokenize } from '../text/tokens.ts';
import { lightStem } from './stem.ts';
import { memoised } from '../text/memo.ts';
import { END, keyFinds, matchRanges, mergeRanges, parseQuery, termsOfWord, type AliasTable, type QueryUnit, type Range } from './terms.ts';

/** A LIGHT term: a light stem. */
export function lightTerm(stem: string): string {
  return `${stem}${END}l`;
}
/** A DATE term: a year (2023) or a year and month (2023-09, written 2023ء09). */
export const dateTerm = (value: string) => `${value.replace(/-/g, '\u0621')}${END}d`;
/** A MONTH term: the month of any year (09). */
export const monthTerm = (mm: string) => `${mm}${END}m`;

/** The key of a light stem's level: it begins the light term and every reading term of that stem. */
export function lightKey(stem: string): string {
  return `${stem}${END}`;
}

/** The shortest query word whose begun words are looked up (ال counts twice: its words are too many). */
export function canBegin(prefix: string): boolean {
  return prefix.length >= (prefix.startsWith('ال') ? 5 : 3) && !/^\d+$/.test(prefix);
}

/** What a result shows (search-data/d/<n>.json). */
export interface SearchFragment {
  kind: 'entry' | 'actor';
  /** Site path without the base ("entries/x/"). */
  url: string;
  title: string;
  /** The original text to cut the excerpt from (entries: the article text; actors: name, Latin name, role). */
  text: string;
  date?: string;
  outlet?: string;
  source?: string;
  actor?: string;
}

export const MONTHS: Array<[mm: string, names: string[]]> = [
  ['01', ['يناير', 'كانون الثاني', 'january', 'jan']],
  ['02', ['فبراير', 'شباط', 'february', 'feb']],
  ['03', ['مارس', 'آذار', 'march']],
  ['04', ['أبريل', 'ابريل', 'إبريل', 'نيسان', 'april', 'apr']],
  ['05', ['مايو', 'أيار', 'may']],
  ['06', ['يونيو', 'يونيه', 'حزيران', 'june', 'jun']],
  ['07', ['يوليو', 'يوليه', 'تموز', 'july', 'jul']],
  ['08', ['أغسطس', 'آب', 'august', 'aug']],
  ['09', ['سبتمبر', 'أيلول', 'september', 'sept', 'sep']],
  ['10', ['أكتوبر', 'تشرين الأول', 'october', 'oct']],
  ['11', ['نوفمبر', 'تشرين الثاني', 'november', 'nov']],
  ['12', ['ديسمبر', 'كانون الأول', 'december', 'dec']],
];
/** Arabic month names as the site writes them, for the month filter. */
export const MONTH_LABELS: Record<string, string> = Object.fromEntries(MONTHS.map(([mm, names]) => [mm, names[0]!]));

const monthWords = new Map<string, string>();
for (const [mm, names] of MONTHS) {
  for (const n of names) monthWords.set(tokenize(n).map((t) => t.folded).join(' '), mm);
}

/** A part of a query with its three levels of match. */
export interface SearchUnit {
  kind: 'word' | 'actor' | 'date';
  /** As the reader typed it. */
  text: string;
  /** Keys (src/search/terms.ts keyFinds), each level's: any one found is that level. */
  exact: string[];
  light: string[];
  /** Bare readings (3 letters or more): as keys, they find every term of a word they begin. */
  begun: string[];
}

export interface ParsedQuery {
  units: SearchUnit[];
  /** The units as src/search/terms.ts sees them (for highlighting actor spellings). */
  base: QueryUnit[];
}

const YEAR = /^(19|20)\d\d$/;

/**
 * Break a query into units: dates first (سبتمبر 2023، أيلول 2023، 9/2023، 2023-09، a month alone, a year),
 * then actor spellings and words (src/search/terms.ts parseQuery), each with its light and begun forms.
 */
export function parseSearch(query: string, table: AliasTable): ParsedQuery {
  const tokens = tokenize(query);
  const units: SearchUnit[] = [];
  const blank = new Set<number>();
  const between = (i: number) => query.slice(tokens[i]!.end, tokens[i + 1]!.start);
  for (let i = 0; i < tokens.length; i++) {
    if (blank.has(i)) continue;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // 9/2023, 09-2023, 2023/9, 2023-09
    if (next && /^\s*[/\-.]\s*$/.test(between(i))) {
      const [a, b] = [t.folded, next.folded];
      const mmYear: [string, string] | null = /^\d{1,2}$/.test(a) && YEAR.test(b) ? [a, b] : YEAR.test(a) && /^\d{1,2}$/.test(b) ? [b, a] : null;
      if (mmYear && Number(mmYear[0]) >= 1 && Number(mmYear[0]) <= 12) {
        const mm = mmYear[0].padStart(2, '0');
        units.push({ kind: 'date', text: query.slice(t.start, next.end), exact: [dateTerm(`${mmYear[1]}-${mm}`)], light: [], begun: [] });
        blank.add(i).add(i + 1);
        continue;
      }
    }
    // A month name (one or two words, with في / ب / ال before it), and the year after it when there is one.
    let mm: string | undefined;
    let last = i;
    const two = next ? `${t.folded} ${next.folded}` : '';
    if (two && monthWords.has(two)) {
      mm = monthWords.get(two);
      last = i + 1;
    } else {
      for (const r of readingsOf(t.folded)) {
        mm = monthWords.get(r.stem);
        if (mm) break;
      }
    }
    if (mm) {
      const y = tokens[last + 1];
      if (y && YEAR.test(y.folded)) {
        units.push({ kind: 'date', text: query.slice(t.start, y.end), exact: [dateTerm(`${y.folded}-${mm}`)], light: [], begun: [] });
        for (let k = i; k <= last + 1; k++) blank.add(k);
      } else {
        units.push({ kind: 'date', text: query.slice(t.start, tokens[last]!.end), exact: [monthTerm(mm)], light: [], begun: [] });
        for (let k = i; k <= last; k++) blank.add(k);
      }
    }
  }
  // The rest of the query, with the dates blanked out (offsets kept), goes through the actor and word parser.
  let rest = query;
  for (const i of blank) {
    const t = tokens[i]!;
    rest = rest.slice(0, t.start) + ' '.repeat(t.end - t.start) + rest.slice(t.end);
  }
  const base = parseQuery(rest, table);
  for (const u of base) {
    if (u.kind === 'actor') {
      units.push({ kind: 'actor', text: u.text, exact: u.terms, light: [], begun: [] });
      continue;
    }
    const folded = tokenize(u.text).map((t) => t.folded);
    const readings = folded.flatMap((f) => readingsOf(f));
    const exact = [...u.terms];
    // A year is also the entries dated in it.
    if (folded.length === 1 && YEAR.test(folded[0]!)) exact.push(dateTerm(folded[0]!));
    const light = [...new Set(readings.flatMap((r) => lightKeys(r.stem, r.bare)))].filter((t) => !exact.includes(t));
    const begun = [...new Set(readings.filter((r) => r.bare && canBegin(r.stem)).map((r) => r.stem))];
    units.push({ kind: 'word', text: u.text, exact, light, begun });
  }
  return { units, base };
}

/** Match levels, best first: a unit's level in a document is the best of its terms. */
export const EXACT = 3;
export const LIGHT = 2;
export const BEGUN = 1;

const ARABIC = /^[\u0621-\u064A]+$/;

/**
 * Every term one folded word of a text gives the index: its reading terms and, for each reading whose
 * light stem is not itself a reading of the word, a light term (most names and short words are their own
 * light stem: the light key finds their reading terms). Words begun need no terms: Pagefind's prefix
 * search finds them among these. Memoised: a corpus repeats its words.
 */
export const wordIndexTerms: (folded: string) => readonly string[] = memoised(200_000, (folded: string) => {
  const out = termsOfWord(folded);
  const readings = new Set(readingsOf(folded).map((r) => r.stem));
  for (const r of readings) {
    const light = lightStem(r);
    if (!readings.has(light) && !out.includes(lightTerm(light))) out.push(lightTerm(light));
  }
  return out;
});

/**
 * The key a query reading's light level looks up (none for a word that is not Arabic letters: it is its own
 * stem). A bare reading that is its own light stem asks for the light term alone: its reading terms are the
 * exact level's already, and a key that finds only one term makes Pagefind materialise far fewer records.
 */
export function lightKeys(stem: string, bare = false): string[] {
  if (!ARABIC.test(stem)) return [];
  const light = lightStem(stem);
  return [bare && light === stem ? lightTerm(light) : lightKey(light)];
}

/**
 * Where the query matches an original text, at any level, for <mark>: a word whose terms meet a unit's
 * exact or light terms, or that a unit's begun form begins; an actor mention of a unit's actor.
 */
export function searchRanges(text: string, parsed: ParsedQuery, table: AliasTable): Range[] {
  const words = tokenize(text);
  // A word matches a unit's exact or light level when its index terms meet the unit's terms: the index's own rule.
  const keys = parsed.units.flatMap((u) => [...u.exact, ...u.light, ...u.begun]);
  // A light stem begins with its reading's first two letters: only the words that could meet a light key
  // are light-stemmed (the stemmer is the slow part of drawing results).
  const lightStarts = new Set(parsed.units.flatMap((u) => u.light.map((k) => k.slice(0, 2))));
  const finds = (terms: readonly string[]) => terms.some((t) => keys.some((k) => keyFinds(k, t)));
  const ranges: Range[] = matchRanges(text, parsed.base, table);
  for (const w of words) {
    const hit =
      finds(termsOfWord(w.folded)) ||
      (lightStarts.size > 0 && readingsOf(w.folded).some((r) => lightStarts.has(r.stem.slice(0, 2))) && finds(wordIndexTerms(w.folded)));
    if (hit) ranges.push([w.start, w.end]);
  }
  return mergeRanges(ranges);
}
