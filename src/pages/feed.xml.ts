/** /feed.xml: the Atom feed of every entry, newest first (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { buildAtomFeed } from '../lib/feeds.ts';
import { loadPublishData } from '../lib/publish-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { site: info, entries, actorName } = await loadPublishData(site);
  return new Response(buildAtomFeed(info, entries, actorName), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
