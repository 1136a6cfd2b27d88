/**
 * Builds the site once for the whole test run: dist/ at the root and dist-subpath/ under /timeline/, as
 * `npm run build` does (the ingest, then astro build and the search index), but from fixed copies of the
 * five seeds (tests/fixtures/seeds/) ingested into their own entries folder, so what the tests expect does
 * not move when an editor adds an article. Set SKIP_BUILD=1 to reuse existing builds while iterating.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DIST, FIXED_SEEDS, ROOT, SUBPATH, SUBPATH_DIST, TEST_ENTRIES, buildSite } from './site.ts';

function ingestFixedSeeds() {
  const dir = path.dirname(TEST_ENTRIES);
  execFileSync(
    'npm',
    ['run', 'ingest', '--', '--strict', '--quiet', '--seeds', FIXED_SEEDS, '--entries', TEST_ENTRIES, '--cache', path.join(dir, 'cache.json'), '--report', path.join(dir, 'report.json')],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

export default function setup() {
  ingestFixedSeeds();
  buildSite(TEST_ENTRIES, DIST, {}, 'inherit');
  buildSite(TEST_ENTRIES, SUBPATH_DIST, { BASE_PATH: SUBPATH }, 'inherit');
}
