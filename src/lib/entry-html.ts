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
import { unified } from '@astrojs/markdown-remark';
import GithubSlugger from 'github-slugger';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { plainBlocks } from '../ingest/markdown.ts';

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

/** A heading of the body as Astro's renderer reports it (its metadata.headings). */
export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * The HTML of a body made only of plain one-line blocks (src/ingest/markdown.ts isPlainLine: text GFM reads
 * back as itself, with no character HTML escapes), each a paragraph or a "## " heading, which is what the
 * ingest writes for most articles: rendered as the unified pipeline renders it (a property test holds the
 * two equal) without parsing it: <p>, or <h2> with rehype-slug's id (github-slugger, one per body).
 * Null for any other body.
 */
export function plainBodyHtml(body: string): { html: string; headings: BodyHeading[] } | null {
  const blocks = plainBlocks(body);
  if (!blocks) return null;
  const headings: BodyHeading[] = [];
  let slugger: GithubSlugger | undefined;
  const html = blocks.map(({ text, heading }) => {
    if (!heading) return `<p>${text}</p>`;
    const slug = (slugger ??= new GithubSlugger()).slug(text);
    headings.push({ depth: 2, slug, text });
    return `<h2 id="${slug}">${text}</h2>`;
  });
  return { html: html.join('\n'), headings };
}

/**
 * astro.config.ts's Markdown processor: Astro's unified processor with ENTRY_MARKDOWN_OPTIONS, except
 * that a plain body (plainBodyHtml) is rendered without it: the content sync renders every entry, and
 * remark, rehype-sanitize and rehype-slug cost most of that time.
 */
export function entryMarkdownProcessor(): ReturnType<typeof unified> {
  const processor = unified(ENTRY_MARKDOWN_OPTIONS);
  return {
    ...processor,
    async createRenderer(shared) {
      const renderer = await processor.createRenderer(shared);
      return {
        async render(content, opts) {
          const plain = plainBodyHtml(content);
          if (plain === null) return renderer.render(content, opts);
          return { code: plain.html, metadata: { headings: plain.headings, localImagePaths: [], remoteImagePaths: [], frontmatter: opts?.frontmatter ?? {} } };
        },
      };
    },
  };
}
