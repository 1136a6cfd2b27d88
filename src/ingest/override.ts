/**
 * Override files: seeds/<stem>.meta.yaml, for what an article's text cannot tell (an undated
 * article, an unnamed outlet, a name the article gets wrong), each value with a note of where the
 * fact comes from. Unknown keys, malformed dates and unknown actors are errors naming the file.
 */
import YAML from 'yaml';
import { z } from 'astro/zod';
import { nearest } from '../text/distance.ts';
import { IngestError } from './errors.ts';

const note = z.string({ message: 'a note saying where the fact comes from is required' }).min(1, 'a note saying where the fact comes from is required');
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

/** The 1-based line of a key path in the YAML document, when it can be found. */
function lineOf(doc: YAML.Document, lineCounter: YAML.LineCounter, keyPath: (string | number)[]): number | null {
  for (let k = keyPath.length; k > 0; k--) {
    const node = doc.getIn(keyPath.slice(0, k), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return null;
}

/** Keys an override may have, by where they stand: for "did you mean" on an unknown key. */
function allowedKeys(keyPath: (string | number)[]): string[] {
  let shape: z.ZodTypeAny = overrideSchema;
  for (const k of keyPath) {
    const inner: z.ZodTypeAny = (shape as unknown as { unwrap?: () => z.ZodTypeAny }).unwrap?.() ?? shape;
    if (inner instanceof z.ZodObject) shape = (inner.shape as Record<string, z.ZodTypeAny>)[String(k)] ?? inner;
    else if (inner instanceof z.ZodArray) shape = inner.element as z.ZodTypeAny;
  }
  const inner: z.ZodTypeAny = (shape as unknown as { unwrap?: () => z.ZodTypeAny }).unwrap?.() ?? shape;
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/**
 * Parse and check an override. Every problem is reported at once, each with the file, the line and the
 * reason, and a suggestion where one is near (`outlt` → `outlet`?; `putin` → `vladimir-putin`?): an
 * AggregateError of IngestErrors when there are several.
 */
export function parseOverride(text: string, file: string, actorIds: Set<string>): Override {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter });
  if (doc.errors.length) {
    const errors = doc.errors.map((e) => new IngestError(file, `override is not valid YAML (line ${e.linePos?.[0]?.line ?? '?'}): ${e.message.split('\n')[0]}`));
    throw errors.length === 1 ? errors[0]! : new AggregateError(errors, errors.map((e) => e.message).join('\n'));
  }
  const raw: unknown = doc.toJS();
  const problems: IngestError[] = [];
  const at = (keyPath: (string | number)[]) => {
    const line = lineOf(doc, lineCounter, keyPath);
    return `${keyPath.join('.') || '(top level)'}${line ? ` (line ${line})` : ''}`;
  };
  const parsed = overrideSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keyPath = issue.path as (string | number)[];
      if (issue.code === 'unrecognized_keys') {
        for (const key of (issue as { keys: string[] }).keys) {
          const guess = nearest(key, allowedKeys(keyPath));
          problems.push(new IngestError(file, `bad override at ${at([...keyPath, key])}: unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`));
        }
      } else problems.push(new IngestError(file, `bad override at ${at(keyPath)}: ${issue.message}`));
    }
  }
  const o = parsed.success ? parsed.data : null;
  const named: [string, (string | number)[]][] = [
    ...((raw as Override)?.actors?.add ?? []).map((id, i): [string, (string | number)[]] => [id, ['actors', 'add', i]]),
    ...((raw as Override)?.actors?.remove ?? []).map((id, i): [string, (string | number)[]] => [id, ['actors', 'remove', i]]),
    ...(((raw as Override)?.notes ?? []) as { actor?: string }[]).flatMap((n, i): [string, (string | number)[]][] => (n?.actor ? [[n.actor, ['notes', i, 'actor']]] : [])),
  ];
  for (const [id, keyPath] of named) {
    if (typeof id !== 'string' || actorIds.has(id)) continue;
    const guess = nearest(id, actorIds);
    problems.push(new IngestError(file, `override names unknown actor "${id}" at ${at(keyPath)} (not in content/actors.yaml)${guess ? `; did you mean "${guess}"?` : ''}`));
  }
  if (problems.length === 1) throw problems[0]!;
  if (problems.length) throw new AggregateError(problems, problems.map((e) => e.message).join('\n'));
  return o!;
}
