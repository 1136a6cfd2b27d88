/**
 * The one frontmatter schema. The ingest validates what it writes with it; the Astro content
 * collection (src/content.config.ts) validates what it loads with it. Change it here only.
 */
import { z } from 'astro/zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** How a fact (a date, an outlet) is known. Never a silent guess. */
export const basisSchema = z.discriminatedUnion('kind', [
  // Printed in the article: `line` is the line it was read from.
  z.object({ kind: z.literal('stated'), line: z.string().min(1), rule: z.string().min(1) }),
  // Worked out from the text: `from` says what from (a weekday plus a dated event, for instance).
  z.object({ kind: z.literal('inferred'), from: z.string().min(1), line: z.string().optional() }),
  // Supplied by an editor in the override file beside the seed, with where it comes from.
  z.object({
    kind: z.literal('editorial'),
    note: z.string().min(1),
    confirmed: z.boolean().default(true),
  }),
  // Neither the text nor an override says.
  z.object({ kind: z.literal('unknown'), note: z.string().optional() }),
]);
export type Basis = z.infer<typeof basisSchema>;

export const claimSchema = z.object({
  /** Actor id from content/actors.yaml. */
  speaker: z.string().min(1),
  /** The words as the article gives them. */
  text: z.string().min(1),
  /** direct: quoted words; reported: indirect speech. */
  kind: z.enum(['direct', 'reported']),
  /** When it was said, where the text says so: the words of the text, and the date if it can be resolved. */
  when: z.object({ text: z.string().min(1), date: isoDate.optional() }).optional(),
  /** A relaying source the article cites for the statement (a news agency, for instance). */
  reported_by: z.string().optional(),
});
export type Claim = z.infer<typeof claimSchema>;

export const removedLineSchema = z.object({
  /** 1-based line number in the seed file. */
  line: z.number().int().positive(),
  /** The name of the boilerplate rule that cut it (see src/ingest/boilerplate.ts). */
  rule: z.string().min(1),
  text: z.string(),
});
export type RemovedLine = z.infer<typeof removedLineSchema>;

export const entrySchema = z.object({
  title: z.string().min(1),
  /** True when the page printed no headline and the title was made from the article's lead. */
  title_derived: z.boolean().optional(),
  date: isoDate,
  date_basis: basisSchema,
  /** Publication timestamp when the text gives a time (ISO 8601 with offset). */
  published_at: z.string().optional(),
  /** Outlet's Arabic name, or null when unknown. */
  outlet: z.string().min(1).nullable(),
  /** False when the text names an outlet that content/outlets.yaml does not know yet (kept as written). */
  outlet_known: z.boolean().optional(),
  /** A relayed or translated-from source (Arabic name), or null. */
  via: z.string().min(1).nullable(),
  outlet_basis: basisSchema,
  /** Ids of people in content/actors.yaml. */
  actors: z.array(z.string().min(1)),
  /** Ids of places and organisations in content/actors.yaml. */
  places: z.array(z.string().min(1)),
  organisations: z.array(z.string().min(1)),
  /**
   * People the text names with a title or role («وزير الخارجية الصيني وانغ يي») whom content/actors.yaml
   * does not know: shown and searchable, listed for the editor, never dropped.
   */
  people: z.array(z.object({ name: z.string().min(1), role: z.string().min(1).optional() })).default([]),
  /**
   * Bodies the text has speak («قالت وزارة الوحدة الكورية الجنوبية إن …») whom content/actors.yaml does not
   * know: their claims are kept, with the body's name as the speaker. Absent when there are none.
   */
  bodies: z.array(z.object({ name: z.string().min(1) })).optional(),
  claims: z.array(claimSchema),
  /** The seed's file name. */
  source: z.string().min(1),
  /** The encoding the seed was read in, when it was not UTF-8 (src/ingest/decode.ts detects it). */
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256']).optional(),
  /** The original article's address, when an editor gave it in the override. */
  url: z.string().url().refine((u) => /^https?:\/\//.test(u), 'an http(s) address').optional(),
  removed: z.array(removedLineSchema),
  /** Editors' notes for readers (a name the article gets wrong, say), from the override file. */
  notes: z.array(z.string().min(1)).default([]),
});
export type EntryFrontmatter = z.infer<typeof entrySchema>;

/** content/actors.yaml: people, places and organisations, with every spelling readers and sources use. */
export const actorSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ASCII slug'),
  kind: z.enum(['person', 'place', 'organisation']),
  name_ar: z.string().min(1),
  name_en: z.string().min(1),
  role_ar: z.string().optional(),
  role_en: z.string().optional(),
  /** Arabic spellings found in sources (the ingest matches text against these, normalised). */
  variants: z.array(z.string().min(1)).default([]),
  /** Latin spellings readers may type. */
  latin: z.array(z.string().min(1)).default([]),
  /**
   * Short forms (a surname alone, "كيم") that identify the actor only in an article that
   * already names them in full, so "كيم" alone does not make Kim Jong Il's entry Kim Jong Un's.
   */
  short: z.array(z.string().min(1)).default([]),
  /**
   * Titles by which articles refer to the actor once named ("المتحدث باسم الكرملين"), used to attribute
   * claims; like `short`, they count only in an article that names the actor.
   */
  titles: z.array(z.string().min(1)).default([]),
  /**
   * A woman's entry says so: when a short form names two people of the article («كيم»: Kim Jong Un and
   * Kim Yo Jong), the speech verb's gender tells them apart («وقالت كيم»). An entry without it is a man's.
   */
  gender: z.enum(['female']).optional(),
  note: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/**
 * A claim's speaker is an actor id, or the name of one of the entry's unlinked people (`people[].name`):
 * the ids an entry's claims refer to, without those names.
 */
export function speakerIds(data: Pick<EntryFrontmatter, 'claims' | 'people' | 'bodies'>): string[] {
  const names = new Set([...data.people, ...(data.bodies ?? [])].map((p) => p.name));
  return data.claims.map((c) => c.speaker).filter((s) => !names.has(s));
}

/** Every actor an entry names or quotes (people, places, organisations), in that order, once each. */
export function entryActorIds(entry: { data: Pick<EntryFrontmatter, 'actors' | 'places' | 'organisations' | 'claims' | 'people' | 'bodies'> }): string[] {
  const d = entry.data;
  return [...new Set([...d.actors, ...speakerIds(d), ...d.places, ...d.organisations])];
}
