/**
 * Search records from built pages. A page declares what is searchable the way Pagefind reads it:
 *   data-pagefind-body     the searchable text (an entry's headline and article text; nothing else);
 *   data-pagefind-ignore   inside the body, left out (e.g. quoted claims shown twice);
 *   data-pagefind-meta     "key" (the element's text), "key:value" or "key[attr]", comma-separated;
 *   data-pagefind-filter   the same syntax, values collected into lists;
 *   data-pagefind-sort     the same syntax.
 * An actor page says which actor it is with data-pagefind-meta="actor:<id>"; its record is built from
 * the actor data (names, spellings, role), not from the page, which lists other entries' headlines.
 * Each record's content is the normalised term stream of src/search/terms.ts; the original text goes
 * into the record's meta (`text`), so excerpts are cut from what readers see.
 */
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { actorTerm, indexContent, mentionedActors, type AliasTable, type ActorSpellings } from './terms.ts';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The language code records are indexed under. Not "ar" on purpose: Pagefind would then apply its own
 * Arabic stemmer on top of ours (measured: it splits القمة from قمة and الكرملين from والكرملين). A page
 * in any language falls back to the only index there is.
 */
export const INDEX_LANGUAGE = 'und';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'td', 'th', 'tr', 'ul',
]);

/** Text of a node, with a line break around every block so words of two paragraphs never run together. */
function blockText(nodes: AnyNode[]): string {
  let out = '';
  const walk = (node: AnyNode) => {
    if (node.type === 'text') out += (node as unknown as { data: string }).data;
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const el = node as unknown as { name: string; attribs: Record<string, string>; children: AnyNode[] };
      if (el.name === 'script' || el.name === 'style' || el.name === 'template') return;
      if ('data-pagefind-ignore' in el.attribs) return;
      const block = BLOCK.has(el.name);
      if (block) out += '\n';
      el.children.forEach(walk);
      if (block) out += '\n';
    }
  };
  nodes.forEach(walk);
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Read Pagefind's attribute syntax ("key", "key:value", "key[attr]"; comma-separated) off one element. */
function readAttribute($: cheerio.CheerioAPI, el: AnyNode, attr: string): Array<[string, string]> {
  const spec = $(el).attr(attr) ?? '';
  const pairs: Array<[string, string]> = [];
  // Split on commas that start a new "key" / "key:" / "key[": values themselves may hold commas.
  for (const part of spec.split(/,(?=\s*[\w-]+\s*(?:[:[]|,|$))/)) {
    const item = part.trim();
    if (!item) continue;
    const literal = /^([\w-]+)\s*:(.*)$/s.exec(item);
    const fromAttr = /^([\w-]+)\[([\w-]+)\]$/.exec(item);
    if (literal) pairs.push([literal[1]!, literal[2]!.trim()]);
    else if (fromAttr) pairs.push([fromAttr[1]!, ($(el).attr(fromAttr[2]!) ?? '').trim()]);
    else pairs.push([item, blockText([el]).replace(/\n/g, ' ')]);
  }
  return pairs.filter(([, v]) => v !== '');
}

function collect($: cheerio.CheerioAPI, attr: string): Array<[string, string]> {
  return $(`[${attr}]`)
    .toArray()
    .flatMap((el) => readAttribute($, el, attr));
}

/** The site path of a built page (relative to the site's base): entries/x/index.html → /entries/x/. */
export function pagePath(relativeFile: string): string {
  const p = relativeFile.split('\\').join('/');
  if (p === 'index.html') return '/';
  if (p.endsWith('/index.html')) return `/${p.slice(0, -'index.html'.length)}`;
  return `/${p}`;
}

export class RecordError extends Error {}

/**
 * The record of one built page, or null when the page has nothing searchable (timeline, about, 404 …).
 * `file` is the page's path inside the build folder; errors name it.
 */
export function recordFromPage(
  html: string,
  file: string,
  table: AliasTable,
  actors: ActorSpellings[],
): SearchRecord | null {
  const $ = cheerio.load(html);
  const meta: Record<string, string> = {};
  for (const [k, v] of collect($, 'data-pagefind-meta')) meta[k] ??= v;
  const url = pagePath(file);

  if (meta.actor) {
    const actor = actors.find((a) => a.id === meta.actor);
    if (!actor) throw new RecordError(`${file}: data-pagefind-meta names actor "${meta.actor}", which content/actors.yaml lacks`);
    const role = (actor as { role_ar?: string }).role_ar ?? '';
    const spellings = [actor.name_ar, actor.name_en, ...(actor.variants ?? []), ...(actor.latin ?? [])];
    const text = [actor.name_ar, actor.name_en, role].filter(Boolean).join('\n');
    return {
      url,
      content: `${indexContent([...spellings, role].join('\n'), table)} ${actorTerm(actor.id)}`,
      language: INDEX_LANGUAGE,
      meta: { kind: 'actor', title: actor.name_ar, actor: actor.id, actor_kind: actor.kind, text },
      filters: {},
      sort: {},
    };
  }

  const bodies = $('[data-pagefind-body]').toArray();
  if (!bodies.length) return null;
  const text = blockText(bodies);
  if (!text) throw new RecordError(`${file}: data-pagefind-body holds no text`);
  const title = meta.title ?? blockText($('h1').toArray()).replace(/\n/g, ' ');
  if (!title) throw new RecordError(`${file}: no title (no h1 and no data-pagefind-meta="title")`);
  if (meta.date && !/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
    throw new RecordError(`${file}: data-pagefind-meta date "${meta.date}" is not YYYY-MM-DD`);
  }

  const filters: Record<string, string[]> = {};
  for (const [k, v] of collect($, 'data-pagefind-filter')) {
    const list = (filters[k] ??= []);
    if (!list.includes(v)) list.push(v);
  }
  if (!filters.actor) {
    const mentioned = mentionedActors(text, table);
    if (mentioned.length) filters.actor = mentioned;
  }
  if (!filters.year && meta.date) filters.year = [meta.date.slice(0, 4)];
  if (!filters.outlet && meta.outlet) filters.outlet = [meta.outlet];

  const sort: Record<string, string> = {};
  for (const [k, v] of collect($, 'data-pagefind-sort')) sort[k] ??= v;
  if (!sort.date && meta.date) sort.date = meta.date;

  // The headline is searched, and shown as the result's link; the excerpt comes from the rest.
  const lines = text.split('\n');
  const excerptText = lines[0] === title && lines.length > 1 ? lines.slice(1).join('\n') : text;
  return {
    url,
    content: indexContent(text, table),
    language: INDEX_LANGUAGE,
    meta: { kind: 'entry', ...meta, title, text: excerptText },
    filters,
    sort,
  };
}
