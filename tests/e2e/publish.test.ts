/**
 * The built site's publishing outputs, read from dist/ and dist-subpath/ as a crawler or feed reader
 * would: the Atom feed against RFC 4287's required elements, the JSON exports against their zod schemas,
 * sitemap and robots.txt, every page's head (canonical, description, feed link, Open Graph), JSON-LD on
 * entry pages, the _headers file, and no inline code that the Content-Security-Policy would block.
 * Every absolute URL on the site's origin must land on a built file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'astro/zod';
import { DIST, SUBPATH, SUBPATH_DIST } from '../support/site.ts';
import { filesIn, resolveToFile } from '../support/link-check.ts';
import { actorsExportSchema, timelineExportSchema, timelineJsSchema } from '../../src/lib/exports.ts';
import { FEED_MAX_ENTRIES } from '../../src/lib/feeds.ts';
import { CSP_HEADER, CSP_META, cspMetaFor, headersFor, parseHeadersFile } from '../../src/lib/security-headers.ts';

const SITE_ORIGIN = new URL(process.env.SITE_URL ?? 'https://example.org').origin;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'author', 'category', 'item', 'url', 'sitemap'].includes(name),
});

const builds = [
  ['root build', DIST, '/'],
  ['sub-path build', SUBPATH_DIST, SUBPATH],
] as const;

describe.each(builds)('%s', (_name, dir, base) => {
  const home = new URL(base, SITE_ORIGIN).href;
  const read = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
  /** An absolute URL of the site must be under its home and land on a built file. */
  const expectOnSite = (url: string, what: string) => {
    expect(url.startsWith(home), `${what}: ${url} is not under ${home}`).toBe(true);
    expect(resolveToFile(dir, base, new URL(url).pathname), `${what}: ${url} has no file`).not.toBeNull();
  };
  const htmlPages = () => filesIn(dir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
  const timeline = () => timelineExportSchema.parse(JSON.parse(read('timeline.json')));

  describe('Atom feed', () => {
    it('is well-formed, Arabic, and has every element RFC 4287 requires', () => {
      const text = read('feed.xml');
      expect(XMLValidator.validate(text)).toBe(true);
      const feed = xml.parse(text).feed;
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed['@xml:lang']).toBe('ar');
      // atom:feed: exactly one id, title, updated; an author unless every entry has one.
      for (const key of ['id', 'title', 'updated']) expect(typeof (feed[key]?.['#text'] ?? feed[key]), key).toBe('string');
      expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      const self = feed.link.find((l: Record<string, string>) => l['@rel'] === 'self');
      expect(self?.['@href']).toBe(new URL('feed.xml', home).href);
      expectOnSite(self['@href'], 'feed self link');

      const entries = feed.entry as Array<Record<string, any>>;
      expect(entries.length).toBe(Math.min(FEED_MAX_ENTRIES, timeline().entries.length));
      const ids = new Set<string>();
      for (const entry of entries) {
        expect(typeof entry.id).toBe('string');
        ids.add(entry.id);
        expect((entry.title['#text'] ?? entry.title).length).toBeGreaterThan(0);
        expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(feed.author ?? entry.author, 'author on the feed or the entry').toBeDefined();
        const alternate = entry.link.find((l: Record<string, string>) => (l['@rel'] ?? 'alternate') === 'alternate');
        expectOnSite(alternate['@href'], 'feed entry link');
        expect(entry.summary ?? entry.content, 'summary or content').toBeDefined();
      }
      expect(ids.size, 'entry ids are unique').toBe(entries.length);
    });

    it('and an RSS 2.0 twin with the same entries', () => {
      const text = read('rss.xml');
      expect(XMLValidator.validate(text)).toBe(true);
      const channel = xml.parse(text).rss.channel;
      expect(channel.language).toBe('ar');
      expect(channel.item.length).toBe(Math.min(FEED_MAX_ENTRIES, timeline().entries.length));
      for (const item of channel.item) expectOnSite(item.link[0], 'rss item link');
    });
  });

  describe('JSON exports', () => {
    it('timeline.json matches its schema: every entry, its frontmatter and its page URL', () => {
      const data = timeline();
      expect(data.entries.length).toBeGreaterThan(0);
      expect(data.home_page_url).toBe(home);
      const dates = data.entries.map((e) => e.date);
      expect(dates).toEqual([...dates].sort());
      for (const entry of data.entries) expectOnSite(entry.url, `timeline.json ${entry.id}`);
      expectOnSite(data.$schema, 'timeline.json $schema');
      expectOnSite(data.feed_url, 'timeline.json feed_url');
      expectOnSite(data.actors_url, 'timeline.json actors_url');
    });

    it('actors.json matches its schema and agrees with timeline.json', () => {
      const actors = actorsExportSchema.parse(JSON.parse(read('actors.json')));
      const entryIds = new Set(timeline().entries.map((e) => e.id));
      expect(actors.actors.length).toBeGreaterThan(0);
      for (const actor of actors.actors) {
        if (actor.url) expectOnSite(actor.url, `actors.json ${actor.id}`);
        for (const id of actor.entries) expect(entryIds.has(id), `${actor.id} → ${id}`).toBe(true);
      }
      // Every person an entry names is in the export, with that entry listed.
      for (const entry of timeline().entries) {
        for (const id of entry.actors) expect(actors.actors.find((a) => a.id === id)?.entries).toContain(entry.id);
      }
    });

    it('timelinejs.json is a TimelineJS3 timeline: a title slide and one dated event per entry', () => {
      const tl = timelineJsSchema.parse(JSON.parse(read('timelinejs.json')));
      const entries = timeline().entries;
      expect(tl.events.length).toBe(entries.length);
      for (const [i, event] of tl.events.entries()) {
        const { year, month, day } = event.start_date;
        expect(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).toBe(entries[i]!.date);
        expect(event.text.headline).not.toMatch(/<(?!\/?(p|a)\b)/);
        expect(event.text.text).toContain(`href="${entries[i]!.url}"`);
      }
    });

    it('publishes the JSON Schemas it documents', () => {
      for (const file of ['schemas/timeline.schema.json', 'schemas/actors.schema.json']) {
        const schema = JSON.parse(read(file));
        expect(schema.$schema).toMatch(/json-schema\.org/);
        expect(schema.properties.schema_version).toBeDefined();
      }
    });
  });

  describe('sitemap and robots.txt', () => {
    it('robots.txt names the sitemap by its absolute URL', () => {
      const line = read('robots.txt').split('\n').find((l) => l.startsWith('Sitemap:'));
      expect(line).toBeDefined();
      expectOnSite(line!.slice('Sitemap:'.length).trim(), 'robots.txt sitemap');
    });

    it('the sitemap lists every content page, each landing on a built file', () => {
      expect(read('sitemap.xml'), 'sitemap.xml is the sitemap index').toBe(read('sitemap-index.xml'));
      const index = xml.parse(read('sitemap.xml')).sitemapindex;
      const locs: string[] = [];
      for (const sitemap of index.sitemap) {
        expectOnSite(sitemap.loc, 'sitemap index');
        const urlset = xml.parse(read(new URL(sitemap.loc).pathname.slice(base.length))).urlset;
        for (const url of urlset.url) locs.push(url.loc);
      }
      for (const loc of locs) expectOnSite(loc, 'sitemap loc');
      for (const entry of timeline().entries) expect(locs).toContain(entry.url);
      expect(locs).toContain(home);
      expect(locs.some((l) => /404/.test(l)), '404 is not a page to index').toBe(false);
    });
  });

  describe('every page head', () => {
    it('has a description, a canonical URL on the site, the feed link and Arabic Open Graph tags', () => {
      const pages = htmlPages();
      expect(pages.length).toBeGreaterThan(5);
      const problems: string[] = [];
      for (const page of pages) {
        const $ = cheerio.load(read(page));
        const description = $('meta[name="description"]');
        if (description.length !== 1 || !description.attr('content')?.trim()) problems.push(`${page}: one non-empty meta description`);
        const feed = $('head link[rel="alternate"][type="application/atom+xml"]').attr('href');
        if (feed !== new URL('feed.xml', home).href) problems.push(`${page}: Atom feed link ${feed}`);
        if ($('meta[property="og:locale"]').attr('content') !== 'ar_AR') problems.push(`${page}: og:locale`);
        // The same policy as _headers, for hosts that send no headers (GitHub Pages).
        if ($('head meta[http-equiv="Content-Security-Policy"]').attr('content') !== cspMetaFor(base + page.replace(/index\.html$/, ''), base)) problems.push(`${page}: CSP meta`);
        if (!$('meta[property="og:title"]').attr('content')) problems.push(`${page}: og:title`);
        const canonical = $('link[rel="canonical"]').attr('href');
        if (page === '404.html') {
          if (canonical) problems.push(`${page}: a 404 page has no canonical URL`);
          continue;
        }
        const expected = new URL(page.replace(/index\.html$/, ''), home).href;
        if (canonical !== expected) problems.push(`${page}: canonical ${canonical}, expected ${expected}`);
        if ($('meta[property="og:url"]').attr('content') !== expected) problems.push(`${page}: og:url`);
      }
      expect(problems).toEqual([]);
    });

    it('entry pages carry a JSON-LD NewsArticle that matches the entry', () => {
      const entries = new Map(timeline().entries.map((e) => [e.url, e]));
      const actorNames = new Map(
        actorsExportSchema.parse(JSON.parse(read('actors.json'))).actors.map((a) => [a.id, a.name_ar]),
      );
      const seen = new Set<string>();
      for (const page of htmlPages()) {
        const $ = cheerio.load(read(page));
        const blocks = $('script[type="application/ld+json"]').map((_, el) => JSON.parse($(el).text())).get();
        const article = blocks.find((b) => b['@type'] === 'NewsArticle');
        if (!article) continue;
        const entry = entries.get(article.url);
        expect(entry, `${page}: NewsArticle url ${article.url} is no entry`).toBeDefined();
        seen.add(article.url);
        expect(article['@context']).toBe('https://schema.org');
        expect(article.headline).toBe(entry!.title);
        // A date the text states is the publication date; an inferred or editorial one is the reported
        // event's, and must not be claimed as datePublished.
        if (entry!.published_at || entry!.date_basis.kind === 'stated') {
          expect(article.datePublished.slice(0, 10)).toBe(entry!.date);
        } else {
          expect(article.datePublished, `${page}: the publication date is not known`).toBeUndefined();
          expect(article.temporalCoverage).toBe(entry!.date);
        }
        expect(article.inLanguage).toBe('ar');
        // An outlet is asserted as publisher unless it is an unconfirmed editorial attribution.
        const unconfirmed = entry!.outlet_basis.kind === 'editorial' && !entry!.outlet_basis.confirmed;
        if (entry!.outlet && !unconfirmed) expect(article.publisher?.name).toBe(entry!.outlet);
        else expect(article.publisher?.name, `${page}: publisher`).not.toBe(entry!.outlet);
        expect(article.about.map((a: { name: string }) => a.name).sort()).toEqual(
          entry!.actors.map((id) => actorNames.get(id)).sort(),
        );
        expect($('meta[property="og:type"]').attr('content')).toBe('article');
      }
      expect([...seen].sort()).toEqual([...entries.keys()].sort());
    });
  });

  describe('_headers and the Content-Security-Policy', () => {
    it('sends the CSP and security headers on every path, a year of caching only on hashed assets', () => {
      const rules = parseHeadersFile(read('_headers'));
      const page = headersFor(rules, base);
      expect(page['Content-Security-Policy']).toBe(CSP_HEADER);
      expect(page['X-Content-Type-Options']).toBe('nosniff');
      expect(page['Cache-Control']).toBeUndefined();

      const hashed = /[._-][A-Za-z0-9_-]{6,}\.(js|css|pf_index|pf_fragment|pf_filter|woff2?)$/;
      const immutable = filesIn(dir).filter((f) => /immutable/.test(headersFor(rules, base + f)['Cache-Control'] ?? ''));
      expect(immutable.length).toBeGreaterThan(0);
      for (const f of immutable) expect(f, 'cached for a year, so its name must change with its content').toMatch(hashed);
      // Fixed names must be revalidated.
      for (const f of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'index.html', 'feed.xml']) {
        expect(headersFor(rules, base + f)['Cache-Control'], f).toBeUndefined();
      }
      expect(headersFor(rules, `${base}timelinejs.json`)['Access-Control-Allow-Origin']).toBe('*');
    });

    it('no page has inline code the policy would block', () => {
      const problems: string[] = [];
      for (const page of htmlPages()) {
        const $ = cheerio.load(read(page));
        $('script:not([src])').each((_, el) => {
          const type = $(el).attr('type') ?? '';
          if (!/^application\/(ld\+)?json$/.test(type)) problems.push(`${page}: inline <script${type ? ` type="${type}"` : ''}>`);
        });
        if ($('style').length) problems.push(`${page}: inline <style>`);
        $('[style]').each((_, el) => void problems.push(`${page}: style="" on <${(el as { name?: string }).name}>`));
        $('*').each((_, el) => {
          for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) {
            if (/^on/i.test(name)) problems.push(`${page}: ${name}="" handler`);
          }
        });
        $('[href^="javascript:"]').each(() => void problems.push(`${page}: javascript: link`));
      }
      expect(problems).toEqual([]);
    });
  });
});

describe('sub-path build', () => {
  it('links its feed, canonical URLs and exports under the sub-path', () => {
    const read = (rel: string) => fs.readFileSync(path.join(SUBPATH_DIST, rel), 'utf8');
    const $ = cheerio.load(read('index.html'));
    const feed = $('link[type="application/atom+xml"]').attr('href') ?? '';
    expect(feed).toBe(`${SITE_ORIGIN}${SUBPATH}feed.xml`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE_ORIGIN}${SUBPATH}`);
    const parsed = z.object({ entries: z.array(z.object({ url: z.string() })) }).parse(JSON.parse(read('timeline.json')));
    for (const entry of parsed.entries) expect(entry.url.startsWith(`${SITE_ORIGIN}${SUBPATH}`)).toBe(true);
    expect(read('_headers')).toContain(`${SUBPATH}_astro/*`);
  });
});
