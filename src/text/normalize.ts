/**
 * Arabic text normalisation, shared by the ingest, the search index and the search query in the
 * browser (through src/text/tokens.ts and src/text/names.ts). Pure functions, no imports but the memo:
 * this file is bundled for the browser.
 */
import { memoised } from './memo.ts';

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
export function foldUncached(text: string): string {
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

// The same folding in one pass over the characters almost all news text is made of (Arabic letters, harakat,
// digits, ASCII, common punctuation and invisible format characters), with a code per character: what it
// becomes, or that it is dropped or separates words. Any other character (accented Latin, presentation
// forms, Persian letters, …) sends the text through foldUncached. A property test holds the two equal.
const KEEP = 0;
const DROP = -1;
const SEPARATE = -2;
const SLOW = -3;
const FAST_LIMIT = 0x0700;
const FAST = new Int32Array(FAST_LIMIT).fill(SLOW);
for (let c = 0x30; c <= 0x39; c++) FAST[c] = KEEP;
for (let c = 0x61; c <= 0x7a; c++) FAST[c] = KEEP;
for (let c = 0x41; c <= 0x5a; c++) FAST[c] = c + 0x20;
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0xab, 0xbb]) FAST[c] = SEPARATE;
for (let c = 0x21; c <= 0x7e; c++) if (!/[\p{L}\p{N}]/u.test(String.fromCharCode(c))) FAST[c] = SEPARATE;
for (const c of [0x060c, 0x061b, 0x061f, 0x066a, 0x066b, 0x066c, 0x06d4]) FAST[c] = SEPARATE;
for (let c = 0x0620; c <= 0x064a; c++) FAST[c] = KEEP;
for (const [from, to] of Object.entries(LETTER_FOLDS)) {
  const c = from.charCodeAt(0);
  if (c >= 0x0620 && c <= 0x064a) FAST[c] = to === '' ? DROP : to.charCodeAt(0);
}
// Harakat and tatweel are dropped; a hamza or madda above a letter composes under NFKC into a letter that
// folds back to the same base (ا+ٔ → أ → ا), so dropping the mark gives the same word.
for (let c = 0x064b; c <= 0x065f; c++) FAST[c] = DROP;
FAST[0x0640] = DROP;
FAST[0x0670] = DROP;
for (let c = 0x0660; c <= 0x0669; c++) FAST[c] = 0x30 + c - 0x0660;
for (let c = 0x06f0; c <= 0x06f9; c++) FAST[c] = 0x30 + c - 0x06f0;
const FORMAT_CHAR = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/;
FAST[0xad] = DROP;

function codeOf(c: number): number {
  if (c < FAST_LIMIT) return FAST[c]!;
  if (c === 0x2013 || c === 0x2014 || (c >= 0x2018 && c <= 0x201d) || c === 0x2026) return SEPARATE;
  return FORMAT_CHAR.test(String.fromCharCode(c)) ? DROP : SLOW;
}

function foldFast(text: string): string {
  let out = '';
  let run = 0; // start of the characters copied as they are
  let space = false; // a separator is pending before the next kept character
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const code = codeOf(c);
    if (code === KEEP) {
      if (space) {
        if (out) out += ' ';
        space = false;
        run = i;
      }
      continue;
    }
    if (code === SLOW) return foldUncached(text);
    out += text.slice(run, i);
    run = i + 1;
    if (code === SEPARATE) space = true;
    else if (code !== DROP) {
      if (space) {
        if (out) out += ' ';
        space = false;
      }
      out += String.fromCharCode(code);
    }
  }
  if (!space) out += text.slice(run);
  return out;
}

// Folding is pure and the same phrases, words and lines are folded again and again (every rule against every
// line): remember recent results. Long texts are folded as they come.
const foldShort = memoised(100_000, foldFast);

/**
 * Already in folded form: plain Arabic letters that fold to themselves, a–z and 0–9, words one space apart.
 * Most words and many phrases are; a check of their characters costs less than a memo look-up of a
 * string the memo has not hashed yet.
 */
export function isFolded(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0627 && c <= 0x064a) {
      if ((c > 0x063a && c < 0x0641) || c === 0x0629 || c === 0x0649) return false;
    } else if (c === 0x20) {
      if (i === 0 || i === n - 1 || text.charCodeAt(i - 1) === 0x20) return false;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

export function foldArabic(text: string): string {
  if (isFolded(text)) return text;
  return text.length > 512 ? foldFast(text) : foldShort(text);
}

/** One reading of a folded word: a stem, and whether the reading strips an attached letter (و ف ب ك ل). */
export interface WordReading {
  stem: string;
  /** True when nothing but the article (ال) was taken off: the word as a reader would type it alone. */
  bare: boolean;
}

const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ك', 'ل'];
// A pronoun suffix after the ت that a final ة becomes before it: قمّته = قمّة + ـه.
const TA_PRONOUN_SUFFIX = /^(.{2,})ت(ه|ها|هم|هما|هن|ك|كم|كما|كن|ي|نا)$/;
const ARABIC_LETTER = /^[\u0621-\u064A]+$/;
const NUMBER_WITH_PREFIX = /^(ال|[وف]?[بكل]?(?:ال)?)(\d+)$/;

/**
 * Every plausible reading of a folded Arabic word: itself; without the article (ال, and لل = لـ + ال);
 * without an attached conjunction (و ف) and/or preposition (ب ك ل); and, for a ت followed by a pronoun
 * suffix, the noun with its ة restored (قمته → قمه). Ambiguity is kept, not resolved: بوتين reads as
 * بوتين and as بـ + وتين; `bare` tells which readings strip a letter that may belong to the word.
 * Minimum stem lengths (2 after the article, 3 after a single letter) keep short words whole.
 * Latin words and numbers have one reading: themselves.
 */
export function wordReadings(folded: string): WordReading[] {
  const readings = new Map<string, boolean>();
  const add = (stem: string, bare: boolean) => {
    if (readings.get(stem) !== true) readings.set(stem, bare);
  };
  add(folded, true);
  // A number with letters attached (و2000, الـ75 → ال75): the number alone is a reading too.
  const number = NUMBER_WITH_PREFIX.exec(folded);
  if (number) add(number[2]!, number[1] === 'ال');
  if (!ARABIC_LETTER.test(folded)) return [...readings].map(([stem, bare]) => ({ stem, bare }));
  for (const conj of CONJUNCTIONS) {
    for (const prep of PREPOSITIONS) {
      for (const article of ['', 'ال']) {
        if (!conj && !prep && !article) continue;
        const prefix = conj + (prep === 'ل' && article ? 'لل' : prep + article);
        if (!folded.startsWith(prefix)) continue;
        const stem = folded.slice(prefix.length);
        if (stem.length < (article ? 2 : 3)) continue;
        add(stem, !conj && !prep);
      }
    }
  }
  for (const [stem, bare] of [...readings]) {
    // The suffix rule applies to stems without the article (التي is not ال + تـ + ي).
    if (stem.startsWith('ال') && readings.has(stem.slice(2))) continue;
    const m = TA_PRONOUN_SUFFIX.exec(stem);
    if (m) add(`${m[1]}ه`, bare);
  }
  return [...readings].map(([stem, bare]) => ({ stem, bare }));
}
