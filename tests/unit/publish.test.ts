/**
 * Publishing builders on made-up entries: feeds stay well-formed and carry hostile text as text,
 * exports match their schemas, the TimelineJS file escapes what TimelineJS would render as HTML,
 * and the _headers file parses back into the policy it was written from.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  buildActorsExport,
  buildTimelineExport,
  buildTimelineJs,
  ledeFromMarkdown,
  timelineExportSchema,
  actorsExportSchema,
  timelineJsSchema,
  type ExportEntry,
  type SiteInfo,
} from '../../src/lib/exports.ts';
import { buildAtomFeed, buildRssFeed, escapeXml } from '../../src/lib/feeds.ts';
import {
  CSP_HEADER,
  CSP_META,
  HSTS_VALUE,
  SEARCH_CSP_HEADER,
  SEARCH_CSP_META,
  cspHeaderFor,
  cspMetaFor,
  headersFor,
  parseHeadersFile,
  renderHeadersFile,
} from '../../src/lib/security-headers.ts';
import { pageSections } from '../../src/integrations/headers-file.ts';
import { siteUrlWarningText } from '../../src/integrations/site-url-warning.ts';
import type { EntryFrontmatter } from '../../src/lib/entry-schema.ts';

const site: SiteInfo = { title: 'خط زمني', description: 'وصف قصير', home: 'https://news.example/timeline/' };

const HOSTILE = 'عنوان <script>alert(1)</script> & "اقتباس" ]]> \u0007 نهاية';

function entry(id: string, date: string, over: Partial<EntryFrontmatter> = {}): ExportEntry {
  const data: EntryFrontmatter = {
    title: `عنوان ${id}`,
    date,
    date_basis: { kind: 'stated', line: 'تاريخ النشر', rule: 'published-line' },
    outlet: 'الأسبوع',
    via: null,
    outlet_basis: { kind: 'stated', line: 'المصدر: الأسبوع', rule: 'source-line' },
    actors: ['vladimir-putin'],
    places: ['pyongyang'],
    people: [],
    organisations: [],
    claims: [],
    source: `${id}.txt`,
    removed: [],
    notes: [],
    ...over,
  };
  return { id, url: new URL(`entries/${id}/`, site.home).href, summary: `ملخص ${id}`, data };
}

const entries = [
  entry('b-later', '2024-06-20', { published_at: '2024-06-20T12:06:03+03:00' }),
  entry('a-earlier', '2023-09-15', { title: HOSTILE, outlet: null }),
];
const actorName = (id: string) => ({ 'vladimir-putin': 'فلاديمير بوتين', pyongyang: 'بيونغ يانغ' })[id] ?? id;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category', 'item'].includes(name) });

describe('Atom feed', () => {
  const xml = buildAtomFeed(site, entries, actorName);
  const feed = parser.parse(xml).feed;

  it('is well-formed XML marked as Arabic', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed['@xml:lang']).toBe('ar');
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  });

  it('has the elements RFC 4287 requires, newest entry first, updated = newest entry', () => {
    for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key], key).toBeDefined();
    expect(feed.updated).toBe('2024-06-20T09:06:03.000Z');
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([entries[0]!.url, entries[1]!.url]);
    for (const e of feed.entry) {
      for (const key of ['id', 'title', 'updated', 'link', 'author']) expect(e[key], key).toBeDefined();
      expect(e.link[0]['@href']).toMatch(/^https:\/\/news\.example\/timeline\/entries\//);
    }
  });

  it('carries a hostile headline as text, not markup, and drops characters XML forbids', () => {
    const hostile = feed.entry[1];
    // The parser decodes entities: reading the feed gives back exactly the headline's text.
    expect(hostile.title['#text']).toBe(HOSTILE.replace('\u0007', ''));
    expect(xml).not.toContain('<script>');
    expect(hostile.author.name).toBe('مصدر غير معروف');
  });
});

describe('Atom feed: what is not known is not claimed', () => {
  it('gives <published> only for a stated date, and marks an unconfirmed outlet', () => {
    const eventDated = entry('c-event', '2024-11-29', {
      date_basis: { kind: 'editorial', note: 'visit date', confirmed: true },
      outlet: 'عربي21',
      outlet_basis: { kind: 'editorial', note: 'page furniture', confirmed: false },
    });
    const feed = parser.parse(buildAtomFeed(site, [eventDated, entries[0]!], actorName)).feed;
    const [event, stated] = feed.entry;
    expect(event.published).toBeUndefined();
    expect(event.updated).toBe('2024-11-29T00:00:00Z');
    expect(event.author.name).toBe('عربي21 (نسبة الخبر إليه غير مؤكدة)');
    expect(stated.published).toBe('2024-06-20T09:06:03.000Z');
  });
});

describe('RSS feed', () => {
  it('is well-formed with language ar and one item per entry', () => {
    const xml = buildRssFeed(site, entries, actorName);
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = parser.parse(xml).rss.channel;
    expect(channel.language).toBe('ar');
    expect(channel.item).toHaveLength(2);
  });
});

describe('escapeXml', () => {
  it('escapes the five special characters and keeps Arabic and emoji', () => {
    expect(escapeXml(`<a href="x">'ب' & 😀</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;ب&apos; &amp; 😀&lt;/a&gt;');
  });
});

describe('JSON exports', () => {
  it('timeline.json matches its schema, oldest first, with absolute URLs', () => {
    const data = timelineExportSchema.parse(JSON.parse(JSON.stringify(buildTimelineExport(site, entries))));
    expect(data.entries.map((e) => e.id)).toEqual(['a-earlier', 'b-later']);
    expect(data.entries[0]!.url).toBe('https://news.example/timeline/entries/a-earlier/');
    expect(data.feed_url).toBe('https://news.example/timeline/feed.xml');
    expect(data.entries[0]!.title).toBe(HOSTILE);
  });

  it('rejects an export whose entry lacks its URL', () => {
    const bad = JSON.parse(JSON.stringify(buildTimelineExport(site, entries)));
    delete bad.entries[0].url;
    expect(timelineExportSchema.safeParse(bad).success).toBe(false);
  });

  it('actors.json lists the entries naming each actor', () => {
    const actors = [
      { id: 'vladimir-putin', kind: 'person' as const, name_ar: 'فلاديمير بوتين', name_en: 'Vladimir Putin', variants: [], latin: [], short: [], titles: [] },
      { id: 'nobody', kind: 'person' as const, name_ar: 'لا أحد', name_en: 'Nobody', variants: [], latin: [], short: [], titles: [] },
    ];
    const data = actorsExportSchema.parse(buildActorsExport(site, actors, entries, (a) => new URL(`actors/${a.id}/`, site.home).href));
    expect(data.actors[0]!.entries).toEqual(['a-earlier', 'b-later']);
    expect(data.actors[1]!.entries).toEqual([]);
  });

  it('timelinejs.json is TimelineJS3-shaped and escapes every source string', () => {
    const tl = timelineJsSchema.parse(buildTimelineJs(site, entries, (d) => d, actorName));
    expect(tl.events[0]!.start_date).toMatchObject({ year: 2023, month: 9, day: 15 });
    expect(tl.events[0]!.text.headline).not.toContain('<script>');
    expect(tl.events[0]!.text.headline).toContain('&lt;script&gt;');
    expect(tl.events[0]!.text.text).toContain('href="https://news.example/timeline/entries/a-earlier/"');
    expect(new Set(tl.events.map((e) => e.unique_id)).size).toBe(2);
  });
});

describe('ledeFromMarkdown', () => {
  it('returns the first paragraph as plain text, skipping headings and unescaping Markdown', () => {
    expect(ledeFromMarkdown('## عنوان فرعي\n\nالفقرة \\*الأولى\\* [رابط](x)\nتكملة.\n\nالثانية')).toBe('الفقرة *الأولى* رابط تكملة.');
  });
});

describe('_headers', () => {
  it('round-trips: every page gets its CSP, hashed assets a year of caching, under the base path', () => {
    const rules = parseHeadersFile(renderHeadersFile('/timeline/'));
    for (const page of ['/timeline/', '/timeline/index.html', '/timeline/404.html', '/timeline/entries/x/', '/timeline/actors/y/', '/timeline/years/2024/', '/timeline/about/']) {
      expect(headersFor(rules, page)['Content-Security-Policy'], page).toBe(CSP_HEADER);
    }
    expect(headersFor(rules, '/timeline/search/')['Content-Security-Policy']).toBe(SEARCH_CSP_HEADER);
    expect(headersFor(rules, '/timeline/_astro/a.B1c2.css')['Cache-Control']).toContain('immutable');
    expect(headersFor(rules, '/timeline/pagefind/pagefind.js')['Cache-Control']).toBeUndefined();
    expect(headersFor(rules, '/timeline/timelinejs.json')['Access-Control-Allow-Origin']).toBe('*');
  });

  it('no two rules give one path a CSP (hosts would join them into two policies enforced at once)', () => {
    const rules = parseHeadersFile(renderHeadersFile('/', { sections: ['entries', 'actors', 'events', 'search'] }));
    const csp = rules.filter((r) => r.headers['Content-Security-Policy']);
    for (const path of ['/', '/index.html', '/404.html', '/entries/a/', '/events/b/', '/search/', '/search/index.html']) {
      expect(csp.filter((r) => (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path)).length, path).toBe(1);
    }
  });

  it('WebAssembly and fetch() only on the search page; no inline or eval script; no source nothing uses', () => {
    expect(CSP_HEADER).toMatch(/script-src 'self'(;|$)/);
    expect(CSP_HEADER).not.toMatch(/wasm-unsafe-eval|connect-src|worker-src|manifest-src|data:/);
    expect(SEARCH_CSP_HEADER).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(SEARCH_CSP_HEADER).toContain("connect-src 'self'");
    expect(SEARCH_CSP_HEADER).not.toMatch(/worker-src|manifest-src|data:/);
    for (const policy of [CSP_HEADER, SEARCH_CSP_HEADER]) {
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("require-trusted-types-for 'script'; trusted-types 'none'");
    }
    expect(CSP_META).not.toContain('frame-ancestors');
    expect(cspMetaFor('/timeline/search/', '/timeline/')).toBe(SEARCH_CSP_META);
    expect(cspMetaFor('/timeline/entries/search/', '/timeline/')).toBe(CSP_META);
    expect(cspHeaderFor('/search/')).toBe(SEARCH_CSP_HEADER);
  });

  it('sends HSTS for a year on every path unless built with HSTS off', () => {
    const on = headersFor(parseHeadersFile(renderHeadersFile('/')), '/entries/x/');
    expect(on['Strict-Transport-Security']).toBe(HSTS_VALUE);
    expect(HSTS_VALUE).toBe('max-age=31536000');
    expect(headersFor(parseHeadersFile(renderHeadersFile('/', { hsts: false })), '/')['Strict-Transport-Security']).toBeUndefined();
  });

  it('the build lists its folders of pages for the CSP rules', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sections-'));
    try {
      for (const f of ['entries/a/index.html', 'search/index.html', '_astro/x.css', 'pagefind/p.js', 'schemas/s.json', 'years/2024/index.html']) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), '');
      }
      expect(pageSections(dir)).toEqual(['entries', 'search', 'years']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns, without SITE_URL, where the absolute URLs will point', () => {
    const text = siteUrlWarningText('https://example.org', '/timeline/');
    expect(text).toContain('SITE_URL is not set');
    expect(text).toContain('https://example.org/timeline/');
    expect(text).toMatch(/feed\.xml.*sitemap/s);
  });
});

describe('GitHub Pages workflow', () => {
  const workflow = YAML.parse(fs.readFileSync(path.join(import.meta.dirname, '../../.github/workflows/pages.yml'), 'utf8'));
  const steps: Array<Record<string, any>> = workflow.jobs.build.steps;

  it('builds with the project Node, uploads dist/ as the Pages artifact and deploys it', () => {
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(steps.find((s) => String(s.uses).startsWith('actions/setup-node'))?.with['node-version-file']).toBe('.nvmrc');
    expect(steps.some((s) => s.run === 'npm ci')).toBe(true);
    expect(steps.find((s) => String(s.uses).startsWith('actions/upload-pages-artifact'))?.with.path).toBe('dist');
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.steps.some((s: { uses?: string }) => String(s.uses).startsWith('actions/deploy-pages'))).toBe(true);
  });

  it('turns the Pages base path into a BASE_PATH with slashes on both ends, for project and user sites', () => {
    const build = steps.find((s) => s.name === 'Build')!;
    expect(build.env.SITE_URL).toContain('steps.pages.outputs.origin');
    const script = String(build.run).replace('npm run build', 'printf "%s" "$BASE_PATH"').replace(/^echo .*$/m, '');
    for (const [pages, expected] of [['/repo', '/repo/'], ['/repo/', '/repo/'], ['', '/'], ['/', '/']]) {
      const out = execFileSync('bash', ['-c', script], { env: { ...process.env, PAGES_BASE_PATH: pages } }).toString();
      expect(out, `base_path ${JSON.stringify(pages)}`).toBe(expected);
    }
  });
});
