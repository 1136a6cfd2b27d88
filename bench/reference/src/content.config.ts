import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: process.env.REF_ENTRIES_DIR ?? 'articles' }),
  schema: z.object({ title: z.string() }),
});

export const collections = { articles };
