/**
 * The site's HTTP response headers, written once here and used twice:
 * - `_headers` in the build output (Netlify and Cloudflare Pages read it), by the integration below;
 * - the same Content-Security-Policy as a <meta http-equiv> in every page's head (SeoHead.astro), so
 *   hosts that cannot set headers (GitHub Pages) still enforce it.
 *
 * WHAT EVERY PAGE MUST RESPECT (search included):
 * - no inline <script> that runs (JSON-LD `type="application/ld+json"` is data, not script, and is fine),
 *   no inline <style>, no style="" attribute, no on*="" handler: put code and CSS in files Astro bundles
 *   (astro.config.ts sets build.inlineStylesheets 'never' and vite.build.assetsInlineLimit 0, so Astro
 *   never inlines them on its own). Setting element.style.x from a script file is allowed (CSSOM);
 *   el.setAttribute('style', …) or innerHTML with style="" is not.
 * - scripts, styles, fonts and images only from the site's own origin; fetch() and WebAssembly only on
 *   the search page (Pagefind's WebAssembly needs 'wasm-unsafe-eval' there, never 'unsafe-eval').
 * - no frames, no plugins; forms submit only to the site itself.
 *
 * Why not Astro 7's own `security.csp`: it hashes inline code into a per-page <meta> policy. Never
 * inlining anything lets two static policies ('self', no hashes; reading pages and the search page) serve every page, as a header and as a meta,
 * and a new inline snippet fails the tests (tests/e2e/publish*.test.ts) instead of widening the policy.
 */

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of reading pages (timeline, entries, actors, years, about, 404): no
 * source they do not use. They run no script of their own (JSON-LD is data), fetch nothing, show no
 * image but the site's icon and embed nothing.
 */
export const CSP_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // Trusted Types: no string may become markup or a script URL through a DOM sink (innerHTML, script.src,
  // new Worker(url) …), and no policy may be made to let one through. The search page builds its results
  // with createElement and textContent, and Pagefind runs without a worker, so nothing needs a policy.
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ["'none'"],
};

/**
 * The search page's policy: the reading policy plus what Pagefind needs, there only: its WebAssembly
 * ('wasm-unsafe-eval', never 'unsafe-eval') and fetch() of its index and of the vocabulary for
 * suggestions from the site (connect-src). pagefind.js is a script of the site's own origin (script-src
 * 'self'). It runs without a worker (src/search/pagefind-backend.ts: noWorker), so no worker-src.
 */
export const SEARCH_CSP_DIRECTIVES: Directives = {
  ...CSP_DIRECTIVES,
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'connect-src': ["'self'"],
};

/** The search page's path under the base ("/" or "/timeline/"). */
export const SEARCH_PATH = 'search/';

/** Directives a browser ignores (and warns about) when the policy comes in a <meta> element. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function renderPolicy(directives: Directives, skip: Set<string> = new Set()): string {
  return Object.entries(directives)
    .filter(([name]) => !skip.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The reading pages' policy as an HTTP header value. */
export const CSP_HEADER = renderPolicy(CSP_DIRECTIVES);
/** The reading pages' policy for <meta http-equiv="Content-Security-Policy"> (without header-only directives). */
export const CSP_META = renderPolicy(CSP_DIRECTIVES, HEADER_ONLY_DIRECTIVES);
/** The search page's policy, as a header and as a meta. */
export const SEARCH_CSP_HEADER = renderPolicy(SEARCH_CSP_DIRECTIVES);
export const SEARCH_CSP_META = renderPolicy(SEARCH_CSP_DIRECTIVES, HEADER_ONLY_DIRECTIVES);

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);
const isSearchPage = (pathname: string, base: string) => {
  const rest = pathname.startsWith(withSlash(base)) ? pathname.slice(withSlash(base).length) : pathname.replace(/^\//, '');
  return rest === SEARCH_PATH || rest === `${SEARCH_PATH}index.html` || rest === SEARCH_PATH.slice(0, -1);
};
/** The policy header for a page at `pathname` (site-absolute, under `base`). */
export function cspHeaderFor(pathname: string, base = '/'): string {
  return isSearchPage(pathname, base) ? SEARCH_CSP_HEADER : CSP_HEADER;
}
/** The policy meta for a page at `pathname` (SeoHead.astro). */
export function cspMetaFor(pathname: string, base = '/'): string {
  return isSearchPage(pathname, base) ? SEARCH_CSP_META : CSP_META;
}

/**
 * HTTP Strict Transport Security: browsers that have seen the site over HTTPS never ask for it over
 * plain HTTP again, for a year. No includeSubDomains or preload (the site may share a domain with others,
 * as on github.io). Build with HSTS=off to leave it out (a host still on plain HTTP, or a trial domain).
 */
export const HSTS_VALUE = 'max-age=31536000';

/** Headers for every response. The CSP is per page (see renderHeadersFile). */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const ONE_YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Extra headers by path (relative to the site's base). Only files whose name changes with their
 * content are cached for a year: Astro's /_astro/ bundles and Pagefind's content-hashed chunks.
 * pagefind.js, pagefind-entry.json and the .pagefind WebAssembly keep fixed names, so they get the
 * host's default (revalidated) caching. The exports and feeds may be read by other sites (Knight Lab's
 * TimelineJS viewer fetches the JSON from its own origin), so they allow any origin.
 */
export const PATH_HEADERS: Array<[path: string, headers: Record<string, string>]> = [
  ['_astro/*', { 'Cache-Control': ONE_YEAR_IMMUTABLE }],
  ['pagefind/index/*', { 'Cache-Control': ONE_YEAR_IMMUTABLE }],
  ['pagefind/fragment/*', { 'Cache-Control': ONE_YEAR_IMMUTABLE }],
  ['pagefind/filter/*', { 'Cache-Control': ONE_YEAR_IMMUTABLE }],
  ['timeline.json', { 'Access-Control-Allow-Origin': '*' }],
  ['timelinejs.json', { 'Access-Control-Allow-Origin': '*' }],
  ['actors.json', { 'Access-Control-Allow-Origin': '*' }],
  ['feed.xml', { 'Access-Control-Allow-Origin': '*' }],
  ['rss.xml', { 'Access-Control-Allow-Origin': '*' }],
  ['schemas/*', { 'Access-Control-Allow-Origin': '*' }],
];

/** Top-level folders of reading pages when the build does not list them (the integration lists dist/). */
export const DEFAULT_PAGE_SECTIONS = ['entries', 'actors', 'years', 'about'];

export interface HeadersOptions {
  /** Top-level folders that hold reading pages (each gets the reading policy); the search page gets its own. */
  sections?: string[];
  /** Send Strict-Transport-Security (default true; HSTS=off at build time turns it off). */
  hsts?: boolean;
}

/**
 * The `_headers` file (Netlify / Cloudflare Pages syntax), with paths under `base` ("/" or "/timeline/").
 * The CSP rules never overlap (both hosts join a header two rules give into one comma-separated value,
 * which a browser enforces as both policies at once): the home page, each reading section, the 404 page
 * and the search page each have their own rule.
 */
export function renderHeadersFile(base: string, { sections = DEFAULT_PAGE_SECTIONS, hsts = true }: HeadersOptions = {}): string {
  const prefix = withSlash(base);
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const csp = (policy: string) => ({ 'Content-Security-Policy': policy });
  const reading = [...new Set(sections)].filter((s) => `${s}/` !== SEARCH_PATH).sort();
  return [
    '# Generated by src/lib/security-headers.ts at build time: edit that file, not this one.',
    block(`${prefix}*`, { ...SECURITY_HEADERS, ...(hsts ? { 'Strict-Transport-Security': HSTS_VALUE } : {}) }),
    '# Content-Security-Policy, page by page (the search page alone may run WebAssembly).',
    block(prefix, csp(CSP_HEADER)),
    block(`${prefix}index.html`, csp(CSP_HEADER)),
    block(`${prefix}404.html`, csp(CSP_HEADER)),
    ...reading.map((section) => block(`${prefix}${section}/*`, csp(CSP_HEADER))),
    block(`${prefix}${SEARCH_PATH}*`, csp(SEARCH_CSP_HEADER)),
    ...PATH_HEADERS.map(([path, headers]) => block(prefix + path, headers)),
    '',
  ].join('\n\n');
}

/** One rule of a parsed `_headers` file. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** Parse a `_headers` file (the subset this project writes: paths, indented `Name: value` lines, comments). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: raw.trim(), headers: {} });
      continue;
    }
    const current = rules.at(-1);
    const colon = raw.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers line ${i + 1}: expected "Name: value" under a path, got ${JSON.stringify(raw)}`);
    current.headers[raw.slice(0, colon).trim()] = raw.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers a host would send for `pathname`: every rule whose pattern (one trailing * splat) matches, merged in order. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? pathname.startsWith(rule.path.slice(0, -1)) : pathname === rule.path;
    if (matches) Object.assign(merged, rule.headers);
  }
  return merged;
}
