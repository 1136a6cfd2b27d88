/**
 * The eval gate: the real ingest over the corpus in real outlets' page shapes (tests/corpus/), scored
 * against the gold files. A change that helps one page and hurts ten fails here. The floors live in
 * tests/corpus/floors.ts beside the product's targets; `npm run eval:ingest` prints the table and the misses.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, figures, loadCorpus, type Figures } from '../../../src/ingest/eval.ts';
import { FLOORS, HOLDOUT_FLOORS, TARGETS } from '../../corpus/floors.ts';
import { ROOT, projectIngestor } from './helpers.ts';

const got: Record<string, Figures> = {};
const sizes: Record<string, { articles: number; outlets: number }> = {};

beforeAll(() => {
  for (const name of ['articles', 'holdout']) {
    const corpus = loadCorpus(path.join(ROOT, 'tests', 'corpus', name));
    sizes[name] = { articles: corpus.length, outlets: new Set(corpus.map((a) => a.gold.shape)).size };
    got[name] = figures(evaluate(corpus, projectIngestor()));
  }
});

describe('the ingest against its corpora (npm run eval:ingest)', () => {
  it('the development corpus has at least 60 articles in the shapes of at least 30 outlets; the held-out one 20 more', () => {
    expect(sizes.articles!.articles).toBeGreaterThanOrEqual(60);
    expect(sizes.articles!.outlets).toBeGreaterThanOrEqual(30);
    expect(sizes.holdout!.articles).toBeGreaterThanOrEqual(20);
  });

  const fields = Object.keys(TARGETS) as (keyof Figures)[];
  it.each(fields.flatMap((f) => [['articles', f] as const, ['holdout', f] as const]))('%s: %s holds its floor', (corpus, field) => {
    const floor = (corpus === 'holdout' ? HOLDOUT_FLOORS : FLOORS)[field];
    const value = got[corpus]![field];
    if (floor.op === '≥') expect(value, `${corpus}: ${field} fell below its floor`).toBeGreaterThanOrEqual(floor.value);
    else expect(value, `${corpus}: ${field} rose above its floor`).toBeLessThanOrEqual(floor.value);
  });
});
