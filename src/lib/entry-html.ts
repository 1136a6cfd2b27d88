/**
 * How entry Markdown becomes HTML on the site, in one place: astro.config.ts gives these options to
 * Astro's unified processor, and the tests render with the very same options
 * (createMarkdownProcessor(ENTRY_MARKDOWN_OPTIONS)).
 *
 * - GFM, as the ingest prints bodies (src/ingest/markdown.ts, remark-gfm's serialiser).
 * - Raw HTML is never turned into elements: remark-rehype without allowDangerousHtml drops it, so an
 *   entry someone edits by hand cannot bring <script>, <meta http-equiv>, <iframe> or on*="" in.
 * - What Markdown itself makes is sanitised (rehype-sanitize) to a strict allow-list: text structure
 *   and links to http(s)/mailto only; no images (a request the page would make for the source), no
 *   ids or names from the text (rehype-slug adds heading ids afterwards, from the heading's words),
 *   no class, style or other attribute.
 */
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';

export const ENTRY_HTML_SCHEMA: SanitizeSchema = {
  strip: ['script', 'style'],
  clobberPrefix: 'user-content-',
  clobber: [],
  ancestors: defaultSchema.ancestors,
  tagNames: ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'del', 'code', 'pre', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  attributes: {
    a: ['href'],
    th: [['align', 'left', 'right', 'center']],
    td: [['align', 'left', 'right', 'center']],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  required: {},
};

/** The unified processor's options (astro.config.ts: `unified(ENTRY_MARKDOWN_OPTIONS)`). */
export const ENTRY_MARKDOWN_OPTIONS = {
  gfm: true,
  smartypants: false,
  remarkRehype: { allowDangerousHtml: false },
  rehypePlugins: [[rehypeSanitize, ENTRY_HTML_SCHEMA], rehypeSlug] as Array<[typeof rehypeSanitize, SanitizeSchema] | typeof rehypeSlug>,
};
