/**
 * The search itself, over the static index of src/search/index-build.ts: fetches only the buckets a
 * query's terms live in, the filters' postings and, for the results drawn, their fragments.
 * `load` fetches one index file (relative to search-data/) as parsed JSON: fetch() in the browser, the
 * file system or a Map in tests. Browser-safe.
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
  BEGUN, bucketOf, decodePostings, EXACT, filterTerm, LIGHT, termKey, wordOfTerm,
  type ParsedQuery, type SearchFragment, type SearchManifest, type SearchUnit,
} from './query.ts';

export type Loader = (file: string) => Promise<unknown>;

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

export class SearchEngine {
  private manifestP?: Promise<SearchManifest>;
  private buckets = new Map<number, Promise<Record<string, string>>>();
  private decoded = new Map<string, number[]>();
  private fragments = new Map<number, Promise<SearchFragment>>();

  constructor(private readonly load: Loader, manifest?: SearchManifest) {
    if (manifest) this.manifestP = Promise.resolve(manifest);
  }

  manifest(): Promise<SearchManifest> {
    return (this.manifestP ??= this.load('manifest.json') as Promise<SearchManifest>);
  }

  private async bucket(key: string): Promise<Record<string, string>> {
    const m = await this.manifest();
    const n = bucketOf(key, m.buckets);
    let b = this.buckets.get(n);
    if (!b) {
      b = this.load(`b/${n}.json?v=${m.build}`) as Promise<Record<string, string>>;
      this.buckets.set(n, b);
    }
    return b;
  }

  private decode(term: string, raw: string | undefined): number[] {
    let ids = this.decoded.get(term);
    if (!ids) {
      ids = decodePostings(raw ?? '');
      this.decoded.set(term, ids);
    }
    return ids;
  }

  async postings(term: string): Promise<number[]> {
    return this.decode(term, (await this.bucket(termKey(term)))[term]);
  }

  /** Documents with a word that `prefix` begins (and is not): the "words begun" level. */
  async begun(prefix: string): Promise<Set<number>> {
    const b = await this.bucket(termKey(prefix));
    const out = new Set<number>();
    for (const [term, raw] of Object.entries(b)) {
      const w = wordOfTerm(term);
      if (w && w.length > prefix.length && w.startsWith(prefix)) for (const n of this.decode(term, raw)) out.add(n);
    }
    return out;
  }

  private all?: Promise<SearchFragment[]>;

  /** Start loading what results will need before there are any (the one fragments file of a small site). */
  async prefetch(): Promise<void> {
    const m = await this.manifest();
    if (m.fragments === 'one') this.all ??= this.load(`f/all.json?v=${m.build}`) as Promise<SearchFragment[]>;
  }

  fragment(n: number): Promise<SearchFragment> {
    let f = this.fragments.get(n);
    if (!f) {
      f = this.manifest().then(async (m) => {
        if (m.fragments === 'one') {
          this.all ??= this.load(`f/all.json?v=${m.build}`) as Promise<SearchFragment[]>;
          return (await this.all)[n]!;
        }
        return this.load(`f/${n}.json?v=${m.build}`) as Promise<SearchFragment>;
      });
      this.fragments.set(n, f);
    }
    return f;
  }

  /** Each document's level for one unit. */
  private async levels(unit: SearchUnit): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    const set = (ids: Iterable<number>, level: number) => {
      for (const n of ids) if ((out.get(n) ?? 0) < level) out.set(n, level);
    };
    const [exact, light, begun] = await Promise.all([
      Promise.all(unit.exact.map((t) => this.postings(t))),
      Promise.all(unit.light.map((t) => this.postings(t))),
      Promise.all(unit.begun.map((p) => this.begun(p))),
    ]);
    begun.forEach((ids) => set(ids, BEGUN));
    light.forEach((ids) => set(ids, LIGHT));
    exact.forEach((ids) => set(ids, EXACT));
    return out;
  }

  /** The entries every filter keeps (null: no filter). */
  private async filtered(filters: Record<string, string>): Promise<Set<number> | null> {
    const keys = Object.entries(filters).filter(([, v]) => v);
    if (!keys.length) return null;
    const lists = await Promise.all(keys.map(([k, v]) => this.postings(filterTerm(k, v))));
    let keep = new Set(lists[0]);
    for (const l of lists.slice(1)) {
      const s = new Set(l);
      keep = new Set([...keep].filter((n) => s.has(n)));
    }
    return keep;
  }

  async search(parsed: ParsedQuery, filters: Record<string, string>, sort: SortOrder): Promise<Outcome> {
    const m = await this.manifest();
    const [keep, perUnit] = await Promise.all([this.filtered(filters), Promise.all(parsed.units.map((u) => this.levels(u)))]);
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
    } else {
      outcome.suggestions = await this.suggest(parsed.units.filter((u, i) => u.kind === 'word' && perUnit[i]!.size === 0));
    }
    return outcome;
  }

  /** Words of the index nearest each unit's word (edit distance on folded forms, at most a third of its length). */
  async suggest(units: SearchUnit[], limit = 3): Promise<Suggestion[]> {
    const m = await this.manifest();
    const out: Suggestion[] = [];
    for (const u of units) {
      const word = foldArabic(u.text).replace(/\s+/g, '');
      if (word.length < 3) continue;
      const cp = word.codePointAt(0)!;
      if (!m.vocab.includes(cp)) continue;
      const list = (await this.load(`v/${cp}.json?v=${m.build}`)) as Array<[string, string, number]>;
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
