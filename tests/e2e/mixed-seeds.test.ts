/**
 * A seeds/ folder as editors really fill it: 40 articles from many outlets' pages (the ingest corpus),
 * with undated, broken and duplicated ones among them. The ingest (as `npm run build` runs it, not strict)
 * publishes every good article and names every other one in its report; the site builds with every good
 * entry on its own page and in the timeline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { DIST, ROOT, buildSite } from '../support/site.ts';
import { readReport, runCli } from '../unit/ingest/helpers.ts';
import type { IngestReport } from '../../src/ingest/directory.ts';

const CORPUS = path.join(ROOT, 'tests', 'corpus', 'articles');
const MIXED_DIST = `${DIST}-mixed`;

/** Articles that can never become entries, each with the reason the report must give. */
const BROKEN: Record<string, [string | Uint8Array, RegExp]> = {
  'zz-empty.txt': ['', /the file is empty/],
  'zz-binary.txt': [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /not/],
  'zz-only-furniture.txt': ['التعليقات (0)\nاظهار أخبار متعلقة\n', /no headline|no article text|no date/],
  'zz-undated.txt': ['خبر بلا تاريخ عن لقاء في موسكو\nقال دميتري بيسكوف إن اللقاء كان مثمرا وإن المحادثات ستتواصل.\nوأضاف أن الجانبين اتفقا على مواصلة الاتصالات.\n', /no date/],
};

let dir: string;
let report: IngestReport;
let corpusNames: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mixed-seeds-'));
  const seeds = path.join(dir, 'seeds');
  const entries = path.join(dir, 'entries');
  fs.mkdirSync(seeds);
  // Every other corpus article up to 35, so several outlets' shapes are in.
  corpusNames = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % 2 === 0).slice(0, 35);
  for (const f of corpusNames) fs.copyFileSync(path.join(CORPUS, f), path.join(seeds, f));
  // The same article saved twice under another name.
  fs.copyFileSync(path.join(CORPUS, corpusNames[0]!), path.join(seeds, 'zz-copy-of-first.txt'));
  for (const [name, [content]] of Object.entries(BROKEN)) fs.writeFileSync(path.join(seeds, name), content);
  const r = await runCli(seeds, entries);
  expect(r.status, r.stderr).toBe(0);
  report = readReport(entries);
  buildSite(entries, MIXED_DIST);
}, 600_000);

describe('a seeds/ folder of 40 mixed articles', () => {
  it('names every article that did not become an entry, with its reason, and each broken one as broken', () => {
    const accounted = new Set([...report.entries.map((e) => e.source), ...report.refused.map((r) => r.source), ...report.duplicates.map((d) => d.source)]);
    expect(accounted.size).toBe(corpusNames.length + 1 + Object.keys(BROKEN).length);
    expect(accounted.size).toBe(40);
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
