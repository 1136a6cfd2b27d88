/** /actors.json: people, places and organisations with the entries that name them. */
import type { APIRoute } from 'astro';
import { actorsExportSchema, buildActorsExport } from '../lib/exports.ts';
import { actorPath, loadPublishData } from '../lib/publish-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { site: info, entries, actors } = await loadPublishData(site);
  const body = actorsExportSchema.parse(
    buildActorsExport(info, actors, entries, (actor) => new URL(actorPath(actor.id), info.home).href),
  );
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
};
