/**
 * Word tokens with their offsets in the original text, and phrase matching on folded tokens.
 * Matching works on folded forms (src/lib/arabic.ts) so spelling variants meet; offsets let a
 * stage cut the original wording out of the text unchanged.
 */
import { foldArabic } from '../lib/arabic.ts';

export interface Token {
  /** The word as written. */
  text: string;
  /** Its folded form (see foldArabic). */
  folded: string;
  /** Offsets in the source string: [start, end). */
  start: number;
  end: number;
}

// Letters, digits, combining marks (harakat) and tatweel make up a word; anything else separates.
const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldArabic(m[0]);
    if (!folded) continue;
    // foldArabic may split a token (e.g. a Latin letter with a mark): keep the first word of it.
    out.push({ text: m[0], folded: folded.split(' ').join(''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Fold a phrase into the token forms it must match. */
export function phraseTokens(phrase: string): string[] {
  const folded = foldArabic(phrase);
  return folded ? folded.split(' ') : [];
}

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

/** Split text into sentences with their offsets. */
export function sentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (const end of [...sentenceEnds(text), text.length]) {
    if (end <= start) continue;
    const slice = text.slice(start, end);
    if (slice.trim()) out.push({ text: slice, start, end });
    start = end;
  }
  return out;
}

/** Count words the way an editor would: runs of letters or digits. */
export function wordCount(text: string): number {
  return tokenize(text).length;
}
