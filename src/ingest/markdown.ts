/**
 * Stage: the body as an mdast tree, printed with remark. Every piece of the article is a text
 * node, so nothing a source says (<script>, [x](javascript:…), "# ", "|") can become markup:
 * remark-stringify escapes it.
 */
import type { Heading, Paragraph, Root } from 'mdast';
import type { Options as ToMarkdownOptions, Unsafe } from 'mdast-util-to-markdown';
import { remark } from 'remark';
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

/**
 * The site parses Markdown with GFM, where "~~x~~" is strike-through; plain remark does not know
 * that construct, so this pattern (the one GFM's serializer uses) makes it escape "~" too.
 * (GFM also links bare "https://…", "www.…" and "a@b.c" after parsing, from the text itself, so
 * no escaping can stop that; it never makes a javascript: link.)
 */
const GFM_UNSAFE: Unsafe[] = [{ character: '~', inConstruct: 'phrasing', notInConstruct: ['autolink', 'link', 'image', 'label'] }];

export function bodyMarkdown(body: BodyLine[]): string {
  const extension: ToMarkdownOptions = { unsafe: GFM_UNSAFE };
  const processor = remark().data('toMarkdownExtensions', [extension]);
  return processor.stringify(bodyTree(body));
}
