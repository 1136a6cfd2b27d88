/**
 * Arabic text normalisation, shared by the ingest (actor matching), the search index and the
 * search query in the browser. Pure functions, no imports: this file is bundled for the browser.
 */

/** Persian/Urdu letters that scraped Arabic text often carries, mapped to the Arabic letters readers mean. */
const PERSIAN_TO_ARABIC: Record<string, string> = {
  '\u06A9': '\u0643', // ک keheh → ك kaf
  '\u06CC': '\u064A', // ی farsi yeh → ي yeh
  '\u06C0': '\u0647\u0654', // ۀ → هٔ
  '\u06D5': '\u0647', // ە ae → ه
};

/**
 * For displayed text: replace Persian letters inside Arabic words with their Arabic counterparts,
 * and change nothing else of the wording.
 */
export function persianToArabicLetters(text: string): string {
  return text.replace(/[\u06A9\u06CC\u06C0\u06D5]/g, (ch) => PERSIAN_TO_ARABIC[ch] ?? ch);
}

// Harakat (fathatan … sukun), superscript alef, Quranic marks, and tatweel.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Invisible format characters that split words in scraped text (ZWNJ, ZWJ, LRM/RLM, bidi controls, BOM).
const FORMAT_CHARS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;

const LETTER_FOLDS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ؤ': 'و',
  'ئ': 'ي', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه',
  'ک': 'ك', 'گ': 'ك',
  'پ': 'ب', 'چ': 'ج', 'ژ': 'ز', 'ڤ': 'ف', 'ڨ': 'ق',
  'ء': '',
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits to ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String((code >= 0x06f0 ? code - 0x06f0 : code - 0x0660));
  });
}

/**
 * Fold a text to its matching form: no harakat or tatweel, one alef, ى/ئ→ي, ؤ→و, ة→ه, Persian letters
 * to Arabic, ASCII digits, Latin lower-cased without accents, punctuation to spaces, spaces collapsed.
 * Two spellings that a reader would call "the same word" fold to the same string.
 */
export function foldArabic(text: string): string {
  return toAsciiDigits(text.normalize('NFKC'))
    .replace(FORMAT_CHARS, '')
    .replace(DIACRITICS, '')
    .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLDS[ch] ?? ch)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Split folded text into word tokens. */
export function tokens(text: string): string[] {
  const folded = foldArabic(text);
  return folded ? folded.split(' ') : [];
}
