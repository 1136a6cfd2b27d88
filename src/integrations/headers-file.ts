/**
 * Writes `_headers` into the build output with paths under the configured base, so the same rules
 * serve a root deploy (/_astro/*) and a sub-path deploy (/timeline/_astro/*).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderHeadersFile } from '../lib/security-headers.ts';

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
        fs.writeFileSync(fileURLToPath(file), renderHeadersFile(base));
        logger.info(`wrote ${fileURLToPath(file)}`);
      },
    },
  };
}
