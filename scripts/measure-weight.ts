/**
 * Page weight as a reader's browser downloads it: each built page's HTML plus the stylesheets and
 * scripts it links, gzip-compressed (level 9, as static hosts serve them). Fonts are listed apart (the
 * budget, 30 KB gzip for the timeline page, is "fonts aside"): the font files whose unicode-range the
 * page's text touches, an upper bound, since a browser skips a face for characters set in another family.
 *
 *   npm run measure:weight                 # dist/, every page
 *   npm run measure:weight -- dist-b / /about/
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';

export interface PageWeight {
  /** Site path ("/", "/entries/x/"). */
  page: string;
  html: number;
  css: number;
  js: number;
  /** HTML + CSS + JS, gzip bytes: what the budget counts. */
  total: number;
  /** Font files the page downloads (its CSS's faces whose unicode-range its text uses), bytes (not in total). */
  fonts: number;
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** Whether any code point of `chars` falls in a CSS unicode-range ("U+0600-06FF,U+200C", minified "U+6??"). */
function usesRange(chars: Set<number>, range: string): boolean {
  const spans = range.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    if (hi === undefined && lo!.includes('?')) return [parseInt(lo!.replace(/\?/g, '0'), 16), parseInt(lo!.replace(/\?/g, 'F'), 16)] as const;
    return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)] as const;
  });
  for (const c of chars) if (spans.some(([lo, hi]) => c >= lo && c <= hi)) return true;
  return false;
}

/** The file a site-absolute URL ("/timeline/_astro/x.css") names inside `dist`, given the site's base path. */
function fileFor(dist: string, base: string, url: string): string | null {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0]!;
  if (!clean.startsWith(base)) return null;
  const rel = clean.slice(base.length);
  const file = path.join(dist, rel.endsWith('/') || rel === '' ? path.join(rel, 'index.html') : rel);
  return fs.existsSync(file) ? file : null;
}

/** Measure one page of a build. `page` is the site path without the base ("/", "/about/"). */
export function measurePage(dist: string, page: string, base = '/'): PageWeight {
  const htmlFile = path.join(dist, page, 'index.html');
  if (!fs.existsSync(htmlFile)) throw new Error(`${htmlFile}: no such page in the build`);
  const html = fs.readFileSync(htmlFile);
  const $ = cheerio.load(html.toString('utf8'));
  const cssFiles = $('link[rel="stylesheet"]').toArray().map((el) => $(el).attr('href') ?? '');
  const jsFiles = $('script[src]').toArray().map((el) => $(el).attr('src') ?? '');
  const pageChars = new Set([...$('body').text()].map((c) => c.codePointAt(0)!));
  let css = 0;
  let js = 0;
  let fonts = 0;
  const seenFonts = new Set<string>();
  for (const href of cssFiles) {
    const file = fileFor(dist, base, href);
    if (!file) throw new Error(`${htmlFile}: stylesheet ${href} is not in the build`);
    const text = fs.readFileSync(file);
    css += gz(text);
    for (const face of text.toString('utf8').match(/@font-face\s*{[^}]*}/g) ?? []) {
      const woff2 = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(face)?.[1];
      const range = /unicode-range\s*:\s*([^;}]+)/.exec(face)?.[1];
      const font = woff2 && fileFor(dist, base, woff2);
      // A browser downloads a face only when the page uses a character in its unicode-range.
      if (font && !seenFonts.has(font) && (!range || usesRange(pageChars, range))) {
        seenFonts.add(font);
        fonts += fs.statSync(font).size; // woff2 is compressed already
      }
    }
  }
  for (const src of jsFiles) {
    const file = fileFor(dist, base, src);
    if (file) js += gz(fs.readFileSync(file));
  }
  const htmlGz = gz(html);
  return { page, html: htmlGz, css, js, total: htmlGz + css + js, fonts };
}

/** Every page of a build (each index.html), site paths sorted. */
export function allPages(dist: string): string[] {
  return fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name === 'index.html' && !path.relative(dist, d.parentPath).startsWith('pagefind'))
    .map((d) => {
      const rel = path.relative(dist, d.parentPath).split(path.sep).join('/');
      return rel ? `/${rel}/` : '/';
    })
    .sort();
}

const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [distArg, ...pagesArg] = process.argv.slice(2);
  const dist = path.resolve(distArg ?? 'dist');
  const pages = pagesArg.length ? pagesArg : allPages(dist);
  console.log('gzip KB   html    css     js  total (fonts aside)  fonts  page');
  for (const page of pages) {
    const w = measurePage(dist, page);
    console.log(`        ${kb(w.html)} ${kb(w.css)} ${kb(w.js)} ${kb(w.total)}               ${kb(w.fonts)}  ${page}`);
  }
}
