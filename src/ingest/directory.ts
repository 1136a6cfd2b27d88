/**
 * The ingest over a folder: seeds/*.txt (+ .meta.yaml) → content/entries/*.md, and a report.
 *
 * - A bad article never costs the good ones: each seed is built on its own; a refused one is named with
 *   every problem found, and an entry it wrote in an earlier run is kept (not deleted) until it is fixed.
 * - Incremental: a seed whose bytes, override, data files and ingest code are unchanged since the last run
 *   is not built again (the cache in .cache/ingest.json holds its entry and the file it wrote).
 * - URLs are stable: an entry keeps the file it was first written to; a new article whose slug is taken
 *   gets the next free number, never the existing article's file.
 * - The same article saved twice (the same text after decoding) is named as a duplicate, not published twice.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IngestError } from './errors.ts';
import type { IngestData } from './data.ts';
import { buildEntry, createIngestor, entryFile, ingestorFromData, type Entry, type Ingestor, type SeedInput } from './pipeline.ts';

export interface EntrySummary {
  file: string;
  source: string;
  date: string;
  dateBasis: string;
  outlet: string | null;
  outletBasis: string;
  /** The outlet the text names, when content/outlets.yaml does not know it yet (for the editor). */
  unknownOutlet?: string;
  actors: number;
  /** People the text names with a title or role that content/actors.yaml does not know. */
  unlinkedPeople: string[];
  claims: number;
  removed: number;
  /** True when the entry came from the cache (nothing about the article changed). */
  cached: boolean;
}

export interface Refusal {
  source: string;
  /** Every problem found, each naming the file (and line where known). */
  problems: string[];
  /** The entry file an earlier run wrote for this seed, kept as it was. */
  kept?: string;
}

export interface IngestReport {
  entries: EntrySummary[];
  refused: Refusal[];
  duplicates: { source: string; of: string }[];
  written: string[];
  unchanged: string[];
  deleted: string[];
}

export interface IngestOptions {
  /** Where the incremental cache lives; null turns it off. */
  cacheFile?: string | null;
}

interface CachedSeed {
  key: string;
  /** The seed's and its override's size and mtime when `key` was computed. */
  stamp?: string;
  /** What the built entry needs for naming, duplicates and the report; or the problems that refused it. */
  slug?: string;
  textHash?: string;
  summary?: Omit<EntrySummary, 'file' | 'cached' | 'source'>;
  problems?: string[];
  /** The file it was written to, with its size and mtime then: unchanged, it is not written again. */
  written?: { file: string; size: number; mtimeMs: number };
}

interface CacheFile {
  version: number;
  dataKey: string;
  seeds: Record<string, CachedSeed>;
  /** Entry file → the seed it was written for. */
  files: Record<string, string>;
}

const CACHE_VERSION = 3;
const sha = (...parts: (string | Uint8Array)[]) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  // 128 bits tell articles apart as well as 256 and keep the cache small (it is read on every run).
  return h.digest('hex').slice(0, 32);
};

function summarise(entry: Entry): Omit<EntrySummary, 'file' | 'cached' | 'source'> {
  const fm = entry.frontmatter;
  return {
    date: fm.date,
    dateBasis: fm.date_basis.kind,
    outlet: fm.outlet,
    outletBasis: fm.outlet_basis.kind,
    ...(fm.outlet && fm.outlet_known === false ? { unknownOutlet: fm.outlet } : {}),
    actors: fm.actors.length + fm.places.length + fm.organisations.length,
    unlinkedPeople: fm.people.map((p) => p.name),
    claims: fm.claims.length,
    removed: fm.removed.length,
  };
}

/** A key for everything a seed's entry depends on besides the seed: the data files and the ingest's code. */
function dataKey(contentDir: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|ts)$/.test(name)) files.push(p);
    }
  };
  for (const name of fs.readdirSync(contentDir).sort()) if (/\.ya?ml$/.test(name)) files.push(path.join(contentDir, name));
  walk(path.join(contentDir, 'rules'));
  const here = import.meta.dirname;
  walk(here);
  walk(path.join(here, '..', 'text'));
  walk(path.join(here, '..', 'lib'));
  return sha(...files.flatMap((f) => [f.startsWith(contentDir) ? path.relative(contentDir, f) : path.relative(here, f), fs.readFileSync(f)]));
}

function readCache(file: string | null, key: string): CacheFile {
  const empty: CacheFile = { version: CACHE_VERSION, dataKey: key, seeds: {}, files: {} };
  if (!file || !fs.existsSync(file)) return empty;
  try {
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (c.version !== CACHE_VERSION) return empty;
    // Changed data or code: every entry is built again, but which file belongs to which seed still holds.
    return c.dataKey === key ? c : { ...empty, files: c.files ?? {} };
  } catch {
    return empty;
  }
}

/** The seed that wrote an entry file, from its frontmatter's `source:` line. */
function sourceOf(file: string): string | null {
  const head = fs.readFileSync(file, 'utf8').slice(0, 64 * 1024);
  const end = head.indexOf('\n---', 4);
  const m = /^source: (.+)$/m.exec(end === -1 ? head : head.slice(0, end));
  if (!m) return null;
  return m[1]!.trim().replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
}

/** Read a file the ingest was asked to read; every failure names the file. */
function statInside(file: string, rootReal: string): { real: string; st: fs.Stats } {
  // A plain file (not a link) named by the folder's own listing is inside it: no path to resolve.
  const own = fs.lstatSync(file, { throwIfNoEntry: false });
  if (own?.isFile()) return { real: path.join(rootReal, path.basename(file)), st: own };
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch {
    throw new IngestError(file, 'cannot be read: it is a link to a file that does not exist');
  }
  if (real !== rootReal && !real.startsWith(rootReal + path.sep)) {
    throw new IngestError(file, `is a link to a file outside the seeds folder (${real}); copy the article into seeds/ instead`);
  }
  const st = fs.statSync(real);
  if (!st.isFile()) throw new IngestError(file, 'is not a file (a folder, or a link to one)');
  return { real, st };
}

function readReal(file: string, real: string): Buffer {
  try {
    return fs.readFileSync(real);
  } catch (err) {
    throw new IngestError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

const SEED_RE = /\.txt$/i;
const OVERRIDE_RE = /\.meta\.ya?ml$/i;

/**
 * One seed built: what naming, duplicates and the report need, and the entry's file text, all made where
 * the entry was built (on a worker, not the main thread; the entry itself is not sent back).
 */
export interface BuiltSeed {
  slug: string;
  /** The same article twice: the same headline and text, whatever the file's name or encoding. */
  textHash: string;
  summary: Omit<EntrySummary, 'file' | 'cached' | 'source'>;
  file: string;
}
/** The result of building one seed: built, or refused with its problems. */
export interface BuildResult {
  built?: BuiltSeed;
  problems?: string[];
}

/** Build seeds' entries in this process; IngestErrors become problems, anything else is a bug and throws. */
export function buildSeeds(seeds: SeedInput[], ingestor: Ingestor): BuildResult[] {
  return seeds.map((seed) => {
    try {
      const entry = buildEntry(seed, ingestor);
      return { built: { slug: entry.slug, textHash: sha(entry.frontmatter.title, entry.body), summary: summarise(entry), file: entryFile(entry) } };
    } catch (err) {
      if (err instanceof AggregateError) return { problems: err.errors.map((e) => (e as Error).message) };
      if (err instanceof IngestError) return { problems: [err.message] };
      throw err;
    }
  });
}

interface Plan {
  cacheFile: string | null;
  key: string;
  cache: CacheFile;
  getIngestor: () => Ingestor;
  refused: Refusal[];
  /** Every readable seed in name order, with its cache record when unchanged. */
  seeds: { name: string; seed: SeedInput; key: string; stamp: string; cached: CachedSeed | null }[];
}

/** A seed read only if something asks for its bytes (a cached article whose entry file must be written again). */
function lazySeed(read: () => SeedInput): SeedInput {
  let seed: SeedInput | null = null;
  const get = () => (seed ??= read());
  return {
    get name() { return get().name; },
    get path() { return get().path; },
    get bytes() { return get().bytes; },
    get override() { return get().override; },
  } as SeedInput;
}

/** Read seeds/ and the cache: what is there, and what must be built. */
function plan(seedsDir: string, contentDir: string, options: IngestOptions): Plan {
  const cacheFile = options.cacheFile === undefined ? null : options.cacheFile;
  let ingestor: Ingestor | null = null;
  const key = dataKey(contentDir);
  const cache = readCache(cacheFile, key);
  // The data files, parsed and validated: from the cache when none of them changed since (JSON reads in a
  // few milliseconds where YAML and its validation take a few hundred), else from content/ (and cached).
  const dataCache = cacheFile ? `${cacheFile}.data.json` : null;
  const getIngestor = () => {
    if (ingestor) return ingestor;
    if (dataCache && cache.dataKey === key && fs.existsSync(dataCache)) {
      try {
        const stored = JSON.parse(fs.readFileSync(dataCache, 'utf8')) as { key: string; data: IngestData };
        if (stored.key === key) return (ingestor = ingestorFromData(stored.data));
      } catch {
        // a broken cache file is rebuilt below
      }
    }
    ingestor = createIngestor(contentDir);
    if (dataCache) {
      fs.mkdirSync(path.dirname(dataCache), { recursive: true });
      fs.writeFileSync(dataCache, JSON.stringify({ key, data: ingestor.data }));
    }
    return ingestor;
  };
  // Data files are validated even when every seed is cached: a broken data file must never pass silently
  // (a changed file changes the key, and an unchanged one was validated when it was cached).
  if (!cacheFile || cache.dataKey !== key || Object.keys(cache.seeds).length === 0) getIngestor();

  const names = fs.readdirSync(seedsDir).sort();
  const seedNames = names.filter((n) => SEED_RE.test(n));
  const overrides = new Map(names.filter((n) => OVERRIDE_RE.test(n)).map((n) => [n.replace(OVERRIDE_RE, '').toLowerCase(), n]));
  const refused: Refusal[] = [];
  const stems = new Set(seedNames.map((n) => n.replace(SEED_RE, '').toLowerCase()));
  for (const [stem, n] of overrides) {
    if (!stems.has(stem)) refused.push({ source: n, problems: [`${path.join(seedsDir, n)}: override without a seed (no ${n.replace(OVERRIDE_RE, '.txt')})`] });
  }
  const seeds: Plan['seeds'] = [];
  const rootReal = fs.realpathSync.native(seedsDir);
  for (const name of seedNames) {
    const seedPath = path.join(seedsDir, name);
    const overrideName = overrides.get(name.replace(SEED_RE, '').toLowerCase());
    const overridePath = overrideName ? path.join(seedsDir, overrideName) : null;
    try {
      const seedFile = statInside(seedPath, rootReal);
      const overrideFile = overridePath ? statInside(overridePath, rootReal) : null;
      // Size and modification time of the seed and its override: unchanged, the article is not even read.
      const stamp = [seedFile.st.size, seedFile.st.mtimeMs, overrideFile?.st.size ?? '', overrideFile?.st.mtimeMs ?? ''].join(':');
      const record = cache.seeds[name];
      const read = (): SeedInput => {
        const bytes = readReal(seedPath, seedFile.real);
        const overrideText = overridePath && overrideFile ? readReal(overridePath, overrideFile.real).toString('utf8') : null;
        return { name, path: seedPath, bytes, ...(overridePath && overrideText !== null ? { override: { path: overridePath, text: overrideText } } : {}) };
      };
      if (record && record.stamp === stamp) {
        seeds.push({ name, seed: lazySeed(read), key: record.key, stamp, cached: record });
        continue;
      }
      const seed = read();
      const seedKey = sha(seed.bytes, seed.override?.text ?? '');
      seeds.push({ name, seed, key: seedKey, stamp, cached: record && record.key === seedKey ? record : null });
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      refused.push({ source: name, problems: [err.message] });
    }
  }
  return { cacheFile, key, cache, getIngestor, refused, seeds };
}

/** Build every seed's entry, write the good ones, and report the rest. Data-file errors still stop it all. */
export function ingestDirectory(
  seedsDir: string,
  contentDir: string,
  entriesDir = path.join(contentDir, 'entries'),
  options: IngestOptions = {},
): IngestReport {
  const p = plan(seedsDir, contentDir, options);
  const todo = p.seeds.filter((s) => !s.cached);
  const results = todo.length ? buildSeeds(todo.map((s) => s.seed), p.getIngestor()) : [];
  return finish(p, new Map(todo.map((s, i) => [s.name, results[i]!])), entriesDir);
}

/**
 * The same, with the articles to build shared among worker threads (one per core, up to `workers`) when
 * there are many: on two cores a full ingest takes about half the time. Small runs stay in this process.
 */
export async function ingestDirectoryParallel(
  seedsDir: string,
  contentDir: string,
  entriesDir = path.join(contentDir, 'entries'),
  options: IngestOptions & { workers?: number } = {},
): Promise<IngestReport> {
  const p = plan(seedsDir, contentDir, options);
  const todo = p.seeds.filter((s) => !s.cached);
  const workers = Math.min(options.workers ?? os.availableParallelism(), Math.floor(todo.length / 200));
  let results: BuildResult[];
  if (workers < 2) results = todo.length ? buildSeeds(todo.map((s) => s.seed), p.getIngestor()) : [];
  else {
    const { buildInWorkers } = await import('./workers.ts');
    results = await buildInWorkers(todo.map((s) => s.seed), p.getIngestor().data, workers);
  }
  return finish(p, new Map(todo.map((s, i) => [s.name, results[i]!])), entriesDir);
}

/** Name the duplicates, give each entry its file, write what changed, and report. */
function finish(p: Plan, results: Map<string, BuildResult>, entriesDir: string): IngestReport {
  const { cacheFile, key, cache, getIngestor, refused } = p;
  const built: { name: string; seed: SeedInput; record: CachedSeed; file: string | null; cached: boolean }[] = [];
  const duplicates: IngestReport['duplicates'] = [];
  const byText = new Map<string, string>();
  const nextSeeds: Record<string, CachedSeed> = {};
  for (const { name, seed, key: seedKey, stamp, cached } of p.seeds) {
    let record: CachedSeed;
    let file: string | null = null;
    if (cached) record = { ...cached, stamp };
    else {
      record = { key: seedKey, stamp };
      const r = results.get(name)!;
      if (r.built) {
        file = r.built.file;
        record.slug = r.built.slug;
        record.textHash = r.built.textHash;
        record.summary = r.built.summary;
      } else record.problems = r.problems;
    }
    nextSeeds[name] = record;
    if (record.problems) {
      refused.push({ source: name, problems: record.problems });
      continue;
    }
    const first = byText.get(record.textHash!);
    if (first) {
      duplicates.push({ source: name, of: first });
      continue;
    }
    byText.set(record.textHash!, name);
    built.push({ name, seed, record, file, cached: !!cached });
  }

  // Which file belongs to which seed: the cache knows; without one, the entries' own `source:` lines.
  fs.mkdirSync(entriesDir, { recursive: true });
  const existing = fs.readdirSync(entriesDir).filter((f) => f.endsWith('.md'));
  const existingSet = new Set(existing);
  const owner = new Map<string, string>();
  for (const f of existing) {
    const known = cache.files[f];
    const source = known ?? sourceOf(path.join(entriesDir, f));
    if (source) owner.set(f, source);
  }
  const live = new Set(built.map((b) => b.name));
  const refusedNames = new Set(refused.map((r) => r.source));
  const fileOfSource = new Map<string, string>();
  for (const [f, s] of owner) if (!fileOfSource.has(s)) fileOfSource.set(s, f);

  const files = new Map<string, (typeof built)[number]>();
  const taken = (f: string, name: string) => files.has(f) || (owner.has(f) && owner.get(f) !== name && (live.has(owner.get(f)!) || refusedNames.has(owner.get(f)!)));
  for (const b of built) {
    const base = b.record.slug!;
    const previous = fileOfSource.get(b.name);
    let file: string;
    const numbered = (f: string) => f.startsWith(`${base}-`) && /^\d+\.md$/.test(f.slice(base.length + 1));
    if (previous && (previous === `${base}.md` || numbered(previous)) && !files.has(previous)) file = previous;
    else {
      file = `${base}.md`;
      for (let k = 2; taken(file, b.name); k++) file = `${base}-${k}.md`;
    }
    files.set(file, b);
  }

  const report: IngestReport = { entries: [], refused, duplicates, written: [], unchanged: [], deleted: [] };
  for (const [file, b] of files) {
    const target = path.join(entriesDir, file);
    // A file the folder did not hold a moment ago needs no look (a fresh ingest: thousands of calls fewer).
    const st = existingSet.has(file) ? (fs.statSync(target, { throwIfNoEntry: false }) ?? null) : null;
    const w = b.record.written;
    if (b.cached && st && w && w.file === file && w.size === st.size && w.mtimeMs === st.mtimeMs) {
      report.unchanged.push(file);
    } else {
      // Built now, or cached but its file is missing or was touched: (re)build and compare.
      const content = b.file ?? entryFile(buildEntry(b.seed, getIngestor()));
      if (st && fs.readFileSync(target, 'utf8') === content) report.unchanged.push(file);
      else {
        fs.writeFileSync(target, content);
        report.written.push(file);
      }
      const after = fs.statSync(target);
      b.record.written = { file, size: after.size, mtimeMs: after.mtimeMs };
    }
    report.entries.push({ file, source: b.name, ...b.record.summary!, cached: b.cached });
  }
  // An entry whose seed is gone goes too; one whose seed was refused stays until the seed is fixed.
  const nextFiles: Record<string, string> = {};
  for (const [file, b] of files) nextFiles[file] = b.name;
  for (const file of existing) {
    if (files.has(file)) continue;
    const source = owner.get(file);
    if (source && refusedNames.has(source)) {
      refused.find((r) => r.source === source)!.kept = file;
      nextFiles[file] = source;
      continue;
    }
    fs.rmSync(path.join(entriesDir, file));
    report.deleted.push(file);
  }
  if (cacheFile) {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const next: CacheFile = { version: CACHE_VERSION, dataKey: key, seeds: nextSeeds, files: nextFiles };
    fs.writeFileSync(cacheFile, JSON.stringify(next));
  }
  return report;
}
