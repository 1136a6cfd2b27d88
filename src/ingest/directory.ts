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
import type { WorkerPool } from './workers.ts';
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
  /** Bodies the text has speak that content/actors.yaml does not know (only when there are any). */
  unlinkedBodies?: string[];
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
  /** Filled in when given: the milliseconds spent writing (and checking) entry files (for bench:ingest). */
  timings?: { writeMs: number };
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
    ...(fm.bodies?.length ? { unlinkedBodies: fm.bodies.map((b) => b.name) } : {}),
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
  timings?: { writeMs: number };
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

/**
 * What a run has to do: the data, the cache, and each seed read (or, unchanged since the cache, only
 * stat'ed). `fullRun` hears, before any seed is read, that the data had to be loaded because no cache
 * applies: every seed will be built.
 */
function plan(seedsDir: string, contentDir: string, options: IngestOptions, fullRun?: (data: IngestData, seedCount: number) => void): Plan {
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
  const full = !cacheFile || cache.dataKey !== key || Object.keys(cache.seeds).length === 0;
  if (full) getIngestor();

  const names = fs.readdirSync(seedsDir).sort();
  const seedNames = names.filter((n) => SEED_RE.test(n));
  if (full) fullRun?.(getIngestor().data, seedNames.length);
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
  return { cacheFile, key, cache, getIngestor, refused, seeds, ...(options.timings ? { timings: options.timings } : {}) };
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
  const writer = new EntryWriter(p, entriesDir);
  writer.add(new Map(todo.map((s, i) => [s.name, results[i]!])));
  return writer.finish();
}

/**
 * The same, with the articles to build shared among worker threads (one per core, up to `workers`) when
 * there are many: on two cores a full ingest takes about half the time. Small runs stay in this process.
 * Entries are named and written as their batches come back, while the workers build the next ones.
 */
export async function ingestDirectoryParallel(
  seedsDir: string,
  contentDir: string,
  entriesDir = path.join(contentDir, 'entries'),
  options: IngestOptions & { workers?: number } = {},
): Promise<IngestReport> {
  const { startWorkers } = await import('./workers.ts');
  const cores = options.workers ?? os.availableParallelism();
  const workersFor = (n: number) => Math.min(cores, Math.floor(n / 200));
  // A full run (no cache, or the data changed) builds every seed: its workers start loading their code
  // while this thread reads the seeds.
  let pool = null as WorkerPool | null; // (set in the callback: no narrowing to null)
  const p = plan(seedsDir, contentDir, options, (data, seedCount) => {
    if (workersFor(seedCount) >= 2) pool = startWorkers(data, workersFor(seedCount));
  });
  const todo = p.seeds.filter((s) => !s.cached);
  const writer = new EntryWriter(p, entriesDir);
  if (!pool && workersFor(todo.length) >= 2) pool = startWorkers(p.getIngestor().data, workersFor(todo.length));
  if (!pool || todo.length < 2) {
    pool?.stop();
    const results = todo.length ? buildSeeds(todo.map((s) => s.seed), p.getIngestor()) : [];
    writer.add(new Map(todo.map((s, i) => [s.name, results[i]!])));
  } else {
    const results = new Map<string, BuildResult>();
    await pool.build(
      todo.map((s) => s.seed),
      (from, batch) => {
        batch.forEach((r, i) => results.set(todo[from + i]!.name, r));
        writer.add(results);
      },
    );
  }
  return writer.finish();
}

type Built = { name: string; seed: SeedInput; record: CachedSeed; file: string | null; cached: boolean };

/**
 * Names the duplicates, gives each entry its file, writes what changed, and reports. Seeds are taken in
 * name order as their results become known (`add`, any number of times); an entry is named and written
 * as soon as its name cannot depend on a seed still being built, the rest at `finish`. The names are the
 * same whatever order the results come in.
 */
class EntryWriter {
  private readonly report: IngestReport;
  private readonly duplicates: IngestReport['duplicates'] = [];
  private readonly byText = new Map<string, string>();
  private readonly nextSeeds: Record<string, CachedSeed> = {};
  private readonly built: Built[] = [];
  /** Seeds resolved so far: p.seeds[0 … resolved) have their record (built, refused or a duplicate). */
  private resolved = 0;
  /** Entries named so far: built[0 … named). */
  private named = 0;
  private readonly position: Map<string, number>;
  private readonly live = new Set<string>();
  private readonly refusedNames: Set<string>;
  private readonly existing: string[];
  private readonly existingSet: Set<string>;
  /** Which file belongs to which seed: the cache knows; without one, the entries' own `source:` lines. */
  private readonly owner = new Map<string, string>();
  private readonly fileOfSource = new Map<string, string>();
  private readonly files = new Map<string, Built>();

  private readonly p: Plan;
  private readonly entriesDir: string;

  // (No parameter properties: worker threads load this file with Node's type stripping.)
  constructor(p: Plan, entriesDir: string) {
    this.p = p;
    this.entriesDir = entriesDir;
    this.report = { entries: [], refused: p.refused, duplicates: this.duplicates, written: [], unchanged: [], deleted: [] };
    this.position = new Map(p.seeds.map((s, i) => [s.name, i]));
    this.refusedNames = new Set(p.refused.map((r) => r.source));
    fs.mkdirSync(entriesDir, { recursive: true });
    this.existing = fs.readdirSync(entriesDir).filter((f) => f.endsWith('.md'));
    this.existingSet = new Set(this.existing);
    for (const f of this.existing) {
      const source = p.cache.files[f] ?? sourceOf(path.join(entriesDir, f));
      if (source) this.owner.set(f, source);
    }
    for (const [f, s] of this.owner) if (!this.fileOfSource.has(s)) this.fileOfSource.set(s, f);
  }

  /** Take the seeds, in order, whose results are known (cached ones need none); name and write what can be. */
  add(results: Map<string, BuildResult>): void {
    const { p } = this;
    for (; this.resolved < p.seeds.length; this.resolved++) {
      const { name, seed, key: seedKey, stamp, cached } = p.seeds[this.resolved]!;
      const r = cached ? null : results.get(name);
      if (!cached && !r) break;
      let record: CachedSeed;
      let file: string | null = null;
      if (cached) record = { ...cached, stamp };
      else {
        record = { key: seedKey, stamp };
        if (r!.built) {
          file = r!.built.file;
          record.slug = r!.built.slug;
          record.textHash = r!.built.textHash;
          record.summary = r!.built.summary;
        } else record.problems = r!.problems;
      }
      this.nextSeeds[name] = record;
      if (record.problems) {
        p.refused.push({ source: name, problems: record.problems });
        this.refusedNames.add(name);
        continue;
      }
      const first = this.byText.get(record.textHash!);
      if (first) {
        this.duplicates.push({ source: name, of: first });
        continue;
      }
      this.byText.set(record.textHash!, name);
      this.live.add(name);
      this.built.push({ name, seed, record, file, cached: !!cached });
    }
    this.nameAndWrite(false);
  }

  /**
   * Give entries their files in order. A file another seed wrote is taken while that seed is still
   * published or refused; until every seed is resolved, a file whose owner is not yet stops the naming.
   */
  private nameAndWrite(final: boolean): void {
    const unresolved = (source: string) => !final && (this.position.get(source) ?? -1) >= this.resolved;
    for (; this.named < this.built.length; this.named++) {
      const b = this.built[this.named]!;
      const taken = (f: string): boolean | null => {
        if (this.files.has(f)) return true;
        const o = this.owner.get(f);
        if (o === undefined || o === b.name) return false;
        if (unresolved(o)) return null;
        return this.live.has(o) || this.refusedNames.has(o);
      };
      const base = b.record.slug!;
      const previous = this.fileOfSource.get(b.name);
      const numbered = (f: string) => f.startsWith(`${base}-`) && /^\d+\.md$/.test(f.slice(base.length + 1));
      let file: string | null;
      if (previous && (previous === `${base}.md` || numbered(previous)) && !this.files.has(previous)) file = previous;
      else {
        file = `${base}.md`;
        for (let k = 2; ; k++) {
          const t = taken(file);
          if (t === null) return; // named once the seed that owns this file is resolved
          if (!t) break;
          file = `${base}-${k}.md`;
        }
      }
      this.files.set(file, b);
      this.write(file, b);
    }
  }

  private write(file: string, b: Built): void {
    const started = this.p.timings ? performance.now() : 0;
    this.writeFile(file, b);
    if (this.p.timings) this.p.timings.writeMs += performance.now() - started;
  }

  private writeFile(file: string, b: Built): void {
    const { report } = this;
    const target = path.join(this.entriesDir, file);
    // A file the folder did not hold a moment ago needs no look (a fresh ingest: thousands of calls fewer).
    const st = this.existingSet.has(file) ? (fs.statSync(target, { throwIfNoEntry: false }) ?? null) : null;
    const w = b.record.written;
    if (b.cached && st && w && w.file === file && w.size === st.size && w.mtimeMs === st.mtimeMs) {
      report.unchanged.push(file);
    } else {
      // Built now, or cached but its file is missing or was touched: (re)build and compare.
      const content = b.file ?? entryFile(buildEntry(b.seed, this.p.getIngestor()));
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

  /** Name and write the rest; delete what no seed owns any more; save the cache. */
  finish(): IngestReport {
    const { p, report } = this;
    if (this.resolved < p.seeds.length) throw new Error(`ingest: ${p.seeds[this.resolved]!.name} has no result`);
    this.nameAndWrite(true);
    // An entry whose seed is gone goes too; one whose seed was refused stays until the seed is fixed.
    const nextFiles: Record<string, string> = {};
    for (const [file, b] of this.files) nextFiles[file] = b.name;
    for (const file of this.existing) {
      if (this.files.has(file)) continue;
      const source = this.owner.get(file);
      if (source && this.refusedNames.has(source)) {
        p.refused.find((r) => r.source === source)!.kept = file;
        nextFiles[file] = source;
        continue;
      }
      fs.rmSync(path.join(this.entriesDir, file));
      report.deleted.push(file);
    }
    if (p.cacheFile) {
      fs.mkdirSync(path.dirname(p.cacheFile), { recursive: true });
      const next: CacheFile = { version: CACHE_VERSION, dataKey: p.key, seeds: this.nextSeeds, files: nextFiles };
      fs.writeFileSync(p.cacheFile, JSON.stringify(next));
    }
    return report;
  }
}
