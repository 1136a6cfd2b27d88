/**
 * Stage: the body as an mdast tree, printed with remark in the dialect the site parses: GFM, with
 * remark-gfm's own serialiser (astro.config.ts renders entries with remark-gfm too). Every piece of
 * the article is a text node, so nothing a source says (<script>, [x](javascript:…), "# ", "|", "~~",
 * a tag right after a web address) can become markup: the serialiser escapes each character the way
 * the GFM parser reads it back, including inside what GFM takes for a bare URL literal, where plain
 * CommonMark escaping (a "\" before "<") is swallowed into the address.
 *
 * Every "www." is printed "www\." (a plain dot when read back), so GFM's tokenizer starts no URL literal
 * there: inside one, the serialiser's escapes were read back wrongly ("www.`" came back "www.\`",
 * "www.&amp;" came back "www.&"). GFM still links bare "https://…", "www.…" and "a@b.c" after parsing,
 * from the text itself; that keeps the text whole and never makes a javascript: link. The site
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

/**
 * "www." in any letter case. GFM starts a URL literal there after a space, a line start or one of * _ ~ ( [ ];
 * escaping every one is simpler and as safe: a "\." always reads back as a plain dot.
 */
const WWW_LITERAL = /(www)\./giu;

/** The body printed by remark-gfm itself, bare "www." escaped (what bodyMarkdown must equal; the tests compare the two). */
export function remarkMarkdown(body: BodyLine[]): string {
  return processor.stringify(bodyTree(body)).replace(WWW_LITERAL, '$1\\.');
}

/**
 * A line remark-gfm prints as it is: letters (not ASCII ones: GFM's autolink rules look at [A-Za-z] around
 * "." ":" "@"), marks, digits, inner spaces and punctuation that no GFM rule escapes in the middle of a line;
 * not starting with digits and "." or ")" (a list item), "-" or ":" (a list, a table's delimiter row), nor
 * starting or ending with a space. Anything else
 * (# * _ [ ] < > & | ~ ` \ = + @, Latin letters, tabs, other spaces) goes through remark.
 */
const PLAIN_LINE = /^(?![\d]+[.)])[^\s\p{C}A-Za-z#*_[\]<>&|~`\\=+@\-:](?:[^\p{C}A-Za-z#*_[\]<>&|~`\\=+@\t\n\r\f\v\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^\s\p{C}A-Za-z#*_[\]<>&|~`\\=+@])?$/u;

/** True when remark-gfm would print this line's text unchanged (so the body can be joined without it). */
export function isPlainLine(text: string): boolean {
  return PLAIN_LINE.test(text);
}

/**
 * The body as Markdown. Most article lines are plain words and punctuation that remark prints unchanged:
 * for a body of only such lines the blocks are joined as remark joins them (a blank line between blocks,
 * "## " before a heading, a final newline), which costs a regex per line instead of a serialiser run.
 * Any other body goes through remark-gfm whole.
 */
export function bodyMarkdown(body: BodyLine[]): string {
  if (body.length === 0 || !body.every((b) => isPlainLine(b.text))) return remarkMarkdown(body);
  return `${body.map((b) => (b.heading ? `## ${b.text}` : b.text)).join('\n\n')}\n`;
}

/**
 * The blocks of a body that is only plain one-line blocks, paragraphs and "## " headings (what bodyMarkdown
 * writes for most articles), read back without a parser; null for any other body. The one place the site's
 * fast paths (rendering, ledes, search text) decide that a body needs no Markdown parser.
 */
export function plainBlocks(body: string): Array<{ text: string; heading: boolean }> | null {
  const blocks = body.replace(/^\n+|\n+$/g, '').split(/\n\n+/);
  if (!blocks[0]) return null;
  const out: Array<{ text: string; heading: boolean }> = [];
  for (const block of blocks) {
    const heading = block.startsWith('## ');
    const text = heading ? block.slice(3) : block;
    if (!isPlainLine(text)) return null;
    out.push({ text, heading });
  }
  return out;
}
