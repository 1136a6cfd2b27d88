/**
 * The Atom feed (RFC 4287) and an RSS 2.0 feed of the entries, written with a tiny XML writer whose
 * one escaping function every piece of text goes through (the `feed` package cannot mark a feed as
 * Arabic with xml:lang, and wraps titles in CDATA that a "]]>" in a headline would break).
 *
 * Deterministic: the feed's <updated> is the newest entry's, not the build time.
 */
import { dateIsPublication, outletLabel, sortEntries, urlFor, type ExportEntry, type SiteInfo } from './exports.ts';

// Characters XML 1.0 forbids anywhere, even escaped (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F).
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escape text for XML element content or a quoted attribute, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

type Attributes = Record<string, string | undefined>;
/** One element: text content (escaped), child elements, or nothing. */
type Node = { name: string; attrs?: Attributes; text?: string; children?: Node[] };

function el(name: string, attrs: Attributes | undefined, content?: string | Node[]): Node {
  return typeof content === 'string' ? { name, attrs, text: content } : { name, attrs, children: content };
}

function render(node: Node, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value as string)}"`)
    .join('');
  if (node.text !== undefined) return `${pad}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`;
  if (!node.children?.length) return `${pad}<${node.name}${attrs}/>`;
  return [`${pad}<${node.name}${attrs}>`, ...node.children.map((child) => render(child, depth + 1)), `${pad}</${node.name}>`].join('\n');
}

function xmlDocument(root: Node): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${render(root)}\n`;
}

/**
 * An entry for a feed: the export entry plus its rendered HTML body, when there is one: the HTML Astro's
 * Markdown processor made for the entry page, with raw HTML dropped and the rest sanitised to an
 * allow-list (src/lib/entry-html.ts), so a feed carries exactly the page's safe tree (escaped once more as XML).
 */
export interface FeedEntry extends ExportEntry {
  html?: string;
}

/** RFC 3339 timestamp of an entry: its publication time when the text gives one, else its date at 00:00 UTC. */
export function entryTimestamp(entry: ExportEntry): string {
  if (entry.data.published_at) {
    const published = new Date(entry.data.published_at);
    if (!Number.isNaN(published.getTime())) return published.toISOString();
  }
  return `${entry.data.date}T00:00:00Z`;
}

/**
 * How many entries a feed carries, the newest: a reader polls the feed for what is new, and a feed of every
 * entry (with its HTML) would grow with the corpus, megabytes at 10,000 entries. timeline.json has them all.
 */
export const FEED_MAX_ENTRIES = 50;

/** The newest FEED_MAX_ENTRIES entries, newest first, as feed readers expect. */
function newestFirst<T extends ExportEntry>(entries: readonly T[]): T[] {
  return sortEntries(entries).reverse().slice(0, FEED_MAX_ENTRIES);
}

export function buildAtomFeed(site: SiteInfo, entries: readonly FeedEntry[], actorName: (id: string) => string): string {
  const sorted = newestFirst(entries);
  const updated = entries.map(entryTimestamp).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const feed = el('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'ar' }, [
    el('id', undefined, site.home),
    el('title', { type: 'text' }, site.title),
    el('subtitle', { type: 'text' }, site.description),
    el('updated', undefined, updated),
    el('author', undefined, [el('name', undefined, site.title), el('uri', undefined, site.home)]),
    el('link', { rel: 'self', type: 'application/atom+xml', href: urlFor(site, 'feed.xml') }),
    el('link', { rel: 'alternate', type: 'text/html', href: site.home }),
    el('generator', undefined, 'Astro'),
    ...sorted.map((entry) =>
      el('entry', undefined, [
        el('id', undefined, entry.url),
        el('title', { type: 'text' }, entry.data.title),
        el('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
        el('updated', undefined, entryTimestamp(entry)),
        // Only a date the text states is a publication date; an event date is not claimed as one.
        ...(dateIsPublication(entry.data) ? [el('published', undefined, entryTimestamp(entry))] : []),
        // The article's author is its outlet, marked when the attribution is unconfirmed.
        el('author', undefined, [el('name', undefined, outletLabel(entry.data))]),
        ...[...entry.data.actors, ...entry.data.places, ...entry.data.organisations].map((id) =>
          el('category', { term: id, label: actorName(id) }),
        ),
        el('summary', { type: 'text' }, entry.summary),
        ...(entry.html ? [el('content', { type: 'html' }, entry.html)] : []),
      ]),
    ),
  ]);
  return xmlDocument(feed);
}

/** RFC 822 date for RSS. */
function rfc822(timestamp: string): string {
  return new Date(timestamp).toUTCString();
}

export function buildRssFeed(site: SiteInfo, entries: readonly FeedEntry[], actorName: (id: string) => string): string {
  const sorted = newestFirst(entries);
  const newest = entries.map(entryTimestamp).sort().at(-1);
  const rss = el('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' }, [
    el('channel', undefined, [
      el('title', undefined, site.title),
      el('link', undefined, site.home),
      el('description', undefined, site.description),
      el('language', undefined, 'ar'),
      ...(newest ? [el('lastBuildDate', undefined, rfc822(newest))] : []),
      el('atom:link', { href: urlFor(site, 'rss.xml'), rel: 'self', type: 'application/rss+xml' }),
      ...sorted.map((entry) =>
        el('item', undefined, [
          el('title', undefined, entry.data.title),
          el('link', undefined, entry.url),
          el('guid', { isPermaLink: 'true' }, entry.url),
          el('pubDate', undefined, rfc822(entryTimestamp(entry))),
          ...entry.data.actors.map((id) => el('category', undefined, actorName(id))),
          el('description', undefined, entry.summary),
        ]),
      ),
    ]),
  ]);
  return xmlDocument(rss);
}
