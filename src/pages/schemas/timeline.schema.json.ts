/** /schemas/timeline.schema.json: the JSON Schema of /timeline.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { timelineExportSchema } from '../../lib/exports.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(z.toJSONSchema(timelineExportSchema, { io: 'output' }), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/schema+json' },
  });
