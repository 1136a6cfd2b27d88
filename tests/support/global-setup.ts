/**
 * Builds the site once for the whole test run: dist/ at the root and dist-subpath/ under /timeline/.
 * Set SKIP_BUILD=1 to reuse existing builds while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, SUBPATH, SUBPATH_DIST } from './site.ts';

function build(env: Record<string, string>, outDir: string) {
  if (process.env.SKIP_BUILD && fs.existsSync(outDir)) return;
  execFileSync('npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    // NODE_ENV=production: vitest sets NODE_ENV=test, which would make Astro build a DEV-flavoured site
    // (import.meta.env.DEV true), unlike the `npm run build` a reader or CI runs.
    env: { ...process.env, ...env, NODE_ENV: 'production', OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(ROOT, 'node_modules', `.astro-${path.basename(outDir)}`) },
  });
}

export default function setup() {
  build({}, DIST);
  build({ BASE_PATH: SUBPATH }, SUBPATH_DIST);
}
