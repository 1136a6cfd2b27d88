/**
 * Light stemming for search: Snowball's Arabic stemmer (the @nlpjs/lang-ar port of snowball-stemmers'
 * arabic.sbl) applied to a FOLDED word (src/text/normalize.ts), then two residues the stemmer leaves
 * from plural and dual endings folded away, so singular, plural, dual and attached suffixes meet:
 * اتفاقية → اتفاق, اتفاقيات → اتفاقيا → اتفاق, اتفاقيتين → اتفاقيت → اتفاق, الاتفاق → اتفاق.
 * Browser-safe: bundled into the search page.
 */
// CommonJS module: the default import is its module.exports (the StemmerAr class).
import StemmerArModule from '@nlpjs/lang-ar/src/stemmer-ar.js';

interface Stemmer {
  stemWord(word: string): string;
}
const StemmerAr = ((StemmerArModule as unknown as { StemmerAr?: new () => Stemmer }).StemmerAr ??
  (StemmerArModule as unknown as new () => Stemmer)) as new () => Stemmer;

let stemmer: Stemmer | undefined;
const memo = new Map<string, string>();
const ARABIC = /^[\u0621-\u064A]+$/;

/** The light stem of a folded word; a word that is not Arabic letters, or shorter than 3, is its own stem. */
export function lightStem(folded: string): string {
  if (folded.length < 3 || !ARABIC.test(folded)) return folded;
  let s = memo.get(folded);
  if (s !== undefined) return s;
  stemmer ??= new StemmerAr();
  s = stemmer.stemWord(folded);
  // The stemmer also takes off a leading و ف ب ك ل (بوتين → وتين): the readings (src/text/normalize.ts) already
  // try the word with and without them, so the stem keeps every letter before it but the article.
  const at = folded.indexOf(s.slice(0, 3));
  if (at > 0 && !(at === 2 && folded.startsWith('ال'))) s = folded.slice(0, at) + s;
  // Residues of ـيات / ـيتين / ـات that the stemmer keeps: اتفاقيا, اتفاقيت, مناورا.
  if (s.length >= 6 && /ي[اته]$/.test(s)) s = s.slice(0, -2);
  else if (s.length >= 5 && /[اته]$/.test(s) && folded.length > s.length) s = s.slice(0, -1);
  if (s.length < 2) s = folded;
  if (memo.size > 50_000) memo.clear();
  memo.set(folded, s);
  return s;
}
