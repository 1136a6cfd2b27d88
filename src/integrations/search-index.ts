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
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { ACTORS_FILE, loadActors } from '../search/actors-data.ts';
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

/** The search documents of the site: its entries (from their data files) and its actor pages. */
export function siteSearchDocs(entriesDir = path.resolve(process.cwd(), process.env.ENTRIES_DIR ?? 'content/entries')): SearchDoc[] {
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
export function siteSearch(entriesDir = path.resolve(process.cwd(), process.env.ENTRIES_DIR ?? 'content/entries')): BuiltSearch {
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
 * The search index is built from the entries' data, not from the pages, so it need not wait for them:
 * it starts when Astro's build starts and Pagefind's service (its own process, on another core) indexes
 * and writes the bundle into a staging folder while Astro renders; when the build is done, the bundle
 * moves into the build folder beside search-data/.
 */
export default function searchIndex(): AstroIntegration {
  let indexing: Promise<{ built: BuiltSearch; staging: string; ms: number }> | undefined;
  const start = () => {
    const t0 = performance.now();
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
    const run = (async () => {
      const built = siteSearch();
      await writePagefindBundle(built, path.join(staging, PAGEFIND_DIR));
      return { built, staging, ms: performance.now() - t0 };
    })();
    run.catch(() => fs.rmSync(staging, { recursive: true, force: true })); // thrown where it is awaited, at build:done
    return run;
  };
  return {
    name: 'search-index',
    hooks: {
      'astro:build:start': () => {
        indexing = start();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { built, staging, ms } = await (indexing ?? start());
        indexing = undefined;
        moveFolder(path.join(staging, PAGEFIND_DIR), path.join(outDir, PAGEFIND_DIR));
        fs.rmSync(staging, { recursive: true, force: true });
        writeSearchData(built, path.join(outDir, SEARCH_DATA_DIR));
        const entries = built.manifest.entries;
        if (!entries) logger.warn('no entries: the search index is empty');
        logger.info(
          `search index: ${entries} entries, ${built.manifest.docs - entries} actor pages → Pagefind records in ${PAGEFIND_DIR}/, vocabulary in ${SEARCH_DATA_DIR}/ (built in ${Math.round(ms)} ms beside the pages)`,
        );
      },
    },
  };
}
