/** /rss.xml: the same entries as RSS 2.0, for readers that take no Atom. */
import type { APIRoute } from 'astro';
import { buildRssFeed } from '../lib/feeds.ts';
import { loadPublishData } from '../lib/publish-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { site: info, entries, actorName } = await loadPublishData(site);
  return new Response(buildRssFeed(info, entries, actorName), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
};
