/**
 * A loud warning at build time when SITE_URL is unset: the build still works (for a look on localhost),
 * but every absolute address it writes points at https://example.org.
 */
import type { AstroIntegration } from 'astro';

export function siteUrlWarningText(site: string, base: string): string {
  const home = new URL(base, site).href;
  return [
    '',
    '!!! SITE_URL is not set: this build is for looking at, not for publishing. !!!',
    `    Canonical links, Open Graph URLs, feed.xml, rss.xml, the sitemap, robots.txt and the exports`,
    `    (timeline.json, timelinejs.json, actors.json) will all point at ${home}`,
    '    Build for the address the site will be served from, e.g.',
    '      SITE_URL=https://news.example.org npm run build',
    '      SITE_URL=https://user.github.io BASE_PATH=/timeline/ npm run build',
    '',
  ].join('\n');
}

export default function siteUrlWarning(siteUrl: string | undefined): AstroIntegration {
  let site = 'https://example.org';
  let base = '/';
  return {
    name: 'site-url-warning',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base;
      },
      'astro:build:start': ({ logger }) => {
        if (!siteUrl) logger.warn(siteUrlWarningText(site, base));
      },
      'astro:build:done': ({ logger }) => {
        if (!siteUrl) logger.warn(`SITE_URL was not set: the built site's absolute URLs point at ${new URL(base, site).href}`);
      },
    },
  };
}
