/**
 * Injection corpus and property tests: hostile text through the ingest (bodies, headlines, quotes) and
 * through the site's own Markdown processor (src/lib/entry-html.ts, the options astro.config.ts uses).
 * Nothing a source says may become an element, an attribute or a URL scheme the source asked for; text
 * after a web address stays whole.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { bodyMarkdown } from '../../../src/ingest/markdown.ts';
import { segmentLines } from '../../../src/ingest/segment.ts';
import { IngestError } from '../../../src/ingest/errors.ts';
import { ENTRY_MARKDOWN_OPTIONS } from '../../../src/lib/entry-html.ts';
import { entryFromText } from './helpers.ts';

let processor: Awaited<ReturnType<typeof createMarkdownProcessor>> | null = null;
/** Render Markdown exactly as the site does. */
async function renderLikeTheSite(markdown: string): Promise<string> {
  processor ??= await createMarkdownProcessor({ ...ENTRY_MARKDOWN_OPTIONS, syntaxHighlight: false });
  return (await processor.render(markdown)).code;
}

/** The elements and attributes allowed in an entry body's HTML. */
const ALLOWED_TAGS = new Set(['p', 'h2', 'a']);
/** Every element and attribute in rendered HTML that an entry body may not have. */
function liveMarkup(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  const found: string[] = [];
  $('*').each((_, el) => {
    const name = (el as { tagName: string }).tagName;
    if (!ALLOWED_TAGS.has(name)) found.push(`<${name}>`);
    for (const [attr, value] of Object.entries((el as { attribs: Record<string, string> }).attribs)) {
      if (name === 'a' && attr === 'href') {
        if (!/^(https?:|mailto:)/i.test(value)) found.push(`href=${value}`);
      } else if (!(name === 'h2' && attr === 'id')) found.push(`${name}[${attr}]`);
    }
  });
  if (/<!--/.test(html)) found.push('comment');
  return found;
}
/** The text a reader sees in rendered HTML. */
const visibleText = (html: string) => cheerio.load(html, null, false).root().text();

import { AFTER_URL, CLASSIC } from '../../fixtures/injection-shapes.ts';

describe('the injection corpus through the ingest and the site’s renderer', () => {
  const lines = [...AFTER_URL, ...CLASSIC].flatMap((t) => t.split('\n')).filter((t) => t.trim());

  it('each line stays one paragraph of the same text, and renders with no element or attribute from the source', async () => {
    for (const [i, text] of lines.entries()) {
      const md = bodyMarkdown([{ no: i + 1, text, heading: false }]);
      const tree = remark().use(remarkGfm).parse(md);
      expect(tree.children.map((c) => c.type), text).toEqual(['paragraph']);
      expect(toString(tree), text).toBe(text);
      const html = await renderLikeTheSite(md);
      expect(liveMarkup(html), text).toEqual([]);
      // Kept whole: the reader sees the line's words, characters after a web address included.
      expect(visibleText(html).trim(), text).toBe(text.trim());
    }
  });

  it('the redirect line of issue 12 keeps every character after the address and makes no <meta>', async () => {
    const line = AFTER_URL[0]!;
    const html = await renderLikeTheSite(bodyMarkdown([{ no: 1, text: line, heading: false }]));
    expect(html).not.toMatch(/<meta|<img|\\/);
    expect(visibleText(html)).toBe(line);
    const iframe = await renderLikeTheSite(bodyMarkdown([{ no: 1, text: AFTER_URL[4]!, heading: false }]));
    expect(visibleText(iframe)).toBe(AFTER_URL[4]);
  });

  it('a hand-edited entry cannot inject markup: raw HTML is dropped, unsafe links and images are removed', async () => {
    for (const md of CLASSIC) {
      const html = await renderLikeTheSite(md);
      expect(liveMarkup(html).filter((m) => !/^<(p|code|pre|ul|li|ol|strong|em|del|blockquote)>$/.test(m)), md).toEqual([]);
      expect(html, md).not.toMatch(/<(script|img|iframe|meta|base|link|style|svg|object|form|input|div|math|details|body|noscript)\b/i);
    }
  });

  it('hostile headlines and quotes become an entry whose title and claims are text', async () => {
    const e = entryFromText(
      [
        'https://example.com/<meta http-equiv="refresh" content="0;url=https://evil.example/"> <script>alert(1)</script> عنوان',
        'تاريخ النشر: 2024-01-05',
        'قال الرئيس فلاديمير بوتين: «<img src=x onerror=alert(1)> https://example.com/<b>نص</b>» في الكرملين.',
        'وأضاف أن https://example.com/</iframe><svg onload=alert(1)> سطر ينقسم',
        '<script>alert(2)',
        '</script> على سطرين.',
      ].join('\n'),
      'hostile.txt',
    );
    expect(e.frontmatter.title).toContain('<script>alert(1)</script>');
    const html = await renderLikeTheSite(e.body);
    expect(liveMarkup(html)).toEqual([]);
    // Every paragraph the ingest kept reads on the page exactly as in the source.
    const paragraphs = remark().use(remarkGfm).parse(e.body).children.map((c) => toString(c));
    expect(paragraphs.length).toBeGreaterThan(0);
    const $ = cheerio.load(html, null, false);
    expect($('p, h2').map((_, el) => $(el).text()).get()).toEqual(paragraphs);
    expect(paragraphs.join('\n')).toContain('https://example.com/<b>نص</b>» في الكرملين.');
  });
});

// Random text of the kinds a scraped page holds: Arabic, Latin, markup and Markdown punctuation, URLs,
// entities, controls and invisible characters.
const PIECES = [
  'بوتين', 'كيم جونغ أون', 'موسكو', 'قال', '«', '»', '،', 'الاتفاقية', 'Putin', 'Kim', 'summit',
  '<', '>', '</', '/>', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '<b>', '<!--', '-->', '<meta http-equiv=refresh content="0;url=https://evil.example">',
  'https://', 'http://example.com/', 'www.', 'example.com', '@', 'mailto:', 'javascript:', 'data:',
  '[', ']', '(', ')', '*', '_', '~', '`', '#', '>', '|', '-', '=', '+', '!', '\\', '&', '&lt;', '&#60;', '&amp;', ';', ':', '"', "'",
  ' ', ' ', ' ', '\t', '\u00A0', '\u200B', '\u200F', '\u202E', '\u2066', '\u0085', '\u009F', '\uFEFF', '\u0007', '\u0000', '\r', '\n', '\n\n', '1.', '2024-01-05',
];
const piece = fc.constantFrom(...PIECES);
const randomLine = fc.array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 24 }).map((p) => p.join(''));


describe('property: random Arabic/Latin/markup/control text', () => {
  it('bodies print to Markdown that parses back to the same text and renders with no live markup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(randomLine, { minLength: 1, maxLength: 5 }), async (raw) => {
        // Lines as decode.ts and segment.ts give them to the body (decode refuses C0 controls and makes CR a line end).
        const decoded = raw.join('\n').replace(/\r/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
        const texts = segmentLines(decoded).map((l) => l.text).filter((t) => t);
        fc.pre(texts.length > 0);
        const md = bodyMarkdown(texts.map((text, i) => ({ no: i + 1, text, heading: i % 3 === 2 })));
        const tree = remark().use(remarkGfm).parse(md);
        // Every line comes back exactly (a bare "www." too: markdown.ts escapes its dot, so GFM reads no URL literal).
        const back = tree.children.map((c) => toString(c));
        for (const [i, text] of texts.entries()) expect(back[i], `${JSON.stringify(text)} → ${md}`).toBe(text);
        expect(back.length).toBe(texts.length);
        const html = await renderLikeTheSite(md);
        expect(liveMarkup(html)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('the ingest never crashes without naming the file, and never yields live markup', async () => {
    await fc.assert(
      fc.asyncProperty(randomLine, fc.array(randomLine, { maxLength: 6 }), fc.boolean(), async (headline, lines, dated) => {
        const text = [headline, ...(dated ? ['تاريخ النشر: 2024-01-05'] : []), ...lines].join('\n');
        let entry;
        try {
          entry = entryFromText(text, 'random.txt');
        } catch (error) {
          expect(error).toBeInstanceOf(IngestError);
          expect(String((error as Error).message)).toMatch(/^\/tmp\/random\.txt: \S/);
          return;
        }
        expect(entry.frontmatter.title).not.toMatch(/[\u0000-\u0008\u0080-\u009F\u200B\u202A-\u202E\u2066-\u2069]/);
        const html = await renderLikeTheSite(entry.body);
        expect(liveMarkup(html)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });
});
