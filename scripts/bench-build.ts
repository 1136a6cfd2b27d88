/**
 * npm run bench:build -- N [--keep] [--skip-reference]: the whole build on N generated articles
 * (scripts/lib/article-generator.ts, seeded), measured against a bare Astro 7 + Pagefind site of the same texts
 * (bench/reference/), one after the other in one run. For each it prints wall time and peak memory (the RSS of
 * the whole process tree, sampled every 50 ms: Astro, the ingest's worker threads, Pagefind's binary) and the
 * project's ratios to the reference, then the page count and output size, and the same for a rebuild after one
 * added article (the ingest and Astro's content layer are incremental). Last, a sample of the project's pages
 * (every kind of page, and entries spread across the corpus) is checked: internal links resolve, and no page
 * weighs over 100 KB of gzipped HTML.
 *
 * Everything goes into a temporary folder (seeds, entries, ingest cache and report, Astro cache, outputs); the
 * repo's seeds/, content/entries/, .cache/, reports/ and dist/ are not touched. --keep leaves the folder.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { generateArticle, random, writeArticles } from './lib/article-generator.ts';
import { resolveToFile } from '../tests/support/link-check.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const keep = args.includes('--keep');
const skipReference = args.includes('--skip-reference');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
const bin = path.join(root, 'node_modules', '.bin');
const MAX_PAGE_GZIP = 100 * 1024;

interface Run {
  ms: number;
  /** Peak RSS of the process tree, bytes. */
  peak: number;
  /** At that peak, the RSS of each program in the tree (by its executable's name: node, pagefind_extended …), bytes. */
  peakBy?: Record<string, number>;
}

/** Pids of `pid` and every process below it. */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

function rssOf(pids: number[]): { sum: number; byName: Record<string, number> } {
  let sum = 0;
  const byName: Record<string, number> = {};
  for (const pid of pids) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      const name = path.basename(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] || '?');
      if (m) {
        sum += Number(m[1]) * 1024;
        byName[name] = (byName[name] ?? 0) + Number(m[1]) * 1024;
      }
    } catch {
      // gone already
    }
  }
  return { sum, byName };
}

/** Run a command with the project's Node and binaries first on PATH; wall time and peak tree RSS. */
function run(cmd: string, argv: string[], env: Record<string, string> = {}, cwd = root): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const log = fs.openSync(path.join(dir, 'log.txt'), 'a');
    fs.writeSync(log, `\n$ ${cmd} ${argv.join(' ')}\n`);
    const child = spawn(cmd, argv, {
      cwd,
      stdio: ['ignore', log, log],
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NODE_ENV: 'production', ...env },
    });
    let peak = 0;
    let peakBy: Record<string, number> = {};
    let pids: number[] = [child.pid!];
    let ticks = 0;
    const timer = setInterval(() => {
      // The tree changes as tools start workers; re-walking /proc every few samples is enough.
      if (ticks++ % 4 === 0) pids = tree(child.pid!);
      const now = rssOf(pids);
      if (now.sum > peak) [peak, peakBy] = [now.sum, now.byName];
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      fs.closeSync(log);
      if (code !== 0) reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}; see ${path.join(dir, 'log.txt')}`));
      else resolve({ ms: performance.now() - t0, peak, peakBy });
    });
  });
}

/** Steps run one after the other: times add up, the peak is the highest step's. */
async function steps(list: Array<() => Promise<Run>>): Promise<Run & { parts: Run[] }> {
  const parts: Run[] = [];
  for (const step of list) parts.push(await step());
  return { ms: parts.reduce((s, p) => s + p.ms, 0), peak: Math.max(...parts.map((p) => p.peak)), parts };
}

function sizeOf(d: string): { files: number; pages: number; bytes: number } {
  let files = 0;
  let pages = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(d, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    if (e.name.endsWith('.html')) pages++;
    bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, pages, bytes };
}

// ---- the articles: seeds for the project, the same texts as Markdown for the reference ----
const seeds = path.join(dir, 'seeds');
const refArticles = path.join(dir, 'ref-articles');
writeArticles(seeds, count);
fs.mkdirSync(refArticles);
const yamlString = (s: string) => JSON.stringify(s);
function writeReferenceArticle(file: string, text: string) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const title = lines[0] ?? file;
  // Escape Markdown's few line-start markers so a text line stays a paragraph, as the ingest's bodies do.
  const body = lines.slice(1).map((l) => l.replace(/^([#>*+-]|\d+\.)/, '\\$1')).join('\n\n');
  fs.writeFileSync(path.join(refArticles, file.replace(/\.txt$/, '.md')), `---\ntitle: ${yamlString(title)}\n---\n\n${body}\n`);
}
for (const f of fs.readdirSync(seeds)) writeReferenceArticle(f, fs.readFileSync(path.join(seeds, f), 'utf8'));
const added = generateArticle(random(7), count + 1);
const addedName = 'zz-added.txt';

// ---- the project: npm run build's steps (ingest, then astro build with the search index) ----
const entries = path.join(dir, 'entries');
const out = path.join(dir, 'out');
const projectEnv = {
  INGEST_SEEDS_DIR: seeds,
  INGEST_ENTRIES_DIR: entries,
  ENTRIES_DIR: entries,
  OUT_DIR: out,
  ASTRO_CACHE_DIR: path.join(dir, 'astro-cache'),
};
const ingestArgs = ['scripts/ingest.ts', '--quiet', '--cache', path.join(dir, 'ingest-cache.json'), '--report', path.join(dir, 'ingest-report.json')];
const projectBuild = () =>
  steps([() => run('tsx', ingestArgs, projectEnv), () => run('astro', ['build'], projectEnv)]);

// ---- the reference: astro build of bench/reference, then the Pagefind CLI ----
const refOut = path.join(dir, 'ref-out');
const refRoot = path.join(root, 'bench', 'reference');
const refEnv = { REF_ENTRIES_DIR: refArticles, OUT_DIR: refOut, ASTRO_CACHE_DIR: path.join(dir, 'ref-astro-cache') };
const referenceBuild = () =>
  steps([() => run('astro', ['build', '--root', refRoot], refEnv), () => run('pagefind', ['--site', refOut], refEnv)]);

const gb = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GB`;
/** A step's peak split by program: "node 1.60 + pagefind 1.10". */
const byProgram = (r: Run) =>
  Object.entries(r.peakBy ?? {})
    .filter(([, b]) => b > 50 * 1024 ** 2)
    .sort((a, b) => b[1] - a[1])
    .map(([name, b]) => `${name} ${(b / 1024 ** 3).toFixed(2)}`)
    .join(' + ');
const mb = (b: number) => `${(b / 1024 ** 2).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}×` : '–');

console.log(`bench:build on ${count} generated articles (${os.availableParallelism()} cores, Node ${process.version}); work folder ${dir}`);

const project = await projectBuild();
const projectSize = sizeOf(out);
console.log(`  project full build:   ${sec(project.ms)} (ingest ${sec(project.parts[0]!.ms)} ${gb(project.parts[0]!.peak)}, astro + search index ${sec(project.parts[1]!.ms)} ${gb(project.parts[1]!.peak)} = ${byProgram(project.parts[1]!)}), peak ${gb(project.peak)}; ${projectSize.pages} pages, ${projectSize.files} files, ${mb(projectSize.bytes)}`);
let reference: Awaited<ReturnType<typeof referenceBuild>> | undefined;
if (!skipReference) {
  reference = await referenceBuild();
  const refSize = sizeOf(refOut);
  console.log(`  reference full build: ${sec(reference.ms)} (astro ${sec(reference.parts[0]!.ms)} ${gb(reference.parts[0]!.peak)}, pagefind ${sec(reference.parts[1]!.ms)} ${gb(reference.parts[1]!.peak)}), peak ${gb(reference.peak)}; ${refSize.pages} pages, ${refSize.files} files, ${mb(refSize.bytes)}`);
}

// ---- one more article, built again by both ----
fs.writeFileSync(path.join(seeds, addedName), added);
writeReferenceArticle(addedName, added);
const projectAgain = await projectBuild();
console.log(`  project rebuild +1:   ${sec(projectAgain.ms)} (ingest ${sec(projectAgain.parts[0]!.ms)}, astro + search index ${sec(projectAgain.parts[1]!.ms)}), peak ${gb(projectAgain.peak)}`);
let referenceAgain: typeof reference;
if (!skipReference) {
  referenceAgain = await referenceBuild();
  console.log(`  reference rebuild +1: ${sec(referenceAgain.ms)}, peak ${gb(referenceAgain.peak)}`);
}
if (reference && referenceAgain) {
  const okFull = project.ms <= 1.25 * reference.ms;
  const okPeak = project.peak <= reference.peak;
  const okAgain = projectAgain.ms <= 1.25 * referenceAgain.ms;
  console.log(`  ratios (project / reference): full build ${ratio(project.ms, reference.ms)} time (target ≤ 1.25× ${okFull ? 'met' : 'missed'}), ${ratio(project.peak, reference.peak)} peak memory (target ≤ 1× ${okPeak ? 'met' : 'missed'}); rebuild +1 ${ratio(projectAgain.ms, referenceAgain.ms)} time (target ≤ 1.25× ${okAgain ? 'met' : 'missed'})`);
}

// ---- a sample of the project's pages: links resolve, gzipped HTML under the cap ----
const html = fs
  .readdirSync(out, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  .sort();
const byKind = new Map<string, string[]>();
for (const f of html) {
  const kind = f.includes('/') ? f.split('/')[0]! : f;
  byKind.set(kind, [...(byKind.get(kind) ?? []), f]);
}
const sample = new Set<string>();
for (const files of byKind.values()) {
  // Up to 12 of each kind, spread evenly (first, last and between), so big pages of every kind are seen.
  const n = Math.min(12, files.length);
  for (let i = 0; i < n; i++) sample.add(files[Math.floor((i * (files.length - 1)) / Math.max(1, n - 1))]!);
}
// Also the heaviest pages by raw size: the ones most likely to break the cap.
for (const f of [...html].sort((a, b) => fs.statSync(path.join(out, b)).size - fs.statSync(path.join(out, a)).size).slice(0, 10)) sample.add(f);
const origin = 'https://example.org';
const problems: string[] = [];
let linksChecked = 0;
let heaviest = { page: '', bytes: 0 };
for (const file of sample) {
  const buf = fs.readFileSync(path.join(out, file));
  const gz = gzipSync(buf, { level: 9 }).length;
  if (gz > heaviest.bytes) heaviest = { page: file, bytes: gz };
  if (gz > MAX_PAGE_GZIP) problems.push(`${file}: ${(gz / 1024).toFixed(1)} KB of gzipped HTML, over ${MAX_PAGE_GZIP / 1024} KB`);
  const $ = cheerio.load(buf.toString('utf8'));
  const pageUrl = new URL(`/${file.replace(/index\.html$/, '')}`, origin);
  $('[href], [src]').each((_, el) => {
    const value = $(el).attr('href') ?? $(el).attr('src') ?? '';
    if (/^(mailto|tel|data):/i.test(value)) return;
    const url = new URL(value, pageUrl);
    if (url.origin !== origin) return;
    linksChecked++;
    if (!resolveToFile(out, '/', url.pathname)) problems.push(`${file}: link to ${url.pathname}, no such file`);
  });
}
console.log(`  pages checked: ${sample.size} of ${html.length} (${[...byKind.keys()].length} kinds), ${linksChecked} internal links; heaviest ${heaviest.page} ${(heaviest.bytes / 1024).toFixed(1)} KB gzipped HTML`);
for (const p of problems.slice(0, 20)) console.log(`    ${p}`);
if (problems.length) {
  console.log(`  ${problems.length} problems`);
  process.exitCode = 1;
}
if (keep) console.log(`  kept ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
