/**
 * The site built from made-up entries rather than the corpus (ENTRIES_DIR points the content
 * collection elsewhere), for what the five real articles never show:
 * - tests/fixtures/entries/: an unknown outlet with no claims, markup in every field a source controls,
 *   an editorial date with an unconfirmed outlet, a relay, a note and a rule the site has no name for;
 * - a generated corpus of thousands of entries: the home page turns into an index, years split into
 *   numbered pages of bounded size, and every entry stays reachable.
 * Each corpus is built once into its own folder beside the main test build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { DIST, ROOT, buildSite, serve, type Served } from '../support/site.ts';
import { formatNuMessages, nuErrors, validateHtml } from '../support/checks.ts';
import { HOME_MAX_ENTRIES, LIST_PAGE_SIZE, YEAR_PAGE_SIZE } from '../../src/lib/timeline.ts';
import { FEED_MAX_ENTRIES } from '../../src/lib/feeds.ts';
import { gzipSync } from 'node:zlib';
import { filesIn } from '../support/link-check.ts';
import { measurePage } from '../../scripts/measure-weight.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'entries');
const FIXTURE_DIST = `${DIST}-fixtures`;
const SCALE_DIST = `${DIST}-scale`;
const SCALE_ENTRIES = path.join(ROOT, 'tests', 'artifacts', 'scale-entries');
/** Two years of a busy wire: enough for several pages a year and a home page past its limit. */
const SCALE_COUNT = 1500;

/** Write `count` schema-valid entries, from a fixture, spread over 2030 and 2031 (several a day). */
function writeScaleCorpus(count: number) {
  fs.rmSync(SCALE_ENTRIES, { recursive: true, force: true });
  fs.mkdirSync(SCALE_ENTRIES, { recursive: true });
  const template = fs.readFileSync(path.join(FIXTURES, 'fixture-c-via-notes.md'), 'utf8');
  const start = Date.UTC(2030, 0, 1);
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor((i * 730) / count) * 86_400_000).toISOString().slice(0, 10);
    const id = `scale-${String(i).padStart(5, '0')}`;
    const text = template
      .replace(/^date: '.*'$/m, `date: '${day}'`)
      .replace(/^title: '(.*)'$/m, `title: 'خبر تجريبي رقم ${i + 1}: $1'`);
    fs.writeFileSync(path.join(SCALE_ENTRIES, `${id}.md`), text);
  }
}

const load = async (url: string) => {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return cheerio.load(await res.text());
};

describe('fixture entries', () => {
  let site: Served;
  beforeAll(async () => {
    buildSite(FIXTURES, FIXTURE_DIST);
    site = await serve(FIXTURE_DIST);
  });
  afterAll(() => site?.close());

  it('orders entries of the same day by publication time, then by id', async () => {
    const $ = await load(site.url);
    expect(
      $('article.card h4 a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual(['/entries/fixture-a-unknown-outlet/', '/entries/fixture-b-markup/', '/entries/fixture-c-via-notes/']);
  });

  it('says plainly when the outlet is unknown and when there are no claims', async () => {
    const $ = await load(`${site.url}entries/fixture-a-unknown-outlet/`);
    expect($('.entry__header .facts').text()).toContain('مصدر غير معروف');
    expect($('.entry__claims').text()).toContain('لا تصريحات');
    expect($('ol.claims')).toHaveLength(0);
    expect($('.provenance').text()).toContain('لم يُحذف من نص المصدر شيء');
    expect($('.provenance').text()).toContain('غير معروف');
    // The oldest entry has no older neighbour, and says so.
    expect($('a[rel="prev"]')).toHaveLength(0);
    expect($('.prev-next__none').text()).toContain('أقدم خبر');
  });

  it('shows markup from a source as text, never as elements or script', async () => {
    const res = await fetch(`${site.url}entries/fixture-b-markup/`);
    const $ = cheerio.load(await res.text());
    expect($('h1').text()).toBe('خبر تجريبي <script>alert("title")</script> عن <b>بوتين</b>');
    expect($('script').not('[type="application/ld+json"]')).toHaveLength(0);
    expect($('main b, main em, main i, main img, [onerror]')).toHaveLength(0);
    expect($('main a[href^="javascript:"]')).toHaveLength(0);
    expect($('.entry__text').text()).toContain('<script>alert("body")</script>');
    expect($('.claim__text').first().text()).toContain('<a href="javascript:alert(1)">');
    expect($('.provenance').text()).toContain('<img src=x onerror=alert(1)>');
    expect($('.removed__text').text()).toContain('<script>alert("removed")</script>');
    // A claim relayed by an agency in the actor data links to the agency's page.
    expect($('#claim-2 .claim__via a').attr('href')).toBe('/actors/tass/');
    // The time the outlet gives, with its own offset.
    expect($('.provenance').text()).toContain('18:30 (UTC+3)');
  });

  it('marks an editorial date, an unconfirmed outlet, the relayed agency and the editor’s note', async () => {
    const $ = await load(`${site.url}entries/fixture-c-via-notes/`);
    const facts = $('.entry__header .facts').text();
    expect(facts).toContain('موقع تجريبي ثالث');
    expect(facts).toContain('نسبة الخبر إليه غير مؤكدة');
    expect(facts).toContain('نقلًا عن');
    expect(facts).toContain('وكالة تجريبية للأنباء');
    expect($('.notes').text()).toContain('ملاحظة تجريبية من المحرر');
    expect($('.provenance').text()).toContain('إضافة من المحرر');
    expect($('.provenance').text()).toContain('تاريخ ما يرويه الخبر');
    // A rule the site has no Arabic name for still shows, as «another rule», its id for editors in data-rule and the title.
    const unknownRule = $('.removed__list > li[data-rule="a_rule_the_site_does_not_know"]');
    expect(unknownRule.find('.removed__rule').text()).toBe('قاعدة أخرى');
    expect(unknownRule.find('.removed__rule').attr('title')).toBe('a_rule_the_site_does_not_know');
  });

  it('Nu HTML Checker: 0 errors on the fixture pages', async () => {
    const files = ['fixture-a-unknown-outlet', 'fixture-b-markup', 'fixture-c-via-notes'].map((id) =>
      path.join(FIXTURE_DIST, 'entries', id, 'index.html'),
    );
    const errors = nuErrors(await validateHtml([...files, path.join(FIXTURE_DIST, 'index.html')]));
    expect(errors, formatNuMessages(errors)).toEqual([]);
  });
});

describe(`a corpus of ${SCALE_COUNT} entries`, () => {
  let site: Served;
  beforeAll(async () => {
    if (!(process.env.SKIP_BUILD && fs.existsSync(SCALE_DIST))) writeScaleCorpus(SCALE_COUNT);
    buildSite(SCALE_ENTRIES, SCALE_DIST);
    site = await serve(SCALE_DIST);
  }, 600_000);
  afterAll(() => site?.close());

  it('keeps the home page an index of years and months rather than one endless list', async () => {
    expect(SCALE_COUNT).toBeGreaterThan(HOME_MAX_ENTRIES);
    const $ = await load(site.url);
    expect($('article.card')).toHaveLength(0);
    expect($('.year-index a[href="/years/2030/"]')).toHaveLength(1);
    expect($('.year-index a[href="/years/2031/"]')).toHaveLength(1);
    // Month links go to the page of the year where that month starts.
    const monthLinks = $('.year-index__months a')
      .toArray()
      .map((a) => $(a).attr('href')!);
    expect(monthLinks).toHaveLength(24);
    for (const href of monthLinks) expect(href).toMatch(/^\/years\/203[01]\/(\d+\/)?#m-203[01]-\d\d$/);
  });

  it('splits each year into pages of bounded size that together hold every entry once, in order', async () => {
    const seen: string[] = [];
    for (const year of [2030, 2031]) {
      let $ = await load(`${site.url}years/${year}/`);
      const pageLinks = $('.pager a')
        .toArray()
        .map((a) => $(a).attr('href')!);
      expect(pageLinks.length).toBeGreaterThan(1);
      for (const [n, href] of pageLinks.entries()) {
        $ = n === 0 ? $ : await load(new URL(href, site.url).href);
        const cards = $('article.card h3 a')
          .toArray()
          .map((a) => $(a).attr('href')!);
        expect(cards.length).toBeGreaterThan(0);
        expect(cards.length).toBeLessThanOrEqual(YEAR_PAGE_SIZE);
        expect($(`.pager a[aria-current="page"]`).attr('href')).toBe(href);
        seen.push(...cards);
      }
    }
    const ids = fs
      .readdirSync(SCALE_ENTRIES)
      .map((f) => `/entries/${f.replace(/\.md$/, '')}/`)
      .sort();
    // Generated ids run in date order, so timeline order is id order.
    expect(seen).toEqual(ids);
  });

  it('every entry page links back to the year page that lists it', async () => {
    for (const i of [0, Math.floor(SCALE_COUNT / 3), SCALE_COUNT - 1]) {
      const id = `scale-${String(i).padStart(5, '0')}`;
      const $ = await load(`${site.url}entries/${id}/`);
      const back = new URL($('.entry__kicker a').attr('href')!, site.url);
      const year = await load(back.href.replace(/#.*$/, ''));
      expect(year(`a[href="/entries/${id}/"]`), `${id} on ${back.pathname}`).toHaveLength(1);
      expect(year(`#${back.hash.slice(1)}`)).toHaveLength(1);
    }
  });

  it("splits a person's entries and claims into pages of bounded size that together hold each once", async () => {
    const seenEntries: string[] = [];
    const seenClaims: string[] = [];
    let $ = await load(`${site.url}actors/dmitry-peskov/`);
    const pageLinks = $('.pager a')
      .toArray()
      .map((a) => $(a).attr('href')!);
    expect(pageLinks).toHaveLength(Math.ceil(SCALE_COUNT / LIST_PAGE_SIZE));
    for (const [n, href] of pageLinks.entries()) {
      $ = n === 0 ? $ : await load(new URL(href, site.url).href);
      expect($(`.pager a[aria-current="page"]`).attr('href')).toBe(href);
      expect($('h1').text()).toContain('دميتري بيسكوف');
      const cards = $('#actor-entries ~ ol article.card h3 a')
        .toArray()
        .map((a) => $(a).attr('href')!);
      const claims = $('.claims--by-actor .claim__source a')
        .toArray()
        .map((a) => $(a).attr('href')!);
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
      expect(claims.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
      seenEntries.push(...cards);
      seenClaims.push(...claims);
    }
    const ids = fs
      .readdirSync(SCALE_ENTRIES)
      .map((f) => f.replace(/\.md$/, ''))
      .sort();
    expect(seenEntries).toEqual(ids.map((id) => `/entries/${id}/`));
    expect(seenClaims).toEqual(ids.map((id) => `/entries/${id}/#claim-1`));
  });

  it('keeps the feeds to the newest entries', () => {
    const atom = fs.readFileSync(path.join(SCALE_DIST, 'feed.xml'), 'utf8');
    const rss = fs.readFileSync(path.join(SCALE_DIST, 'rss.xml'), 'utf8');
    expect(atom.match(/<entry>/g)).toHaveLength(FEED_MAX_ENTRIES);
    expect(rss.match(/<item>/g)).toHaveLength(FEED_MAX_ENTRIES);
    expect(atom).toContain(`/entries/scale-${String(SCALE_COUNT - 1).padStart(5, '0')}/`);
  });

  it('has no page over 100 KB of gzipped HTML', () => {
    const heavy = filesIn(SCALE_DIST)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ f, kb: gzipSync(fs.readFileSync(path.join(SCALE_DIST, f))).length / 1024 }))
      .filter(({ kb }) => kb > 100);
    expect(heavy).toEqual([]);
  });

  it('keeps the heaviest timeline page within a bounded weight', () => {
    const weight = measurePage(SCALE_DIST, '/years/2030/');
    // YEAR_PAGE_SIZE cards at about 0.6 KB gzip each, plus the page's frame and CSS.
    expect(weight.total).toBeLessThan(100 * 1024);
  });
});
