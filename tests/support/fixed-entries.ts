/**
 * The seed entries for tests about their content: the fixed copies of the seeds (tests/fixtures/seeds/)
 * ingested once per test process into a temporary folder, never the live content/entries/, so an editor
 * who adds an article as the README says changes nothing these tests expect.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestDirectory } from '../../src/ingest/directory.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string | undefined;

/** The folder of entry files made from the fixed seeds. */
export function fixedSeedEntries(): string {
  if (dir) return dir;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fixed-entries-'));
  const report = ingestDirectory(path.join(ROOT, 'tests', 'fixtures', 'seeds'), path.join(ROOT, 'content'), out);
  if (report.refused.length) throw new Error(`fixed seeds refused: ${report.refused.map((r) => r.source).join(', ')}`);
  process.once('exit', () => fs.rmSync(out, { recursive: true, force: true }));
  return (dir = out);
}
