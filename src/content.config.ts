/**
 * Content collections: the generated entries (Markdown with frontmatter) and the curated actor data,
 * both validated with the one schema module the ingest also writes with.
 * ENTRIES_DIR points the site at another folder of entries (tests use tests/fixtures/entries/).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { actorSchema, entrySchema } from './lib/entry-schema.ts';

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

export const collections = { entries, actors };
