/**
 * Link check over the whole built site, root build and sub-path build: every internal href/src/srcset,
 * form action and same-origin metadata URL in every HTML file resolves to a file (and a #fragment to an
 * id on the target page). Zero broken links is the bar.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, SUBPATH, SUBPATH_DIST } from '../support/site.ts';
import { checkLinks, formatBroken, type LinkReport } from '../support/link-check.ts';

// The origin astro.config.ts builds for when SITE_URL is unset (the tests build without it).
const SITE_ORIGIN = new URL(process.env.SITE_URL ?? 'https://example.org').origin;

describe.each([
  ['root build', DIST, '/'],
  ['sub-path build', SUBPATH_DIST, SUBPATH],
])('%s: internal links', (_name, dir, base) => {
  let report: LinkReport;
  beforeAll(() => {
    report = checkLinks(dir, base, SITE_ORIGIN);
  });

  it('covers every page of the site', () => {
    // Home, entries, actors, about, search, 404 at the least.
    expect(report.pages).toBeGreaterThanOrEqual(6);
    expect(report.checked).toBeGreaterThan(report.pages);
  });

  it('has 0 broken internal links', () => {
    expect(report.broken, formatBroken(report.broken)).toEqual([]);
  });
});
