/**
 * Stage: the body as an mdast tree, printed with remark in the dialect the site parses: GFM, with
 * remark-gfm's own serialiser (astro.config.ts renders entries with remark-gfm too). Every piece of
 * the article is a text node, so nothing a source says (<script>, [x](javascript:…), "# ", "|", "~~",
 * a tag right after a web address) can become markup: the serialiser escapes each character the way
 * the GFM parser reads it back, including inside what GFM takes for a bare URL literal, where plain
 * CommonMark escaping (a "\" before "<") is swallowed into the address.
 *
 * GFM still links bare "https://…", "www.…" and "a@b.c" after parsing, from the text itself; no
 * escaping can stop that, it keeps the text whole, and it never makes a javascript: link. The site
 * sanitises entry HTML besides (astro.config.ts), so a hand-edited entry cannot inject markup either.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { BodyLine } from './boilerplate.ts';

export function bodyTree(body: BodyLine[]): Root {
  return {
    type: 'root',
    children: body.map((line): Heading | Paragraph =>
      line.heading
        ? { type: 'heading', depth: 2, children: [{ type: 'text', value: line.text }] }
        : { type: 'paragraph', children: [{ type: 'text', value: line.text }] },
    ),
  };
}

/** One processor for every body: parse and print with the GFM extensions, as the site parses. */
const processor = remark().use(remarkGfm).freeze();

export function bodyMarkdown(body: BodyLine[]): string {
  return processor.stringify(bodyTree(body));
}
