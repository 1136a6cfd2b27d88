/**
 * @astrojs/sitemap always names its index `sitemap-index.xml`; crawlers and people look for `/sitemap.xml`.
 * After the sitemap is written, serve the same index under that name too (it must come after sitemap()).
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function sitemapAlias(): AstroIntegration {
  return {
    name: 'sitemap-alias',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await fs.copyFile(`${out}/sitemap-index.xml`, `${out}/sitemap.xml`);
        logger.info('sitemap.xml written (a copy of sitemap-index.xml)');
      },
    },
  };
}
