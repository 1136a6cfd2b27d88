/**
 * /timelinejs.json: the entries in Knight Lab's TimelineJS3 format. Open it in their viewer with
 * https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?source=<absolute URL of this file>&language=ar&lang=ar
 * (the viewer reads the URL parameters without decoding them: give the source URL as is, not percent-encoded).
 */
import type { APIRoute } from 'astro';
import { buildTimelineJs, timelineJsSchema } from '../lib/exports.ts';
import { loadPublishData } from '../lib/publish-data.ts';
import { storyExport } from '../lib/site-data.ts';

// "١٥ سبتمبر ٢٠٢٣": the entry's calendar date, read in UTC so no time zone can shift the day.
const arabicDate = new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const GET: APIRoute = async ({ site }) => {
  const { site: info, entries, actorName } = await loadPublishData(site);
  const body = timelineJsSchema.parse(
    buildTimelineJs(info, entries, (date) => arabicDate.format(new Date(`${date}T00:00:00Z`)), actorName, await storyExport(info.home)),
  );
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
};
