/**
 * The one tokenizer. The ingest's analysis of an article, the search index and the search query in the
 * browser all split text into words here, so the entry page and search never disagree on what a word is.
 * Each token keeps its span in the source (so a stage can cut the original wording out unchanged), its
 * folded form (src/text/normalize.ts) and, on demand, its readings (proclitics and article taken off, ة
 * restored). Folding and readings are memoised per distinct word: news text repeats its words, and this
 * is what keeps the ingest fast. Browser-safe: no Node imports.
 */
import { memoised } from './memo.ts';
import { foldArabic, isFolded, wordReadings, type WordReading } from './normalize.ts';

export interface Token {
  /** The word exactly as written. */
  text: string;
  /** Its folded form (foldArabic), one word. */
  folded: string;
  /** Offsets in the source string: [start, end). */
  start: number;
  end: number;
}

// A word: letters, digits, combining marks (harakat), tatweel, and the invisible format characters
// (ZWJ, ZWNJ, ZWSP, bidi controls, soft hyphen) that scraped text leaves inside words: folding drops them,
// so "بو\u200Bتين" is one word, بوتين.
const WORD_RE = /[\p{L}\p{N}\p{M}\u0640\p{Cf}]+/gu;

/** The folded word(s) of one written word. Usually one; a ligature may expand to several. */
const foldWord = memoised(200_000, (word: string): string[] => {
  const f = foldArabic(word);
  return f ? f.split(' ') : [];
});

/** Every reading of a folded word (wordReadings). */
export const readingsOf: (folded: string) => WordReading[] = memoised(200_000, wordReadings);

/**
 * Split a text into word tokens with their offsets. A written word whose folding gives several words
 * (a ligature) gives several tokens with the same span. Every stage of the ingest reads the same
 * paragraphs (names, dates, people, claims): each text is tokenized once and the token list shared, so
 * callers must treat it as read-only.
 */
export const tokenize: (text: string) => Token[] = memoised(512, tokenizeUncached);

function tokenizeUncached(text: string): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isFolded(m[0])) out.push({ text: m[0], folded: m[0], start, end });
    else for (const folded of foldWord(m[0])) out.push({ text: m[0], folded, start, end });
  }
  return out;
}

/** Fold a phrase into the token forms it must match. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.folded);
}

const COUNTED_WORD_RE = /(?!\u0640)[\p{L}\p{N}][\p{L}\p{N}\p{M}\u0640\p{Cf}]*/gu;

/** Count words the way an editor would: runs of letters or digits (no folding needed to count them). */
export const wordCount: (text: string) => number = memoised(2048, (text: string) => {
  COUNTED_WORD_RE.lastIndex = 0;
  let n = 0;
  while (COUNTED_WORD_RE.exec(text) !== null) n++;
  return n;
});

/**
 * Proclitics an Arabic word may carry before a name or a word: و ف ب ل ك and their pairs.
 * "لل" stands for ل + ال ("للكرملين").
 */
export const NAME_PREFIXES = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك'];
/** Prefixes a verb may carry: و ف ("وأضاف", "فقال"). */
export const VERB_PREFIXES = ['', 'و', 'ف'];

/** Does a folded token equal a folded word, allowing one of `prefixes` in front? */
export function tokenMatches(token: string, word: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) {
    if (token === p + word) return true;
    // ل + ال → لل: "للرئيس" is ل + "الرئيس".
    if (word.startsWith('ال') && (p === 'ل' || p === 'ول' || p === 'فل') && token === p + 'ل' + word.slice(2)) return true;
  }
  return false;
}

/** Does the phrase (folded tokens) occur at position `at`? Only its first word may carry a prefix. */
export function phraseAt(tokens: readonly Token[], at: number, phrase: readonly string[], prefixes: readonly string[]): boolean {
  if (phrase.length === 0 || at + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const tok = tokens[at + k]!.folded;
    const word = phrase[k]!;
    if (k === 0 ? !tokenMatches(tok, word, prefixes) : tok !== word) return false;
  }
  return true;
}

/** Punctuation marks that end a sentence; a dot between digits (1.5) does not. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?؟]+(?=\s|$|["»”'])/g)) {
    const before = text[m.index - 1] ?? '';
    if (/\d/.test(before) && /\d/.test(text[m.index + m[0].length] ?? '')) continue;
    ends.push(m.index + m[0].length);
  }
  return ends;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Split text into sentences with their offsets. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const end of [...sentenceEnds(text), text.length]) {
    if (end <= start) continue;
    const slice = text.slice(start, end);
    if (slice.trim()) out.push({ text: slice, start, end });
    start = end;
  }
  return out;
}

/**
 * A set of single folded words, each with a value, looked up in O(1) per token with its proclitics: the
 * hash version of `tokenMatches(token, word, prefixes)` for every word of the set at once. A lexicon of
 * speech verbs, weekdays or roles costs one map look-up per token (every prefixed form is listed), not a scan of every word.
 */
export class WordLexicon<T> {
  /** Every written form a token may take (a word with each allowed prefix in front) and the word's value. */
  private readonly forms = new Map<string, T>();

  constructor(entries: Iterable<readonly [string, T]>, prefixes: readonly string[] = ['']) {
    const words = new Map<string, T>();
    for (const [word, value] of entries) if (word && !words.has(word)) words.set(word, value);
    // Shortest prefix first, and for each the word itself before ل + ال → لل: the first form made wins,
    // so a word that is itself in the set wins over a reading that strips letters.
    const ordered = [...new Set(['', ...prefixes])].sort((a, b) => a.length - b.length);
    const add = (form: string, value: T) => {
      if (value !== undefined && !this.forms.has(form)) this.forms.set(form, value);
    };
    for (const p of ordered) {
      for (const [word, value] of words) add(p + word, value);
      // ل + ال → لل: "للرئيس" is ل + "الرئيس".
      if (p === 'ل' || p === 'ول' || p === 'فل') for (const [word, value] of words) if (word.startsWith('ال')) add(p + word.slice(1), value);
    }
  }

  /** The value of the word `token` is (with an allowed prefix in front), or undefined. */
  get(token: string): T | undefined {
    return this.forms.get(token);
  }

  has(token: string): boolean {
    return this.get(token) !== undefined;
  }
}
