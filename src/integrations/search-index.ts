/**
 * Builds the Pagefind index after `astro build`, so `npm run build` yields dist/pagefind/.
 * Pagefind does not read the pages itself: every page that declares searchable text (see
 * src/search/records.ts) becomes a custom record whose content is the normalised term stream of
 * src/search/terms.ts, built with the same alias table the search page uses in the browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { loadActors } from '../search/actors-data.ts';
import { recordFromPage, type SearchRecord } from '../search/records.ts';
import { buildAliasTable } from '../search/terms.ts';

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

export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const records = recordsFromBuild(outDir);
        const entries = records.filter((r) => r.meta.kind === 'entry').length;
        if (!entries) logger.warn('no page declares data-pagefind-body: the search index has no entries');
        await writeIndex(records, path.join(outDir, 'pagefind'));
        logger.info(`Pagefind index: ${entries} entries, ${records.length - entries} actor pages → pagefind/`);
      },
    },
  };
}
