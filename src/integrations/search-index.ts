/**
 * Builds the search index during `astro build`, so `npm run build` yields dist/pagefind/ (the Pagefind
 * bundle) and dist/search-data/ (manifest, vocabulary for suggestions): Pagefind custom records built from
 * the entries' data files, content/actors.yaml and content/outlets.yaml (src/search/index-build.ts), with
 * the same tokenizer, alias table and stemmer the search page uses in the browser.
 *
 * recordsFromBuild / writeIndex (Pagefind custom records from built pages) remain for the records tests
 * and the e2e comparison; the site does not use them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { ACTORS_FILE, loadActors } from '../search/actors-data.ts';
import type { SearchManifest } from '../search/files.ts';
import { recordFromPage, type SearchRecord } from '../search/records.ts';
import { buildAliasTable } from '../search/terms.ts';
import { actorDocs, buildSearchRecords, entryDocs, writePagefindBundle, writeSearchData, type BuiltSearch, type SearchDoc } from '../search/index-build.ts';

/** Where the manifest and vocabulary go in the build folder (beside the Pagefind bundle, <base>pagefind/). */
export const SEARCH_DATA_DIR = 'search-data';
export const PAGEFIND_DIR = 'pagefind';

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

/** Read the built pages of `dir` into search records. */
export function recordsFromBuild(dir: string): SearchRecord[] {
  const actors = loadActors();
  const table = buildAliasTable(actors);
  const records: SearchRecord[] = [];
  for (const file of htmlFiles(dir)) {
    // The index's own assets and Pagefind's playground are not pages of the site.
    if (file.startsWith(`pagefind${path.sep}`)) continue;
    const record = recordFromPage(fs.readFileSync(path.join(dir, file), 'utf8'), file, table, actors);
    if (record) records.push(record);
  }
  return records;
}

/** Write the Pagefind bundle for `records` into `outputPath`. */
export async function writeIndex(records: SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const res = await index.addCustomRecord(record);
      if (res.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${res.errors.join('; ')}`);
    }
    fs.rmSync(outputPath, { recursive: true, force: true });
    const res = await index.writeFiles({ outputPath });
    if (res.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${res.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** The site's entries folder: content/entries/, or $ENTRIES_DIR. */
const entriesDirOf = () => path.resolve(process.cwd(), process.env.ENTRIES_DIR ?? 'content/entries');

/** The search documents of the site: its entries (from their data files) and its actor pages. */
export function siteSearchDocs(entriesDir = entriesDirOf()): SearchDoc[] {
  return [...entryDocs(entriesDir), ...actorDocs(loadActors())];
}

/** What the search's build depends on: every entry file's name, size and time, and the data files'. */
function signature(entriesDir: string): string {
  const files = fs.existsSync(entriesDir) ? fs.readdirSync(entriesDir).filter((f) => f.endsWith('.md')).sort() : [];
  const parts = [entriesDir];
  for (const f of [...files.map((f) => path.join(entriesDir, f)), ACTORS_FILE, path.resolve(process.cwd(), 'content/outlets.yaml')]) {
    const st = fs.statSync(f, { throwIfNoEntry: false });
    parts.push(`${f}:${st?.size ?? '-'}:${st?.mtimeMs ?? '-'}`);
  }
  return parts.join('\n');
}

/**
 * The site's search, built once per build: the search page (src/search/SearchView.astro) needs its manifest
 * while pages render, the integration its records when they are written. Both run in the one build
 * process but in different module instances (Astro bundles the page), so the result is kept on globalThis,
 * keyed by what it is built from; an edited entry (astro dev) builds it again.
 */
export function siteSearch(entriesDir = entriesDirOf()): BuiltSearch {
  const store = globalThis as { __siteSearch?: { key: string; built: BuiltSearch } };
  const key = signature(entriesDir);
  if (store.__siteSearch?.key !== key) {
    store.__siteSearch = { key, built: buildSearchRecords(siteSearchDocs(entriesDir), buildAliasTable(loadActors())) };
  }
  return store.__siteSearch.built;
}

/** Move folder `from` to `to` (a rename; a copy when they are on different file systems). */
function moveFolder(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/**
 * The whole search of the site's entries, written into `staging` (pagefind/ and search-data/): what the
 * build's worker thread does (search-index-worker.ts). Returns the manifest the search page inlines.
 */
export async function buildSearchInto(staging: string, entriesDir: string): Promise<SearchManifest> {
  const built = siteSearch(entriesDir);
  await writePagefindBundle(built, path.join(staging, PAGEFIND_DIR));
  writeSearchData(built, path.join(staging, SEARCH_DATA_DIR));
  return built.manifest;
}

interface SearchBuild {
  staging: string;
  /** The manifest, when the worker is done; the time it took. */
  done: Promise<{ manifest: SearchManifest; ms: number }>;
}
const buildStore = globalThis as { __searchBuild?: SearchBuild };

/** Start building the search on a worker thread (the build's one: kept on globalThis for the search page). */
function startSearchBuild(): SearchBuild {
  const t0 = performance.now();
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
  const done = new Promise<{ manifest: SearchManifest; ms: number }>((resolve, reject) => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: { staging, entriesDir: entriesDirOf() } });
    let heard = false;
    worker.once('message', (out: { manifest: SearchManifest } | { error: string }) => {
      heard = true;
      if ('error' in out) reject(new Error(`search index: ${out.error}`));
      else resolve({ manifest: out.manifest, ms: performance.now() - t0 });
    });
    // A worker that cannot start (a Node without type stripping cannot load this TypeScript) builds it
    // here instead; a failure of the build itself comes as a message, above.
    worker.once('error', () => {
      heard = true;
      buildSearchInto(staging, entriesDirOf()).then((manifest) => resolve({ manifest, ms: performance.now() - t0 }), reject);
    });
    worker.once('exit', (code) => {
      if (!heard) reject(new Error(`search index: its worker stopped without an answer (exit code ${code})`));
    });
  });
  // Thrown where it is awaited; the staging folder goes however the build ends.
  done.catch(() => undefined);
  process.once('exit', () => fs.rmSync(staging, { recursive: true, force: true }));
  return (buildStore.__searchBuild = { staging, done });
}

/**
 * The manifest of the site's search, for the search page: during a build, the one the build's worker
 * wrote (the same records as the index); otherwise (astro dev) built here.
 */
export async function searchManifest(): Promise<SearchManifest> {
  return buildStore.__searchBuild ? (await buildStore.__searchBuild.done).manifest : siteSearch().manifest;
}

/**
 * The search index is built from the entries' data, not from the pages, so it need not wait for them: a
 * worker thread builds the records as soon as Astro's build starts and Pagefind's service (its own process)
 * indexes them, both on the other core while Astro renders on this one; everything is written into a
 * staging folder and moved into the build folder when the build is done.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      // Started as soon as a build's config is known, so it also overlaps Astro's content sync and bundling:
      // on a rebuild that renders few pages, the index is what the build waits for.
      'astro:config:setup': ({ command }) => {
        if (command === 'build' && !buildStore.__searchBuild) startSearchBuild();
      },
      'astro:build:start': () => {
        if (!buildStore.__searchBuild) startSearchBuild();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const build = buildStore.__searchBuild ?? startSearchBuild();
        buildStore.__searchBuild = undefined;
        const { manifest, ms } = await build.done;
        for (const folder of [PAGEFIND_DIR, SEARCH_DATA_DIR]) moveFolder(path.join(build.staging, folder), path.join(outDir, folder));
        fs.rmSync(build.staging, { recursive: true, force: true });
        if (!manifest.entries) logger.warn('no entries: the search index is empty');
        logger.info(
          `search index: ${manifest.entries} entries, ${manifest.docs - manifest.entries} actor pages → Pagefind records in ${PAGEFIND_DIR}/, vocabulary in ${SEARCH_DATA_DIR}/ (built in ${Math.round(ms)} ms beside the pages)`,
        );
      },
    },
  };
}
