/**
 * The search-data files the build writes beside Pagefind's bundle and the search page reads: the manifest
 * the page inlines, the numbering files and their checksum, where what a result shows is kept. Browser-safe
 * and import-free, so the search page's first script (src/search/SearchView.astro) can start Pagefind with
 * it before the query parser and the result drawing are loaded.
 */

/** The manifest, inlined in the search page: what it needs before it asks Pagefind anything. */
export interface SearchManifest {
  version: 2;
  /** Build hash, added to the vocabulary files' URLs so a new build is never mixed with a cached old one. */
  build: string;
  /** Documents 0 … entries-1 are entries, oldest first (the order Pagefind lists them in: listingChecksum); then actor pages. */
  entries: number;
  docs: number;
  /** First letters that have a vocabulary file (search-data/v/<code point>.json), for suggestions. */
  vocab: number[];
  /** Filter values with their entry counts (the same as Pagefind's filters). */
  filters: Record<string, Record<string, number>>;
}

/**
 * Pagefind lists its records (an unsorted `search(null)`) in the order they were added, which is the
 * documents' order n. The build writes this checksum of the records' Pagefind ids in n order
 * (search-data/order.json, a few bytes), and the page numbers by Pagefind's listing only when its ids give
 * the same checksum; otherwise it fetches the ids themselves (search-data/ids.json, about 50 KB at
 * 10,000). A wrong number would need Pagefind to list the records in another order with the same 32-bit
 * checksum (odds of about one in four billion), and there is no sort key in Pagefind's metadata
 * (sorting by one cost about 140 ms and 24 KB per query at 10,000). FNV-1a (32 bits) of the ids, each
 * followed by a newline, as 8 hex digits.
 */
export function listingChecksum(ids: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** search-data/order.json: the checksum of the Pagefind ids in n order (listingChecksum). */
export const ORDER_FILE = 'order.json';
/** search-data/ids.json: the Pagefind ids in n order, for when Pagefind's listing differs. */
export const IDS_FILE = 'ids.json';
export interface SearchOrder {
  build: string;
  ids: string;
}

/** Where what document n shows is kept, in the search-data folder (src/search/index-build.ts writes it). */
export const docFile = (n: number) => `d/${n}.json`;

/**
 * A search-data file's name as stored: what a result shows and the vocabulary are written gzip-compressed
 * (as Pagefind writes its own files), since a static host may serve JSON uncompressed and these are most
 * of a query's bytes after Pagefind's own; the manifest, inlined in the page, stays plain.
 */
export const storedFile = (file: string) => (file === 'manifest.json' ? file : `${file}.gz`);
