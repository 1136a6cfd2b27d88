/**
 * The one name matcher: finds known names (every spelling of every actor) in a token list in one pass.
 * Names are kept in a hash index keyed by the core of their first word, so each token costs a few map
 * look-ups however many spellings the data holds, instead of a scan over every spelling. The ingest (who
 * an article names), the search index and the search query in the browser all use it, so they never
 * disagree on who is named. Browser-safe: no Node imports.
 *
 * Matching rules: a name's first word may carry proclitics in the text (و ف ب ك ل, and لل = ل + ال:
 * «لبوتين», «وبيونغ يانغ», «للكرملين»); the article ال of a name's first word is optional; the name's other
 * words must follow exactly (folded). At each word the longest name wins, and matches do not overlap.
 */
import { memoised } from './memo.ts';
import { readingsOf, type Token } from './tokens.ts';

export interface NameMatch<T> {
  /** Every value whose spelling matched here at the longest length (several when the data is ambiguous). */
  values: T[];
  /** Token range [first, last]. */
  first: number;
  last: number;
  /** Proclitic letters written onto the name's first word («ل» in «لبوتين», «و» in «والكرملين»), or "". */
  prefix: string;
}

interface Spelling<T> {
  rest: string[];
  value: T;
}

/** A first word without its article: الكرملين → كرملين (so لل/ال/none all meet). */
function core(word: string): string {
  return word.startsWith('ال') && word.length >= 4 ? word.slice(2) : word;
}

/** The proclitics a reading took off, without the article: "لل" (ل + ال) → "ل", "وال" → "و", "ال" → "". */
function procliticOf(folded: string, stem: string): string {
  let p = folded.slice(0, folded.length - stem.length);
  if (p.endsWith('لل')) p = p.slice(0, -1);
  else if (p.endsWith('ال')) p = p.slice(0, -2);
  return p;
}

/** Where a word may open a name: the spellings whose first word it is (read without some proclitics), and those proclitics. */
interface Opening<T> {
  bucket: Spelling<T>[];
  prefix: string;
}

export class NameIndex<T> {
  private readonly byCore = new Map<string, Spelling<T>[]>();
  private longest = 0;

  /**
   * The names a folded word may open, worked out once per distinct word (its readings, their cores, the
   * index's buckets): most words of a text open none, and then cost this one look-up.
   */
  private readonly openings = memoised(50_000, (folded: string): Opening<T>[] => {
    const out: Opening<T>[] = [];
    for (const reading of readingsOf(folded)) {
      // Only readings that take letters off the front (not the ة restored before a suffix).
      if (!folded.endsWith(reading.stem)) continue;
      const bucket = this.byCore.get(core(reading.stem));
      if (bucket) out.push({ bucket, prefix: procliticOf(folded, reading.stem) });
    }
    return out;
  });

  /** `spellings`: each a list of folded words and the value it stands for. */
  constructor(spellings: Iterable<{ words: readonly string[]; value: T }>) {
    for (const { words, value } of spellings) {
      if (words.length === 0) continue;
      const key = core(words[0]!);
      let bucket = this.byCore.get(key);
      if (!bucket) this.byCore.set(key, (bucket = []));
      bucket.push({ rest: words.slice(1), value });
      this.longest = Math.max(this.longest, words.length);
    }
    // Longest first within a bucket, so the first full match found at a word is the longest.
    for (const bucket of this.byCore.values()) bucket.sort((a, b) => b.rest.length - a.rest.length);
  }

  /** The match starting at token `i`, if any. */
  matchAt(tokens: readonly Token[], i: number): NameMatch<T> | null {
    const tok = tokens[i]!;
    let best: NameMatch<T> | null = null;
    let bestLen = 0;
    for (const { bucket, prefix } of this.openings(tok.folded)) {
      for (const s of bucket) {
        const len = s.rest.length + 1;
        if (len < bestLen) break;
        if (i + len > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < s.rest.length; k++) {
          if (tokens[i + 1 + k]!.folded !== s.rest[k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (!best || len > bestLen) {
          best = { values: [s.value], first: i, last: i + len - 1, prefix };
          bestLen = len;
        } else if (!best.values.includes(s.value)) {
          best.values.push(s.value);
        }
      }
    }
    return best;
  }

  /** Every name in `tokens`, left to right, longest at each word, without overlaps. */
  matchAll(tokens: readonly Token[]): NameMatch<T>[] {
    const out: NameMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.matchAt(tokens, i);
      if (m) {
        out.push(m);
        i = m.last + 1;
      } else i++;
    }
    return out;
  }
}
