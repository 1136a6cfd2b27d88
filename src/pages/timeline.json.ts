/** /timeline.json: every entry with its frontmatter and URL (schema: src/lib/exports.ts, docs/exports.md). */
import type { APIRoute } from 'astro';
import { buildTimelineExport, timelineExportSchema } from '../lib/exports.ts';
import { loadPublishData } from '../lib/publish-data.ts';
import { storyExport } from '../lib/site-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { site: info, entries } = await loadPublishData(site);
  // Validate what is published against the documented schema: a drift fails the build, not a reader.
  const body = timelineExportSchema.parse(buildTimelineExport(info, entries, await storyExport(info.home)));
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
};
