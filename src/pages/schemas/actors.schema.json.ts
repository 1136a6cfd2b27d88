/** /schemas/actors.schema.json: the JSON Schema of /actors.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { actorsExportSchema } from '../../lib/exports.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(z.toJSONSchema(actorsExportSchema, { io: 'output' }), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/schema+json' },
  });
