/**
 * npm run measure:lighthouse -- [runs] [query]: Lighthouse (mobile, its default simulated throttling) on the
 * built search page with a query (/search/?q=…, default بوتين), in Debian's Chromium, `runs` times (default
 * 3), printing each run's performance score, total blocking time and layout shift, and their medians.
 * Lighthouse is not a dependency of the project: it is fetched by `npm exec` on first use (lighthouse@12).
 * Builds nothing: serve what dist/ (or $BENCH_DIST) holds; run `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, serve } from '../tests/support/site.ts';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const query = args.find((a) => !/^\d+$/.test(a)) ?? 'بوتين';
const dist = path.resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
if (!fs.existsSync(path.join(dist, 'search', 'index.html'))) throw new Error(`${dist}/search/index.html is missing: run npm run build first`);

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const flags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
const site = await serve(dist);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: { score: number; tbt: number; cls: number }[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const file = path.join(out, `run-${i}.json`);
    const url = `${site.url}search/?q=${encodeURIComponent(query)}`;
    // Asynchronously: the pages are served from this process, which must stay free to answer.
    await promisify(execFile)('npm', ['exec', '--yes', 'lighthouse@12', '--', url, '--only-categories=performance', '--form-factor=mobile', `--chrome-flags=${flags}`, '--output=json', `--output-path=${file}`, '--quiet'], {
      env: { ...process.env, CHROME_PATH: chrome },
      maxBuffer: 64 * 1024 * 1024,
    });
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue: number }> };
    const row = { score: r.categories.performance.score, tbt: r.audits['total-blocking-time']!.numericValue, cls: r.audits['cumulative-layout-shift']!.numericValue };
    rows.push(row);
    console.log(`run ${i + 1}: performance ${row.score.toFixed(2)}, total blocking time ${row.tbt.toFixed(0)} ms, layout shift ${row.cls.toFixed(3)}`);
  }
} finally {
  await site.close();
  fs.rmSync(out, { recursive: true, force: true });
}
console.log(
  `search page /search/?q=${query} (${path.relative(ROOT, dist)}/, Lighthouse mobile, ${runs} runs, ${os.loadavg()[0]!.toFixed(1)} load average): ` +
    `median performance ${median(rows.map((r) => r.score)).toFixed(2)}, total blocking time ${median(rows.map((r) => r.tbt)).toFixed(0)} ms (worst ${Math.max(...rows.map((r) => r.tbt)).toFixed(0)}), layout shift ${median(rows.map((r) => r.cls)).toFixed(3)} (worst ${Math.max(...rows.map((r) => r.cls)).toFixed(3)})`,
);
