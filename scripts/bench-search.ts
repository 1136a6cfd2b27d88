/**
 * npm run bench:search — every query of tests/fixtures/search-queries*.tsv through the real search page
 * (/search/?q=…) in headless Chromium, against the built site in dist/ (or $BENCH_DIST).
 *
 * Builds nothing unless the folder is missing (then it runs `npm run build` once); rebuild yourself after
 * changing the site. Serves the folder on 127.0.0.1, loads each query's URL in a fresh page load, waits for
 * the page's "results drawn" signal, and prints per query and in total:
 *   exact-match count, recall and precision (micro-averaged over all queries: found∩expected / expected,
 *   found∩expected / found), and timings: query→drawn as the page measures it (from reading ?q= to the
 *   results in the DOM, Pagefind's loading included) and navigation→drawn as the bench measures it.
 * One warm-up query (not counted) lets Chromium and the HTTP cache start. Exits 1 if any query is not exact.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { ROOT, serve } from '../tests/support/site.ts';
import { loadQueryCases, runQuery } from '../tests/support/search-run.ts';

const dist = path.resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
if (!fs.existsSync(path.join(dist, 'search', 'index.html')) || !fs.existsSync(path.join(dist, 'pagefind'))) {
  console.log(`${path.relative(ROOT, dist)}/ has no built search page: running npm run build first`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, OUT_DIR: dist } });
}

const cases = loadQueryCases();
const site = await serve(dist);
const browser = await launchBrowser();
let exact = 0;
let hits = 0;
let expectedTotal = 0;
let foundTotal = 0;
const pageMs: number[] = [];
const wallMs: number[] = [];
try {
  const page = await browser.newPage();
  await runQuery(page, site.url, cases[0]?.query ?? 'بوتين'); // warm-up
  for (const c of cases) {
    const r = await runQuery(page, site.url, c.query);
    const found = [...new Set(r.sources)].sort();
    const good = found.filter((s) => c.expected.includes(s)).length;
    const isExact = found.join(' ') === c.expected.join(' ') && r.sources.length === found.length;
    exact += isExact ? 1 : 0;
    hits += good;
    expectedTotal += c.expected.length;
    foundTotal += found.length;
    pageMs.push(r.elapsedMs);
    wallMs.push(r.wallMs);
    const short = (list: string[]) => list.map((s) => s.slice(0, 3)).join(',') || '-';
    console.log(
      `${isExact ? 'exact' : 'MISS '}  ${String(r.elapsedMs).padStart(5)} ms  found ${short(found).padEnd(20)} expected ${short(c.expected).padEnd(20)} ${c.query}`,
    );
  }
} finally {
  await browser.close();
  await site.close();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
console.log('');
console.log(`queries:            ${cases.length} (${path.relative(ROOT, dist)}/, Chromium headless, one page load per query)`);
console.log(`exact matches:      ${exact}/${cases.length}`);
console.log(`recall:             ${pct(hits, expectedTotal)}% (${hits}/${expectedTotal} expected entries found)`);
console.log(`precision:          ${pct(hits, foundTotal)}% (${hits}/${foundTotal} entries found were expected)`);
console.log(`query→drawn:        median ${median(pageMs).toFixed(0)} ms, worst ${Math.max(...pageMs).toFixed(0)} ms (measured in the page)`);
console.log(`navigation→drawn:   median ${median(wallMs).toFixed(0)} ms, worst ${Math.max(...wallMs).toFixed(0)} ms`);
process.exitCode = exact === cases.length ? 0 : 1;
