/**
 * The eval gate: the real ingest over the corpus in real outlets' page shapes (tests/corpus/), scored
 * against the gold files. A change that helps one page and hurts ten fails here. The floors live in
 * tests/corpus/floors.ts beside the product's targets; `npm run eval:ingest` prints the table and the misses.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, figures, loadCorpus, type Figures } from '../../../src/ingest/eval.ts';
import { FLOORS, TARGETS } from '../../corpus/floors.ts';
import { ROOT, projectIngestor } from './helpers.ts';

let got: Figures;
let corpusSize = 0;
let outlets = 0;

beforeAll(() => {
  const corpus = loadCorpus(path.join(ROOT, 'tests', 'corpus', 'articles'));
  corpusSize = corpus.length;
  outlets = new Set(corpus.map((a) => a.gold.shape)).size;
  got = figures(evaluate(corpus, projectIngestor()));
});

describe('the ingest against its corpus (npm run eval:ingest)', () => {
  it('has at least 60 articles in the shapes of at least 30 outlets', () => {
    expect(corpusSize).toBeGreaterThanOrEqual(60);
    expect(outlets).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.keys(TARGETS) as (keyof Figures)[])('%s holds its floor', (field) => {
    const floor = FLOORS[field];
    if (floor.op === '≥') expect(got[field], `${field} fell below its floor`).toBeGreaterThanOrEqual(floor.value);
    else expect(got[field], `${field} rose above its floor`).toBeLessThanOrEqual(floor.value);
  });
});
