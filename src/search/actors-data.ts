/** content/actors.yaml, validated with the project's one actor schema (Node only: reads the file). */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { actorSchema, type Actor } from '../lib/entry-schema.ts';

// Resolved from the project root (where npm runs): this module is also bundled into Astro's build, where
// its own location is a build chunk's.
export const ACTORS_FILE = path.resolve(process.cwd(), 'content/actors.yaml');

export function loadActors(file = ACTORS_FILE): Actor[] {
  const data: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of actors`);
  return data.map((item, i) => {
    const parsed = actorSchema.safeParse(item);
    if (!parsed.success) throw new Error(`${file}: actor #${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}
