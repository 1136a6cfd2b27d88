/**
 * A seeds/ folder as editors really fill it: 40 articles from many outlets' pages (the ingest corpus),
 * with undated, broken and duplicated ones among them, and hostile ones. The ingest (as `npm run build` runs
 * it, not strict) publishes every good article and names every other one in its report; the site builds with
 * every good entry on its own page and in the timeline; a hostile article's page, opened in Chromium, has no
 * element, navigation, dialog or request the source asked for.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { DIST, ROOT, buildSite, serve, type Served } from '../support/site.ts';
import { DESKTOP, launchBrowser } from '../support/browser.ts';
import { readReport, runCli } from '../unit/ingest/helpers.ts';
import type { IngestReport } from '../../src/ingest/directory.ts';
import { AFTER_URL, CLASSIC } from '../fixtures/injection-shapes.ts';

const CORPUS = path.join(ROOT, 'tests', 'corpus', 'articles');
const MIXED_DIST = `${DIST}-mixed`;

/** Articles that can never become entries, each with the reason the report must give. */
const BROKEN: Record<string, [string | Uint8Array, RegExp]> = {
  'zz-empty.txt': ['', /the file is empty/],
  'zz-binary.txt': [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /not/],
  'zz-only-furniture.txt': ['التعليقات (0)\nاظهار أخبار متعلقة\n', /no headline|no article text|no date/],
  'zz-undated.txt': ['خبر بلا تاريخ عن لقاء في موسكو\nقال دميتري بيسكوف إن اللقاء كان مثمرا وإن المحادثات ستتواصل.\nوأضاف أن الجانبين اتفقا على مواصلة الاتصالات.\n', /no date/],
};

/** Hostile articles: each becomes an entry whose page must show the markup as text and do nothing else. */
const HOSTILE: Record<string, string> = {
  // Every shape of the injection corpus, in a paragraph of an article of its own, and in its headline.
  ...Object.fromEntries(
    [...AFTER_URL, ...CLASSIC].map((shape, i) => [
      `zz-shape-${String(i).padStart(2, '0')}.txt`,
      `خبر رقم ${i + 1} عن زيارة إلى بيونغ يانغ ${shape}\nتاريخ النشر: 2024-02-${String((i % 27) + 1).padStart(2, '0')}\nقال دميتري بيسكوف إن ${shape} الزيارة ستتم قريبا.\n`,
    ]),
  ),
  'zz-hostile-url.txt':
    'بيسكوف يعلق على الزيارة المرتقبة إلى بيونغ يانغ\nتاريخ النشر: 2024-01-05\nقال دميتري بيسكوف إن التفاصيل على https://example.com/<meta http-equiv="refresh" content="0;url=https://evil.example/phish"> هنا، وإن الزيارة ستتم قريبا.\nوأضاف أن الموعد www.example.org/<img src=x onerror="alert(1)"> سيعلن لاحقا.\n',
  'zz-hostile-quote.txt':
    'لافروف يتحدث عن العلاقات مع كوريا الشمالية <script>alert(2)</script>\nتاريخ النشر: 2024-01-06\nوقال وزير الخارجية الروسي سيرغي لافروف: «<iframe src="https://evil.example/"></iframe> العلاقات ممتازة <b>جدا»، مضيفا أن [رابط](javascript:alert(3)) التعاون مستمر.\n',
};

let dir: string;
let report: IngestReport;
let corpusNames: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mixed-seeds-'));
  const seeds = path.join(dir, 'seeds');
  const entries = path.join(dir, 'entries');
  fs.mkdirSync(seeds);
  // 35 corpus articles spread over the whole corpus, so many outlets' shapes are in.
  const all = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  corpusNames = Array.from({ length: 35 }, (_, k) => all[Math.floor((k * all.length) / 35)]!);
  for (const f of corpusNames) fs.copyFileSync(path.join(CORPUS, f), path.join(seeds, f));
  // The same article saved twice under another name.
  fs.copyFileSync(path.join(CORPUS, corpusNames[0]!), path.join(seeds, 'zz-copy-of-first.txt'));
  for (const [name, [content]] of Object.entries(BROKEN)) fs.writeFileSync(path.join(seeds, name), content);
  for (const [name, content] of Object.entries(HOSTILE)) fs.writeFileSync(path.join(seeds, name), content);
  const r = await runCli(seeds, entries);
  expect(r.status, r.stderr).toBe(0);
  report = readReport(entries);
  buildSite(entries, MIXED_DIST);
}, 600_000);

describe('a seeds/ folder of 40 mixed articles', () => {
  it('names every article that did not become an entry, with its reason, and each broken one as broken', () => {
    const accounted = new Set([...report.entries.map((e) => e.source), ...report.refused.map((r) => r.source), ...report.duplicates.map((d) => d.source)]);
    expect(accounted.size).toBe(corpusNames.length + 1 + Object.keys(BROKEN).length + Object.keys(HOSTILE).length);
    expect(corpusNames.length + 1 + Object.keys(BROKEN).length).toBe(40);
    for (const [name, [, reason]] of Object.entries(BROKEN)) {
      const refusal = report.refused.find((r) => r.source === name);
      expect(refusal, name).toBeDefined();
      expect(refusal!.problems.join(' ')).toMatch(new RegExp(`${name.replace('.', '\\.')}: `));
      expect(refusal!.problems.join(' ')).toMatch(reason);
    }
    expect(report.duplicates).toEqual([{ source: 'zz-copy-of-first.txt', of: corpusNames[0] }]);
  });

  it('publishes most of the real-shaped articles', () => {
    const published = report.entries.filter((e) => corpusNames.includes(e.source)).length;
    expect(published / corpusNames.length).toBeGreaterThanOrEqual(0.8);
  });

  it('builds a page for every good article, and lists each in the timeline', () => {
    const home = cheerio.load(fs.readFileSync(path.join(MIXED_DIST, 'index.html'), 'utf8'));
    const linked = new Set(home('a[href*="/entries/"]').map((_, a) => home(a).attr('href')!.replace(/^.*\/entries\/|\/$/g, '')).get());
    for (const e of report.entries) {
      const id = e.file.replace(/\.md$/, '');
      expect(fs.existsSync(path.join(MIXED_DIST, 'entries', id, 'index.html')), e.file).toBe(true);
      expect(linked.has(id), `${id} on the home page`).toBe(true);
    }
  });
});

describe('hostile articles in the built site, in Chromium', () => {
  let site: Served;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    site = await serve(MIXED_DIST);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each(Object.keys(HOSTILE))('%s: the markup is text, and the page does nothing the source asked', async (name) => {
    const entry = report.entries.find((e) => e.source === name);
    if (!entry) {
      // A shape that leaves no headline or no text (a 33-word entity run, a fenced block) is refused, by name.
      const refusal = report.refused.find((r) => r.source === name);
      expect(refusal?.problems.join(' '), `${name}: neither an entry nor refused by name`).toMatch(new RegExp(`${name.replace('.', '\\.')}: `));
      expect(['zz-hostile-url.txt', 'zz-hostile-quote.txt']).not.toContain(name);
      return;
    }
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const requests: string[] = [];
    let dialogs = 0;
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const url = `${site.url}entries/${entry!.file.replace(/\.md$/, '')}/`;
    await page.goto(url);
    await page.waitForTimeout(1500); // a refresh of 0 s, an onerror, a script would have acted by now
    expect(page.url()).toBe(url);
    expect(dialogs).toBe(0);
    expect(requests.filter((u) => !u.startsWith(site.url))).toEqual([]);
    const injected = await page.evaluate(() => ({
      meta: document.querySelectorAll('meta[http-equiv="refresh"]').length,
      iframes: document.querySelectorAll('iframe').length,
      imgs: [...document.querySelectorAll('main img')].length,
      scripts: [...document.querySelectorAll('main script')].length,
      jsLinks: [...document.querySelectorAll('a[href^="javascript:"]')].length,
      onerror: document.querySelectorAll('[onerror]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
      other: document.querySelectorAll('base, main svg, main object, main embed, main form, main style, main link, main input, main video, main audio').length,
      bold: document.querySelectorAll('main b').length,
      text: document.querySelector('main')!.textContent ?? '',
    }));
    expect(injected).toMatchObject({ meta: 0, iframes: 0, imgs: 0, scripts: 0, jsLinks: 0, onerror: 0, handlers: 0, other: 0, bold: 0 });
    // What the source wrote is still there, as text.
    if (name === 'zz-hostile-url.txt') expect(injected.text).toMatch(/http-equiv="refresh"/);
    if (name === 'zz-hostile-quote.txt') expect(injected.text).toMatch(/<script>alert\(2\)<\/script>/);
    await context.close();
  });
});
