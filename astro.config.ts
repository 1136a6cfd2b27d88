import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';

// SITE_URL: the public origin (for canonical URLs, feeds, sitemap).
// BASE_PATH: the sub-path the site is served under, e.g. /timeline/ on GitHub Pages.
const site = process.env.SITE_URL ?? 'https://example.org';
const base = process.env.BASE_PATH ?? '/';
// OUT_DIR: where the site is written (tests build a sub-path copy beside dist/).
const outDir = process.env.OUT_DIR ?? './dist';
const cacheDir = process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7 renders Markdown with Sätteri by default; rehype plugins run only in the unified processor.
    processor: unified({ rehypePlugins: [rehypeSlug], smartypants: false }),
  },
});
