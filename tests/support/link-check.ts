/**
 * Link checking over a built site folder, with no server: every internal reference in every HTML file
 * (href, src, srcset, form action, and absolute URLs on the site's own origin such as canonical and
 * og:url) must resolve to a file in the folder, and a #fragment to an id in the target page.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';

/** Every file under `dir`, relative, with forward slashes. */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The URL path a static host serves a file at ("entries/x/index.html" → "/timeline/entries/x/"). */
export function urlPathOf(file: string, base: string): string {
  const rel = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
  return base + rel;
}

export interface BrokenLink {
  page: string;
  attribute: string;
  value: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  checked: number;
  broken: BrokenLink[];
}

const SKIPPED_SCHEMES = /^(mailto|tel|data):/i;

/**
 * The file a site URL path maps to, as a static host resolves it (directory → index.html,
 * "/x" → "/x/index.html" after the host's redirect), or null.
 */
export function resolveToFile(dir: string, base: string, pathname: string): string | null {
  if (!pathname.startsWith(base)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return null;
  }
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`, `${rel}.html`];
  for (const candidate of candidates) {
    const file = path.join(dir, candidate);
    if (!file.startsWith(dir)) return null;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return candidate;
  }
  return null;
}

/**
 * Check every HTML file under `dir`, built for `base` ("/" or "/timeline/") on `siteOrigin`
 * ("https://example.org"): relative and root-relative references, and absolute ones on the site's origin.
 */
export function checkLinks(dir: string, base: string, siteOrigin: string): LinkReport {
  const htmlFiles = filesIn(dir).filter((f) => f.endsWith('.html'));
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idsCache.get(file);
    if (!ids) {
      const $ = cheerio.load(fs.readFileSync(path.join(dir, file), 'utf8'));
      ids = new Set($('[id]').map((_, el) => $(el).attr('id') ?? '').get());
      for (const name of $('a[name]').map((_, el) => $(el).attr('name') ?? '').get()) ids.add(name);
      idsCache.set(file, ids);
    }
    return ids;
  };

  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const file of htmlFiles) {
    const $ = cheerio.load(fs.readFileSync(path.join(dir, file), 'utf8'));
    const pageUrl = new URL(urlPathOf(file, base), siteOrigin);
    const refs: Array<[attribute: string, value: string]> = [];
    $('[href]').each((_, el) => void refs.push(['href', $(el).attr('href') ?? '']));
    $('[src]').each((_, el) => void refs.push(['src', $(el).attr('src') ?? '']));
    $('form[action]').each((_, el) => void refs.push(['action', $(el).attr('action') ?? '']));
    $('[srcset]').each((_, el) => {
      for (const part of ($(el).attr('srcset') ?? '').split(',')) {
        const url = part.trim().split(/\s+/)[0];
        if (url) refs.push(['srcset', url]);
      }
    });
    // Absolute URLs in metadata (canonical, og:url, og:image …) must point at real pages too.
    $('meta[content^="http"]').each((_, el) => void refs.push([`meta ${$(el).attr('property') ?? $(el).attr('name')}`, $(el).attr('content') ?? '']));

    for (const [attribute, value] of refs) {
      const fail = (reason: string) => broken.push({ page: file, attribute, value, reason });
      if (/^\s*javascript:/i.test(value)) {
        fail('javascript: URL');
        continue;
      }
      if (SKIPPED_SCHEMES.test(value)) continue;
      let url: URL;
      try {
        url = new URL(value, pageUrl);
      } catch {
        fail('not a URL');
        continue;
      }
      if (url.origin !== pageUrl.origin) {
        if (!/^https?:$/.test(url.protocol)) fail(`unexpected scheme ${url.protocol}`);
        continue; // external: not ours to check offline
      }
      checked++;
      const target = resolveToFile(dir, base, url.pathname);
      if (!target) {
        fail(url.pathname.startsWith(base) ? 'no such file' : `outside the base path ${base}`);
        continue;
      }
      if (url.hash.length > 1 && target.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!idsOf(target).has(id)) fail(`no element with id "${id}" in ${target}`);
      }
    }
  }
  return { pages: htmlFiles.length, checked, broken };
}

export function formatBroken(broken: BrokenLink[]): string {
  return broken.map((b) => `${b.page}: ${b.attribute}="${b.value}" → ${b.reason}`).join('\n');
}
