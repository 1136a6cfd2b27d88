/**
 * Running the search query set through the real search page (/search/?q=…) in Chromium: shared by
 * tests/e2e/search.test.ts and scripts/bench-search.ts. Results are read from the page as drawn: each
 * result's data-source (the entry's `source` frontmatter, declared by the entry page) and link.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './site.ts';

export const QUERY_FILES = [
  path.join(ROOT, 'tests/fixtures/search-queries.tsv'),
  path.join(ROOT, 'tests/fixtures/search-queries-extra.tsv'),
];

export interface QueryCase {
  query: string;
  /** Source file names of the entries the query must find, sorted; empty for "-". */
  expected: string[];
  note: string;
  file: string;
  line: number;
}

/** Read query sets (TSV: query, expected source files space-separated or "-", note). Errors name file and line. */
export function loadQueryCases(files = QUERY_FILES): QueryCase[] {
  return files.flatMap((file) => {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    if (lines[0] !== 'query\texpected\tnote') throw new Error(`${file}:1: expected the header "query<TAB>expected<TAB>note"`);
    return lines.slice(1).flatMap((text, i) => {
      if (!text.trim()) return [];
      const cols = text.split('\t');
      if (cols.length !== 3 || !cols[0] || !cols[1]) throw new Error(`${file}:${i + 2}: expected 3 tab-separated columns`);
      const expected = cols[1] === '-' ? [] : cols[1].split(' ').filter(Boolean).sort();
      return [{ query: cols[0], expected, note: cols[2]!, file: path.basename(file), line: i + 2 }];
    });
  });
}

export interface DrawnResults {
  status: string;
  /** data-source of each entry result, in the order drawn. */
  sources: string[];
  hrefs: string[];
  /** Actor ids of the actor results. */
  actors: string[];
  /** The page's own figure: from reading the query to everything drawn, other forms included (ms). */
  elapsedMs: number;
  /** The page's own figure: from reading the query to the first results in the list (ms): the main list
   *  drawn from the exact lookups alone when every word matches exactly, else the same as elapsedMs. */
  drawnMs: number;
}

/** Wait until the page has drawn the results for its current URL, and read them. */
export async function readResults(page: Page, timeout = 15_000): Promise<DrawnResults> {
  await page.waitForFunction(
    () => {
      const list = document.querySelector('[data-search-results]');
      const q = (new URLSearchParams(location.search).get('q') ?? '').trim();
      return list?.getAttribute('data-state') === 'done' && list.getAttribute('data-query') === q;
    },
    undefined,
    { timeout },
  );
  return page.evaluate(() => ({
    status: document.querySelector('[data-search-status]')?.textContent ?? '',
    sources: [...document.querySelectorAll('[data-search-results] > li')].map((li) => li.getAttribute('data-source') ?? ''),
    hrefs: [...document.querySelectorAll('[data-search-results] > li h3 a')].map((a) => a.getAttribute('href') ?? ''),
    actors: [...document.querySelectorAll('[data-search-actors] li')].map((li) => li.getAttribute('data-actor') ?? ''),
    elapsedMs: Number(document.querySelector('[data-search-results]')?.getAttribute('data-elapsed-ms')),
    drawnMs: Number(document.querySelector('[data-search-results]')?.getAttribute('data-drawn-ms')),
  }));
}

/** Open /search/?q=… (plus other parameters) under `siteUrl` and read the drawn results, with the wall time. */
export async function runQuery(
  page: Page,
  siteUrl: string,
  query: string,
  params: Record<string, string> = {},
): Promise<DrawnResults & { wallMs: number }> {
  const qs = new URLSearchParams({ q: query, ...params });
  const started = performance.now();
  await page.goto(`${siteUrl}search/?${qs}`);
  const drawn = await readResults(page);
  return { ...drawn, wallMs: performance.now() - started };
}

/**
 * Type `query` into the search box of a search page already open and loaded, submit it, and read the
 * drawn results: a reader's next query, with Pagefind already started (the page's own figure then covers
 * the lookups and the drawing only).
 */
export async function typeQuery(page: Page, query: string): Promise<DrawnResults> {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  return readResults(page);
}
