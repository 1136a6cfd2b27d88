/**
 * What the search index stores and what a query looks up, built from ONE tokenizer and name matcher (src/text/)
 * on both sides: the index builder (src/integrations/search-index.ts, at build time, in Node) and the
 * search page (src/search/client.ts, in the browser). No imports but src/text/: this file is bundled
 * for the browser.
 *
 * Pagefind matches index words by prefix and stems Arabic its own way (measured: القمة, والكرملين and
 * قمته do not meet, and تاس finds تأسيس). So the index holds TERMS, not words: `<payload>ـ<kind>`, a
 * payload that never holds a tatweel (ـ, which folding removes from words), then a tatweel and the kind
 * letters. Every lookup is a KEY that begins the terms it finds (Pagefind's prefix search; quoting would
 * turn it off): a key ends in ـ or a kind letter, so a key of one payload never begins another payload's term:
 *   - WORD terms  `<stem>ـwb` : the bare readings of a word (the word itself, or without its article);
 *   - STEM terms  `<stem>ـwp` : its other readings (after a proclitic: وبيونج → بيونج, يونج);
 *     the key `<stem>ـw` (readingKey) begins both: any reading; the term itself, only that kind;
 *   - ACTOR terms `<id>ـa`    : one per mention of a person, place or organisation, in any spelling
 *     that content/actors.yaml lists (Arabic variants, Latin names), multi-word spellings included; the
 *     id's hyphens written as ء (kim-jong-un → kimءjongءunـa), so no id's term begins another's.
 * (src/search/query.ts adds light and date terms of the same shape.)
 */
import { NameIndex } from '../text/names.ts';
import { readingsOf, tokenize, type Token } from '../text/tokens.ts';

/** The separator before a term's kind (tatweel: never left in a folded word). */
export const END = '\u0640';

/** A word's bare reading. */
export function wordTerm(stem: string): string {
  return `${stem}${END}wb`;
}
/** A reading after a proclitic. */
export function stemTerm(stem: string): string {
  return `${stem}${END}wp`;
}
/** The key of any reading `stem`: it begins the word and the stem term of that stem, nothing else. */
export function readingKey(stem: string): string {
  return `${stem}${END}w`;
}
export function actorTerm(id: string): string {
  return `${id.replace(/-/g, '\u0621')}${END}a`;
}

/** Whether a key finds a term: it begins it (Pagefind's prefix search). */
export function keyFinds(key: string, term: string): boolean {
  return term.startsWith(key);
}

/** The actor data the search needs, as generated at build time from content/actors.yaml. */
export interface AliasActor {
  id: string;
  kind: 'person' | 'place' | 'organisation';
  name_ar: string;
  name_en: string;
}
export interface AliasTable {
  actors: AliasActor[];
  /** Every spelling of every actor as folded words, longest first: [actor id, words]. */
  spellings: Array<[id: string, words: string[]]>;
  /**
   * One-word short forms (كيم, Kim), folded, grouped by actor. They never make an actor mention, but a
   * query word that is one of them also looks for the others: Kim finds كيم.
   */
  shortForms: string[][];
}

/** Minimal shape of an actor record (src/lib/entry-schema.ts actorSchema) that the alias table reads. */
export interface ActorSpellings extends AliasActor {
  variants?: string[];
  latin?: string[];
  short?: string[];
}

/**
 * The alias table: every Arabic variant, Latin name and the two display names of each actor, folded
 * into words. `short` forms (كيم alone) are left out on purpose: they name an actor only in context.
 */
export function buildAliasTable(actors: ActorSpellings[]): AliasTable {
  const spellings: Array<[string, string[]]> = [];
  const seen = new Map<string, string>();
  for (const actor of actors) {
    for (const spelling of [actor.name_ar, actor.name_en, ...(actor.variants ?? []), ...(actor.latin ?? [])]) {
      const words = tokenize(spelling).map((w) => w.folded);
      if (!words.length) continue;
      const key = words.join(' ');
      const owner = seen.get(key);
      if (owner && owner !== actor.id) {
        throw new Error(`content/actors.yaml: the spelling "${spelling}" belongs to both ${owner} and ${actor.id}`);
      }
      if (owner) continue;
      seen.set(key, actor.id);
      spellings.push([actor.id, words]);
    }
  }
  spellings.sort((a, b) => b[1].length - a[1].length || b[1].join(' ').length - a[1].join(' ').length);
  const shortForms = actors
    .map((a) => [...new Set((a.short ?? []).map((form) => tokenize(form).map((w) => w.folded)).filter((w) => w.length === 1).map((w) => w[0]!))])
    .filter((forms) => forms.length > 1);
  return {
    actors: actors.map(({ id, kind, name_ar, name_en }) => ({ id, kind, name_ar, name_en })),
    spellings,
    shortForms,
  };
}

/** A mention of an actor: which actor, and which words (indexes into the word list) spell it. */
export interface ActorMention {
  id: string;
  first: number;
  last: number;
}

const indexes = new WeakMap<AliasTable, NameIndex<string>>();

/**
 * Find actor mentions in a word list with the shared name matcher (src/text/names.ts), longest spelling
 * first, without overlaps: لبوتين, وبيونج يانج and للكرملين all count.
 */
export function findMentions(words: Token[], table: AliasTable): ActorMention[] {
  let index = indexes.get(table);
  if (!index) {
    index = new NameIndex(table.spellings.map(([id, words]) => ({ words, value: id })));
    indexes.set(table, index);
  }
  const mentions: ActorMention[] = [];
  for (const m of index.matchAll(words)) {
    // A spelling two actors share is refused when the table is built, so one value is one actor.
    mentions.push({ id: m.values[0]!, first: m.first, last: m.last });
  }
  return mentions;
}

/** The terms one text word contributes to the index: a word term per bare reading, a stem term per other one. */
export function termsOfWord(folded: string): string[] {
  return [...new Set(readingsOf(folded).map((r) => (r.bare ? wordTerm(r.stem) : stemTerm(r.stem))))];
}

/**
 * The index content of a searchable text: the terms of every word, in order, and an actor term after
 * each mention. Space-separated, as Pagefind reads a record's content.
 */
export function indexContent(text: string, table: AliasTable): string {
  const words = tokenize(text);
  const mentionEnds = new Map<number, string[]>();
  for (const m of findMentions(words, table)) {
    mentionEnds.set(m.last, [...(mentionEnds.get(m.last) ?? []), actorTerm(m.id)]);
  }
  const out: string[] = [];
  words.forEach((w, i) => {
    out.push(...termsOfWord(w.folded));
    out.push(...(mentionEnds.get(i) ?? []));
  });
  return out.join(' ');
}

/** The actor ids a text mentions (for the index's actor filter and for tests). */
export function mentionedActors(text: string, table: AliasTable): string[] {
  return [...new Set(findMentions(tokenize(text), table).map((m) => m.id))];
}

/**
 * One part of a query that a result must match: an actor (any of its spellings) or a word (any of its
 * readings). `terms` are the KEYS looked up in the index (each finds the terms it begins), any one is
 * enough; every unit must match.
 */
export type QueryUnit =
  | { kind: 'actor'; id: string; text: string; terms: string[] }
  | { kind: 'word'; text: string; terms: string[] };

/** Break a query into units: actor spellings first (longest), then the remaining words. */
export function parseQuery(query: string, table: AliasTable): QueryUnit[] {
  const words = tokenize(query);
  const mentions = findMentions(words, table);
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  const push = (unit: QueryUnit) => {
    const key = unit.terms.join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      units.push(unit);
    }
  };
  let i = 0;
  for (const m of [...mentions, undefined]) {
    const until = m ? m.first : words.length;
    for (; i < until; i++) {
      const w = words[i]!;
      // The query's bare readings meet any reading of a text word; a reading the query has after a
      // proclitic meets only a text's bare readings (وبيونج finds بيونج, never a second proclitic off it).
      const terms = readingsOf(w.folded).map((r) => (r.bare ? readingKey(r.stem) : wordTerm(r.stem)));
      for (const forms of table.shortForms) {
        if (forms.includes(w.folded)) terms.push(...forms.filter((f) => f !== w.folded).map(readingKey));
      }
      push({ kind: 'word', text: w.text, terms: [...new Set(terms)] });
    }
    if (m) {
      const text = query.slice(words[m.first]!.start, words[m.last]!.end);
      push({ kind: 'actor', id: m.id, text, terms: [actorTerm(m.id)] });
      i = m.last + 1;
    }
  }
  return units;
}

/** A stretch of a text to highlight: [start, end) UTF-16 offsets into the original text. */
export type Range = [start: number, end: number];

/**
 * Where a query's units match in an original text, with the index's own rules: a word matches when its
 * index terms include one of the unit's terms; an actor when one of its spellings covers those words.
 * The excerpt is built from the original text with these ranges, so readers never see folded text.
 */
export function matchRanges(text: string, units: QueryUnit[], table: AliasTable): Range[] {
  const words = tokenize(text);
  const keys = units.flatMap((u) => u.terms);
  const ranges: Range[] = [];
  words.forEach((w) => {
    if (termsOfWord(w.folded).some((t) => keys.some((k) => keyFinds(k, t)))) ranges.push([w.start, w.end]);
  });
  for (const m of findMentions(words, table)) {
    if (keys.some((k) => keyFinds(k, actorTerm(m.id)))) ranges.push([words[m.first]!.start, words[m.last]!.end]);
  }
  return mergeRanges(ranges);
}

/** Ranges in text order, overlapping ones merged (a word inside an actor mention), so marks never nest. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Whether an index content (indexContent) matches every unit of a query: the rule the browser applies with Pagefind. */
export function contentMatches(content: string, units: QueryUnit[]): boolean {
  const terms = content.split(' ');
  return units.length > 0 && units.every((u) => u.terms.some((k) => terms.some((t) => keyFinds(k, t))));
}
