/**
 * /timelinejs.json opens in Knight Lab's TimelineJS3 (the library their viewer runs, from npm
 * @knight-lab/timelinejs), loaded from ANOTHER origin the way their hosted viewer loads it: the site is
 * served with the headers its _headers file gives that path (so the export must allow cross-origin reads),
 * and a viewer page on a second port builds the timeline from its URL. Every entry must become a slide,
 * in date order, with no error from the library.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launchBrowser } from '../support/browser.ts';
import { DIST, ROOT, serve, type Served } from '../support/site.ts';
import { headersFor, parseHeadersFile } from '../../src/lib/security-headers.ts';
import { timelineExportSchema } from '../../src/lib/exports.ts';

const LIBRARY = path.join(ROOT, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

// The viewer page: what Knight Lab's embed/index.html does, reduced to the library call.
const VIEWER = (source: string) => `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="css/timeline.css">
<script src="js/timeline.js"></script>
<style>html, body, #timeline { height: 100%; margin: 0 }</style></head>
<body><div id="timeline"></div>
<script>
  window.timeline = new TL.Timeline('timeline', ${JSON.stringify(source)}, { language: 'ar', script_path: 'js/', font: null });
  window.timeline.on('loaded', function () { window.timelineLoaded = true; });
</script></body></html>`;

let browser: Browser;
let site: Served;
let viewer: Served;
let viewerDir: string;

beforeAll(async () => {
  const rules = parseHeadersFile(fs.readFileSync(path.join(DIST, '_headers'), 'utf8'));
  site = await serve(DIST, { headers: headersFor(rules, '/timelinejs.json') });
  viewerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'timelinejs-viewer-'));
  fs.cpSync(path.join(LIBRARY, 'js'), path.join(viewerDir, 'js'), { recursive: true });
  fs.cpSync(path.join(LIBRARY, 'css'), path.join(viewerDir, 'css'), { recursive: true });
  fs.writeFileSync(path.join(viewerDir, 'index.html'), VIEWER(`${site.url}timelinejs.json`));
  viewer = await serve(viewerDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await viewer?.close();
  await site?.close();
  if (viewerDir) fs.rmSync(viewerDir, { recursive: true, force: true });
});

describe("Knight Lab's TimelineJS3 on /timelinejs.json", () => {
  it('builds one slide per entry, in date order, after the title slide, without an error', async () => {
    const entries = timelineExportSchema.parse(JSON.parse(fs.readFileSync(path.join(DIST, 'timeline.json'), 'utf8'))).entries;
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
    });
    await page.goto(viewer.url);
    await page
      .waitForFunction(() => (window as unknown as { timelineLoaded?: boolean }).timelineLoaded === true, null, { timeout: 20_000 })
      .catch(() => {
        throw new Error(`TimelineJS never finished loading ${site.url}timelinejs.json; the page said: ${errors.join(' | ') || 'nothing'}`);
      });

    const state = await page.evaluate(() => {
      const tl = (window as unknown as { timeline: { config: { events: unknown[]; messages: { errors: unknown[] } } } }).timeline;
      return {
        events: tl.config.events.length,
        errors: tl.config.messages.errors.map(String),
        headlines: [...document.querySelectorAll('.tl-slide .tl-headline')].map((h) => h.textContent?.trim() ?? ''),
        links: [...document.querySelectorAll('.tl-slide .tl-text-content a[href]')].map((a) => (a as HTMLAnchorElement).href),
      };
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'timelinejs-desktop.png') });
    await context.close();

    expect(errors).toEqual([]);
    expect(state.errors).toEqual([]);
    expect(state.events).toBe(entries.length);
    // Slide 0 is the title; then the entries, oldest first, their headlines as plain text.
    expect(state.headlines.slice(1)).toEqual(entries.map((e) => e.title));
    for (const entry of entries) expect(state.links).toContain(entry.url);
  });
});
