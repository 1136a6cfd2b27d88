/**
 * Builds the site once for the whole test run: dist/ at the root and dist-subpath/ under /timeline/, as
 * `npm run build` does (the ingest, then astro build and the search index), but from fixed copies of the
 * five seeds (tests/fixtures/seeds/) ingested into their own entries folder, so what the tests expect does
 * not move when an editor adds an article. Set SKIP_BUILD=1 to reuse existing builds while iterating.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, FIXED_SEEDS, ROOT, SUBPATH, SUBPATH_DIST, TEST_ENTRIES } from './site.ts';

function ingestFixedSeeds() {
  const dir = path.dirname(TEST_ENTRIES);
  execFileSync(
    'npm',
    ['run', 'ingest', '--', '--strict', '--quiet', '--seeds', FIXED_SEEDS, '--entries', TEST_ENTRIES, '--cache', path.join(dir, 'cache.json'), '--report', path.join(dir, 'report.json')],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

function build(env: Record<string, string>, outDir: string) {
  if (process.env.SKIP_BUILD && fs.existsSync(outDir)) return;
  execFileSync('npx', ['astro', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    // NODE_ENV=production: vitest sets NODE_ENV=test, which would make Astro build a DEV-flavoured site
    // (import.meta.env.DEV true), unlike the `npm run build` a reader or CI runs.
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      ENTRIES_DIR: TEST_ENTRIES,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: path.join(ROOT, 'node_modules', `.astro-${path.basename(outDir)}`),
    },
  });
}

export default function setup() {
  ingestFixedSeeds();
  build({}, DIST);
  build({ BASE_PATH: SUBPATH }, SUBPATH_DIST);
}
