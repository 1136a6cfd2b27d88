/** Shared setup for the ingest tests: the project's data, the seeds, and a way to run the real CLI. */
import { spawn } from 'node:child_process';
import { vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createIngestor, buildEntry, type Entry, type Ingestor, type SeedInput } from '../../../src/ingest/pipeline.ts';
import { cutFurniture } from '../../../src/ingest/boilerplate.ts';
import { detectOutlet } from '../../../src/ingest/outlet.ts';
import { segmentLines } from '../../../src/ingest/segment.ts';

// Building entries from every seed takes a second on an idle machine and many more on two busy cores.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

export const ROOT = path.resolve(import.meta.dirname, '../../..');
/**
 * Fixed copies of the five seed articles (and their overrides): tests about the seeds' content read these,
 * so an editor who adds an article to seeds/ keeps the tests green. Only the drift test reads seeds/ itself.
 */
export const SEEDS = path.join(ROOT, 'tests', 'fixtures', 'seeds');
export const LIVE_SEEDS = path.join(ROOT, 'seeds');
export const CONTENT = path.join(ROOT, 'content');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/ingest');

let ingestor: Ingestor | null = null;
export function projectIngestor(): Ingestor {
  ingestor ??= createIngestor(CONTENT);
  return ingestor;
}

/** Seed file names, found by listing the folder (tests key on the numbered prefix only). */
export function seedName(prefix: string): string {
  const name = fs.readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}*`);
  return name;
}

export function seedInput(dir: string, name: string): SeedInput {
  const p = path.join(dir, name);
  const o = p.replace(/\.txt$/, '.meta.yaml');
  return {
    name,
    path: p,
    bytes: fs.readFileSync(p),
    ...(fs.existsSync(o) ? { override: { path: o, text: fs.readFileSync(o, 'utf8') } } : {}),
  };
}

const entries = new Map<string, Entry>();
/** The entry built from seed `prefix` (e.g. "001"). */
export function seedEntry(prefix: string): Entry {
  const name = seedName(prefix);
  if (!entries.has(name)) entries.set(name, buildEntry(seedInput(SEEDS, name), projectIngestor()));
  return entries.get(name)!;
}

/** Build an entry from text given inline. */
export function entryFromText(text: string, name = 'made-up.txt', override?: string): Entry {
  return buildEntry(
    {
      name,
      path: `/tmp/${name}`,
      bytes: new TextEncoder().encode(text),
      ...(override ? { override: { path: `/tmp/${name.replace(/\.txt$/, '.meta.yaml')}`, text: override } } : {}),
    },
    projectIngestor(),
  );
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ingest-${label}-`));
}

/** A fresh temporary project: an empty seeds folder and an empty entries folder. */
export function tempProject(label: string): { seeds: string; entries: string } {
  const dir = tempDir(label);
  const seeds = path.join(dir, 'seeds');
  const entries = path.join(dir, 'entries');
  fs.mkdirSync(seeds);
  fs.mkdirSync(entries);
  return { seeds, entries };
}

/**
 * Run `scripts/ingest.ts` as `npm run ingest` would, on other folders; its cache and report go beside the
 * entries folder (`<entries>/../ingest-cache.json`, `<entries>/../ingest-report.json`).
 */
export function runCli(
  seedsDir: string,
  entriesDir: string,
  contentDir = CONTENT,
  args: string[] = [],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const beside = path.dirname(entriesDir);
  const files = ['--cache', path.join(beside, 'ingest-cache.json'), '--report', path.join(beside, 'ingest-report.json')];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, path.join(ROOT, 'scripts/ingest.ts'), ...files, ...args], {
      cwd: ROOT,
      env: { ...process.env, INGEST_SEEDS_DIR: seedsDir, INGEST_CONTENT_DIR: contentDir, INGEST_ENTRIES_DIR: entriesDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every file in a folder, name → bytes. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).sort()) out.set(f, fs.readFileSync(path.join(dir, f), 'latin1'));
  return out;
}

/** The ingest report a runCli run wrote. */
export function readReport(entriesDir: string): import('../../../src/ingest/directory.ts').IngestReport {
  return JSON.parse(fs.readFileSync(path.join(path.dirname(entriesDir), 'ingest-report.json'), 'utf8'));
}

/** A made-up page's parts for the outlet tests: a headline, a lead and a second paragraph. */
export const PAGE = {
  HEAD: 'المزارعون يحتجون على ارتفاع أسعار الأسمدة في الريف الشمالي',
  LEAD: 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض أسعار الأسمدة التي تضاعفت خلال عام واحد.',
  MORE: 'وقال ممثل عن المحتجين إن المحاصيل مهددة إذا لم تتدخل الحكومة قبل موسم الزراعة المقبل بأسابيع.',
};

/** The outlet finding for a page of these lines, through the real furniture and outlet stages. */
export function outletOfPage(...lines: string[]) {
  const data = projectIngestor().data;
  const segmented = segmentLines(lines.join('\n'));
  const { headline, body, removed } = cutFurniture(segmented, data);
  return detectOutlet(removed, data, { lines: segmented, headline, body });
}
