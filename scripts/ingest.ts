/**
 * npm run ingest: seeds/*.txt (+ seeds/<stem>.meta.yaml) → content/entries/*.md, and reports/ingest.json.
 * Every good article becomes its entry; each refused one is named with its reasons (here and in the
 * report), and the command still exits 0 so `npm run build` publishes the good ones. `--strict` exits 1
 * when anything was refused or duplicated (CI runs it on the repo's own seeds).
 * INGEST_SEEDS_DIR, INGEST_CONTENT_DIR and INGEST_ENTRIES_DIR (or --seeds, --content, --entries) point it
 * elsewhere, for tests. (Not ENTRIES_DIR: that one points the site at other entries, see src/content.config.ts,
 * and `npm run build` must not write seeds' entries there.) `--no-cache` builds every article again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestDirectoryParallel } from '../src/ingest/directory.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    content: { type: 'string' },
    entries: { type: 'string' },
    report: { type: 'string' },
    cache: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const seedsDir = path.resolve(values.seeds ?? process.env.INGEST_SEEDS_DIR ?? path.join(root, 'seeds'));
const contentDir = path.resolve(values.content ?? process.env.INGEST_CONTENT_DIR ?? path.join(root, 'content'));
const entriesDir = path.resolve(values.entries ?? process.env.INGEST_ENTRIES_DIR ?? path.join(contentDir, 'entries'));
// One cache per entries folder (tests ingest into temporary ones), in the project's .cache/ (not committed).
const cacheFile = values['no-cache']
  ? null
  : path.resolve(values.cache ?? path.join(root, '.cache', `ingest-${createHash('sha256').update(entriesDir).digest('hex').slice(0, 12)}.json`));
const reportFile = path.resolve(values.report ?? path.join(root, 'reports', 'ingest.json'));

let report;
try {
  report = await ingestDirectoryParallel(seedsDir, contentDir, entriesDir, { cacheFile });
} catch (err) {
  // Only a bad data file (content/*.yaml, content/rules/) stops everything: every article depends on it.
  const errors = err instanceof AggregateError ? err.errors : [err];
  console.error('ingest failed; nothing was written:');
  for (const e of errors) console.error(`  ${(e as Error).message}`);
  process.exit(1);
}

const rel = path.relative(process.cwd(), entriesDir) || '.';
const cached = report.entries.filter((e) => e.cached).length;
console.log(
  `ingest: ${report.entries.length} entries (${report.written.length} written, ${report.unchanged.length} unchanged, ` +
    `${cached} from the cache), ${report.deleted.length} removed, ${report.refused.length} refused, ${report.duplicates.length} duplicates (${rel})`,
);
if (!values.quiet) {
  for (const f of report.written) console.log(`  wrote ${f}`);
  for (const e of report.entries.filter((x) => !x.cached)) {
    console.log(`  ${e.date} date ${e.dateBasis}, outlet ${e.outletBasis}; ${e.actors} actors/places/organisations, ${e.claims} claims, ${e.removed} lines cut  ${e.file}`);
  }
  for (const f of report.deleted) console.log(`  removed ${f} (no seed writes it any more)`);
  for (const e of report.entries.filter((x) => x.unknownOutlet)) console.log(`  note: ${e.source} names an outlet content/outlets.yaml does not know: «${e.unknownOutlet}»`);
  for (const e of report.entries.filter((x) => x.unlinkedPeople.length)) console.log(`  note: ${e.source} names people content/actors.yaml does not know: ${e.unlinkedPeople.join('، ')}`);
  for (const e of report.entries.filter((x) => x.unlinkedBodies?.length)) console.log(`  note: ${e.source} has bodies speak that content/actors.yaml does not know: ${e.unlinkedBodies!.join('، ')}`);
}
for (const d of report.duplicates) console.warn(`  duplicate: ${d.source} is the same article as ${d.of}; not published twice`);
for (const r of report.refused) {
  console.warn(`  refused: ${r.source}${r.kept ? ` (its earlier entry ${r.kept} is kept as it was)` : ''}`);
  for (const p of r.problems) console.warn(`    ${p}`);
}
fs.mkdirSync(path.dirname(reportFile), { recursive: true });
fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
if (report.refused.length || report.duplicates.length) {
  console.warn(`  report: ${path.relative(process.cwd(), reportFile)}`);
  if (values.strict) process.exitCode = 1;
}
