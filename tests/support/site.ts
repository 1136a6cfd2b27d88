/**
 * The built site for end-to-end tests: built once per test run by tests/support/global-setup.ts
 * (a root build in dist/ and a sub-path build in dist-subpath/), served here from localhost.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export const ROOT = path.resolve(import.meta.dirname, '../..');
// TEST_OUT lets two people (or two checkouts' worth of work) test side by side without sharing dist/.
const OUT = process.env.TEST_OUT ?? 'dist';
export const DIST = path.join(ROOT, OUT);
export const SUBPATH_DIST = path.join(ROOT, `${OUT}-subpath`);
export const SUBPATH = '/timeline/';
/**
 * The browser tests' site is built from fixed copies of the five seed articles, not from the live seeds/ and
 * content/entries/: an editor who adds an article as the README says changes nothing these tests expect.
 */
export const FIXED_SEEDS = path.join(ROOT, 'tests', 'fixtures', 'seeds');
export const TEST_ENTRIES = path.join(ROOT, 'tests', 'artifacts', `${OUT}-entries`, 'entries');

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serve a built folder on 127.0.0.1 at `mount` (a sub-path for the sub-path build), with extra
 * response headers when asked (the CSP tests send the site's own _headers, path by path, given a function).
 */
export async function serve(
  dir: string,
  { mount = '/', headers = {} }: { mount?: string; headers?: Record<string, string> | ((pathname: string) => Record<string, string>) } = {},
): Promise<Served> {
  const files = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const server = http.createServer((req, res) => {
    const sent = typeof headers === 'function' ? headers(new URL(req.url ?? '/', 'http://localhost').pathname) : headers;
    for (const [k, v] of Object.entries(sent)) res.setHeader(k, v);
    const url = req.url ?? '/';
    if (!url.startsWith(mount)) {
      res.statusCode = 404;
      res.end('not under mount');
      return;
    }
    req.url = '/' + url.slice(mount.length);
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      // Like static hosts do: serve the site's own 404 page.
      import('node:fs').then((fs) => {
        const page = path.join(dir, '404.html');
        res.end(fs.existsSync(page) ? fs.readFileSync(page) : 'not found');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Build the site from another folder of entries (ENTRIES_DIR) into `outDir`, as `npm run build` builds it. */
export function buildSite(entriesDir: string, outDir: string, env: Record<string, string> = {}, output: 'ignore' | 'inherit' = 'ignore'): void {
  if (process.env.SKIP_BUILD && fs.existsSync(outDir)) return;
  execFileSync('npx', ['astro', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', output, 'inherit'],
    env: {
      ...process.env,
      ...env,
      // As `npm run build` runs it: vitest's NODE_ENV=test would make Astro build a DEV-flavoured site.
      NODE_ENV: 'production',
      ENTRIES_DIR: entriesDir,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: path.join(ROOT, 'node_modules', `.astro-${path.basename(outDir)}`),
    },
  });
}
