/**
 * npm run eval:ingest: the ingest's quality against the corpora in tests/corpus/ (articles in real outlets'
 * page shapes, with gold files): `articles/`, the development set the rules were tuned on, and `holdout/`,
 * written apart by people who never saw the rules, so its figures say how the ingest does on pages nobody
 * fitted it to. Prints each corpus's table, then the misses.
 *   --corpus articles|holdout   one corpus only
 *   --misses N                  misses shown per field (default 6); --field NAME shows every miss of one field
 *   --json                      the figures as JSON
 *   --claims                    instead of the tables, every claim the ingest writes, one per line
 *                               (article, speaker, kind, words): diff it before and after a rule change, since
 *                               the claims score matches words loosely and a ragged claim can still count
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, figures, loadCorpus, table } from '../src/ingest/eval.ts';
import { buildEntry, createIngestor } from '../src/ingest/pipeline.ts';
import { FLOORS, HOLDOUT_FLOORS, TARGETS } from '../tests/corpus/floors.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { misses: { type: 'string', default: '6' }, json: { type: 'boolean', default: false }, claims: { type: 'boolean', default: false }, field: { type: 'string' }, corpus: { type: 'string' } },
});
const ingestor = createIngestor(path.join(root, 'content'));
const corpora = (values.corpus ? [values.corpus] : ['articles', 'holdout']).filter((c) => fs.existsSync(path.join(root, 'tests/corpus', c)));
const json: Record<string, unknown> = {};
for (const name of corpora) {
  const dir = path.join(root, 'tests/corpus', name);
  const corpus = loadCorpus(dir);
  if (values.claims) {
    for (const a of corpus) {
      let claims: { speaker: string; kind: string; text: string }[] = [];
      try {
        claims = buildEntry({ name: a.name, path: path.join(dir, a.name), bytes: a.bytes }, ingestor).frontmatter.claims;
      } catch {
        continue; // refused: no entry, no claims
      }
      for (const c of claims) console.log([`${name}/${a.name}`, c.speaker, c.kind, c.text.replace(/\s+/g, ' ')].join('\t'));
    }
    continue;
  }
  const t0 = performance.now();
  const result = evaluate(corpus, ingestor, path.relative(root, dir));
  const ms = performance.now() - t0;
  if (values.json) {
    json[name] = figures(result);
    continue;
  }
  const floors = name === 'holdout' ? HOLDOUT_FLOORS : FLOORS;
  const shapes = new Set(corpus.map((a) => a.gold.shape));
  const what = name === 'holdout' ? 'held-out corpus (never seen by the rules)' : 'development corpus';
  console.log(`\n${what}: ${corpus.length} articles in the page shapes of ${shapes.size} outlets (${ms.toFixed(0)} ms)\n`);
  const floorText = Object.fromEntries(
    Object.entries(floors).map(([k, v]) => [k, `${v.op} ${v.value}${TARGETS[k as keyof typeof TARGETS] !== v.value ? ` (target ${TARGETS[k as keyof typeof TARGETS]})` : ''}`]),
  );
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
if (values.json) console.log(JSON.stringify(json, null, 2));
