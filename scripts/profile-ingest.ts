/**
 * npm run profile:ingest -- [N]: buildEntry + entryFile on N generated articles (scripts/lib/article-generator.ts,
 * article i from random(i + 1)) in this one thread, after a warm-up, timed by the wall clock and by this
 * process's CPU time (steadier on a busy machine). No files are read or written but the data in content/.
 *
 * For a CPU profile of the same run:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/profile-ingest.ts 3000
 * (open the .cpuprofile in Chrome DevTools, or sum it by function).
 */
import path from 'node:path';
import { buildEntry, createIngestor, entryFile } from '../src/ingest/pipeline.ts';
import { generateArticle, random } from './lib/article-generator.ts';

const root = path.resolve(import.meta.dirname, '..');
const ingestor = createIngestor(path.join(root, 'content'));
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2000);
const encoder = new TextEncoder();
const seeds = Array.from({ length: count }, (_, i) => ({ name: `a${i}.txt`, path: `a${i}.txt`, bytes: encoder.encode(generateArticle(random(i + 1), i)) }));

const run = (list: typeof seeds) => {
  let ok = 0;
  let buildMs = 0;
  let fileMs = 0;
  for (const seed of list) {
    try {
      const a = performance.now();
      const entry = buildEntry(seed, ingestor);
      const b = performance.now();
      entryFile(entry);
      fileMs += performance.now() - b;
      buildMs += b - a;
      ok++;
    } catch {
      // refused articles (no date, no text) cost their time too
    }
  }
  return { ok, buildMs, fileMs };
};

run(seeds.slice(0, Math.min(300, count))); // warm-up: compiled code, data tables, memos
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const { ok, buildMs, fileMs } = run(seeds);
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(`profile:ingest on ${count} generated articles, one thread (Node ${process.version}): ${ok} built, ${count - ok} refused`);
console.log(`  wall ${wallMs.toFixed(0)} ms → ${(count / (wallMs / 1000)).toFixed(0)} articles/s (buildEntry ${buildMs.toFixed(0)} ms, entryFile ${fileMs.toFixed(0)} ms)`);
console.log(`  cpu  ${cpuMs.toFixed(0)} ms → ${(cpuMs / count).toFixed(3)} ms per article`);
