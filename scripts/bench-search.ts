/**
 * npm run bench:search — every query of tests/fixtures/search-queries*.tsv through the real search page
 * (/search/?q=…) in headless Chromium, against the built site in dist/ (or $BENCH_DIST).
 *
 * Builds nothing unless the folder is missing (then it runs `npm run build` once); rebuild yourself after
 * changing the site. Serves the folder on 127.0.0.1, loads each query's URL in a fresh page load, waits for
 * the page's "results drawn" signal, and prints per query and in total:
 *   exact-match count, recall and precision (micro-averaged over all queries: found∩expected / expected,
 *   found∩expected / found), and timings: query→drawn as the page measures it (from reading ?q= to the
 *   first results in the DOM, Pagefind's loading included: when every word matches exactly, the main list
 *   is drawn from the exact lookups before the other forms are looked up), query→done (the other forms and
 *   the status line too) and navigation→done as the bench measures it.
 * One warm-up query (not counted) lets Chromium and the HTTP cache start. Then every query again, typed into
 * one open search page (a reader's next query: Pagefind already started), timed the same way.
 * Exits 1 if any query is not exact.
 *
 * Two sizes by default: the site as built (the seed entries) and a generated site of 10,000 entries (a copy
 * of the build whose search index is rebuilt from 10,000 entries generated from the real ones: their
 * sentences shuffled, dates spread over 2010–2025, outlets, unlinked people and made-up names added, so
 * the vocabulary grows as a real corpus's would). At 10,000 the expected sets do not apply: it prints the
 * timings, the bytes each query fetched from pagefind/ and search-data/ (encoded body sizes, as if nothing
 * were cached: Pagefind's script, WebAssembly, metadata, index chunks, fragments) and the largest layout shift. `--size 5` or `--size 10000` runs one size.
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
import { loadQueryCases, runQuery, typeQuery, type DrawnResults } from '../tests/support/search-run.ts';
import { recordsFromBuild } from '../src/integrations/search-index.ts';
import * as pagefind from 'pagefind';
import os from 'node:os';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { PAGEFIND_DIR, SEARCH_DATA_DIR } from '../src/integrations/search-index.ts';
import { buildSearchRecords, writeSearchIndex } from '../src/search/index-build.ts';
import { generatedDocs } from './lib/search-docs.ts';
import { buildAliasTable } from '../src/search/terms.ts';
import { loadActors } from '../src/search/actors-data.ts';

const dist = path.resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
if (
  !fs.existsSync(path.join(dist, 'search', 'index.html')) ||
  !fs.existsSync(path.join(dist, 'search-data', 'manifest.json')) ||
  !fs.existsSync(path.join(dist, 'pagefind', 'pagefind.js'))
) {
  console.log(`${path.relative(ROOT, dist)}/ has no built search page: running npm run build first`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, OUT_DIR: dist } });
}

const baseline = process.argv.includes('--baseline');
// The baseline measures Pagefind alone: a copy of the build whose dist/pagefind/ is replaced by Pagefind's own
// index of the built HTML.
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
  let blocked = false;
  run = async (page, siteUrl, query) => {
    // On the search page (its policy lets Pagefind fetch and run WebAssembly; a reading page's does not),
    // with the site's own scripts blocked, so Pagefind runs alone.
    if (!blocked) {
      await page.route(/\/_astro\/.*\.js$/, (route) => route.abort());
      blocked = true;
    }
    const started = performance.now();
    await page.goto(`${siteUrl}search/`);
    const r = await page.evaluate(async (q) => {
      const t0 = performance.now();
      const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      const found = await pf.search(q);
      const data = await Promise.all(found.results.map((x: { data: () => Promise<{ url: string }> }) => x.data()));
      return { urls: data.map((d) => d.url), elapsedMs: performance.now() - t0 };
    }, query);
    const sources = r.urls.map((u) => sourceOf.get(u) ?? u);
    const ms = Math.round(r.elapsedMs);
    return { status: '', sources, hrefs: r.urls, actors: [], elapsedMs: ms, drawnMs: ms, wallMs: performance.now() - started };
  };
}

const cases = loadQueryCases();
const sizeArg = process.argv.indexOf('--size');
const sizes = baseline ? [0] : sizeArg > 0 ? [Number(process.argv[sizeArg + 1])] : [5, 10_000];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
const summary: string[] = [];
let allExact = true;

for (const size of sizes) {
  let folder = served;
  let generated = false;
  if (size > 5) {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), `search-${size}-`));
    fs.cpSync(dist, folder, { recursive: true });
    const t0 = performance.now();
    const built = buildSearchRecords(generatedDocs(size), buildAliasTable(loadActors()));
    await writeSearchIndex(built, folder, { pagefind: PAGEFIND_DIR, data: SEARCH_DATA_DIR });
    // The search page inlines the index's manifest: give the copy the generated index's.
    const pageFile = path.join(folder, 'search', 'index.html');
    const html = fs.readFileSync(pageFile, 'utf8');
    const block = /(<script type="application\/json" id="search-config">)([\s\S]*?)(<\/script>)/.exec(html);
    if (!block) throw new Error(`${pageFile}: no search-config block`);
    const config = JSON.parse(block[2]!) as Record<string, unknown>;
    config.manifest = built.manifest;
    fs.writeFileSync(pageFile, html.replace(block[0], () => block[1] + JSON.stringify(config).replace(/</g, '\\u003c') + block[3]));
    const indexFiles = [PAGEFIND_DIR, SEARCH_DATA_DIR].flatMap((d) =>
      fs.readdirSync(path.join(folder, d), { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name)),
    );
    const bytes = indexFiles.reduce((a, f) => a + fs.statSync(f).size, 0);
    console.log(`generated ${size} entries: Pagefind index and vocabulary of ${indexFiles.length} files, ${(bytes / 1e6).toFixed(1)} MB, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    generated = true;
  }
  const site = await serve(folder);
  const browser = await launchBrowser();
  let exact = 0;
  let hits = 0;
  let expectedTotal = 0;
  let foundTotal = 0;
  const pageMs: number[] = [];
  const doneMs: number[] = [];
  const wallMs: number[] = [];
  const bytes: number[] = [];
  // The same files as a static host that compresses text sends them (most do: GitHub Pages, Netlify,
  // Cloudflare): gzip for what is not gzip already (pagefind.js, pagefind-entry.json); Pagefind's own
  // files and search-data's are stored compressed and go as they are.
  const sentBytes: number[] = [];
  const sentSize = new Map<string, number>();
  const sent = (url: string) => {
    const rel = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
    let n = sentSize.get(rel);
    if (n === undefined) {
      const body = fs.readFileSync(path.join(folder, rel));
      n = body[0] === 0x1f && body[1] === 0x8b ? body.length : zlib.gzipSync(body).length;
      sentSize.set(rel, n);
    }
    return n;
  };
  const marks: number[][] = [];
  const typedMs: number[] = [];
  const typedDoneMs: number[] = [];
  const typedMisses: string[] = [];
  let worstShift = 0;
  try {
    const page = await browser.newPage();
    // Layout shift as Chromium reports it (the CLS measure), summed per page load.
    await page.addInitScript(() => {
      (window as unknown as { __shift: number }).__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!e.hadRecentInput) (window as unknown as { __shift: number }).__shift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await run(page, site.url, cases[0]?.query ?? 'بوتين'); // warm-up
    for (const c of cases) {
      const r = await run(page, site.url, c.query);
      const found = [...new Set(r.sources)].sort();
      const good = found.filter((s) => c.expected.includes(s)).length;
      const isExact = found.join(' ') === c.expected.join(' ') && r.sources.length === found.length;
      const measured = await page.evaluate(() => ({
        urls: performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/search-data/') || e.name.includes('/pagefind/'))
          .map((e) => e.name),
        bytes: performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/search-data/') || e.name.includes('/pagefind/'))
          .reduce((a, e) => a + (e as PerformanceResourceTiming).encodedBodySize, 0),
        shift: (window as unknown as { __shift?: number }).__shift ?? 0,
        timings: document.querySelector('[data-search-results]')?.getAttribute('data-timings') ?? '',
      }));
      if (measured.timings) marks.push(measured.timings.split(' ').map(Number));
      bytes.push(measured.bytes);
      sentBytes.push(measured.urls.reduce((a, u) => a + sent(u), 0));
      worstShift = Math.max(worstShift, measured.shift);
      exact += isExact ? 1 : 0;
      hits += good;
      expectedTotal += c.expected.length;
      foundTotal += found.length;
      pageMs.push(r.drawnMs);
      doneMs.push(r.elapsedMs);
      wallMs.push(r.wallMs);
      const short = (list: string[]) => list.map((s) => s.slice(0, 3)).join(',') || '-';
      console.log(
        generated
          ? `${String(r.drawnMs).padStart(5)} ms  ${String(Math.round(measured.bytes / 1000)).padStart(4)} KB  ${String(r.sources.length).padStart(3)} drawn  ${c.query}`
          : `${isExact ? 'exact' : 'MISS '}  ${String(r.drawnMs).padStart(5)} ms  found ${short(found).padEnd(20)} expected ${short(c.expected).padEnd(20)} ${c.query}`,
      );
    }
    // A reader's next queries: each typed into the search box of one loaded page, Pagefind already started.
    if (!baseline) {
      const page = await browser.newPage();
      await page.goto(`${site.url}search/`);
      await page.waitForLoadState('networkidle');
      for (const c of cases) {
        const r = await typeQuery(page, c.query);
        typedMs.push(r.drawnMs);
        typedDoneMs.push(r.elapsedMs);
        const found = [...new Set(r.sources)].sort();
        if (!generated && found.join(' ') !== c.expected.join(' ')) typedMisses.push(c.query);
      }
    }
  } finally {
    await browser.close();
    await site.close();
    if (generated || baseline) fs.rmSync(folder, { recursive: true, force: true });
  }
  const label = generated ? `${size} generated entries` : `${path.relative(ROOT, dist)}/${baseline ? ', Pagefind ALONE' : ''}`;
  const lines = [
    `queries:            ${cases.length} (${label}, Chromium headless, one page load per query, ${os.loadavg()[0]!.toFixed(1)} load average)`,
    ...(generated
      ? []
      : [
          `exact matches:      ${exact}/${cases.length}`,
          `recall:             ${pct(hits, expectedTotal)}% (${hits}/${expectedTotal} expected entries found)`,
          `precision:          ${pct(hits, foundTotal)}% (${hits}/${foundTotal} entries found were expected)`,
        ]),
    `query→drawn:        median ${median(pageMs).toFixed(0)} ms, worst ${Math.max(...pageMs).toFixed(0)} ms (measured in the page: to the first results in the list)`,
    `query→done:         median ${median(doneMs).toFixed(0)} ms, worst ${Math.max(...doneMs).toFixed(0)} ms (other forms and the status line included)`,
    `navigation→done:    median ${median(wallMs).toFixed(0)} ms, worst ${Math.max(...wallMs).toFixed(0)} ms`,
    ...(typedMs.length
      ? [
          `typed, page loaded: median ${median(typedMs).toFixed(0)} ms, worst ${Math.max(...typedMs).toFixed(0)} ms to results drawn; done median ${median(typedDoneMs).toFixed(0)} ms, worst ${Math.max(...typedDoneMs).toFixed(0)} ms (each query typed into one open search page, Pagefind started${generated ? '' : `; ${cases.length - typedMisses.length}/${cases.length} exact`})`,
        ]
      : []),
    `bytes per query:    median ${(median(bytes) / 1000).toFixed(0)} KB, worst ${(Math.max(...bytes) / 1000).toFixed(0)} KB (search files as served here, no compression by the server, as if uncached)`,
    `  from a host that compresses text: median ${(median(sentBytes) / 1000).toFixed(0)} KB, worst ${(Math.max(...sentBytes) / 1000).toFixed(0)} KB (pagefind.js and pagefind-entry.json gzipped; the rest is stored compressed)`,
    `layout shift:       worst ${worstShift.toFixed(3)} per page load`,
    ...(marks.length
      ? [`in the page:        median ms from reading the query to: parsed ${median(marks.map((m) => m[0] ?? 0))}, Pagefind ready and numbered ${median(marks.map((m) => m[1] ?? 0))}, searched ${median(marks.map((m) => m[2] ?? 0))}, drawn ${median(marks.map((m) => m[3] ?? 0))}`]
      : []),
  ];
  summary.push(lines.join('\n'));
  if (!generated && (exact !== cases.length || typedMisses.length)) allExact = false;
}
console.log('');
console.log(summary.join('\n\n'));
process.exitCode = allExact ? 0 : 1;
