/**
 * Machine-readable exports of the timeline, their zod schemas (the documented contract: see
 * docs/exports.md, and the JSON Schemas the site publishes under /schemas/), and pure builders.
 *
 * - /timeline.json    every entry with its full frontmatter, its lede and its absolute URL;
 * - /timelinejs.json  the same entries as a Knight Lab TimelineJS3 timeline;
 * - /actors.json      people, places and organisations, with the entries that name them.
 *
 * The builders take plain data (no Astro imports), so the endpoints stay thin and unit tests can feed
 * them made-up entries. Output is deterministic: no build timestamps, entries in date order.
 *
 * Compatibility: SCHEMA_VERSION changes only when a field is removed, renamed or changes meaning;
 * new optional fields may appear without a version change, so readers should ignore unknown fields.
 */
import { z } from 'astro/zod';
import { remark } from 'remark';
import { plainBlocks } from '../ingest/markdown.ts';
import type { Nodes } from 'mdast';
import { actorSchema, entrySchema, speakerIds, type Actor, type EntryFrontmatter } from './entry-schema.ts';

export const SCHEMA_VERSION = 1;

/** An entry as the builders need it: the content collection's id and data, its page path and lede. */
export interface ExportEntry {
  /** The content collection id (the Markdown file name without .md). */
  id: string;
  /** Absolute URL of the entry's page. */
  url: string;
  /** Plain-text lede: the article's first paragraph. */
  summary: string;
  data: EntryFrontmatter;
}

/** What the exports say about the site itself. */
export interface SiteInfo {
  /** Arabic title of the timeline. */
  title: string;
  /** Arabic one-sentence description. */
  description: string;
  /** Absolute URL of the site's home page (with the base path and a trailing slash). */
  home: string;
}

/** The plain text of a Markdown node (text, inline code and breaks; markup dropped). */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  return 'children' in node ? node.children.map((child) => plainText(child as Nodes)).join('') : '';
}

/** The lede of an entry: the plain text of the first paragraph of its Markdown body ('' when none). */
export function ledeFromMarkdown(markdown: string): string {
  // A paragraph ends at a blank line, so the first one is found by parsing the body's first blocks only
  // (1, 2, 4 … blank-line-separated chunks), not all of it: a build takes the lede of every entry. A link
  // reference definition anywhere in the body can change the first paragraph's links, so a body with one
  // is parsed whole.
  // The ingest's usual body: plain one-line blocks (src/ingest/markdown.ts), each its own text.
  const plain = plainBlocks(markdown);
  if (plain) return plain.find((b) => !b.heading)?.text.replace(/\s+/g, ' ') ?? '';
  const chunks = /^ {0,3}\[[^\]]+\]:/m.test(markdown) ? [markdown] : markdown.split(/\n[ \t]*\n/);
  for (let k = 1; ; k *= 2) {
    const tree = remark().parse(k >= chunks.length ? markdown : chunks.slice(0, k).join('\n\n'));
    const first = tree.children.find((node) => node.type === 'paragraph');
    if (first) return plainText(first).replace(/\s+/g, ' ').trim();
    if (k >= chunks.length) return '';
  }
}

/** Whether an entry's date is its publication date (stated in the text, or a time given) rather than the reported event's. */
export function dateIsPublication(data: EntryFrontmatter): boolean {
  return Boolean(data.published_at) || data.date_basis.kind === 'stated';
}

/** The mark after an outlet an editor gave without confirming it («(نسبة غير مؤكدة)» read as a percentage). */
export const UNCONFIRMED_OUTLET = 'نسبة الخبر إليه غير مؤكدة';

/** The outlet as readers should see it: its name, marked when the attribution is unconfirmed, or "unknown". */
export function outletLabel(data: EntryFrontmatter): string {
  if (!data.outlet) return 'مصدر غير معروف';
  const unconfirmed = data.outlet_basis.kind === 'editorial' && !data.outlet_basis.confirmed;
  return unconfirmed ? `${data.outlet} (${UNCONFIRMED_OUTLET})` : data.outlet;
}

/** Resolve a site-relative path ("entries/x/", "/timeline.json") against the home URL. */
export function urlFor(site: SiteInfo, path: string): string {
  return new URL(path.replace(/^\/+/, ''), site.home).href;
}

// ---------------------------------------------------------------- /timeline.json

export const timelineEntrySchema = entrySchema.extend({
  id: z.string().min(1).describe('Stable identifier of the entry (its Markdown file name without .md).'),
  url: z.url().describe("Absolute URL of the entry's page."),
  summary: z.string().describe("Plain-text lede: the article's first paragraph."),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineEventSchema = z.object({
  id: z.string().min(1).describe('Stable identifier of the event (content/events.yaml).'),
  url: z.url().describe("Absolute URL of the event's page."),
  date: z.string().describe('YYYY-MM-DD: the day it happened (its first day).'),
  end_date: z.string().optional().describe('YYYY-MM-DD: its last day, for an event over several days.'),
  name_ar: z.string().min(1),
  name_en: z.string().min(1),
  what: z.string().optional().describe('One line: what happened.'),
  place: z.string().optional().describe('Place id (see actors.json).'),
  people: z.array(z.string()).describe('Ids of who took part (see actors.json).'),
  key: z.boolean().describe('A turning point of the story.'),
  entries: z
    .array(z.object({ id: z.string().min(1), relation: z.enum(['reports', 'refers']) }))
    .describe('Entries that report it (first report first), then entries that refer back to it.'),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineThreadSchema = z.object({
  id: z.string().min(1).describe('Stable identifier of the thread (content/threads.yaml).'),
  url: z.url().describe("Absolute URL of the thread's page."),
  question: z.string().min(1),
  summary: z.string().optional(),
  steps: z
    .array(
      z.object({
        entry: z.string().min(1).describe('Entry id.'),
        claim: z.number().int().positive().describe("1-based claim number: the entry's claims[claim - 1], anchor #claim-N."),
        url: z.url().describe("Absolute URL of the claim's anchor on the entry page."),
        stance: z.string().min(1).describe('نفي (denial), إشارة (mention), توقيع (signing), تنفيذ (implementation), تأكيد (confirmation).'),
        date: z.string().describe('YYYY-MM-DD: when the claim was made (its own date, else the entry’s).'),
        speaker: z.string().min(1),
        text: z.string().min(1),
        note: z.string().optional(),
      }),
    )
    .describe('Oldest first.'),
});
export type TimelineThread = z.infer<typeof timelineThreadSchema>;

export const timelineExportSchema = z.object({
  $schema: z.url().describe('URL of the JSON Schema this file follows.'),
  schema_version: z.literal(SCHEMA_VERSION).describe('Changes only when a field is removed, renamed or changes meaning.'),
  title: z.string().min(1),
  description: z.string().min(1),
  language: z.literal('ar'),
  home_page_url: z.url(),
  feed_url: z.url().describe('The Atom feed of the same entries.'),
  actors_url: z.url().describe('The actors export (/actors.json): names and roles for the ids used here.'),
  entries: z.array(timelineEntrySchema).describe('Every entry, oldest first.'),
  events: z.array(timelineEventSchema).optional().describe('Events the entries report or refer to, oldest first.'),
  threads: z.array(timelineThreadSchema).optional().describe('Claim threads: a question and the claims that answer it over time.'),
});
export type TimelineExport = z.infer<typeof timelineExportSchema>;

/** Entries oldest first; same date: by id, so the order never depends on file-system order. */
export function sortEntries<T extends { id: string; data: { date: string } }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
}

/** Events and threads as the exports carry them (built by the endpoints from src/lib/events.ts and threads.ts). */
export interface StoryExport {
  events: TimelineEvent[];
  threads: TimelineThread[];
}

export function buildTimelineExport(site: SiteInfo, entries: readonly ExportEntry[], story?: StoryExport): TimelineExport {
  return {
    $schema: urlFor(site, 'schemas/timeline.schema.json'),
    schema_version: SCHEMA_VERSION,
    title: site.title,
    description: site.description,
    language: 'ar',
    home_page_url: site.home,
    feed_url: urlFor(site, 'feed.xml'),
    actors_url: urlFor(site, 'actors.json'),
    entries: sortEntries(entries).map((entry) => ({ id: entry.id, url: entry.url, summary: entry.summary, ...entry.data })),
    ...(story ? { events: story.events, threads: story.threads } : {}),
  };
}

// ---------------------------------------------------------------- /actors.json

export const actorExportSchema = actorSchema.extend({
  url: z.url().nullable().describe("Absolute URL of the actor's page, or null when the site has none."),
  entries: z.array(z.string().min(1)).describe('Ids of the entries that name the actor, oldest first.'),
});

export const actorsExportSchema = z.object({
  $schema: z.url(),
  schema_version: z.literal(SCHEMA_VERSION),
  language: z.literal('ar'),
  actors: z.array(actorExportSchema),
});
export type ActorsExport = z.infer<typeof actorsExportSchema>;

/** Ids an entry names: its people, places and organisations. */
function namedIds(data: EntryFrontmatter): Set<string> {
  return new Set([...data.actors, ...data.places, ...data.organisations, ...speakerIds(data)]);
}

export function buildActorsExport(
  site: SiteInfo,
  actors: readonly Actor[],
  entries: readonly ExportEntry[],
  actorUrl: (actor: Actor) => string | null,
): ActorsExport {
  // One pass over the entries (not one per actor, building each entry's set of names again every time).
  const named = new Map<string, string[]>();
  for (const entry of sortEntries(entries)) {
    for (const id of namedIds(entry.data)) {
      const list = named.get(id);
      if (list) list.push(entry.id);
      else named.set(id, [entry.id]);
    }
  }
  return {
    $schema: urlFor(site, 'schemas/actors.schema.json'),
    schema_version: SCHEMA_VERSION,
    language: 'ar',
    actors: actors.map((actor) => ({
      ...actor,
      url: actorUrl(actor),
      entries: named.get(actor.id) ?? [],
    })),
  };
}

// ---------------------------------------------------------------- /timelinejs.json (Knight Lab TimelineJS3)
// Format: https://timeline.knightlab.com/docs/json-format.html. TimelineJS renders text.headline and
// text.text as HTML (after DOMPurify); everything from a source is escaped here first, so an article can
// never put markup into the viewer.

const tlDateSchema = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  display_date: z.string().optional(),
});
const tlTextSchema = z.object({ headline: z.string(), text: z.string() });
const tlSlideSchema = z.object({
  // TimelineJS slugifies ids it does not like; keep them ASCII so links to #event-… stay stable.
  unique_id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  start_date: tlDateSchema,
  text: tlTextSchema,
  group: z.string().optional(),
  autolink: z.boolean().optional(),
});
export const timelineJsSchema = z.object({
  title: z.object({ unique_id: z.string(), text: tlTextSchema }),
  events: z.array(tlSlideSchema).min(1),
  scale: z.literal('human'),
});
export type TimelineJs = z.infer<typeof timelineJsSchema>;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** An ASCII id for TimelineJS: the entry id when it is already a slug, else its date and position. */
function timelineJsId(entry: ExportEntry, index: number): string {
  const slug = entry.id.toLowerCase();
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : `entry-${entry.data.date}-${index + 1}`;
}

export function buildTimelineJs(
  site: SiteInfo,
  entries: readonly ExportEntry[],
  formatDate: (isoDate: string) => string,
  actorName: (id: string) => string,
  story?: StoryExport,
): TimelineJs {
  const sorted = sortEntries(entries);
  // Each entry in the group of the event it sits under on the site's timeline (the first it reports).
  const groupOf = new Map<string, TimelineEvent>();
  for (const event of story?.events ?? []) {
    for (const link of event.entries) if (link.relation === 'reports' && !groupOf.has(link.id)) groupOf.set(link.id, event);
  }
  return {
    scale: 'human',
    title: {
      unique_id: 'title',
      text: {
        headline: escapeHtml(site.title),
        text: `<p>${escapeHtml(site.description)}</p><p><a href="${escapeHtml(site.home)}">الخط الزمني كاملًا على الموقع</a></p>`,
      },
    },
    events: sorted.map((entry, index) => {
      const [year, month, day] = entry.data.date.split('-').map(Number) as [number, number, number];
      const outlet = outletLabel(entry.data);
      const people = entry.data.actors.map(actorName).join('، ');
      const event = groupOf.get(entry.id);
      const paragraphs = [
        `<p>${escapeHtml(entry.summary)}</p>`,
        event ? `<p>الحدث: <a href="${escapeHtml(event.url)}">${escapeHtml(event.name_ar)}</a></p>` : '',
        `<p>المصدر: ${escapeHtml(outlet)}${entry.data.via ? ` (نقلًا عن ${escapeHtml(entry.data.via)})` : ''}</p>`,
        people ? `<p>الأطراف: ${escapeHtml(people)}</p>` : '',
        `<p><a href="${escapeHtml(entry.url)}">المدخل كاملًا</a></p>`,
      ];
      return {
        unique_id: timelineJsId(entry, index),
        start_date: { year, month, day, display_date: formatDate(entry.data.date) },
        text: { headline: escapeHtml(entry.data.title), text: paragraphs.join('') },
        ...(event ? { group: escapeHtml(event.name_ar) } : {}),
        autolink: false,
      };
    }),
  };
}
