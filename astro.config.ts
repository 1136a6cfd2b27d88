import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import headersFile from './src/integrations/headers-file.ts';
import sitemapAlias from './src/integrations/sitemap-alias.ts';
import searchIndex from './src/integrations/search-index.ts';
import siteUrlWarning from './src/integrations/site-url-warning.ts';
import { entryMarkdownProcessor } from './src/lib/entry-html.ts';

// SITE_URL: the public origin (for canonical URLs, feeds, sitemap).
// BASE_PATH: the sub-path the site is served under, e.g. /timeline/ on GitHub Pages.
// Unset, every absolute URL points at example.org: the build says so loudly (site-url-warning.ts).
const site = process.env.SITE_URL || 'https://example.org';
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
  // No inline <style> or <script>: the Content-Security-Policy (src/lib/security-headers.ts) allows
  // styles and scripts only from files, so Astro must never inline small ones.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // A rebuild renders again only the pages whose data changed: entry pages carry a cacheKey of all they
  // show (src/lib/page-keys.ts); the rest are copied from the last build (cacheDir/dist/).
  experimental: { incrementalBuild: true },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [
    // A loud warning when SITE_URL is unset: canonical links, Open Graph, feeds and the sitemap would point at example.org.
    siteUrlWarning(process.env.SITE_URL),
    // Sitemap of the pages (not the search page, which has no content of its own, nor the 404).
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/search/') }),
    // …also at /sitemap.xml, where crawlers look first.
    sitemapAlias(),
    // _headers in the output: security headers, the CSP, long caching for hashed assets.
    headersFile(),
    // Builds dist/pagefind/ and dist/search-data/ from the entries' data, beside the pages while they render.
    searchIndex(),
  ],
  markdown: {
    // Astro 7 renders Markdown with Sätteri by default; rehype plugins run only in the unified processor.
    // Entry bodies are text (the ingest prints them with remark-gfm), but a hand-edited entry could hold
    // HTML: raw HTML is dropped and the rest sanitised to a strict allow-list before rehype-slug gives
    // headings their ids (src/lib/entry-html.ts). Feeds carry this same HTML (entry.rendered.html).
    // A body of plain one-line paragraphs, the ingest's usual output, is rendered without the pipeline.
    processor: entryMarkdownProcessor(),
  },
});
