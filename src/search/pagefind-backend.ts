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
 * - Documents are numbered by the records' sort key `n` (entries oldest first, then actor pages): one
 *   `pagefind.search(null, { sort: { n: 'asc' } })`, answered from the index's metadata, gives every
 *   record's Pagefind id in that order.
 * - Filters are Pagefind's own (`search(null, { filters })`). What a result shows is read from
 *   <base>search-data/d/<n>.json.gz (gzip-compressed JSON), not from Pagefind's fragments
 *   (src/search/index-build.ts says why).
 * - Suggestions read the vocabulary files beside the bundle (<base>search-data/v/), which Pagefind does
 *   not expose.
 */
import type { SearchBackend } from './engine.ts';
import { docFile, storedFile, type SearchManifest } from './query.ts';

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

export function pagefindBackend(base: string, manifest: SearchManifest): SearchBackend {
  let api: Promise<PagefindApi> | undefined;
  const pagefind = () =>
    (api ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
      // On the main thread: no worker to start (and the page's CSP has no worker-src), one WebAssembly instance.
      await pf.options({ noWorker: true });
      await pf.init();
      return pf;
    })());
  let numbering: Promise<{ byId: Map<string, number> }> | undefined;
  const numbers = () =>
    (numbering ??= pagefind().then(async (pf) => {
      const res = await pf.search(null, { sort: { n: 'asc' } });
      const results = res?.results ?? [];
      if (results.length !== manifest.docs) throw new Error(`Pagefind has ${results.length} records, the page expects ${manifest.docs}`);
      return { byId: new Map(results.map((r, i) => [r.id, i])) };
    }));
  const toNumbers = async (res: PagefindResponse | null) => {
    const { byId } = await numbers();
    return (res?.results ?? []).map((r) => byId.get(r.id)).filter((n): n is number => n !== undefined);
  };
  return {
    async prefetch() {
      await numbers();
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
    async fragment(n) {
      const file = storedFile(docFile(n));
      return storedJson(await fetch(`${base}search-data/${file}?v=${manifest.build}`), file);
    },
    async vocab(cp) {
      const file = storedFile(`v/${cp}.json`);
      return storedJson(await fetch(`${base}search-data/${file}?v=${manifest.build}`), file);
    },
  };
}
