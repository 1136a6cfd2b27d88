/**
 * The site's Markdown processor (src/lib/entry-html.ts): a body of plain one-line paragraphs is rendered
 * without the unified pipeline, and must come out exactly as the pipeline renders it; any other body
 * goes through the pipeline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryFile } from '../../src/ingest/pipeline.ts';
import { isPlainLine } from '../../src/ingest/markdown.ts';
import { ENTRY_MARKDOWN_OPTIONS, plainBodyHtml } from '../../src/lib/entry-html.ts';
import { ledeFromMarkdown } from '../../src/lib/exports.ts';
import { remark } from 'remark';
import { toString } from 'mdast-util-to-string';
import { entryFromText, ROOT } from './ingest/helpers.ts';

const pipeline = createMarkdownProcessor({ ...ENTRY_MARKDOWN_OPTIONS, syntaxHighlight: false });
const render = async (body: string) => {
  const { code, metadata } = await (await pipeline).render(body);
  return { html: code, headings: metadata.headings };
};

describe('plain bodies rendered without the pipeline', () => {
  it('gives the pipeline’s HTML for every plain body the dev corpus’s articles make', async () => {
    const dir = path.join(ROOT, 'tests/corpus/articles');
    let plain = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      let body: string;
      try {
        const md = entryFile(entryFromText(fs.readFileSync(path.join(dir, file), 'utf8'), file));
        body = md.slice(md.indexOf('\n---\n', 4) + 5);
      } catch {
        continue; // refused articles make no entry
      }
      const fast = plainBodyHtml(body);
      if (fast === null) continue;
      plain++;
      expect(fast, file).toEqual(await render(body));
    }
    expect(plain).toBeGreaterThan(20);
  });

  it('gives the pipeline’s HTML for random plain bodies', async () => {
    const chars = [...'ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى0123456789٠١٢٣٤٥٦٧٨٩ ،؛؟!.,"\'()«»%/؛:-ـًٌٍَُِّْ'];
    const line = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 60 }).map((a) => a.join('')).filter(isPlainLine);
    await fc.assert(
      // Each block a paragraph or a heading; the same heading twice gets a numbered id.
      fc.asyncProperty(fc.array(fc.tuple(line, fc.boolean()), { minLength: 1, maxLength: 6 }), fc.boolean(), async (blocks, twice) => {
        const lines = blocks.map(([text, heading]) => (heading ? `## ${text}` : text));
        if (twice) lines.push(lines[0]!);
        const body = `${lines.join('\n\n')}\n`;
        expect(plainBodyHtml(body)).toEqual(await render(body));
        // The lede (the first paragraph's text) is read without parsing too, and must be what remark reads.
        const first = remark().parse(body).children.find((n) => n.type === 'paragraph');
        expect(ledeFromMarkdown(body)).toBe(toString(first).replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 300 },
    );
  });

  it('leaves other headings, markup, several lines in a block and empty bodies to the pipeline', () => {
    for (const body of ['### عنوان\n\nنص\n', '## عنوان <i>مائل</i>\n', 'نص <b>غامق</b>\n', 'سطر أول\nسطر ثان\n', '', '\n', 'see www.example.com\n', '1. بند\n']) {
      expect(plainBodyHtml(body), JSON.stringify(body)).toBeNull();
    }
  });
});
