/**
 * The curated data the ingest reads: actors, outlets, dated events and the rule tables in
 * content/rules/. Each file is validated when loaded; a bad file stops the ingest with its name.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'astro/zod';
import { actorSchema, type Actor } from '../lib/entry-schema.ts';
import { IngestError } from './errors.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const outletSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name_ar: z.string().min(1),
  name_en: z.string().min(1),
  country: z.string().optional(),
  timezone: z.string().min(1),
  names: z.array(z.string().min(1)).default([]),
  markers: z.array(z.string().min(1)).default([]),
  furniture: z.array(z.string()).default([]),
  /** How the outlet writes an all-numeric date whose day and month are both ≤ 12. */
  date_order: z.enum(['dmy', 'mdy']).optional(),
});
export type Outlet = z.infer<typeof outletSchema>;

export const eventSchema = z.object({
  id: z.string().min(1),
  date: isoDate,
  name_ar: z.string().min(1),
  name_en: z.string().min(1),
  /** The sentence must name one of these actors or places (ids in content/actors.yaml), when given. */
  actors: z.array(z.string()).default([]),
  places: z.array(z.string()).default([]),
  /** …and contain one of these words. */
  words: z.array(z.string().min(1)).min(1),
  /** If the sentence names a year, it must be one of these. */
  years: z.array(z.number().int()).default([]),
});
export type DatedEvent = z.infer<typeof eventSchema>;

const boilerplateRuleSchema = z.object({
  name: z.string().regex(/^[a-z_]+$/),
  match: z.enum(['tail_from', 'equals', 'starts_with', 'label', 'counter']),
  phrases: z.array(z.string().min(1)).min(1),
  max_words: z.number().int().positive().optional(),
  /** A line with fewer words is no match: «عاجل: …» is a ticker only when it runs several headlines together. */
  min_words: z.number().int().positive().optional(),
  before_headline: z.boolean().default(false),
  /** The rule's name for readers (Arabic). */
  label: z.string().optional(),
});
export type BoilerplateRule = z.infer<typeof boilerplateRuleSchema>;

export const boilerplateRulesSchema = z.object({
  rules: z.array(boilerplateRuleSchema),
  photo_credits: z.array(z.string().min(1)),
  translation_footers: z.array(z.string().includes('{outlet}').includes('{via}')),
  generic_sources: z.array(z.string().min(1)).default([]),
  /** Arabic labels of the structural rules (functions in src/ingest/boilerplate.ts), by rule name. */
  labels: z.record(z.string(), z.string()).default({}),
  /** Word lists the structural rules and the headline scorer read (src/ingest/boilerplate.ts, headline.ts). */
  lexicon: z.record(z.string(), z.array(z.string().min(1))).default({}),
});
export type BoilerplateRules = z.infer<typeof boilerplateRulesSchema>;

const numberedNames = z.record(z.string().regex(/^\d+$/), z.array(z.string().min(1)));
export const dateRulesSchema = z.object({
  publication_labels: z.array(z.string().min(1)),
  cms_publication_labels: z.array(z.string().min(1)),
  update_labels: z.array(z.string().min(1)),
  months: numberedNames,
  hijri_months: z.array(z.string().min(1)),
  weekdays: numberedNames,
  past_markers: z.array(z.string().min(1)),
  today_markers: z.array(z.string().min(1)),
  relative_days: z.record(z.string(), z.number().int()),
  vague_times: z.array(z.string().min(1)),
  /** A zone word's UTC offset in hours, or an IANA zone when the place keeps summer time. */
  zones: z.record(z.string(), z.union([z.number(), z.string().min(1)])),
  am_words: z.array(z.string().min(1)).default([]),
  pm_words: z.array(z.string().min(1)).default([]),
  sentence_words: z.array(z.string().min(1)).default([]),
  date_line_max_other_words: z.number().int().nonnegative().default(4),
  day_first_separators: z.array(z.string().length(1)).default(['.']),
  caption_words: z.array(z.string().min(1)).default([]),
  calendar_connectors: z.array(z.string().min(1)).default([]),
  closing_marks: z.array(z.string().min(1)).default([]),
});
export type DateRules = z.infer<typeof dateRulesSchema>;

export const claimRulesSchema = z.object({
  speech_verbs: z.array(z.string().min(1)),
  continuation_participles: z.array(z.string().min(1)),
  complementizers: z.array(z.string().min(1)),
  fillers: z.array(z.string().min(1)),
  circumstance_words: z.array(z.string().min(1)),
  content_prepositions: z.array(z.string().min(1)),
  connectives: z.array(z.string().min(1)),
  relay_markers: z.array(z.string().min(1)),
  context_openers: z.array(z.string().min(1)),
  /** Relayed speech, objects before what is said, verbal nouns, anonymous subjects, tails, relatives (claims.ts). */
  ...Object.fromEntries(['relay_verbs', 'object_verbs', 'negating_verbs', 'saying_nouns', 'speech_nouns', 'official_heads', 'utterance_verbs', 'noun_after', 'anonymous_heads', 'statement_tails', 'bare_tails', 'relatives', 'auxiliaries', 'document_subjects', 'body_heads', 'view_verbs', 'source_openers'].map((k) => [k, z.array(z.string().min(1)).default([])])) as Record<'relay_verbs' | 'object_verbs' | 'negating_verbs' | 'saying_nouns' | 'speech_nouns' | 'official_heads' | 'utterance_verbs' | 'noun_after' | 'anonymous_heads' | 'statement_tails' | 'bare_tails' | 'relatives' | 'auxiliaries' | 'document_subjects' | 'body_heads' | 'view_verbs' | 'source_openers', z.ZodDefault<z.ZodArray<z.ZodString>>>,
  /** People the actors file does not know, by a title or role (src/ingest/actors.ts, findPeople). */
  people: z
    .object({
      role_heads: z.array(z.string().min(1)),
      role_words: z.array(z.string().min(1)),
      institutions: z.array(z.string().min(1)).default([]),
      honorifics: z.array(z.string().min(1)).default([]),
      honorific_qualifiers: z.array(z.string().min(1)).default([]),
      not_names: z.array(z.string().min(1)),
    })
    .default({ role_heads: [], role_words: [], institutions: [], honorifics: [], honorific_qualifiers: [], not_names: [] }),
});
export type ClaimRules = z.infer<typeof claimRulesSchema>;

const words = z.array(z.string().min(1)).default([]);
/** content/rules/outlets.yaml: the words around an outlet's name (src/ingest/outlet.ts). */
export const outletRulesSchema = z.object({
  generic_names: words, site_words: words, kind_prefixes: words, kind_suffixes: words, navigation: words,
  byline_leads: words, copyright_leads: words, follow_leads: words, follow_links: words, relay_leads: words,
  report_verbs: words, agency_backref: words, aggregator_marks: words, photo_leads: words,
  places: words, given_names: words, section_words: words, sentence_words: words, site_byline_leads: words, joiners: words, chrome_rules: words, edition_words: words,
  many_places: words.default([]),
  /** "حسب ما نقلته وكالة", "وفقا لما أوردت": every opener with every verb, with «وكالة» and without, before relay_leads. */
  relay_lead_openers: words, relay_lead_verbs: words,
}).transform((r) => ({
  ...r,
  relay_leads: [
    ...r.relay_lead_openers.flatMap((o) => r.relay_lead_verbs.map((v) => `${o} ${v} وكالة`)),
    ...r.relay_lead_openers.flatMap((o) => r.relay_lead_verbs.map((v) => `${o} ${v}`)),
    ...r.relay_leads,
  ],
}));
export type OutletRules = z.infer<typeof outletRulesSchema>;

export interface IngestData {
  actors: Actor[];
  outlets: Outlet[];
  events: DatedEvent[];
  boilerplate: BoilerplateRules;
  dates: DateRules;
  claims: ClaimRules;
  outletRules: OutletRules;
}

function loadYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new IngestError(file, `cannot read YAML: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IngestError(file, `invalid data at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Load every data file under `contentDir` (content/). */
export function loadIngestData(contentDir: string): IngestData {
  const actors = loadYaml(path.join(contentDir, 'actors.yaml'), z.array(actorSchema));
  const ids = new Set<string>();
  for (const a of actors) {
    if (ids.has(a.id)) throw new IngestError(path.join(contentDir, 'actors.yaml'), `duplicate actor id "${a.id}"`);
    ids.add(a.id);
  }
  const eventsFile = path.join(contentDir, 'events.yaml');
  const events = loadYaml(eventsFile, z.array(eventSchema));
  for (const e of events) {
    for (const id of [...e.actors, ...e.places]) {
      if (!ids.has(id)) throw new IngestError(eventsFile, `event "${e.id}" names unknown actor or place "${id}"`);
    }
  }
  return {
    actors,
    outlets: loadYaml(path.join(contentDir, 'outlets.yaml'), z.array(outletSchema)),
    events,
    boilerplate: loadYaml(path.join(contentDir, 'rules', 'boilerplate.yaml'), boilerplateRulesSchema),
    dates: loadYaml(path.join(contentDir, 'rules', 'dates.yaml'), dateRulesSchema),
    claims: loadYaml(path.join(contentDir, 'rules', 'claims.yaml'), claimRulesSchema),
    outletRules: loadYaml(path.join(contentDir, 'rules', 'outlets.yaml'), outletRulesSchema),
  };
}
