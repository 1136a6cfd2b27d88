/**
 * The search index, built from the entries' DATA (content/entries/*.md: frontmatter and article text),
 * content/actors.yaml and content/outlets.yaml, with the shared tokenizer and name matcher (src/text/) —
 * never from built HTML. Node only.
 *
 * Output (search-data/ in the build folder):
 *   manifest.json   counts, bucket count, filter values with counts, vocabulary letters, build hash;
 *   b/<n>.json      bucket n: { term: postings } for every term whose key (src/search/query.ts termKey)
 *                   hashes to n, so a word and every word it begins share one file;
 *   f/<n>.json      document n's fragment: what a result shows (title, date, outlet, text for the excerpt);
 *   v/<cp>.json     words of the index's vocabulary that begin with the letter cp: [folded, as written, count],
 *                   for "did you mean" (fetched only when nothing matches).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { remark } from 'remark';
import YAML from 'yaml';
import { readingsOf, tokenize } from '../text/tokens.ts';
import {
  bucketOf, dateTerm, encodePostings, filterTerm, monthTerm, termKey, wordIndexTerms,
  type SearchFragment, type SearchManifest,
} from './query.ts';
import { actorTerm, findMentions, type ActorSpellings, type AliasTable } from './terms.ts';

/** One searchable document, before indexing. */
export interface SearchDoc {
  kind: 'entry' | 'actor';
  /** Site path without the base ("entries/x/"); the page adds its base. */
  path: string;
  title: string;
  /** The original text readers see (the excerpt is cut from it): the article text, without the headline. */
  text: string;
  /** Searchable too, never shown as an excerpt: the outlet's and via's names, unlinked people and roles. */
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

/** Plain text of a Markdown body: paragraphs as lines, no markup. */
export function markdownText(body: string): string {
  const tree = remark().parse(body);
  const lines: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }, into: string[]) => {
    if (node.type === 'text' || node.type === 'inlineCode') into.push(node.value ?? '');
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
      };
      const id = file.replace(/\.md$/, '');
      const people = d.people ?? [];
      const outletLabel = `${d.outlet ?? 'مصدر غير معروف'}${d.via ? `، نقلًا عن ${d.via}` : ''}`;
      const extra = [
        ...(d.outlet ? outletNames(d.outlet, outlets) : []),
        ...(d.via ? outletNames(d.via, outlets) : []),
        ...people.flatMap((p) => [p.name, p.role ?? '']),
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
    for (const w of words) for (const t of wordIndexTerms(w.folded)) terms.add(t);
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

/** Aim for buckets of about this many bytes (a query fetches one per distinct key). */
const BUCKET_BYTES = 24_000;
/** Up to this size (UTF-16 bytes, about twice the UTF-8 size of Arabic), all fragments go in one file. */
const ONE_FILE_BYTES = 160_000;

/**
 * Build the index files for `docs` (entries first; they are numbered oldest first). Returns the files as
 * path → content, relative to search-data/.
 */
export function buildSearchIndex(docs: SearchDoc[], table: AliasTable): Map<string, string> {
  const entries = docs
    .filter((d) => d.kind === 'entry')
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path));
  const ordered = [...entries, ...docs.filter((d) => d.kind === 'actor')];
  const postings = new Map<string, number[]>();
  const add = (term: string, n: number) => {
    const list = postings.get(term);
    if (!list) postings.set(term, [n]);
    else if (list.at(-1) !== n) list.push(n);
  };
  const filters: Record<string, Record<string, number>> = { actor: {}, outlet: {}, year: {}, month: {}, person: {} };
  const vocab = new Map<string, { written: Map<string, number>; docs: number }>();
  const files = new Map<string, string>();
  const fragments: SearchFragment[] = [];
  ordered.forEach((doc, n) => {
    const { terms, mentioned } = docTerms(doc, table);
    if (doc.kind === 'entry') {
      const f = { ...doc.filters, actor: [...new Set([...(doc.filters.actor ?? []), ...mentioned])] };
      for (const [key, values] of Object.entries(f)) {
        for (const v of values) {
          terms.add(filterTerm(key, v));
          (filters[key] ??= {})[v] = ((filters[key] ??= {})[v] ?? 0) + 1;
        }
      }
      // The vocabulary of suggestions: words as the texts write them.
      const seen = new Set<string>();
      for (const w of tokenize(`${doc.title}\n${doc.text}\n${doc.extra}`)) {
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
    for (const t of terms) add(t, n);
    const frag: SearchFragment = {
      kind: doc.kind,
      url: doc.path,
      title: doc.title,
      text: doc.text,
      ...(doc.date ? { date: doc.date } : {}),
      ...(doc.outlet ? { outlet: doc.outlet } : {}),
      ...(doc.source ? { source: doc.source } : {}),
      ...(doc.actor ? { actor: doc.actor } : {}),
    };
    fragments.push(frag);
  });
  // A small site's fragments are one file (one request for every result); a large one's, one file each.
  const fragmentBytes = fragments.reduce((a, f) => a + JSON.stringify(f).length * 2, 0);
  const oneFile = fragmentBytes <= ONE_FILE_BYTES;
  if (oneFile) files.set('f/all.json', JSON.stringify(fragments));
  else fragments.forEach((f, n) => files.set(`f/${n}.json`, JSON.stringify(f)));
  for (const [, names] of table.spellings) {
    for (const w of names) if (w.length >= 3 && /^[\u0621-\u064A]+$/.test(w) && !vocab.has(w)) vocab.set(w, { written: new Map(), docs: 0 });
  }

  // Buckets: terms grouped by key, keys spread over enough buckets to keep each small.
  let bytes = 0;
  for (const [t, ids] of postings) bytes += t.length * 2 + ids.length * 2 + 6;
  const buckets = Math.max(1, Math.ceil(bytes / BUCKET_BYTES));
  const byBucket: Array<Record<string, string>> = Array.from({ length: buckets }, () => ({}));
  for (const [t, ids] of [...postings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    byBucket[bucketOf(termKey(t), buckets)]![t] = encodePostings(ids);
  }
  byBucket.forEach((b, i) => files.set(`b/${i}.json`, JSON.stringify(b)));

  const byLetter = new Map<number, Array<[string, string, number]>>();
  for (const [stem, v] of vocab) {
    const written = [...v.written].sort((a, b) => b[1] - a[1])[0]?.[0] ?? stem;
    const cp = stem.codePointAt(0)!;
    (byLetter.get(cp) ?? byLetter.set(cp, []).get(cp)!).push([stem, written, v.docs]);
  }
  for (const [cp, list] of byLetter) files.set(`v/${cp}.json`, JSON.stringify(list.sort((a, b) => b[2] - a[2])));

  const build = crypto.createHash('sha256');
  for (const [p, c] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) build.update(p).update(c);
  const manifest: SearchManifest = {
    version: 1,
    build: build.digest('hex').slice(0, 12),
    entries: entries.length,
    docs: ordered.length,
    buckets,
    fragments: oneFile ? 'one' : 'each',
    vocab: [...byLetter.keys()].sort((a, b) => a - b),
    filters,
  };
  files.set('manifest.json', JSON.stringify(manifest));
  return files;
}

/** Write the index files into `outDir` (replacing what was there). */
export function writeSearchIndex(files: Map<string, string>, outDir: string): void {
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const sub of ['b', 'f', 'v']) fs.mkdirSync(path.join(outDir, sub), { recursive: true });
  for (const [p, c] of files) fs.writeFileSync(path.join(outDir, p), c);
}
