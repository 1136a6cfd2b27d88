/**
 * The site under its own Content-Security-Policy, in Chromium: both builds are served with the headers
 * their dist/_headers file gives (parsed, as Netlify or Cloudflare Pages would apply them), every HTML page
 * is loaded, and the search page runs a query. Not one CSP violation, console error or page error is
 * allowed. The sub-path build is served under /timeline/ and must search there too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser } from '../support/browser.ts';
import { DIST, ROOT, SUBPATH, SUBPATH_DIST, serve, type Served } from '../support/site.ts';
import { filesIn, urlPathOf } from '../support/link-check.ts';
import { CSP_HEADER, headersFor, parseHeadersFile } from '../../src/lib/security-headers.ts';

/** What went wrong on a page, as the browser reported it. */
interface Incident {
  page: string;
  kind: 'csp' | 'console' | 'pageerror' | 'http';
  text: string;
}

/**
 * The headers a host applies, path by path, read from the build's own _headers file (the CSP is per page:
 * the search page alone may run WebAssembly).
 */
function pageHeaders(dir: string, base: string): (pathname: string) => Record<string, string> {
  const rules = parseHeadersFile(fs.readFileSync(path.join(dir, '_headers'), 'utf8'));
  if (!headersFor(rules, base)['Content-Security-Policy']) throw new Error(`${dir}/_headers gives ${base} no Content-Security-Policy`);
  return (pathname) => headersFor(rules, pathname);
}

/** Open a context that records every CSP violation, console error, uncaught error and failed response. */
async function watchedContext(browser: Browser, incidents: Incident[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
    incidents.push({ page: page.url(), kind: 'csp', text });
  });
  // Runs before any page script; init scripts are injected by the browser itself, not blocked by the CSP.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  context.on('page', (page) => watchPage(page, incidents));
  return context;
}

function watchPage(page: Page, incidents: Incident[]) {
  page.on('console', (msg) => {
    // Chromium logs the deliberate 404 of the not-found page's own address; that one is expected.
    if (msg.location().url.includes('/does-not-exist/')) return;
    // Every error; warnings only when they are about the policy (other warnings vary with Chromium versions).
    const aboutPolicy = /Content[- ]Security[- ]Policy/i.test(msg.text());
    if (msg.type() === 'error' || (msg.type() === 'warning' && aboutPolicy)) incidents.push({ page: page.url(), kind: 'console', text: `${msg.type()}: ${msg.text()} (${msg.location().url})` });
  });
  page.on('pageerror', (err) => incidents.push({ page: page.url(), kind: 'pageerror', text: err.message }));
  page.on('response', (res) => {
    // The 404 page is served with status 404 on purpose; everything else it loads must succeed.
    if (res.status() >= 400 && !res.url().includes('/does-not-exist')) incidents.push({ page: page.url(), kind: 'http', text: `${res.status()} ${res.url()}` });
  });
}

const format = (incidents: Incident[]) => incidents.map((i) => `${i.kind} on ${i.page}: ${i.text}`).join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['root build', DIST, '/'],
  ['sub-path build', SUBPATH_DIST, SUBPATH],
])('%s served with its _headers', (_name, dir, base) => {
  let site: Served;
  let context: BrowserContext;
  const incidents: Incident[] = [];
  let headers: (pathname: string) => Record<string, string>;

  beforeAll(async () => {
    headers = pageHeaders(dir, base);
    site = await serve(dir, { mount: base, headers });
    context = await watchedContext(browser, incidents);
  });
  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  it('sends the policy the site declares', async () => {
    const res = await fetch(site.url);
    expect(res.headers.get('content-security-policy')).toBe(CSP_HEADER);
  });

  it('loads every page without a CSP violation, console error or failed request', async () => {
    const pages = filesIn(dir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(5);
    const page = await context.newPage();
    const origin = new URL(site.url).origin;
    for (const file of pages) {
      const url = file === '404.html' ? `${site.url}does-not-exist/` : origin + urlPathOf(file, base);
      await page.goto(url, { waitUntil: 'load' });
    }
    await page.close();
    expect(incidents, format(incidents)).toEqual([]);
  });

  it("links its feeds absolutely, under its base path, and serves them there", async () => {
    const page = await context.newPage();
    await page.goto(site.url);
    const hrefs = await page.locator('head link[rel="alternate"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    await page.close();
    expect(hrefs.length).toBe(2);
    for (const href of hrefs) {
      const url = new URL(href);
      // Absolute, on the configured site (astro.config.ts: SITE_URL, example.org when unset).
      expect(url.origin).toBe(new URL(process.env.SITE_URL ?? 'https://example.org').origin);
      expect(url.pathname.startsWith(base), `${href} under ${base}`).toBe(true);
      // The same path on the local server is the feed itself.
      const res = await fetch(new URL(url.pathname, site.url));
      expect(res.status, href).toBe(200);
      expect(await res.text()).toMatch(/^<\?xml[^>]*>\s*<(feed|rss)\b/);
    }
  });

  it('searches under the policy: /search/?q=بوتين draws results, with no violation', async () => {
    const before = incidents.length;
    const page = await context.newPage();
    await page.goto(`${site.url}search/?q=${encodeURIComponent('بوتين')}`);
    // The search page marks its result list data-state="done" once results are drawn (src/search/client.ts).
    const results = page.locator('[data-search-results][data-state="done"]');
    await results.waitFor({ timeout: 15_000 });
    expect(await results.getAttribute('data-query')).toBe('بوتين');
    const links = await results.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links.length).toBeGreaterThan(0);
    // Results point into the site, under its base path.
    for (const href of links) expect(href.startsWith(base)).toBe(true);
    // Trusted Types are required: even the search page's own code could not turn a string into markup.
    const sink = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<i>x</i>';
        return 'assigned';
      } catch {
        return 'blocked';
      }
    });
    expect(sink).toBe('blocked');
    await page.close();
    // The probe's own refusal is the one report allowed here.
    const rest = incidents.slice(before).filter((i) => !/trusted/i.test(i.text));
    expect(rest, format(rest)).toEqual([]);
  });
});

describe('screenshots under the policy (tests/artifacts/, to look at)', () => {
  it('home, an entry and search results render styled at phone and desktop widths', async () => {
    const site = await serve(DIST, { headers: pageHeaders(DIST, '/') });
    const timeline = JSON.parse(fs.readFileSync(path.join(DIST, 'timeline.json'), 'utf8')) as { entries: Array<{ url: string }> };
    const entryPath = new URL(timeline.entries[0]!.url).pathname.slice(1);
    fs.mkdirSync(path.join(ROOT, 'tests', 'artifacts'), { recursive: true });
    try {
      for (const [width, options] of [['390', PHONE], ['1280', DESKTOP]] as const) {
        const context = await browser.newContext(options);
        const page = await context.newPage();
        for (const [name, rel] of [['home', ''], ['entry', entryPath], ['search', `search/?q=${encodeURIComponent('بوتين')}`]]) {
          await page.goto(site.url + rel);
          if (name === 'search') await page.locator('[data-search-results][data-state="done"]').waitFor({ timeout: 15_000 });
          // Styles applied means the stylesheet was not blocked: the body font is not the browser default.
          expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe('"Times New Roman"');
          await page.screenshot({ path: path.join(ROOT, 'tests', 'artifacts', `csp-${name}-${width}.png`), fullPage: name !== 'home' });
        }
        await context.close();
      }
    } finally {
      await site.close();
    }
  });
});

describe('the policy bites', () => {
  it('blocks an inline script in a page served with it (the test can see a violation)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-probe-'));
    try {
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title><script>document.title = "ran"</script>');
      const site = await serve(dir, { headers: { 'Content-Security-Policy': CSP_HEADER } });
      const incidents: Incident[] = [];
      const context = await watchedContext(browser, incidents);
      try {
        const page = await context.newPage();
        await page.goto(site.url);
        await page.waitForTimeout(200);
        expect(await page.title()).toBe('t');
        expect(incidents.some((i) => i.kind === 'csp' && /script-src/.test(i.text))).toBe(true);
      } finally {
        await context.close();
        await site.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
