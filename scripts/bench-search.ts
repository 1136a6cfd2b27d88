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
 *
 * npm run bench:search -- --baseline  measures Pagefind ALONE on the same pages, for comparison: a copy of
 * the build indexed by Pagefind's own HTML indexing (data-pagefind-body, lang="ar", its Arabic stemmer),
 * each query passed as typed to pagefind.search(), results mapped to sources through the entry pages.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { ROOT, serve } from '../tests/support/site.ts';
import { loadQueryCases, runQuery, type DrawnResults } from '../tests/support/search-run.ts';
import { recordsFromBuild } from '../src/integrations/search-index.ts';
import * as pagefind from 'pagefind';
import os from 'node:os';
import type { Page } from 'playwright-core';

const dist = path.resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
if (!fs.existsSync(path.join(dist, 'search', 'index.html')) || !fs.existsSync(path.join(dist, 'pagefind'))) {
  console.log(`${path.relative(ROOT, dist)}/ has no built search page: running npm run build first`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, OUT_DIR: dist } });
}

const baseline = process.argv.includes('--baseline');
let served = dist;
let run: (page: Page, siteUrl: string, query: string) => Promise<DrawnResults & { wallMs: number }> = runQuery;
if (baseline) {
  served = fs.mkdtempSync(path.join(os.tmpdir(), 'search-baseline-'));
  fs.cpSync(dist, served, { recursive: true });
  fs.rmSync(path.join(served, 'pagefind'), { recursive: true, force: true });
  const { index } = await pagefind.createIndex({});
  const res = await index!.addDirectory({ path: served });
  await index!.writeFiles({ outputPath: path.join(served, 'pagefind') });
  await pagefind.close();
  console.log(`baseline: Pagefind alone indexed ${res.page_count} pages of ${path.relative(ROOT, dist)}/`);
  const sourceOf = new Map(recordsFromBuild(dist).map((r) => [r.url, r.meta.source ?? r.url]));
  run = async (page, siteUrl, query) => {
    const started = performance.now();
    await page.goto(`${siteUrl}about/`);
    const r = await page.evaluate(async (q) => {
      const t0 = performance.now();
      const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      const found = await pf.search(q);
      const data = await Promise.all(found.results.map((x: { data: () => Promise<{ url: string }> }) => x.data()));
      return { urls: data.map((d) => d.url), elapsedMs: performance.now() - t0 };
    }, query);
    const sources = r.urls.map((u) => sourceOf.get(u) ?? u);
    return { status: '', sources, hrefs: r.urls, actors: [], elapsedMs: Math.round(r.elapsedMs), wallMs: performance.now() - started };
  };
}

const cases = loadQueryCases();
const site = await serve(served);
const browser = await launchBrowser();
let exact = 0;
let hits = 0;
let expectedTotal = 0;
let foundTotal = 0;
const pageMs: number[] = [];
const wallMs: number[] = [];
try {
  const page = await browser.newPage();
  await run(page, site.url, cases[0]?.query ?? 'بوتين'); // warm-up
  for (const c of cases) {
    const r = await run(page, site.url, c.query);
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
  if (baseline) fs.rmSync(served, { recursive: true, force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
console.log('');
console.log(
  `queries:            ${cases.length} (${path.relative(ROOT, dist)}/, ${baseline ? 'Pagefind ALONE, ' : ''}Chromium headless, one page load per query)`,
);
console.log(`exact matches:      ${exact}/${cases.length}`);
console.log(`recall:             ${pct(hits, expectedTotal)}% (${hits}/${expectedTotal} expected entries found)`);
console.log(`precision:          ${pct(hits, foundTotal)}% (${hits}/${foundTotal} entries found were expected)`);
console.log(`query→drawn:        median ${median(pageMs).toFixed(0)} ms, worst ${Math.max(...pageMs).toFixed(0)} ms (measured in the page)`);
console.log(`navigation→drawn:   median ${median(wallMs).toFixed(0)} ms, worst ${Math.max(...wallMs).toFixed(0)} ms`);
process.exitCode = exact === cases.length ? 0 : 1;
