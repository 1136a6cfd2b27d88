/**
 * Content collections: the generated entries (Markdown with frontmatter), the curated actor data, the
 * dated events (content/events.yaml, shared with the ingest's date inference) and the claim threads
 * (content/threads.yaml), each validated with its one schema.
 * ENTRIES_DIR points the site at another folder of entries (tests use tests/fixtures/entries/).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { actorSchema, entrySchema } from './lib/entry-schema.ts';
import { siteEventSchema } from './lib/events.ts';
import { threadSchema } from './lib/threads.ts';

const entriesDir = process.env.ENTRIES_DIR ?? 'content/entries';

const entries = defineCollection({
  loader: glob({
    pattern: '**/*.md',
    base: entriesDir,
    // The entry id is the file name without .md, exactly: URLs are /entries/<file name>/.
    generateId: ({ entry }) => entry.replace(/\.md$/, '').split('/').pop()!,
  }),
  schema: entrySchema,
});

const actors = defineCollection({
  loader: file('content/actors.yaml'),
  schema: actorSchema,
});

const events = defineCollection({
  loader: file('content/events.yaml'),
  schema: siteEventSchema,
});

const threads = defineCollection({
  loader: file('content/threads.yaml'),
  schema: threadSchema,
});

export const collections = { entries, actors, events, threads };
