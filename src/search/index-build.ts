/**
 * The search records, built from the entries' DATA (content/entries/*.md: frontmatter and article text),
 * content/actors.yaml and content/outlets.yaml, with the shared tokenizer and name matcher (src/text/) —
 * never from built HTML — and written as a Pagefind index through its Node API. Node only.
 *
 * Output (in the build folder):
 *   pagefind/       the Pagefind bundle: one custom record per entry and per actor page, added in the
 *                   documents' order n (content: the document's terms; filters);
 *   search-data/    manifest.json (counts, filter values with counts, vocabulary letters, build hash; also
 *                   inlined in the search page) and v/<cp>.json: words of the index's vocabulary that begin
 *                   with the letter cp, [folded, as written, count], for "did you mean" (fetched only when
 *                   nothing matches); d/<n>.json: what result n shows (title, date, outlet, the original
 *                   text the excerpt is cut from). Both written gzip-compressed, as <name>.json.gz
 *                   (files.ts storedFile).
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { remark } from 'remark';
import { plainBlocks } from '../ingest/markdown.ts';
import YAML from 'yaml';
import { readingsOf, tokenize } from '../text/tokens.ts';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';
import type { SearchBackend } from './engine.ts';
import { dateTerm, monthTerm, wordIndexTerms, type SearchFragment } from './query.ts';
import { docFile, IDS_FILE, listingChecksum, ORDER_FILE, storedFile, type SearchManifest, type SearchOrder } from './files.ts';
import { INDEX_LANGUAGE } from './records.ts';
import { actorTerm, findMentions, keyFinds, type ActorSpellings, type AliasTable } from './terms.ts';

/** One searchable document, before indexing. */
export interface SearchDoc {
  kind: 'entry' | 'actor';
  /** Site path without the base ("entries/x/"); the page adds its base. */
  path: string;
  title: string;
  /** The original text readers see (the excerpt is cut from it): the article text, without the headline. */
  text: string;
  /** Searchable too, never shown as an excerpt: the outlet's and via's names, unlinked people, roles and bodies. */
  extra: string;
  date?: string;
  outlet?: string;
  outletLabel?: string;
  source?: string;
  actor?: string;
  filters: Record<string, string[]>;
}

interface OutletData {
  id: string;
  name_ar: string;
  name_en?: string;
  names?: string[];
}

/**
 * Plain text of a Markdown body: paragraphs as lines, no markup. A body the ingest wrote from plain lines
 * only (src/ingest/markdown.ts plainBlocks: text remark-gfm prints as it is, and so reads back as it is) is
 * its lines already; any other body is parsed.
 */
export function markdownText(body: string): string {
  const plain = plainBlocks(body);
  return plain ? plain.map((b) => b.text).join('\n') : parsedText(body);
}

/** Plain text of any Markdown body, parsed with remark: paragraphs as lines, no markup. */
export function parsedText(body: string): string {
  const tree = remark().parse(body);
  const lines: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }, into: string[]) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') into.push(node.value ?? ''); // code blocks show on the page too
    else if (node.type === 'break') into.push(' ');
    for (const c of (node.children ?? []) as Array<typeof node>) walk(c, into);
  };
  for (const block of tree.children as Array<{ type: string; children?: unknown[] }>) {
    const parts: string[] = [];
    walk(block, parts);
    const line = parts.join('').replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

function loadOutlets(root: string): OutletData[] {
  const file = path.join(root, 'content/outlets.yaml');
  return fs.existsSync(file) ? (YAML.parse(fs.readFileSync(file, 'utf8')) as OutletData[]) : [];
}

/** Every name of an outlet as written in an entry (outlets.yaml's names, Arabic and Latin), or the name itself. */
function outletNames(name: string, outlets: OutletData[]): string[] {
  const key = tokenize(name).map((t) => t.folded).join(' ');
  const o = outlets.find((x) => [x.name_ar, x.name_en ?? '', ...(x.names ?? [])].some((n) => tokenize(n).map((t) => t.folded).join(' ') === key));
  return o ? [...new Set([name, o.name_ar, o.name_en ?? '', ...(o.names ?? [])].filter(Boolean))] : [name];
}

/** The entries of a folder of entry files (content/entries/ or $ENTRIES_DIR) as search documents. */
export function entryDocs(dir: string, root = process.cwd()): SearchDoc[] {
  const outlets = loadOutlets(root);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const { data, content } = matter(fs.readFileSync(path.join(dir, file), 'utf8'));
      const d = data as {
        title: string; date: string; outlet: string | null; via: string | null; source: string;
        actors?: string[]; places?: string[]; organisations?: string[]; people?: Array<{ name: string; role?: string }>;
        bodies?: Array<{ name: string }>;
      };
      const id = file.replace(/\.md$/, '');
      const people = d.people ?? [];
      const outletLabel = `${d.outlet ?? 'مصدر غير معروف'}${d.via ? `، نقلًا عن ${d.via}` : ''}`;
      const extra = [
        ...(d.outlet ? outletNames(d.outlet, outlets) : []),
        ...(d.via ? outletNames(d.via, outlets) : []),
        ...people.flatMap((p) => [p.name, p.role ?? '']),
        ...(d.bodies ?? []).map((b) => b.name),
      ].filter(Boolean).join('\n');
      const filters: Record<string, string[]> = {
        actor: [...new Set([...(d.actors ?? []), ...(d.places ?? []), ...(d.organisations ?? [])])],
        year: [d.date.slice(0, 4)],
        month: [d.date.slice(5, 7)],
        person: [...new Set(people.map((p) => p.name))],
      };
      if (d.outlet) filters.outlet = [d.outlet];
      return {
        kind: 'entry' as const,
        path: `entries/${id}/`,
        title: d.title,
        text: markdownText(content),
        extra,
        date: d.date,
        outlet: outletLabel,
        source: d.source,
        filters,
      };
    });
}

/** One document per actor page: its names, spellings and role (actor pages are listed apart from entries). */
export function actorDocs(actors: ActorSpellings[]): SearchDoc[] {
  return actors.map((a) => {
    const role = (a as { role_ar?: string }).role_ar ?? '';
    return {
      kind: 'actor' as const,
      path: `actors/${a.id}/`,
      title: a.name_ar,
      text: [a.name_ar, a.name_en, role].filter(Boolean).join('\n'),
      extra: [...(a.variants ?? []), ...(a.latin ?? [])].join('\n'),
      actor: a.id,
      filters: {},
    };
  });
}

/** The terms of one document: every word's terms, an actor term per mention, date and filter terms. */
export function docTerms(doc: SearchDoc, table: AliasTable): { terms: Set<string>; mentioned: string[] } {
  const terms = new Set<string>();
  const mentioned = new Set<string>();
  const parts = [doc.title, doc.text, doc.extra];
  parts.forEach((part, i) => {
    const words = tokenize(part);
    const seen = new Set<string>();
    for (const w of words) {
      if (seen.has(w.folded)) continue;
      seen.add(w.folded);
      for (const t of wordIndexTerms(w.folded)) terms.add(t);
    }
    for (const m of findMentions(words, table)) {
      terms.add(actorTerm(m.id));
      if (i < 2) mentioned.add(m.id); // names of the outlet or of unlinked people are not actors of the entry
    }
  });
  if (doc.actor) terms.add(actorTerm(doc.actor));
  if (doc.date) {
    terms.add(dateTerm(doc.date.slice(0, 4)));
    terms.add(dateTerm(doc.date.slice(0, 7)));
    terms.add(monthTerm(doc.date.slice(5, 7)));
  }
  return { terms, mentioned: [...mentioned] };
}

/** Pagefind's language for the records: not "ar", so Pagefind adds no stemming of its own (src/search/records.ts). */
export const RECORD_LANGUAGE = INDEX_LANGUAGE;

/** What the build writes: Pagefind records, the manifest the page inlines, the vocabulary files. */
export interface BuiltSearch {
  records: CustomRecord[];
  manifest: SearchManifest;
  /** search-data/ files: v/<cp>.json (the vocabulary for suggestions) and manifest.json. */
  files: Map<string, string>;
}

/**
 * The Pagefind records of `docs` (entries first, numbered oldest first; then actor pages): content is the
 * document's terms (docTerms: exact, light, actor and date terms, each once), filters come from
 * the frontmatter (and the actors the text names); a record's place in the list is its number n. What a
 * result shows, the original text included (excerpts are cut from it), goes to d/<n>.json.
 */
export function buildSearchRecords(docs: SearchDoc[], table: AliasTable): BuiltSearch {
  const entries = docs
    .filter((d) => d.kind === 'entry')
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path));
  const ordered = [...entries, ...docs.filter((d) => d.kind === 'actor')];
  const filters: Record<string, Record<string, number>> = { actor: {}, outlet: {}, year: {}, month: {}, person: {} };
  const vocab = new Map<string, { written: Map<string, number>; docs: number }>();
  const files = new Map<string, string>();
  const records: CustomRecord[] = [];
  ordered.forEach((doc, n) => {
    const { terms, mentioned } = docTerms(doc, table);
    let recordFilters: Record<string, string[]> = {};
    if (doc.kind === 'entry') {
      recordFilters = { ...doc.filters, actor: [...new Set([...(doc.filters.actor ?? []), ...mentioned])] };
      for (const [key, values] of Object.entries(recordFilters)) {
        for (const v of values) (filters[key] ??= {})[v] = ((filters[key] ??= {})[v] ?? 0) + 1;
      }
      for (const [key, values] of Object.entries(recordFilters)) if (!values.length) delete recordFilters[key];
      // The vocabulary of suggestions: words as the texts write them.
      const seen = new Set<string>();
      // (The parts' token lists are the ones docTerms made: tokenize remembers its last texts.)
      for (const w of [doc.title, doc.text, doc.extra].flatMap((part) => tokenize(part))) {
        if (w.folded.length < 3 || /^\d+$/.test(w.folded)) continue;
        for (const r of readingsOf(w.folded)) {
          if (!r.bare || r.stem.length < 3) continue;
          let v = vocab.get(r.stem);
          if (!v) vocab.set(r.stem, (v = { written: new Map(), docs: 0 }));
          const written = r.stem === w.folded ? w.text : w.text.slice(w.text.length - r.stem.length);
          if (r.stem === w.folded) v.written.set(written, (v.written.get(written) ?? 0) + 1);
          if (!seen.has(r.stem)) {
            seen.add(r.stem);
            v.docs++;
          }
        }
      }
    }
    // What a result shows goes into search-data/d/<n>.json, not the record's meta: Pagefind (1.6) indexes
    // every meta field for searching as well (measured: the original text in meta made writing the index
    // about half again as slow), and the page needs only the text to cut an excerpt from.
    const shown: SearchFragment = { kind: doc.kind, url: doc.path, title: doc.title, text: doc.text };
    if (doc.date) shown.date = doc.date;
    if (doc.outlet) shown.outlet = doc.outlet;
    if (doc.source) shown.source = doc.source;
    if (doc.actor) shown.actor = doc.actor;
    files.set(docFile(n), JSON.stringify(shown));
    records.push({
      url: `/${doc.path}`,
      content: [...terms].join(' '),
      language: RECORD_LANGUAGE,
      filters: recordFilters,
      // No sort key: the page numbers records by Pagefind's listing, the order they were added in
      // (files.ts listingChecksum). A sort key would cost every query about 24 KB of metadata at 10,000.
    });
  });
  for (const [, names] of table.spellings) {
    for (const w of names) if (w.length >= 3 && /^[\u0621-\u064A]+$/.test(w) && !vocab.has(w)) vocab.set(w, { written: new Map(), docs: 0 });
  }
  const byLetter = new Map<number, Array<[string, string, number]>>();
  for (const [stem, v] of vocab) {
    const written = [...v.written].sort((a, b) => b[1] - a[1])[0]?.[0] ?? stem;
    const cp = stem.codePointAt(0)!;
    (byLetter.get(cp) ?? byLetter.set(cp, []).get(cp)!).push([stem, written, v.docs]);
  }
  for (const [cp, list] of byLetter) files.set(`v/${cp}.json`, JSON.stringify(list.sort((a, b) => b[2] - a[2])));

  const build = crypto.createHash('sha256');
  for (const r of records) build.update(JSON.stringify(r));
  for (const [p, c] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) build.update(p).update(c);
  const manifest: SearchManifest = {
    version: 2,
    build: build.digest('hex').slice(0, 12),
    entries: entries.length,
    docs: ordered.length,
    vocab: [...byLetter.keys()].sort((a, b) => a - b),
    filters,
  };
  files.set('manifest.json', JSON.stringify(manifest));
  return { records, manifest, files };
}

/**
 * Write the search into the build folder `outDir`: the Pagefind bundle (writePagefindBundle) and
 * search-data/ (writeSearchData), replacing what was there.
 */
export async function writeSearchIndex(built: BuiltSearch, outDir: string, dirs = { pagefind: 'pagefind', data: 'search-data' }): Promise<void> {
  await writePagefindBundle(built, path.join(outDir, dirs.pagefind));
  writeSearchData(built, path.join(outDir, dirs.data));
}

/**
 * The Pagefind bundle of the records, into `bundle` (through Pagefind's Node API: createIndex,
 * addCustomRecord, writeFiles); then its ids in n order, and their checksum, go into the search-data files
 * (search-data/ids.json and order.json, written by writeSearchData after this).
 */
export async function writePagefindBundle(built: BuiltSearch, bundle: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    // In batches: the records go to Pagefind's service over a pipe, many at a time.
    for (let i = 0; i < built.records.length; i += 64) {
      await Promise.all(
        built.records.slice(i, i + 64).map(async (record) => {
          const res = await index.addCustomRecord(record);
          if (res.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${res.errors.join('; ')}`);
        }),
      );
    }
    fs.rmSync(bundle, { recursive: true, force: true });
    const res = await index.writeFiles({ outputPath: bundle });
    if (res.errors.length) throw new Error(`Pagefind could not write ${bundle}: ${res.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const ids = pagefindIds(built, bundle);
  const order: SearchOrder = { build: built.manifest.build, ids: listingChecksum(ids) };
  built.files.set(ORDER_FILE, JSON.stringify(order));
  built.files.set(IDS_FILE, JSON.stringify(ids));
}

/**
 * The Pagefind id of each record, in the records' order (n): a result's id is the name of its fragment
 * file (fragment/<id>.pf_fragment: gzip of "pagefind_dcd" and JSON holding the record's url).
 */
export function pagefindIds(built: BuiltSearch, bundle: string): string[] {
  const idOfUrl = new Map<string, string>();
  const dir = path.join(bundle, 'fragment');
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.pf_fragment')) continue;
    const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, file))).toString('utf8');
    const json = text.slice(text.indexOf('{'));
    idOfUrl.set((JSON.parse(json) as { url: string }).url, file.slice(0, -'.pf_fragment'.length));
  }
  return built.records.map((r) => {
    const id = idOfUrl.get(r.url);
    if (!id) throw new Error(`Pagefind wrote no fragment for ${r.url} in ${dir}`);
    return id;
  });
}

/** search-data/ (vocabulary, manifest, what each result shows) into `data`. */
export function writeSearchData(built: BuiltSearch, data: string): void {
  fs.rmSync(data, { recursive: true, force: true });
  for (const dir of new Set([...built.files.keys()].map((p) => path.dirname(p)))) fs.mkdirSync(path.join(data, dir), { recursive: true });
  for (const [p, c] of built.files) {
    const stored = storedFile(p);
    fs.writeFileSync(path.join(data, stored), stored === p ? c : zlib.gzipSync(c, { level: 9 }));
  }
}

/**
 * The same records answered in memory, the way Pagefind answers them (a key: the records holding a term it
 * begins; filters: every one must hold): for tests of the engine without a browser. Node or browser.
 */
export function memoryBackend(built: BuiltSearch): SearchBackend {
  const byTerm = new Map<string, number[]>();
  built.records.forEach((r, n) => {
    for (const t of r.content.split(' ')) (byTerm.get(t) ?? byTerm.set(t, []).get(t)!).push(n);
  });
  // The terms in order: the ones a key begins stand together, found by binary search (Pagefind's prefix search).
  let sorted: string[] | undefined;
  const docs = async (key: string) => {
    sorted ??= [...byTerm.keys()].sort();
    let lo = 0;
    for (let hi = sorted.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<number>();
    for (let i = lo; i < sorted.length && keyFinds(key, sorted[i]!); i++) for (const n of byTerm.get(sorted[i]!)!) out.add(n);
    return [...out].sort((a, b) => a - b);
  };
  return {
    docs,
    keep: async (filters) =>
      built.records.flatMap((r, n) => (Object.entries(filters).every(([k, v]) => r.filters?.[k]?.includes(v)) ? [n] : [])),
    fragment: async (n) => JSON.parse(built.files.get(docFile(n)) ?? 'null') as SearchFragment,
    vocab: async (cp) => JSON.parse(built.files.get(`v/${cp}.json`) ?? '[]'),
  };
}
