/** @nlpjs/lang-ar ships JavaScript only: the one class search uses from it (src/search/stem.ts). */
declare module '@nlpjs/lang-ar/src/stemmer-ar.js' {
  const StemmerAr: unknown;
  export default StemmerAr;
}
