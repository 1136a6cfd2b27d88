/**
 * The search itself, on top of Pagefind's answers: a SearchBackend says which documents hold a term
 * (src/search/pagefind-backend.ts: one Pagefind search per term, in the browser; src/search/index-build.ts
 * memoryBackend: the same records in memory, for tests), which ones the filters keep, and what a result
 * shows; this file makes tiers of them. Browser-safe.
 *
 * Results come in tiers, so a reader never meets a dead end and exact forms always come first:
 *   all      every unit matches exactly (the word's own readings, an actor, a date) — the main list;
 *   forms    every unit matches, some only by light stem or as a word begun — listed below the main
 *            list, or as the main list when nothing matches exactly;
 *   partial  no entry holds every unit: the entries holding most of them, ranked, with what each lacks;
 *   none     nothing at all: suggestions from the index's own vocabulary (edit distance).
 */
import { editDistance } from '../text/distance.ts';
import { foldArabic } from '../text/normalize.ts';
import {
  BEGUN, EXACT, LIGHT,
  type ParsedQuery, type SearchFragment, type SearchUnit,
} from './query.ts';
import type { SearchManifest } from './files.ts';

/**
 * Where the engine's answers come from. Documents are numbered n as the index lists them: entries
 * 0 … entries-1, oldest first, then actor pages.
 */
export interface SearchBackend {
  /** The documents whose record holds a term that `key` begins (src/search/terms.ts keyFinds). */
  docs(key: string): Promise<number[]>;
  /** The documents every filter keeps (filter name → value). */
  keep(filters: Record<string, string>): Promise<number[]>;
  /** What document n shows. */
  fragment(n: number): Promise<SearchFragment>;
  /** The vocabulary for suggestions of words beginning with the letter `cp`: [folded, as written, entries]. */
  vocab(cp: number): Promise<Array<[string, string, number]>>;
  /** Start loading what every search needs (optional). */
  prefetch?(): Promise<void>;
}

export interface Hit {
  n: number;
  /** Sum over units of their level (3 exact, 2 light, 1 begun). */
  score: number;
  /** How many units it matches. */
  matched: number;
  /** Texts of the units it lacks (partial results). */
  missing: string[];
}

export interface Suggestion {
  /** The query word it replaces, as typed. */
  word: string;
  /** Words of the index near it, as the texts write them, nearest first. */
  near: string[];
}

export interface Outcome {
  mode: 'all' | 'forms' | 'partial' | 'none' | 'filters';
  main: Hit[];
  /** Below the main list: entries that match only in other forms (mode "all"). */
  forms: Hit[];
  /** Actor pages that match every unit exactly. */
  actors: Hit[];
  suggestions: Suggestion[];
}

export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** A backend answer asked once per page and kept; a failed one is forgotten, so the next search asks again. */
function once<K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  let p = cache.get(key);
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export class SearchEngine {
  private terms = new Map<string, Promise<number[]>>();
  private fragments = new Map<number, Promise<SearchFragment>>();

  private readonly backend: SearchBackend;
  private readonly index: SearchManifest;

  constructor(backend: SearchBackend, index: SearchManifest) {
    this.backend = backend;
    this.index = index;
  }

  manifest(): SearchManifest {
    return this.index;
  }

  /** The documents holding a term that `term` (a key) begins: each key asked once per page. */
  postings(term: string): Promise<number[]> {
    return once(this.terms, term, () => this.backend.docs(term));
  }

  async prefetch(): Promise<void> {
    await this.backend.prefetch?.();
  }

  fragment(n: number): Promise<SearchFragment> {
    return once(this.fragments, n, () => this.backend.fragment(n));
  }


  /** Each document's level for one unit (with `exactOnly`, only its exact level: a subset of the answer). */
  private async levels(unit: SearchUnit, exactOnly = false): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    const set = (ids: Iterable<number>, level: number) => {
      for (const n of ids) if ((out.get(n) ?? 0) < level) out.set(n, level);
    };
    // The exact keys are asked first: Pagefind answers in turn, and exactFirst needs only them.
    const exact = Promise.all(unit.exact.map((t) => this.postings(t)));
    const [light, begun] = exactOnly
      ? [[], []]
      : await Promise.all([Promise.all(unit.light.map((t) => this.postings(t))), Promise.all(unit.begun.map((p) => this.postings(p)))]);
    begun.forEach((ids) => set(ids, BEGUN));
    light.forEach((ids) => set(ids, LIGHT));
    (await exact).forEach((ids) => set(ids, EXACT));
    return out;
  }

  /** The entries every filter keeps (null: no filter). */
  private async filtered(filters: Record<string, string>): Promise<Set<number> | null> {
    const used = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
    if (!Object.keys(used).length) return null;
    return new Set(await this.backend.keep(used));
  }

  /**
   * The main list and actor pages of the outcome, when it is an "all" one, from the exact lookups alone
   * (null when no entry matches every unit exactly): what `search` will answer for them, sooner, since
   * the light and begun lookups of a common word are as costly again. The page draws it first.
   */
  async exactFirst(parsed: ParsedQuery, filters: Record<string, string>, sort: SortOrder): Promise<Outcome | null> {
    if (!parsed.units.length) return null;
    const outcome = await this.search(parsed, filters, sort, true);
    return outcome.mode === 'all' ? { ...outcome, forms: [] } : null;
  }

  async search(parsed: ParsedQuery, filters: Record<string, string>, sort: SortOrder, exactOnly = false): Promise<Outcome> {
    const m = this.index;
    const [keep, perUnit] = await Promise.all([this.filtered(filters), Promise.all(parsed.units.map((u) => this.levels(u, exactOnly)))]);
    const outcome: Outcome = { mode: 'none', main: [], forms: [], actors: [], suggestions: [] };
    const order = (list: Hit[]) =>
      list.sort((a, b) =>
        sort === 'newest' ? b.n - a.n : sort === 'oldest' ? a.n - b.n : b.matched - a.matched || b.score - a.score || b.n - a.n,
      );
    if (!parsed.units.length) {
      if (keep) {
        outcome.mode = 'filters';
        outcome.main = order([...keep].filter((n) => n < m.entries).map((n) => ({ n, score: 0, matched: 0, missing: [] })));
      }
      return outcome;
    }
    const candidates = new Set<number>();
    for (const levels of perUnit) for (const n of levels.keys()) candidates.add(n);
    const all: Hit[] = [];
    const forms: Hit[] = [];
    const partial: Hit[] = [];
    for (const n of candidates) {
      const isEntry = n < m.entries;
      if (keep && (!isEntry || !keep.has(n))) continue;
      let score = 0;
      let matched = 0;
      let exact = true;
      const missing: string[] = [];
      perUnit.forEach((levels, i) => {
        const l = levels.get(n) ?? 0;
        score += l;
        if (l) matched++;
        else missing.push(parsed.units[i]!.text);
        if (l !== EXACT) exact = false;
      });
      const hit = { n, score, matched, missing };
      if (!isEntry) {
        if (exact) outcome.actors.push(hit);
      } else if (exact) all.push(hit);
      else if (matched === perUnit.length) forms.push(hit);
      else partial.push(hit);
    }
    outcome.actors.sort((a, b) => b.score - a.score || a.n - b.n);
    if (all.length) {
      outcome.mode = 'all';
      outcome.main = order(all);
      outcome.forms = order(forms);
    } else if (forms.length) {
      outcome.mode = 'forms';
      outcome.main = order(forms);
    } else if (partial.length) {
      outcome.mode = 'partial';
      // Most units first, whatever the sort: the reader asked for all of them.
      outcome.main = order(partial).sort((a, b) => b.matched - a.matched);
    } else if (!exactOnly) {
      outcome.suggestions = await this.suggest(parsed.units.filter((u, i) => u.kind === 'word' && perUnit[i]!.size === 0));
    }
    return outcome;
  }

  /** Words of the index nearest each unit's word (edit distance on folded forms, at most a third of its length). */
  async suggest(units: SearchUnit[], limit = 3): Promise<Suggestion[]> {
    const m = this.index;
    const out: Suggestion[] = [];
    for (const u of units) {
      const word = foldArabic(u.text).replace(/\s+/g, '');
      if (word.length < 3) continue;
      const cp = word.codePointAt(0)!;
      if (!m.vocab.includes(cp)) continue;
      const list = await this.backend.vocab(cp);
      const max = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
      const near = list
        .map(([folded, written, docs]) => ({ written, docs, d: editDistance(word, folded, max) }))
        .filter((c) => c.d <= max && c.d > 0)
        .sort((a, b) => a.d - b.d || b.docs - a.docs)
        .slice(0, limit)
        .map((c) => c.written);
      if (near.length) out.push({ word: u.text, near: [...new Set(near)] });
    }
    return out;
  }
}

export { EXACT, LIGHT, BEGUN };
