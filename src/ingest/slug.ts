/**
 * Entry slugs: ASCII, stable, deterministic. A plain transliteration of the headline's first words,
 * so a slug depends on the headline alone (not on the actor data, whose changes would move URLs).
 * An override's `slug:` replaces it.
 */
import { persianToArabicLetters, toAsciiDigits } from '../text/normalize.ts';
import { memoised } from '../text/memo.ts';
import { tokenize } from '../text/tokens.ts';

const CONSONANTS: Record<string, string> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ة: 'a', ى: 'a', ئ: 'y', ؤ: 'w', ء: '',
};

/** One word in Latin letters: "الكرملين" → "al-krmlin", "روسيا" → "rusia". */
export function transliterate(word: string): string {
  // No harakat or tatweel; Latin letters lower-cased without accents; ة kept (it reads "a").
  let w = toAsciiDigits(persianToArabicLetters(word))
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u0610-\u061A\u064B-\u065F\u0670\u0640]/g, '')
    .toLowerCase();
  let out = '';
  if (w.startsWith('ال') && w.length > 3) {
    out = 'al-';
    w = w.slice(2);
  }
  [...w].forEach((ch, i) => {
    if (/[a-z0-9]/.test(ch)) out += ch;
    // و and ي are consonants at a word's start or before ا, long vowels elsewhere.
    else if (ch === 'و') out += i === 0 || /[اأة]/.test(w[i + 1] ?? '') ? 'w' : 'u';
    else if (ch === 'ي') out += i === 0 || /[اأة]/.test(w[i + 1] ?? '') ? 'y' : 'i';
    else out += CONSONANTS[ch] ?? '';
  });
  return out.replace(/-$/, '');
}

// Headlines share their words: each distinct word is transliterated once.
const transliterated = memoised(20_000, transliterate);

/** Up to `maxWords` words of the headline as an ASCII slug. */
export function headlineSlug(headline: string, maxWords = 6): string {
  const parts: string[] = [];
  for (const t of tokenize(headline)) {
    if (parts.length === maxWords) break;
    const part = transliterated(t.text);
    if (part) parts.push(part);
  }
  const slug = parts.join('-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '');
  return slug || 'entry';
}
