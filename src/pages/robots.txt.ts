/** /robots.txt: everything may be crawled; the sitemap is at an absolute URL under the configured site and base. */
import type { APIRoute } from 'astro';
import { homeUrl } from '../lib/publish-data.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('sitemap.xml', homeUrl(site)).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
