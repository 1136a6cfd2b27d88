/**
 * The search page in headless Chromium, on the built site: the whole query set (both TSVs) through
 * /search/?q= must return exactly the expected entries; filters, sort, shared URLs, the header form,
 * keyboard use, the page without JavaScript, the sub-path build, and the HTML and axe checks.
 *
 * Expected entries are named by source file; the entry behind each source is found through the
 * entries' `source` frontmatter (the fixed seeds' entries, tests/support/site.ts TEST_ENTRIES) and the index built from the pages, never by URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsFromBuild } from '../../src/integrations/search-index.ts';
import { foldArabic } from '../../src/text/normalize.ts';
import { launchBrowser } from '../support/browser.ts';
import { formatAxeViolations, formatNuMessages, nuErrors, runAxe, validateHtml } from '../support/checks.ts';
import { loadQueryCases, readResults, runQuery } from '../support/search-run.ts';
import { DIST, SUBPATH, SUBPATH_DIST, TEST_ENTRIES, serve, type Served } from '../support/site.ts';

interface EntryInfo {
  source: string;
  date: string;
  outlet: string | null;
  actors: string[];
}

/** The entries as the ingest wrote them, by source file. */
function entriesBySource(): Map<string, EntryInfo> {
  const dir = TEST_ENTRIES;
  const map = new Map<string, EntryInfo>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const { data } = matter(fs.readFileSync(path.join(dir, file), 'utf8'));
    map.set(String(data.source), {
      source: String(data.source),
      date: String(data.date),
      outlet: (data.outlet as string | null) ?? null,
      actors: (data.actors as string[]) ?? [],
    });
  }
  return map;
}

const cases = loadQueryCases();
const entries = entriesBySource();
let site: Served;
let browser: Browser;
let page: Page;
/** Entry page path (under the base) → source, from the index records of the built pages. */
let sourceOfPath: Map<string, string>;

beforeAll(async () => {
  site = await serve(DIST);
  browser = await launchBrowser();
  page = await browser.newPage();
  const records = recordsFromBuild(DIST).filter((r) => r.meta.kind === 'entry');
  sourceOfPath = new Map(records.map((r) => [r.url, r.meta.source ?? '']));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the query set', () => {
  it('names only sources that have an entry, and every entry page declares its source', () => {
    for (const c of cases) for (const s of c.expected) expect(entries.has(s), `${c.file}:${c.line} ${s}`).toBe(true);
    expect([...sourceOfPath.values()].sort()).toEqual([...entries.keys()].sort());
  });

  it.each(cases.map((c) => [`${c.query} (${c.file}:${c.line}: ${c.note})`, c] as const))('%s', async (_label, c) => {
    const r = await runQuery(page, site.url, c.query);
    expect([...r.sources].sort(), r.status).toEqual(c.expected);
    // Each result links to the page of the entry it claims to be.
    r.hrefs.forEach((href, i) => expect(sourceOfPath.get(href), href).toBe(r.sources[i]));
  });
});

describe('numbering the records', () => {
  const numbering = () => page.evaluate(() => document.querySelector('[data-search-results]')?.getAttribute('data-numbering'));

  it("takes Pagefind's listing when its ids give the build's checksum", async () => {
    const r = await runQuery(page, site.url, cases[0]!.query);
    expect([...r.sources].sort()).toEqual(cases[0]!.expected);
    expect(await numbering()).toBe('listed');
  });

  it("numbers by the build's list of ids instead when the checksum differs or is missing, with the same results", async () => {
    const { build } = JSON.parse(fs.readFileSync(path.join(DIST, 'search-data', 'manifest.json'), 'utf8')) as { build: string };
    const other = await browser.newPage();
    try {
      for (const answer of ['wrong', 'missing'] as const) {
        await other.unrouteAll();
        await other.route(/\/search-data\/order\.json/, (route) =>
          answer === 'missing' ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ build, ids: '00000000' }) }),
        );
        for (const c of cases.slice(0, 6)) {
          const r = await runQuery(other, site.url, c.query);
          expect([...r.sources].sort(), `${answer}: ${c.query}`).toEqual(c.expected);
          expect(await other.evaluate(() => document.querySelector('[data-search-results]')?.getAttribute('data-numbering'))).toBe('file');
        }
      }
    } finally {
      await other.close();
    }
  });
});

describe('starting', () => {
  it("starts Pagefind while the rest of the page's code is still loading", async () => {
    // The page's first script starts Pagefind and only then loads the parser and the drawing (a chunk of
    // their own). Held back here, that chunk must not hold back Pagefind's index: its metadata is asked for
    // while the chunk waits, and the results are right once it arrives.
    const other = await browser.newPage();
    const seen: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      other.on('request', (r) => {
        if (/\/pagefind\/pagefind\.[^/]*\.pf_meta/.test(r.url())) seen.push('pagefind metadata');
      });
      await other.route(/\/_astro\/client\.[^/]*\.js$/, async (route) => {
        seen.push('page code');
        await held;
        await route.continue();
      });
      const c = cases[0]!;
      await other.goto(`${site.url}search/?${new URLSearchParams({ q: c.query })}`);
      await expect.poll(() => seen, { timeout: 10_000 }).toEqual(['page code', 'pagefind metadata']);
      release();
      const r = await readResults(other);
      expect([...r.sources].sort()).toEqual(c.expected);
    } finally {
      release();
      await other.close();
    }
  });
});

describe('the search page', () => {
  it('has one search box (none in the header) and shows only filters with something to choose', async () => {
    await runQuery(page, site.url, 'بوتين');
    expect(await page.locator('#site-search-q').count()).toBe(0);
    for (const id of ['search-actor', 'search-outlet', 'search-year', 'search-month', 'search-person']) {
      const options = await page.locator(`#${id} option`).count();
      expect(await page.locator(`#${id}`).isVisible(), id).toBe(options > 1);
    }
  });
});

describe('results', () => {
  it('show date, outlet and an excerpt of the original text with the match marked', async () => {
    const r = await runQuery(page, site.url, 'قمة');
    expect(r.sources.length).toBeGreaterThan(0);
    const drawn = await page.$$eval('[data-search-results] > li', (items) =>
      items.map((li) => ({
        datetime: li.querySelector('time')?.getAttribute('datetime') ?? '',
        outlet: li.querySelector('.search-result-outlet')?.textContent ?? '',
        excerpt: li.querySelector('.search-result-excerpt')?.textContent ?? '',
        marks: [...li.querySelectorAll('.search-result-excerpt mark')].map((m) => m.textContent ?? ''),
        href: li.querySelector('h3 a')?.getAttribute('href') ?? '',
      })),
    );
    for (const [i, d] of drawn.entries()) {
      const entry = entries.get(r.sources[i]!)!;
      expect(d.datetime).toBe(entry.date);
      expect(d.outlet).toContain(entry.outlet ?? 'غير معروف');
      expect(d.marks.length).toBeGreaterThan(0);
      for (const m of d.marks) expect(foldArabic(m)).toMatch(/قم/);
      // Readers see the source's words, never the index's folded terms.
      expect(d.excerpt).not.toMatch(/\u0640\s|\u0640$/);
      // The excerpt, ellipses aside, is a stretch of the article text as the entry page shows it in the browser.
      const entryPage = await browser.newPage();
      await entryPage.goto(new URL(d.href, site.url).href);
      const shown = await entryPage.$$eval('[data-pagefind-body]', (els) => els.map((e) => (e as HTMLElement).innerText).join(' '));
      await entryPage.close();
      expect(shown.replace(/\s+/g, ' ')).toContain(d.excerpt.replace(/^… | …$/g, '').trim());
    }
  });

  it('list actor pages that match, with links to them', async () => {
    const r = await runQuery(page, site.url, 'Peskov');
    expect(r.actors).toEqual(['dmitry-peskov']);
    const href = await page.$eval('[data-search-actors] li a', (a) => a.getAttribute('href'));
    expect(fs.existsSync(path.join(DIST, href ?? '', 'index.html'))).toBe(true);
  });

  it('are announced to screen readers', async () => {
    const r = await runQuery(page, site.url, 'بيسكوف');
    const live = await page.$eval('[data-search-status]', (el) => [el.getAttribute('role'), el.getAttribute('aria-live')]);
    expect(live).toEqual(['status', 'polite']);
    expect(r.status).toContain('4 نتائج');
  });

  it('say so when nothing matches', async () => {
    const r = await runQuery(page, site.url, 'بوريل');
    expect(r.sources).toEqual([]);
    expect(r.status).toContain('لا نتائج');
  });

  it('find the words a query word begins, and say the forms are not exact', async () => {
    const r = await runQuery(page, site.url, 'بوت');
    expect([...r.sources].sort()).toEqual([...entries.keys()].sort());
    expect(r.status).toContain('بصيغ أخرى');
  });

  it('list other forms of a word below the exact ones', async () => {
    const r = await runQuery(page, site.url, 'اتفاقية');
    expect([...r.sources].sort()).toEqual(cases.find((c) => c.query === 'اتفاقية')!.expected);
    const forms = await page.$$eval('[data-search-forms] li', (lis) => lis.map((li) => li.getAttribute('data-source') ?? ''));
    expect([...r.sources, ...forms].sort()).toEqual([...entries.keys()].sort());
    expect(await page.locator('[data-search-forms]').isVisible()).toBe(true);
  });

  it('are drawn from the exact lookups first, then the other forms below, with the status said once at the end', async () => {
    // اتفاقية: exact matches and other forms both; the main list is drawn before the other forms are looked up.
    const r = await runQuery(page, site.url, 'اتفاقية');
    expect(await page.getAttribute('[data-search-results]', 'data-early')).toBe('true');
    expect(r.drawnMs).toBeGreaterThanOrEqual(0);
    expect(r.drawnMs).toBeLessThanOrEqual(r.elapsedMs);
    expect(await page.locator('[data-search-forms] li').count()).toBeGreaterThan(0);
    expect(await page.$eval('[data-search-status]', (el) => el.hasAttribute('aria-busy'))).toBe(false);
    expect(r.status).toContain('بصيغ أخرى');
    // بوت: no exact match anywhere, so nothing is drawn before every lookup is in.
    await runQuery(page, site.url, 'بوت');
    expect(await page.getAttribute('[data-search-results]', 'data-early')).toBeNull();
  });

  it('list the entries holding most of the words when none holds all, and say what each lacks', async () => {
    const r = await runQuery(page, site.url, 'معاهدة الشراكة الاستراتيجية');
    expect(r.sources.length).toBeGreaterThan(0);
    expect(r.status).toContain('لا خبر يجمع');
    const lacks = await page.$$eval('.search-result-missing', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(lacks.length).toBe(r.sources.length);
  });

  it('suggest the nearest words of the index as links when nothing matches', async () => {
    await runQuery(page, site.url, 'بوتيين');
    const links = await page.$$eval('[data-search-suggest] a', (as) => as.map((a) => a.textContent ?? ''));
    expect(links).toContain('بوتين');
    // One word typed: the question offers the words themselves («هل تقصد: بوتين؟»).
    expect(await page.$eval('[data-search-suggest] p', (p) => p.textContent ?? '')).toMatch(/^هل تقصد: بوتين/);
    await page.click('[data-search-suggest] a[data-suggestion="بوتين"]');
    const r = await readResults(page);
    expect([...r.sources].sort()).toEqual(cases.find((c) => c.query === 'بـوتـين')!.expected);
  });

  it('find a month with or without its year, and filter by month', async () => {
    const sept2023 = [...entries.values()].filter((e) => e.date.startsWith('2023-09')).map((e) => e.source).sort();
    for (const q of ['سبتمبر 2023', 'أيلول 2023', '9/2023']) expect([...(await runQuery(page, site.url, q)).sources].sort(), q).toEqual(sept2023);
    const r = await runQuery(page, site.url, '', { month: '09', year: '2023' });
    expect([...r.sources].sort()).toEqual(sept2023);
    expect(await page.$eval('select[name="month"]', (s) => (s as HTMLSelectElement).value)).toBe('09');
  });

  it('find an outlet or a via by name, and places by their other names', async () => {
    const byOutlet = (name: string) => [...entries.values()].filter((e) => e.outlet === name).map((e) => e.source).sort();
    expect([...(await runQuery(page, site.url, 'البوابة نيوز')).sources].sort()).toEqual(byOutlet('البوابة نيوز'));
    expect((await runQuery(page, site.url, 'تسنيم')).sources.length).toBe(1);
    expect((await runQuery(page, site.url, 'كوريا الديمقراطية')).sources.length).toBe(entries.size);
  });

  it('never turn a query into markup', async () => {
    const r = await runQuery(page, site.url, '<img src=x onerror=alert(1)> بوتين');
    // No entry holds every word: the entries that hold بوتين are listed as partial results, and say so.
    expect(r.status).toContain('لا خبر يجمع');
    expect(await page.$$('[data-search-root] img')).toHaveLength(0);
    expect(r.status).toContain('<img');
  });
});

describe('filters and sort', () => {
  it('filter by year', async () => {
    const r = await runQuery(page, site.url, 'بوتين', { year: '2024' });
    const expected = [...entries.values()].filter((e) => e.date.startsWith('2024')).map((e) => e.source).sort();
    expect([...r.sources].sort()).toEqual(expected);
  });

  it('filter by outlet', async () => {
    const entry = [...entries.values()].find((e) => e.outlet)!;
    const r = await runQuery(page, site.url, 'بوتين', { outlet: entry.outlet! });
    const expected = [...entries.values()].filter((e) => e.outlet === entry.outlet).map((e) => e.source).sort();
    expect([...r.sources].sort()).toEqual(expected);
  });

  it('filter by actor', async () => {
    const r = await runQuery(page, site.url, 'كوريا', { actor: 'andrei-belousov' });
    expect(r.sources).toEqual(cases.find((c) => c.query === 'Belousov')!.expected);
    expect(r.actors).toEqual([]);
  });

  it('list every entry a filter keeps when there is no query', async () => {
    await page.goto(`${site.url}search/?year=2024`);
    const r = await readResults(page);
    const expected = [...entries.values()].filter((e) => e.date.startsWith('2024')).map((e) => e.source).sort();
    expect([...r.sources].sort()).toEqual(expected);
    expect(r.status).toContain('ضمن التصفية');
  });

  it('sort by date, both ways, and by relevance', async () => {
    const dates = (sources: string[]) => sources.map((s) => entries.get(s)!.date);
    const oldest = await runQuery(page, site.url, 'بوتين', { sort: 'oldest' });
    expect(dates(oldest.sources)).toEqual([...dates(oldest.sources)].sort());
    const newest = await runQuery(page, site.url, 'بوتين', { sort: 'newest' });
    expect(dates(newest.sources)).toEqual([...dates(newest.sources)].sort().reverse());
    expect(newest.sources).toHaveLength(5);
    const relevance = await runQuery(page, site.url, 'بوتين');
    expect([...relevance.sources].sort()).toEqual([...newest.sources].sort());
    expect(await page.$eval('select[name="sort"]', (s) => (s as HTMLSelectElement).value)).toBe('relevance');
  });
});

describe('the URL holds the search', () => {
  it('updates as the reader searches and filters, and the same URL opens the same results', async () => {
    await page.goto(`${site.url}search/`);
    await readResults(page);
    // The page's own form (the header has another input named q).
    await page.fill('#search-q', 'بوتين');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(/\?q=/);
    await readResults(page);
    await page.selectOption('select[name="year"]', '2023');
    await page.waitForURL(/year=2023/);
    await page.selectOption('select[name="sort"]', 'oldest');
    await page.waitForURL(/sort=oldest/);
    const first = await readResults(page);
    const shared = page.url();
    expect(new URL(shared).searchParams.get('q')).toBe('بوتين');

    const other = await browser.newPage();
    await other.goto(shared);
    const again = await readResults(other);
    expect(again.sources).toEqual(first.sources);
    expect(await other.inputValue('#search-q')).toBe('بوتين');
    expect(await other.$eval('select[name="year"]', (s) => (s as HTMLSelectElement).value)).toBe('2023');
    await other.close();

    // Back goes to the previous search.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('sort'));
    expect((await readResults(page)).sources.length).toBeGreaterThan(0);
  });

  it('is reached from the header form of any page, with the keyboard', async () => {
    await page.goto(site.url);
    const input = page.locator('header form input[name="q"]');
    await input.focus();
    await page.keyboard.type('Pyongyang');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Pyongyang/);
    const r = await readResults(page);
    expect([...r.sources].sort()).toEqual(cases.find((c) => c.query === 'Pyongyang')!.expected);
  });
});

describe('without JavaScript', () => {
  it('says plainly that search needs JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${site.url}search/?q=${encodeURIComponent('بوتين')}`);
    const noscript = await p.locator('.search-noscript').textContent();
    expect(noscript).toContain('JavaScript');
    expect(await p.locator('[data-search-app]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('the sub-path build', () => {
  it('searches under /timeline/ and links there', async () => {
    const sub = await serve(SUBPATH_DIST, { mount: SUBPATH });
    try {
      const p = await browser.newPage();
      for (const c of cases.filter((x) => ['بيونغ يانغ', 'قمة', 'بوريل'].includes(x.query))) {
        const r = await runQuery(p, sub.url, c.query);
        expect([...r.sources].sort()).toEqual(c.expected);
        for (const href of r.hrefs) expect(href.startsWith(SUBPATH)).toBe(true);
      }
      await p.close();
    } finally {
      await sub.close();
    }
  });
});

describe('checks on the search page with results', () => {
  it('passes the Nu HTML Checker', async () => {
    await runQuery(page, site.url, 'كيم جونغ أون');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-html-'));
    const file = path.join(dir, 'search-with-results.html');
    fs.writeFileSync(file, `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
    const messages = nuErrors(await validateHtml([file]));
    expect(messages, formatNuMessages(messages)).toEqual([]);
  });

  it('passes axe (WCAG 2.1 A and AA)', async () => {
    await runQuery(page, site.url, 'كيم جونغ أون');
    const violations = await runAxe(page);
    expect(violations, formatAxeViolations(violations, 'search')).toEqual([]);
  });
});
