/**
 * Override files: seeds/<stem>.meta.yaml, for what an article's text cannot tell (an undated
 * article, an unnamed outlet, a name the article gets wrong), each value with a note of where the
 * fact comes from. Unknown keys, malformed dates and unknown actors are errors naming the file.
 */
import YAML from 'yaml';
import { z } from 'astro/zod';
import { IngestError } from './errors.ts';

const note = z.string().min(1, 'a note saying where the fact comes from is required');
const calendarDate = z
  .string({ message: 'expected a date as YYYY-MM-DD (quote it in YAML)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date');

export const overrideSchema = z
  .object({
    /** The original article's address: the entry page links it as the source. */
    url: z.string().url('expected the article\'s full address (https://…)').refine((u) => /^https?:\/\//.test(u), 'expected an http(s) address').optional(),
    /** A hand-chosen slug for the entry's URL. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case ASCII words joined by hyphens').optional(),
    date: z.object({ value: calendarDate, note, confirmed: z.boolean().default(true) }).strict().optional(),
    outlet: z
      .object({
        /** The outlet's name (matched against content/outlets.yaml), or null to say it is unknown. */
        name: z.string().min(1).nullable(),
        via: z.string().min(1).optional(),
        note,
        confirmed: z.boolean().default(true),
      })
      .strict()
      .optional(),
    actors: z
      .object({ add: z.array(z.string()).default([]), remove: z.array(z.string()).default([]), note })
      .strict()
      .optional(),
    notes: z.array(z.object({ text: z.string().min(1), actor: z.string().optional() }).strict()).default([]),
  })
  .strict();
export type Override = z.infer<typeof overrideSchema>;

export function parseOverride(text: string, file: string, actorIds: Set<string>): Override {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (err) {
    throw new IngestError(file, `override is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = overrideSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || '(top level)';
    const keys = issue.code === 'unrecognized_keys' ? ` ${(issue as { keys: string[] }).keys.join(', ')}` : '';
    throw new IngestError(file, `bad override at ${where}: ${issue.message}${keys}`);
  }
  const o = parsed.data;
  const named = [...(o.actors?.add ?? []), ...(o.actors?.remove ?? []), ...o.notes.flatMap((n) => (n.actor ? [n.actor] : []))];
  for (const id of named) {
    if (!actorIds.has(id)) throw new IngestError(file, `override names unknown actor "${id}" (not in content/actors.yaml)`);
  }
  return o;
}
