/**
 * npm run ingest: seeds/*.txt (+ seeds/<stem>.meta.yaml) → content/entries/*.md.
 * INGEST_SEEDS_DIR, INGEST_CONTENT_DIR and INGEST_ENTRIES_DIR (or --seeds, --content, --entries) point it
 * elsewhere, for tests. (Not ENTRIES_DIR: that one points the site at other entries, see src/content.config.ts,
 * and `npm run build` must not write seeds' entries there.)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestDirectory } from '../src/ingest/pipeline.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { seeds: { type: 'string' }, content: { type: 'string' }, entries: { type: 'string' } },
});
const seedsDir = path.resolve(values.seeds ?? process.env.INGEST_SEEDS_DIR ?? path.join(root, 'seeds'));
const contentDir = path.resolve(values.content ?? process.env.INGEST_CONTENT_DIR ?? path.join(root, 'content'));
const entriesDir = path.resolve(values.entries ?? process.env.INGEST_ENTRIES_DIR ?? path.join(contentDir, 'entries'));

try {
  const r = ingestDirectory(seedsDir, contentDir, entriesDir);
  const rel = path.relative(process.cwd(), entriesDir) || '.';
  console.log(`ingest: ${r.written.length} written, ${r.unchanged.length} unchanged, ${r.deleted.length} removed (${rel})`);
  for (const f of r.written) console.log(`  wrote ${f}`);
  for (const e of r.entries) {
    console.log(`  ${e.date} date ${e.dateBasis}, outlet ${e.outletBasis}; ${e.actors} actors/places/organisations, ${e.claims} claims, ${e.removed} lines cut  ${e.file}`);
  }
  const total = (k: 'claims' | 'removed') => r.entries.reduce((n, e) => n + e[k], 0);
  console.log(`  total: ${r.entries.length} entries, ${total('claims')} claims, ${total('removed')} lines cut as furniture`);
  for (const f of r.deleted) console.log(`  removed ${f} (no seed writes it any more)`);
} catch (err) {
  const errors = err instanceof AggregateError ? err.errors : [err];
  console.error(`ingest failed; nothing was written:`);
  for (const e of errors) console.error(`  ${(e as Error).message}`);
  process.exitCode = 1;
}
