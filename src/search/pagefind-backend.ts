/**
 * The search engine's answers from Pagefind, in the browser (src/search/engine.ts SearchBackend): the
 * site's Pagefind bundle (<base>pagefind/, written by src/integrations/search-index.ts from the records
 * of src/search/index-build.ts) through Pagefind's own browser API, pagefind.js, loaded by the search
 * page only. Browser-safe.
 *
 * - A key is one unquoted `pagefind.search(key)`: Pagefind's prefix search, the records holding a term
 *   the key begins (src/search/terms.ts: a key ends in a tatweel or a kind letter, or is a bare word
 *   prefix; terms all end in a tatweel and kind letters, so a key finds only the terms it means). When no
 *   term begins it, Pagefind tries the longest term that begins the key instead: no term of ours begins a
 *   key, since none is a bare word, so that finds nothing. (Quoted, Pagefind looks up one whole term.)
 *   Records that only a meta field matched are dropped (Pagefind 1.6 searches meta fields too).
 * - Documents are numbered n (entries oldest first, then actor pages), the order the records were added
 *   in: Pagefind's unsorted listing, `pagefind.search(null)`, gives every record's id in that order, which
 *   the page trusts only when the ids' checksum is the build's (search-data/order.json, files.ts
 *   listingChecksum); otherwise it numbers them by the build's list of ids (search-data/ids.json).
 * - Filters are Pagefind's own (`search(null, { filters })`). What a result shows is read from
 *   <base>search-data/d/<n>.json.gz (gzip-compressed JSON), not from Pagefind's fragments
 *   (src/search/index-build.ts says why).
 * - Suggestions read the vocabulary files beside the bundle (<base>search-data/v/), which Pagefind does
 *   not expose.
 */
import type { SearchBackend } from './engine.ts';
import { docFile, IDS_FILE, listingChecksum, ORDER_FILE, storedFile, type SearchManifest, type SearchOrder } from './files.ts';

/** A search-data file's JSON: gzip-compressed as stored, or already decoded by a host that served it with Content-Encoding. */
export async function storedJson<T>(res: Response, file: string): Promise<T> {
  if (!res.ok) throw new Error(`search-data/${file}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
  return JSON.parse(text) as T;
}

interface PagefindResult {
  id: string;
  score: number;
  /** Where the record's content matched (empty when only a meta field did). */
  words?: number[];
}
interface PagefindResponse {
  results: PagefindResult[];
}
export interface PagefindApi {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    opts?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResponse | null>;
}

export type PagefindBackend = SearchBackend & { numbering(): Promise<'listed' | 'file'> };

export function pagefindBackend(base: string, manifest: SearchManifest): PagefindBackend {
  let api: Promise<PagefindApi> | undefined;
  const pagefind = () =>
    (api ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
      // On the main thread: no worker to start (and the page's CSP has no worker-src), one WebAssembly instance.
      // The build's hash as Pagefind's cache tag: its entry file gets a fixed URL (not ?ts=<now>), which the
      // page preloads (SearchView.astro) and a reader's cache keeps until the next build.
      await pf.options({ noWorker: true, metaCacheTag: manifest.build });
      await pf.init();
      return pf;
    })());
  // How the page numbered Pagefind's records: 'listed' (Pagefind's own listing, its checksum matching the
  // build's) or 'file' (by the build's list of ids, fetched only when the listing cannot be trusted).
  let numbering: Promise<{ byId: Map<string, number>; how: 'listed' | 'file' }> | undefined;
  const dataFile = <T>(name: string) => {
    const file = storedFile(name);
    return fetch(`${base}search-data/${file}?v=${manifest.build}`).then((res) => storedJson<T>(res, file));
  };
  const numbers = () =>
    (numbering ??= (async () => {
      const order = dataFile<SearchOrder>(ORDER_FILE).catch(() => null);
      const pf = await pagefind();
      const [listed, expected] = await Promise.all([pf.search(null), order]);
      const ids = (listed?.results ?? []).map((r) => r.id);
      if (ids.length !== manifest.docs) throw new Error(`Pagefind has ${ids.length} records, the page expects ${manifest.docs}`);
      if (expected?.build === manifest.build && listingChecksum(ids) === expected.ids) {
        return { byId: new Map(ids.map((id, i) => [id, i])), how: 'listed' };
      }
      const byId = new Map((await dataFile<string[]>(IDS_FILE)).map((id, i) => [id, i]));
      if (byId.size !== manifest.docs || !ids.every((id) => byId.has(id))) throw new Error(`search-data/${storedFile(IDS_FILE)} does not name Pagefind's ${manifest.docs} records`);
      return { byId, how: 'file' };
    })());
  const toNumbers = async (res: PagefindResponse | null) => {
    const { byId } = await numbers();
    return (res?.results ?? []).map((r) => byId.get(r.id)).filter((n): n is number => n !== undefined);
  };
  return {
    async prefetch() {
      await numbers();
    },
    async numbering() {
      return (await numbers()).how;
    },
    async docs(key) {
      const pf = await pagefind();
      const res = await pf.search(key);
      // Pagefind (1.6) also searches the records' meta fields, the original text among them, word by word
      // and loosely: a record only its meta matched has no content locations, and is not an answer.
      return toNumbers(res && { results: res.results.filter((r) => r.words?.length) });
    },
    async keep(filters) {
      const pf = await pagefind();
      return toNumbers(await pf.search(null, { filters }));
    },
    fragment: (n) => dataFile(docFile(n)),
    vocab: (cp) => dataFile(`v/${cp}.json`),
  };
}
