import { describe, expect, it } from 'vitest';
import { headlineSlug, transliterate } from '../../../src/ingest/slug.ts';
import { entryFromText, seedEntry } from './helpers.ts';

describe('entry slugs', () => {
  it('transliterate words to ASCII', () => {
    expect(transliterate('الكرملين')).toBe('al-krmlin');
    expect(transliterate('روسيا')).toBe('rusya');
    expect(transliterate('الشمالية')).toBe('al-shmalya');
    expect(transliterate('کیم')).toBe('kim'); // Persian letters
    expect(transliterate('قمّةٌ')).toBe('qma'); // harakat
    expect(transliterate('İLKHA')).toBe('ilkha');
  });

  it('are the headline’s first words, ASCII only, never the seed’s name or hash', () => {
    const slug = headlineSlug('الكرملين: موسكو وبيونج يانج لم توقعا أي اتفاقيات تخص التعاون');
    expect(slug).toBe('al-krmlin-musku-wbiunj-yanj-lm-tuqa');
    for (const p of ['000', '001', '002', '003', '004']) {
      const e = seedEntry(p);
      expect(e.slug).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(e.slug).not.toContain(e.frontmatter.source.replace(/\.txt$/, '').split('_')[1]!);
    }
  });

  it('an override’s slug wins', () => {
    const e = entryFromText('عنوان الخبر الأول\nتاريخ النشر: 2024-01-05\nقال دميتري بيسكوف إن الأمور على ما يرام.', 'x.txt', 'slug: my-entry\n');
    expect(e.slug).toBe('2024-01-05-my-entry');
  });
});
