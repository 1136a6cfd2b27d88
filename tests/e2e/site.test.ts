/**
 * The reading site, built (tests/support/global-setup.ts) and served on localhost: the timeline's
 * entries and order, entry pages (claims, actors, provenance, neighbours), actor pages, a crawl from
 * the home page that must reach every page, the sub-path build, reading with JavaScript off, the Nu
 * HTML Checker and axe-core on every kind of page, logical-only CSS, the weight budget, and
 * screenshots at phone and desktop widths in both themes (tests/artifacts/site/).
 * Expectations come from the entries' own frontmatter, so the tests hold for any corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import matter from 'gray-matter';
import YAML from 'yaml';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser } from '../support/browser.ts';
import { DIST, ROOT, SUBPATH, SUBPATH_DIST, TEST_ENTRIES, serve, type Served } from '../support/site.ts';
import { formatAxeViolations, formatNuMessages, htmlFilesIn, nuErrors, runAxe, validateHtml } from '../support/checks.ts';
import { actorSchema, entrySchema, type Actor, type EntryFrontmatter } from '../../src/lib/entry-schema.ts';
import { sortEntries } from '../../src/lib/timeline.ts';
import { arabicDate, hijriDate } from '../../src/lib/dates.ts';
import { CLAIMS, countOf } from '../../src/lib/plural.ts';
import { allPages, measurePage } from '../../scripts/measure-weight.ts';

// ---------------------------------------------------------------- what the site should show

const ENTRIES_DIR = process.env.ENTRIES_DIR ? path.resolve(ROOT, process.env.ENTRIES_DIR) : TEST_ENTRIES;
const entries = sortEntries(
  fs
    .readdirSync(ENTRIES_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const { data } = matter(fs.readFileSync(path.join(ENTRIES_DIR, f), 'utf8'), {
        engines: { yaml: (s: string) => YAML.parse(s) as object },
      });
      return { id: f.replace(/\.md$/, ''), data: entrySchema.parse(data) as EntryFrontmatter };
    }),
);
const actors: Actor[] = (YAML.parse(fs.readFileSync(path.join(ROOT, 'content/actors.yaml'), 'utf8')) as unknown[]).map((a) =>
  actorSchema.parse(a),
);
const actorById = new Map(actors.map((a) => [a.id, a]));
const namesActor = (e: (typeof entries)[number], id: string) =>
  [...e.data.actors, ...e.data.places, ...e.data.organisations, ...e.data.claims.map((c) => c.speaker)].includes(id);

/** One page of each kind, for the checks that run per kind (axe, screenshots, JS off). */
const firstEntry = entries[0]!;
const busiestActor = [...actors].sort(
  (a, b) => entries.filter((e) => namesActor(e, b.id)).length - entries.filter((e) => namesActor(e, a.id)).length,
)[0]!;
const PAGE_KINDS: Record<string, string> = {
  home: '',
  year: `years/${firstEntry.data.date.slice(0, 4)}/`,
  entry: `entries/${firstEntry.id}/`,
  actors: 'actors/',
  actor: `actors/${busiestActor.id}/`,
  about: 'about/',
  notfound: 'no-such-page/',
  newest: 'newest/',
  events: 'events/',
  threads: 'threads/',
  ...storyPageKinds(),
};

/** An event page and a thread page, when the build has them (read from dist/ at load). */
function storyPageKinds(): Record<string, string> {
  const out: Record<string, string> = {};
  const list = (dir: string) => (fs.existsSync(path.join(DIST, dir)) ? fs.readdirSync(path.join(DIST, dir)).filter((f) => f !== 'index.html') : []);
  const event = list('events').includes('vostochny-summit-2023') ? 'vostochny-summit-2023' : list('events')[0];
  const thread = list('threads')[0];
  if (event) out.event = `events/${event}/`;
  if (thread) out.thread = `threads/${thread}/`;
  return out;
}

const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts', 'site');

async function getHtml(url: string): Promise<cheerio.CheerioAPI> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return cheerio.load(await res.text());
}

// ---------------------------------------------------------------- server and browser

let site: Served;
let subSite: Served;
let browser: Browser;

beforeAll(async () => {
  expect(entries.length, `no entries in ${ENTRIES_DIR}`).toBeGreaterThan(0);
  site = await serve(DIST);
  subSite = await serve(SUBPATH_DIST, { mount: SUBPATH });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await subSite?.close();
});

// ---------------------------------------------------------------- the timeline

describe('timeline page', () => {
  it('is Arabic, right to left, with one h1, landmarks and a skip link', async () => {
    const $ = await getHtml(site.url);
    expect($('html').attr('lang')).toBe('ar');
    expect($('html').attr('dir')).toBe('rtl');
    expect($('h1')).toHaveLength(1);
    expect($('main#main')).toHaveLength(1);
    expect($('header')).not.toHaveLength(0);
    expect($('footer')).not.toHaveLength(0);
    expect($('nav')).not.toHaveLength(0);
    expect($('a.skip-link').attr('href')).toBe('#main');
    expect($('body a').first().hasClass('skip-link')).toBe(true);
    const form = $('form[role="search"]');
    expect(form.attr('action')).toBe('/search/');
    expect(form.attr('method')).toBe('get');
    expect(form.find('input[type="search"][name="q"]')).toHaveLength(1);
    expect($('meta[name="description"]').attr('content')).toBeTruthy();
  });

  it('tells the story: every entry linked once, under its event or as its own card, items oldest first', async () => {
    const $ = await getHtml(site.url);
    const hrefs = $('ol.story a[href^="/entries/"]')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect([...hrefs].sort()).toEqual(entries.map((e) => `/entries/${e.id}/`).sort());
    const itemDates = $('li.story__item')
      .toArray()
      .map((li) => $(li).find('time').first().attr('datetime')!);
    expect([...itemDates].sort()).toEqual(itemDates);
    // Every event item links its event page and says how many sources covered it.
    for (const item of $('article.event-item').toArray()) {
      expect($(item).find('h4 a').attr('href')).toMatch(/^\/events\/[a-z0-9-]+\/$/);
      expect($(item).find('.event-item__coverage').text()).toMatch(/^\s*(?:غطّته \d|غطّاه )/);
    }
    expect($('article.event-item--key').length, 'key events stand out').toBeGreaterThan(0);
  });

  it('groups items by year, then month, under headings with a space between month and year', async () => {
    const $ = await getHtml(site.url);
    const years = [...new Set($('li.story__item').toArray().map((li) => $(li).find('time').first().attr('datetime')!.slice(0, 4)))];
    expect(
      $('section.year > h2')
        .toArray()
        .map((h) => $(h).attr('id')),
    ).toEqual(years.map((y) => `y-${y}`));
    for (const li of $('li.story__item').toArray()) {
      const date = $(li).find('time').first().attr('datetime')!;
      expect($(li).closest('section.month').attr('aria-labelledby')).toBe(`m-${date.slice(0, 7)}`);
    }
    for (const h of $('.month__title').toArray()) expect($(h).text().trim()).toMatch(/^\p{Script=Arabic}+ \d{4}$/u);
    for (const path of ['', 'newest/', `years/${firstEntry.data.date.slice(0, 4)}/`]) {
      const html = await (await fetch(site.url + path)).text();
      expect(html, path).not.toMatch(/\p{Script=Arabic}\d{4}/u);
    }
  });

  it('shows the time between items («بعد 8 أشهر»), and newest first on /newest/, without a script', async () => {
    const $ = await getHtml(site.url);
    const gaps = $('.gap__label').toArray().map((g) => $(g).text().trim());
    for (const g of gaps) expect(g).toMatch(/^بعد /);
    if (entries.length > 1 && entries.at(-1)!.data.date.slice(0, 7) !== entries[0]!.data.date.slice(0, 7)) expect(gaps.length).toBeGreaterThan(0);
    const $n = await getHtml(`${site.url}newest/`);
    const dates = $n('li.story__item').toArray().map((li) => $n(li).find('time').first().attr('datetime')!);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const g of $n('.gap__label').toArray()) expect($n(g).text().trim()).toMatch(/^قبل /);
    expect($n('script')).toHaveLength(0);
    expect($('a[href="/newest/"]')).not.toHaveLength(0);
  });

  it('puts date, outlet and headline of every entry on the timeline, and lede, people, claims on a card', async () => {
    const $ = await getHtml(site.url);
    for (const e of entries) {
      const link = $(`ol.story a[href="/entries/${e.id}/"]`);
      expect(link.text().trim(), e.id).toBe(e.data.title);
      const card = link.closest('article.card');
      const holder = card.length ? card : link.closest('li');
      const text = holder.text().replace(/\s+/g, ' ');
      expect(text, e.id).toContain(arabicDate(e.data.date));
      expect(text, e.id).toContain(e.data.outlet ?? 'مصدر غير معروف');
      if (!card.length) continue;
      expect(card.find('.card__lede').text().length, e.id).toBeGreaterThan(20);
      expect(card.find('.card__claims').text().trim(), e.id).toBe(countOf(e.data.claims.length, CLAIMS));
      for (const id of e.data.actors) expect(text, `${e.id} ${id}`).toContain(actorById.get(id)!.name_ar);
    }
  });

  it('has a page per year with that year’s entries only', async () => {
    const years = [...new Set(entries.map((e) => e.data.date.slice(0, 4)))];
    for (const year of years) {
      const $ = await getHtml(`${site.url}years/${year}/`);
      expect($('h1')).toHaveLength(1);
      const hrefs = $('ol.story a[href^="/entries/"]')
        .toArray()
        .map((a) => $(a).attr('href'));
      expect([...hrefs].sort()).toEqual(entries.filter((e) => e.data.date.startsWith(year)).map((e) => `/entries/${e.id}/`).sort());
    }
  });
});

// ---------------------------------------------------------------- events, threads, people over time

describe('the story pages', () => {
  const eventIds = fs.readdirSync(path.join(DIST, 'events')).filter((f) => f !== 'index.html');

  it('gives the Vostochny summit, the treaty signing and the minister’s visit their pages, when the seeds are built', async () => {
    if (process.env.ENTRIES_DIR) return;
    for (const id of ['vostochny-summit-2023', 'pyongyang-summit-2024', 'belousov-pyongyang-2024']) expect(eventIds).toContain(id);
    const $ = await getHtml(`${site.url}events/vostochny-summit-2023/`);
    expect($('h1').text()).toContain('فوستوشني');
    const reported = $('#event-reports').parent().find('ol.coverage > li');
    expect(reported.length).toBe(2);
    expect($('.event__coverage').text().trim()).toBe('غطّته 3 مصادر');
    const all = $('ol.coverage a[href^="/entries/"]').toArray().map((a) => $(a).attr('href'));
    expect(all).toHaveLength(3);
    const dates = reported.toArray().map((li) => $(li).find('time').first().attr('datetime')!);
    expect([...dates].sort()).toEqual(dates);
  });

  it('links every entry page to its events, and each event page back to its entries', async () => {
    for (const e of entries) {
      const $ = await getHtml(`${site.url}entries/${e.id}/`);
      const links = $('.entry__events a').toArray().map((a) => $(a).attr('href')!);
      if (!process.env.ENTRIES_DIR) expect(links.length, e.id).toBeGreaterThan(0);
      for (const href of links) {
        const $e = await getHtml(site.url + href.slice(1));
        expect($e(`ol.coverage a[href="/entries/${e.id}/"]`), `${href} → ${e.id}`).toHaveLength(1);
      }
    }
  });

  it('says beside the date when it is the event’s, not the publication’s', async () => {
    for (const e of entries) {
      const $ = await getHtml(`${site.url}entries/${e.id}/`);
      const note = $('.facts .date-note').text();
      if (e.data.published_at || e.data.date_basis.kind === 'stated') expect(note, e.id).toBe('');
      else expect(note, e.id).toContain('تاريخ الحدث؛ تاريخ النشر غير مذكور'.split('؛')[0]!);
    }
  });

  it('shows the agreements thread oldest first, every step linking a claim anchor that exists', async () => {
    if (process.env.ENTRIES_DIR) return;
    const $ = await getHtml(`${site.url}threads/agreements/`);
    const steps = $('ol.thread__steps > li');
    expect(steps.length).toBeGreaterThanOrEqual(4);
    const dates = steps.toArray().map((li) => $(li).find('.step__head time').attr('datetime')!);
    expect([...dates].sort()).toEqual(dates);
    expect(steps.first().find('.stance').text()).toBe('نفي');
    for (const li of steps.toArray()) {
      const href = $(li).find('.claim__source a').attr('href')!;
      const [page, anchor] = href.split('#');
      const $e = await getHtml(site.url + page!.slice(1));
      expect($e(`#${anchor}`), href).toHaveLength(1);
      expect($e(`.entry__thread a[href="/threads/agreements/"]`), href).toHaveLength(1);
      expect($(li).find('.claim__who').text().trim().length).toBeGreaterThan(0);
    }
  });

  it('lists a person’s statements oldest first, each with outlet, date and claim anchor, and their events', async () => {
    if (process.env.ENTRIES_DIR) return;
    const $ = await getHtml(`${site.url}actors/vladimir-putin/`);
    const claims = $('#actor-claims').parent().find('ol.claims > li');
    expect(claims.length).toBeGreaterThan(3);
    const dates = claims.toArray().map((li) => $(li).find('.claim__who time').attr('datetime')!);
    expect([...dates].sort()).toEqual(dates);
    for (const li of claims.toArray()) expect($(li).find('.claim__source a').attr('href')).toMatch(/#claim-\d+$/);
    expect($('#actor-events').parent().find('a[href="/events/vostochny-summit-2023/"]')).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- entry pages

describe('entry pages', () => {
  it.each(entries.map((e, i) => [e.id, i] as const))('%s: headline, dates, outlet, actors', async (id, i) => {
    const e = entries[i]!;
    const $ = await getHtml(`${site.url}entries/${id}/`);
    expect($('h1')).toHaveLength(1);
    expect($('h1').text().trim()).toBe(e.data.title);
    expect($('main article.entry')).toHaveLength(1);
    const facts = $('.entry__header .facts').text().replace(/\s+/g, ' ');
    expect($(`.entry__header time[datetime="${e.data.date}"]`)).toHaveLength(1);
    expect(facts).toContain(arabicDate(e.data.date));
    expect(facts).toContain(hijriDate(e.data.date));
    if (e.data.outlet) expect(facts).toContain(e.data.outlet);
    else expect(facts).toContain('مصدر غير معروف');
    if (e.data.via) expect(facts).toContain(e.data.via);
    if (e.data.outlet_basis.kind === 'editorial' && e.data.outlet_basis.confirmed === false) expect(facts).toContain('غير مؤكدة');
    for (const actor of [...e.data.actors, ...e.data.places, ...e.data.organisations]) {
      expect($(`.entry__header a[href="/actors/${actor}/"]`), actor).toHaveLength(1);
    }
    for (const note of e.data.notes) expect($('.notes').text()).toContain(note);
  });

  it.each(entries.map((e, i) => [e.id, i] as const))('%s: claims, each with its anchor and speaker', async (id, i) => {
    const e = entries[i]!;
    const $ = await getHtml(`${site.url}entries/${id}/`);
    const items = $('ol.claims > li');
    expect(items).toHaveLength(e.data.claims.length);
    e.data.claims.forEach((claim, n) => {
      const li = items.eq(n);
      expect(li.attr('id')).toBe(`claim-${n + 1}`);
      expect(li.find(`a[href="#claim-${n + 1}"]`)).toHaveLength(1);
      expect(li.find(`.claim__who a[href="/actors/${claim.speaker}/"]`)).toHaveLength(1);
      expect(li.find('.claim__text').text().replace(/\s+/g, ' ')).toContain(claim.text.replace(/\s+/g, ' '));
    });
  });

  it.each(entries.map((e, i) => [e.id, i] as const))('%s: provenance and neighbours', async (id, i) => {
    const e = entries[i]!;
    const $ = await getHtml(`${site.url}entries/${id}/`);
    const provenance = $('section.provenance');
    expect(provenance.text()).toContain(e.data.source);
    if (e.data.date_basis.kind === 'stated') expect(provenance.text()).toContain('مذكور في نص الخبر');
    if (e.data.date_basis.kind === 'inferred') expect(provenance.text()).toContain('مستنتَج من النص');
    expect(provenance.find('.removed__list > li')).toHaveLength(e.data.removed.length);
    // Each line's rule: named in Arabic for readers; its id, for editors, only in data-rule.
    for (const r of e.data.removed) expect(provenance.find(`.removed__list > li[data-rule="${r.rule}"]`).length, r.rule).toBeGreaterThan(0);
    provenance.find('.removed__why').each((_, el) => void expect($(el).text(), 'a rule id shown to readers').not.toMatch(/[A-Za-z_]{3,}/));
    // Search indexes the headline and the text only: never provenance, claims or page furniture.
    const bodies = $('[data-pagefind-body]');
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter('h1')).toHaveLength(1);
    expect(bodies.find('.provenance, nav, header.site-header, footer')).toHaveLength(0);
    expect(bodies.closest('.provenance')).toHaveLength(0);

    const older = $('a[rel="prev"]').attr('href');
    const newer = $('a[rel="next"]').attr('href');
    expect(older).toBe(i > 0 ? `/entries/${entries[i - 1]!.id}/` : undefined);
    expect(newer).toBe(i < entries.length - 1 ? `/entries/${entries[i + 1]!.id}/` : undefined);
  });

  it('never turns source text into markup', async () => {
    for (const e of entries) {
      const html = await (await fetch(`${site.url}entries/${e.id}/`)).text();
      const $ = cheerio.load(html);
      // The only scripts on a reading page are JSON-LD data blocks.
      expect($('script').not('[type="application/ld+json"]'), e.id).toHaveLength(0);
      expect($('[onerror], [onload], [onclick], iframe, object, embed'), e.id).toHaveLength(0);
    }
  });
});

// ---------------------------------------------------------------- actors

describe('actor pages', () => {
  it('lists every actor on /actors/, grouped by kind', async () => {
    const $ = await getHtml(`${site.url}actors/`);
    expect($('h1')).toHaveLength(1);
    const kinds = new Set(actors.map((a) => a.kind));
    expect($('section.actor-group > h2')).toHaveLength(kinds.size);
    for (const a of actors) {
      const link = $(`a[href="/actors/${a.id}/"]`);
      expect(link, a.id).toHaveLength(1);
      expect(link.closest('section').attr('aria-labelledby'), a.id).toBe(`kind-${a.kind}`);
    }
  });

  it.each(actors.map((a) => [a.id] as const))('%s: names, role, spellings, entries and claims in date order', async (id) => {
    const a = actorById.get(id)!;
    const $ = await getHtml(`${site.url}actors/${id}/`);
    expect($('h1').text().trim()).toBe(a.name_ar);
    expect($('[lang="en"]').first().text().trim()).toBe(a.name_en);
    if (a.role_ar) expect($('main').text()).toContain(a.role_ar);
    for (const v of a.variants.filter((v) => v !== a.name_ar)) expect($('main').text()).toContain(v);
    const theirs = entries.filter((e) => namesActor(e, id));
    expect(
      $('article.card h3 a')
        .toArray()
        .map((x) => $(x).attr('href')),
    ).toEqual(theirs.map((e) => `/entries/${e.id}/`));
    const claimLinks = $('.claims--by-actor .claim__source a')
      .toArray()
      .map((x) => $(x).attr('href'));
    // Oldest first by the day each was said (the claim's own date, else its entry's); stable otherwise.
    const expected = entries
      .flatMap((e) => e.data.claims.flatMap((c, n) => (c.speaker === id ? [{ day: c.when?.date ?? e.data.date, href: `/entries/${e.id}/#claim-${n + 1}` }] : [])))
      .sort((a, b) => a.day.localeCompare(b.day))
      .map((c) => c.href);
    expect(claimLinks).toEqual(expected);
  });
});

// ---------------------------------------------------------------- crawl

/** Follow every same-site link from the home page over HTTP; return pages reached and broken links. */
async function crawl(start: string, base: string) {
  const origin = new URL(start).origin;
  const seen = new Set<string>();
  const pages = new Set<string>();
  const broken: string[] = [];
  const outside: string[] = [];
  const queue = [start];
  const fragments: Array<{ from: string; url: string; id: string }> = [];
  const ids = new Map<string, Set<string>>();
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(url);
    if (res.status !== 200) {
      broken.push(`${url} → ${res.status}`);
      continue;
    }
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
    const u = new URL(url);
    pages.add(u.pathname);
    const $ = cheerio.load(await res.text());
    ids.set(u.pathname, new Set($('[id]').toArray().map((el) => $(el).attr('id')!)));
    const refs = [
      ...$('a[href]').toArray().map((el) => $(el).attr('href')!),
      ...$('link[href]').toArray().map((el) => $(el).attr('href')!),
      ...$('[src]').toArray().map((el) => $(el).attr('src')!),
      ...$('form[action]').toArray().map((el) => $(el).attr('action')!),
    ];
    for (const ref of refs) {
      const target = new URL(ref, url);
      if (target.origin !== origin) continue;
      if (!target.pathname.startsWith(base)) outside.push(`${u.pathname}: ${ref}`);
      if (target.hash) fragments.push({ from: u.pathname, url: target.pathname, id: decodeURIComponent(target.hash.slice(1)) });
      target.hash = '';
      target.search = '';
      if (!seen.has(target.href)) queue.push(target.href);
    }
  }
  const missingFragments = fragments
    .filter((f) => ids.has(f.url) && !ids.get(f.url)!.has(f.id))
    .map((f) => `${f.from} → ${f.url}#${f.id}`);
  return { pages, broken, outside, missingFragments };
}

/** The HTML pages a build has, as site paths under `base` (Pagefind's files and the 404 page aside). */
function builtPages(dir: string, base: string): string[] {
  return allPages(dir).map((p) => base + p.slice(1));
}

describe('every internal link resolves', () => {
  it.each([
    ['root build', () => site, DIST, '/'],
    ['sub-path build', () => subSite, SUBPATH_DIST, SUBPATH],
  ] as const)('%s: a crawl from the home page reaches every page, with no broken link', async (_name, served, dir, base) => {
    const { pages, broken, outside, missingFragments } = await crawl(served().url, base);
    expect(broken).toEqual([]);
    expect(outside, 'links that leave the base path').toEqual([]);
    expect(missingFragments).toEqual([]);
    const unreached = builtPages(dir, base).filter((p) => !pages.has(p));
    expect(unreached, 'pages no link leads to').toEqual([]);
  });
});

// ---------------------------------------------------------------- sub-path

describe('sub-path build (/timeline/)', () => {
  it('loads every kind of page with all its assets, styled, under the sub-path', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/no-such-page/')) failures.push(`${r.status()} ${r.url()}`);
    });
    // A request cut short by the next page.goto (the icon, fetched late) is ERR_ABORTED, not a broken asset;
    // a missing one answers 404 above.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${r.url()} ${r.failure()?.errorText}`);
    });
    try {
      for (const [kind, p] of Object.entries(PAGE_KINDS)) {
        await page.goto(subSite.url + p);
        await page.evaluate(() => document.fonts.ready);
        const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle);
        expect(styled, `${kind}: stylesheet applied`).toBe('solid');
        const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
        const internal = hrefs.filter((h) => h.startsWith('/'));
        expect(internal.filter((h) => !h.startsWith(SUBPATH)), kind).toEqual([]);
        const fontLoaded = await page.evaluate(() => document.fonts.check('1em "Noto Naskh Arabic"', 'م'));
        expect(fontLoaded, `${kind}: the Naskh face loads`).toBe(true);
      }
      expect(failures).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------- no JavaScript

describe('reading without JavaScript', () => {
  it('ships no client script on any reading page', () => {
    for (const file of htmlFilesIn(DIST, (f) => !f.includes(`${path.sep}pagefind${path.sep}`) && !f.includes(`${path.sep}search${path.sep}`))) {
      const $ = cheerio.load(fs.readFileSync(file, 'utf8'));
      expect($('script').not('[type="application/ld+json"]'), path.relative(DIST, file)).toHaveLength(0);
    }
  });

  it('gives every page of the site lang="ar" dir="rtl", one h1, one <main id="main">, a skip link and a description', () => {
    for (const file of htmlFilesIn(DIST, (f) => !f.includes(`${path.sep}pagefind${path.sep}`))) {
      const $ = cheerio.load(fs.readFileSync(file, 'utf8'));
      const name = path.relative(DIST, file);
      expect($('html').attr('lang'), name).toBe('ar');
      expect($('html').attr('dir'), name).toBe('rtl');
      expect($('h1'), name).toHaveLength(1);
      expect($('main#main'), name).toHaveLength(1);
      expect($('a.skip-link[href="#main"]'), name).toHaveLength(1);
      expect($('meta[name="description"]'), name).toHaveLength(1);
      expect($('title').text().trim(), name).not.toBe('');
    }
  });

  it('shows every kind of page fully with JavaScript disabled', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      for (const [kind, p] of Object.entries(PAGE_KINDS)) {
        await page.goto(site.url + p);
        expect(await page.locator('h1').count(), kind).toBe(1);
        expect(await page.locator('h1').isVisible(), kind).toBe(true);
      }
      await page.goto(`${site.url}${PAGE_KINDS.entry}`);
      // Claims and provenance are there, and the removed lines open without script (<details>).
      expect(await page.locator('ol.claims > li').count()).toBe(firstEntry.data.claims.length);
      if (firstEntry.data.removed.length) {
        await page.locator('.removed summary').click();
        expect(await page.locator('.removed__list > li').first().isVisible()).toBe(true);
      }
      // The header's search form submits to the search page without any script.
      await page.goto(site.url);
      await page.locator('#site-search-q').fill('بوتين');
      await page.locator('#site-search-q').press('Enter');
      await page.waitForURL(/\/search\/\?q=/);
      expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=بوتين');
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------- standards

describe('valid, accessible HTML', () => {
  it('Nu HTML Checker: 0 errors on every page of the site', async () => {
    const files = htmlFilesIn(DIST, (f) => !f.includes(`${path.sep}pagefind${path.sep}`));
    expect(files.length).toBeGreaterThan(6);
    const errors = nuErrors(await validateHtml(files));
    expect(errors, formatNuMessages(errors)).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('axe-core (WCAG 2.1 A/AA): 0 violations on every kind of page, %s theme', async (scheme) => {
    for (const [device, options] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const context = await browser.newContext({ ...options, colorScheme: scheme });
      const page = await context.newPage();
      try {
        for (const [kind, p] of Object.entries(PAGE_KINDS)) {
          await page.goto(site.url + p);
          if (kind === 'entry' && (await page.locator('.removed summary').count())) await page.locator('.removed summary').click();
          const violations = await runAxe(page);
          expect(violations, formatAxeViolations(violations, `${kind} ${device} ${scheme}`)).toEqual([]);
        }
      } finally {
        await context.close();
      }
    }
  });

  it('the skip link is the first stop of the keyboard, visible when focused, and leads to <main>', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}${PAGE_KINDS.entry}`);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.className);
      expect(focused).toBe('skip-link');
      const box = await page.locator('.skip-link').boundingBox();
      expect(box && box.y >= 0 && box.width > 10).toBe(true);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      await page.keyboard.press('Enter');
      // The fragment navigation lands a moment after the key press: wait for it rather than read the URL at once.
      await expect.poll(() => new URL(page.url()).hash, { timeout: 5000 }).toBe('#main');
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------- CSS, typography, weight

describe('styles and weight', () => {
  const cssFiles = () =>
    fs
      .readdirSync(path.join(DIST, '_astro'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => path.join(DIST, '_astro', f));

  it('CSS uses logical properties only: no left or right anywhere', () => {
    const files = cssFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const css = fs.readFileSync(file, 'utf8');
      const physical = css.match(/[^;{}]*\b(left|right)\b[^;{}]*/gi) ?? [];
      expect(physical, path.basename(file)).toEqual([]);
    }
  });

  it('sets Arabic text in a Naskh face with a line height near 1.8 and a measure near 65ch', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}${PAGE_KINDS.entry}`);
      const m = await page.evaluate(() => {
        const p = document.querySelector('.entry__text p')!;
        const s = getComputedStyle(p);
        const ch = document.createElement('span');
        ch.textContent = '0';
        p.append(ch);
        const chWidth = ch.getBoundingClientRect().width;
        ch.remove();
        return { family: s.fontFamily, ratio: parseFloat(s.lineHeight) / parseFloat(s.fontSize), width: p.getBoundingClientRect().width / chWidth };
      });
      expect(m.family).toContain('Noto Naskh Arabic');
      expect(m.ratio).toBeGreaterThan(1.7);
      expect(m.ratio).toBeLessThan(1.9);
      expect(m.width).toBeLessThanOrEqual(70);
    } finally {
      await context.close();
    }
  });

  it('the timeline page weighs under 30 KB gzip with its CSS, fonts aside (measure:weight)', () => {
    const weight = measurePage(DIST, '/');
    console.log(`timeline page, ${entries.length} entries: ${(weight.total / 1024).toFixed(1)} KB gzip (HTML ${(weight.html / 1024).toFixed(1)}, CSS ${(weight.css / 1024).toFixed(1)}, JS ${weight.js}), fonts ${(weight.fonts / 1024).toFixed(1)} KB`);
    expect(weight.js).toBe(0);
    // The budget is set for five entries; each further card costs well under 1 KB gzip.
    expect(weight.total).toBeLessThan(30 * 1024 + Math.max(0, entries.length - 5) * 1024);
  });
});

// ---------------------------------------------------------------- look at it

describe('screenshots', () => {
  it('every kind of page at 390 px and 1280 px, light and dark, without sideways scrolling', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const [device, options] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ ...options, colorScheme: scheme, javaScriptEnabled: false });
        const page = await context.newPage();
        try {
          for (const [kind, p] of Object.entries(PAGE_KINDS)) {
            await page.goto(site.url + p);
            await page.evaluate(() => document.fonts.ready);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow, `${kind} ${device}: scrolls sideways`).toBeLessThanOrEqual(0);
            await page.screenshot({ path: path.join(ARTIFACTS, `${kind}-${device}-${scheme}.png`), fullPage: true });
          }
        } finally {
          await context.close();
        }
      }
    }
  });
});
