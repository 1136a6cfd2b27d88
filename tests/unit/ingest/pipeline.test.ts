import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { entryFile } from '../../../src/ingest/pipeline.ts';
import { ingestDirectory } from '../../../src/ingest/directory.ts';
import { entrySchema } from '../../../src/lib/entry-schema.ts';
import { CONTENT, entryFromText, seedEntry, tempProject } from './helpers.ts';

const ARTICLE = 'عنوان الخبر\nتاريخ النشر: 2024-01-05\nقال دميتري بيسكوف إن الأمور على ما يرام.\n';

describe('pipeline', () => {
  it('every seed’s entry passes the schema, and its file reads back to the same frontmatter', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const e = seedEntry(p);
      const back = matter(entryFile(e));
      expect(entrySchema.parse(back.data)).toEqual(e.frontmatter);
      expect(back.content.trim()).toBe(e.body.trim());
    }
  });

  it('writes frontmatter keys in one order', () => {
    const keys = Object.keys(matter(entryFile(seedEntry('003'))).data);
    expect(keys).toEqual(['title', 'date', 'date_basis', 'published_at', 'outlet', 'via', 'outlet_basis', 'actors', 'places', 'organisations', 'people', 'claims', 'source', 'removed', 'notes']);
  });

  it('refuses a headline with no article after it', () => {
    expect(() => entryFromText('عنوان وحده\nتاريخ النشر: 2024-01-05\n', 'alone.txt')).toThrow(/alone\.txt: no article text after the headline/);
  });

  it('an override can add or remove actors, by known ids only', () => {
    const e = entryFromText(ARTICLE, 'x.txt', 'actors:\n  add: [kremlin, vladimir-putin]\n  remove: [dmitry-peskov]\n  note: من المحرر.\n');
    expect(e.frontmatter).toMatchObject({ actors: ['vladimir-putin'], organisations: ['kremlin'] });
    expect(() => entryFromText(ARTICLE, 'x.txt', 'actors:\n  add: [vladimir-poutine]\n  note: خطأ.\n')).toThrow(/x\.meta\.yaml: override names unknown actor "vladimir-poutine"/);
  });

  it('an override can say the outlet is unknown, and an editorial date can be unconfirmed', () => {
    const e = entryFromText(ARTICLE, 'x.txt', "outlet:\n  name: null\n  note: لا نعرف.\ndate:\n  value: '2024-01-04'\n  note: تقدير.\n  confirmed: false\n");
    expect(e.frontmatter).toMatchObject({
      outlet: null,
      outlet_basis: { kind: 'editorial', note: 'لا نعرف.' },
      date: '2024-01-04',
      date_basis: { kind: 'editorial', confirmed: false },
    });
  });

  it.each([
    ['15 سبتمبر 1850', /line 2 .*is before 1900/],
    ['1/1/0099', /line 2 .*is before 1900/],
    ['15 سبتمبر 2099', /line 2 .*is after today/],
    ['9999-12-31', /line 2 .*is after today/],
    ['05-11-2024 | 13:52', /line 2 .*reads as 2024-11-05 \(day first\) or 2024-05-11 \(month first\), and nothing else on the page says which/],
  ])('refuses an implausible date (%s) by name, saying why', (date, why) => {
    expect(() => entryFromText(`عنوان خبر عن لقاء في موسكو\nتاريخ النشر: ${date}\nقال دميتري بيسكوف إن اللقاء كان مثمرا.\n`, 'odd.txt')).toThrow(
      new RegExp(`odd\\.txt: no date: the date the page prints on ${why.source}`),
    );
  });

  it('an override with several mistakes names them all at once, with lines and suggestions', () => {
    let message = '';
    try {
      entryFromText(ARTICLE, 'x.txt', "outlt: الأسبوع\ndate:\n  value: '2024-02-30'\n  note: خطأ.\nnotes:\n  - text: ملاحظة\n    actor: putin\n");
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/x\.meta\.yaml: bad override at outlt \(line 1\): unknown key "outlt" \(did you mean "outlet"\?\)/);
    expect(message).toMatch(/x\.meta\.yaml: bad override at date\.value \(line 3\): not a calendar date/);
    expect(message).toMatch(/unknown actor "putin" at notes\.0\.actor \(line 7\).*did you mean "vladimir-putin"\?/);
  });

  it('an override with a date YAML reads as something else is refused', () => {
    expect(() => entryFromText(ARTICLE, 'x.txt', 'date:\n  value: 20240105\n  note: رقم.\n')).toThrow(/x\.meta\.yaml: bad override at date\.value/);
  });
});

describe('ingestDirectory', () => {
  it('numbers two entries with one date and headline start, in seed-name order, and leaves non-entry files alone', () => {
    const { seeds, entries } = tempProject('dir');
    fs.writeFileSync(path.join(seeds, 'a.txt'), ARTICLE);
    fs.writeFileSync(path.join(seeds, 'b.txt'), ARTICLE.replace('الأمور', 'الأحوال'));
    fs.writeFileSync(path.join(entries, '.gitkeep'), '');
    const r = ingestDirectory(seeds, CONTENT, entries);
    expect(r.written).toHaveLength(2);
    expect(r.written[1]).toBe(r.written[0]!.replace(/\.md$/, '-2.md'));
    const files = fs.readdirSync(entries).sort();
    expect(files).toHaveLength(3);
    expect(files).toContain('.gitkeep');
    const second = files.find((f) => f.endsWith('-2.md'))!;
    expect(matter(fs.readFileSync(path.join(entries, second), 'utf8')).data.source).toBe('b.txt');
    // A second run writes nothing.
    expect(ingestDirectory(seeds, CONTENT, entries)).toMatchObject({ written: [], deleted: [] });
  });
});
