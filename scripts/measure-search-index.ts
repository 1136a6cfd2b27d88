/**
 * npm run measure:search-index -- N: what building the search index costs on N generated entries
 * (scripts/lib/search-docs.ts, the same documents as `npm run bench:search`), in this process alone:
 * building the records (src/search/index-build.ts), then Pagefind adding and writing them (its Node API,
 * through its service), with the service's peak memory (its RSS, sampled every 100 ms) and the records'
 * size (terms per record, postings, distinct terms by kind). Writes into a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { loadActors } from '../src/search/actors-data.ts';
import { buildSearchRecords } from '../src/search/index-build.ts';
import { buildAliasTable } from '../src/search/terms.ts';
import { generatedDocs } from './lib/search-docs.ts';

const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2000);

/** Peak RSS (bytes) of this process's child processes: the Pagefind service. */
function sampleChildren(): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    let sum = 0;
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[1]) === process.pid) sum += Number(fields[21]) * 4096;
      } catch {
        // gone already
      }
    }
    peak = Math.max(peak, sum);
  }, 100);
  return { stop: () => (clearInterval(timer), peak) };
}

const docs = generatedDocs(count);
const t0 = performance.now();
const built = buildSearchRecords(docs, buildAliasTable(loadActors()));
const recordsMs = performance.now() - t0;
const kinds = new Map<string, number>();
let postings = 0;
const distinct = new Set<string>();
for (const r of built.records) {
  for (const t of r.content.split(' ')) {
    postings++;
    if (!distinct.has(t)) {
      distinct.add(t);
      const kind = t.slice(t.lastIndexOf('\u0640') + 1);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-search-index-'));
const memory = sampleChildren();
const t1 = performance.now();
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
for (let i = 0; i < built.records.length; i += 64) await Promise.all(built.records.slice(i, i + 64).map((r) => index.addCustomRecord(r)));
const addMs = performance.now() - t1;
const t2 = performance.now();
await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
const writeMs = performance.now() - t2;
await pagefind.close();
const peak = memory.stop();
fs.rmSync(out, { recursive: true, force: true });

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`measure:search-index on ${count} generated entries (+ ${built.records.length - count} actor pages), ${os.loadavg()[0]!.toFixed(1)} load average`);
console.log(`  records:   ${s(recordsMs)}; ${Math.round(postings / built.records.length)} terms per record, ${(postings / 1e6).toFixed(2)} M postings, ${distinct.size} distinct terms (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`);
console.log(`  Pagefind:  add ${s(addMs)}, write ${s(writeMs)}; its service peaked at ${(peak / 1024 ** 3).toFixed(2)} GB`);
