/**
 * npm run bench:ingest -- N: the ingest's speed on N generated articles (scripts/lib/article-generator.ts,
 * seeded, in real outlets' shapes). Prints
 *   - the full ingest's rate in articles per second, net of start-up (loading the data files);
 *   - an incremental re-ingest after adding one article (every other article comes from the cache).
 * Runs in one process on temporary folders; the repo's seeds/ and content/entries/ are not touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestDirectoryParallel } from '../src/ingest/directory.ts';
import { createIngestor } from '../src/ingest/pipeline.ts';
import { buildInWorkers } from '../src/ingest/workers.ts';
import { generateArticle, random, writeArticles } from './lib/article-generator.ts';

const root = path.resolve(import.meta.dirname, '..');
const content = path.join(root, 'content');
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
const seeds = path.join(dir, 'seeds');
const entries = path.join(dir, 'entries');
const cacheFile = path.join(dir, 'cache.json');
writeArticles(seeds, count);

// Start-up: what a run costs before its first article: the data files loaded, and with worker threads
// (one per core) each worker's own start-up, measured as workers building one article each.
const workers = Math.min(os.availableParallelism(), Math.floor(count / 200));
const t0 = performance.now();
const { data } = createIngestor(content);
if (workers >= 2) {
  const one = { name: 'x.txt', path: 'x.txt', bytes: new TextEncoder().encode(generateArticle(random(1), 0)) };
  await buildInWorkers(Array.from({ length: workers }, () => one), data, workers);
}
const startup = performance.now() - t0;

const t1 = performance.now();
const timings = { writeMs: 0 };
const full = await ingestDirectoryParallel(seeds, content, entries, { cacheFile, timings });
const fullMs = performance.now() - t1;
const rate = count / ((fullMs - startup) / 1000);

fs.writeFileSync(path.join(seeds, 'zz-added.txt'), generateArticle(random(7), count + 1));
const t2 = performance.now();
const again = await ingestDirectoryParallel(seeds, content, entries, { cacheFile });
const incMs = performance.now() - t2;
const built = again.entries.filter((e) => !e.cached).length;

console.log(`bench:ingest on ${count} generated articles (${os.availableParallelism()} cores, ${workers >= 2 ? `${workers} worker threads` : 'one thread'}, Node ${process.version})`);
console.log(`  full ingest:  ${(fullMs / 1000).toFixed(2)} s, start-up ${startup.toFixed(0)} ms → ${rate.toFixed(0)} articles/s net of start-up`);
console.log(`                ${full.entries.length} entries, ${full.refused.length} refused, ${full.duplicates.length} duplicates`);
// Creating thousands of new files costs this machine's kernel far more in some runs than in others (ext4
// allocating inodes in a block group it has not used lately): the share is printed so a slow run can be told apart.
console.log(`                of which ${(timings.writeMs / 1000).toFixed(2)} s writing ${full.written.length} entry files (main thread, while the workers build)`);
console.log(`  add 1 article: ${incMs.toFixed(0)} ms (${built} built, ${again.entries.length - built} from the cache, ${again.written.length} written)`);
fs.rmSync(dir, { recursive: true, force: true });
