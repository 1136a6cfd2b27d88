/**
 * npm run eval:ingest: the ingest's quality against the corpus in tests/corpus/ (articles in real outlets'
 * page shapes, with gold files). Prints the per-field table, then the worst cases. `--misses N` prints N
 * misses per field (default 6); `--json` prints the figures as JSON.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, figures, loadCorpus, table } from '../src/ingest/eval.ts';
import { createIngestor } from '../src/ingest/pipeline.ts';
import { FLOORS, TARGETS } from '../tests/corpus/floors.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { misses: { type: 'string', default: '6' }, json: { type: 'boolean', default: false }, field: { type: 'string' } } });
const dir = path.join(root, 'tests/corpus/articles');
const corpus = loadCorpus(dir);
const t0 = performance.now();
const result = evaluate(corpus, createIngestor(path.join(root, 'content')), path.relative(root, dir));
const ms = performance.now() - t0;
if (values.json) {
  console.log(JSON.stringify(figures(result), null, 2));
} else {
  const shapes = new Set(corpus.map((a) => a.gold.shape));
  console.log(`ingest eval: ${corpus.length} articles in the page shapes of ${shapes.size} outlets (${ms.toFixed(0)} ms)\n`);
  const floorText = Object.fromEntries(Object.entries(FLOORS).map(([k, v]) => [k, `${v.op} ${v.value}${TARGETS[k as keyof typeof TARGETS] !== v.value ? ` (target ${TARGETS[k as keyof typeof TARGETS]})` : ''}`]));
  console.log(table(result, floorText));
  const n = Number(values.misses);
  const byField = new Map<string, typeof result.misses>();
  for (const m of result.misses) byField.set(m.field, [...(byField.get(m.field) ?? []), m]);
  for (const [field, misses] of byField) {
    if (values.field && field !== values.field) continue;
    console.log(`\n${field}: ${misses.length} miss${misses.length === 1 ? '' : 'es'}`);
    for (const m of misses.slice(0, values.field ? Infinity : n)) console.log(`  ${m.article}\n    expected: ${m.expected}\n    got:      ${m.got}`);
  }
}
