/**
 * Stage: the body as an mdast tree, printed with remark. Every piece of the article is a text
 * node, so nothing a source says (<script>, [x](javascript:…), "# ", "|") can become markup:
 * remark-stringify escapes it.
 */
import type { Heading, Paragraph, Root } from 'mdast';
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

export function bodyMarkdown(body: BodyLine[]): string {
  return remark().stringify(bodyTree(body));
}
