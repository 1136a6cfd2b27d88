import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { ENTRY_MARKDOWN_OPTIONS } from '../../../src/lib/entry-html.ts';
import fc from 'fast-check';
import { bodyMarkdown, isPlainLine, plainBlocks, remarkMarkdown } from '../../../src/ingest/markdown.ts';
import { FIXTURES, entryFromText, seedEntry } from './helpers.ts';

/** Render Markdown the way the site does (src/lib/entry-html.ts: GFM, raw HTML dropped, sanitised, rehype-slug). */
/** GFM links bare web addresses from the parsed text (see src/ingest/markdown.ts); drop those to look at the rest. */
const withoutWebAutolinks = (html: string) => html.replace(/<a href="https?:\/\/[^"]*">[^<]*<\/a>/g, '');

async function renderLikeTheSite(markdown: string): Promise<string> {
  const processor = await createMarkdownProcessor({ ...ENTRY_MARKDOWN_OPTIONS, syntaxHighlight: false });
  return (await processor.render(markdown)).code;
}

const HOSTILE = [
  '<script>alert(1)</script> نص',
  '[اضغط هنا](javascript:alert(document.cookie)) للمزيد.',
  '<img src=x onerror=alert(1)> صورة',
  '# ليس عنوانا',
  '* ليست قائمة',
  '| ليس | جدولاً |',
  '|---|---|',
  '> ليس اقتباسا',
  '1. ليس تعدادا',
  '---',
  '&lt;script&gt; و &amp; و `رمز` و **عريض** و _مائل_ و ~~شطب~~ و ![صورة](x.png) و <https://example.com>',
  '<a href="javascript:alert(1)">رابط</a> و <iframe src="javascript:alert(1)"></iframe>',
  '<!-- تعليق --> و <style>body{}</style>',
];

describe('the body as an mdast tree printed with remark', () => {
  it('parses back to the same paragraphs and headings of plain text, whatever the source says', () => {
    const lines = HOSTILE.map((text, i) => ({ no: i + 1, text, heading: false }));
    const md = bodyMarkdown([...lines, { no: 99, text: 'عنوان فرعي', heading: true }]);
    const tree = remark().parse(md);
    expect(tree.children.map((c) => c.type)).toEqual([...HOSTILE.map(() => 'paragraph'), 'heading']);
    for (const [i, node] of tree.children.entries()) {
      const children = (node as { children: { type: string; value?: string }[] }).children;
      expect(children.map((c) => c.type)).toEqual(['text']);
      expect(children[0]!.value).toBe(i < HOSTILE.length ? HOSTILE[i] : 'عنوان فرعي');
    }
  });

  it('renders on the site as text: no script, link, image, table, list or quote from a source', async () => {
    const md = bodyMarkdown(HOSTILE.map((text, i) => ({ no: i + 1, text, heading: false })));
    const html = withoutWebAutolinks(await renderLikeTheSite(md));
    expect(html).not.toMatch(/<(script|img|a|iframe|table|ul|ol|li|blockquote|h\d|hr|code|strong|em|del|style)\b/i);
    expect(html).not.toMatch(/<!--/);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> نص');
    expect(html).toContain('javascript:alert(document.cookie)'); // as words, not as a link
    expect((html.match(/<p>/g) ?? []).length).toBe(HOSTILE.length);
  });

  it('a bare web address may become a link through the site’s GFM, never a script link', async () => {
    const html = await renderLikeTheSite(bodyMarkdown([{ no: 1, text: 'المصدر www.example.com و javascript:alert(1) و data:text/html,x', heading: false }]));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['http://www.example.com']);
  });
  it('prints a bare www. so it reads back as written (no URL literal to swallow the escapes)', () => {
    for (const text of ['www.&amp;', 'انظر www.`x`', '(WWW.example.com) و *www.a*', 'awww.b', 'نص \\www.']) {
      const md = bodyMarkdown([{ no: 1, text, heading: false }]);
      expect(toString(remark().use(remarkGfm).parse(md)), md).toBe(text);
    }
  });

  it('the markup fixture seed (CRLF line ends) becomes a safe entry', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'injection/markup.txt'), 'utf8');
    expect(text).toContain('\r\n');
    const e = entryFromText(text, 'markup.txt');
    expect(e.frontmatter.title).toBe('عنوان فيه <script>alert(1)</script> و[رابط](javascript:alert(1))');
    const html = withoutWebAutolinks(await renderLikeTheSite(e.body));
    expect(html).not.toMatch(/<(script|img|a|table|ul|ol|blockquote|h\d|hr|code|strong|em)\b/i);
    expect(html).toContain('javascript:alert(document.cookie)');
  });

  it('each seed’s body renders as its paragraphs (and 004’s subheading), nothing else', async () => {
    const expected: Record<string, [number, number]> = { '000': [6, 0], '001': [14, 0], '002': [7, 0], '003': [17, 0], '004': [8, 1] };
    for (const [p, [paragraphs, headings]] of Object.entries(expected)) {
      const html = await renderLikeTheSite(seedEntry(p).body);
      expect((html.match(/<p>/g) ?? []).length, p).toBe(paragraphs);
      expect((html.match(/<h2\b/g) ?? []).length, p).toBe(headings);
      expect(html.replace(/<\/?(p|h2)( id="[^"]*")?>/g, ''), p).not.toMatch(/<[a-z]/i);
    }
  });

  it('seed 004’s subheading is a level-2 heading on the page', async () => {
    const html = await renderLikeTheSite(seedEntry('004').body);
    expect(html).toMatch(/<h2 id="[^"]+">مباحثات بين وزيري دفاع كوريا الشمالية وروسيا<\/h2>/);
  });
});

describe('plain lines joined without the serialiser', () => {
  // Characters around every GFM escape rule: line starts, list and table marks, autolink neighbours, spaces.
  // Mostly characters the short way accepts, so that many bodies take it; now and then one it must refuse.
  const COMMON = ['ب', 'ا', 'ل', 'ً', '١', '1', '9', ' ', '  ', '.', ')', '(', '-', ':', '/', '،', '؛', '؟', '«', '»', '"', "'", '!', '?', '%', ',', '—', '…', '$', '^', '{', '}'];
  const RARE = ['#', '*', '_', '[', ']', '<', '>', '&', '|', '~', '`', '\\', '=', '+', '@', 'w', 'W', 'p', 's', 'a', '\u00A0', '\t', '\u200F'];
  const char = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.constantFrom(...RARE) });
  const line = fc.array(char, { minLength: 1, maxLength: 10 }).map((a) => a.join(''));

  it('prints every body exactly as remark-gfm does', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text: line, heading: fc.boolean() }), { minLength: 1, maxLength: 3 }), (blocks) => {
        const body = blocks.map((b, i) => ({ no: i + 1, ...b }));
        expect(bodyMarkdown(body)).toBe(remarkMarkdown(body));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the short way for the usual article line, and never for markup', () => {
    expect(isPlainLine('وقال بيسكوف في مؤتمر صحفي: «العلاقات تشهد تطورا ملحوظا، ونحن نعمل على ذلك».')).toBe(true);
    expect(isPlainLine('في 13/9/2023 (رويترز) - 25% من الأصوات!')).toBe(true);
    for (const s of ['1. قائمة', '2) قائمة', '- قائمة', ':-- جدول', ' نص', 'نص ', '# عنوان', 'نص <b>', 'www.example.com', 'a@b', 'نص | نص', 'نص\tنص'])
      expect(isPlainLine(s), s).toBe(false);
  });
});

describe('plainBlocks', () => {
  it('reads back the blocks bodyMarkdown wrote from plain lines, and refuses anything a parser must read', () => {
    const body = [
      { no: 1, text: 'قال الكرملين إن المحادثات ستستمر.', heading: false },
      { no: 2, text: 'ردود الفعل', heading: true },
      { no: 3, text: 'وأضاف: «الأمر يتعلق بالتعاون».', heading: false },
    ];
    expect(plainBlocks(bodyMarkdown(body))).toEqual(body.map(({ text, heading }) => ({ text, heading })));
    for (const md of ['', '### عنوان\n', 'نص **غامق**\n', 'سطر\nثان\n', '    نص مزاح\n', '1. بند\n']) expect(plainBlocks(md), JSON.stringify(md)).toBeNull();
  });
});
