/**
 * Writes `_headers` into the build output with paths under the configured base, so the same rules
 * serve a root deploy (/_astro/*) and a sub-path deploy (/timeline/_astro/*), and with one CSP rule per
 * folder of pages found in the build (src/lib/security-headers.ts). HSTS=off leaves Strict-Transport-Security out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderHeadersFile } from '../lib/security-headers.ts';

/** Top-level folders of the build that hold HTML pages (entries, actors, years, …): each gets the reading CSP. */
export function pageSections(outDir: string): string[] {
  const hasPage = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((d) => (d.isDirectory() ? hasPage(path.join(dir, d.name)) : d.name.endsWith('.html')));
  return fs
    .readdirSync(outDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['_astro', 'pagefind', 'schemas'].includes(d.name) && hasPage(path.join(outDir, d.name)))
    .map((d) => d.name)
    .sort();
}

export default function headersFile(): AstroIntegration {
  let base = '/';
  return {
    name: 'headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const file = new URL('_headers', dir);
        const hsts = !/^(off|0|false|no)$/i.test(process.env.HSTS ?? '');
        fs.writeFileSync(fileURLToPath(file), renderHeadersFile(base, { sections: pageSections(fileURLToPath(dir)), hsts }));
        logger.info(`wrote ${fileURLToPath(file)}${hsts ? '' : ' (HSTS=off: no Strict-Transport-Security)'}`);
      },
    },
  };
}
