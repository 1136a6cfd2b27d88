// The bare reference of `npm run bench:build`: Astro 7 with one page per article and nothing else,
// the floor the project's build is measured against. Uses the project's node_modules (same versions).
// REF_ENTRIES_DIR: the articles (Markdown, title in the frontmatter); OUT_DIR, ASTRO_CACHE_DIR: where to build.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://example.org',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './.astro-cache',
  trailingSlash: 'always',
  build: { format: 'directory' },
});
