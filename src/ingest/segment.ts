/**
 * Stage 2: text → numbered lines. Every line keeps its 1-based number in the seed, so what is
 * cut can be accounted for by line.
 */
import { persianToArabicLetters } from '../text/normalize.ts';

export interface Line {
  /** 1-based line number in the seed file. */
  no: number;
  /** The line as written (trailing spaces trimmed). */
  raw: string;
  /** The line with Persian letters in Arabic words made Arabic, trimmed: what readers see. */
  text: string;
}

export function segmentLines(text: string): Line[] {
  return text.split('\n').map((raw, i) => ({
    no: i + 1,
    raw: raw.trimEnd(),
    // No-break and other odd spaces are spacing, not wording: one plain space.
    text: persianToArabicLetters(raw).replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').trim(),
  }));
}
