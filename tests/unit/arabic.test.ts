import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldArabic, foldUncached, isFolded, wordReadings } from '../../src/text/normalize.ts';
import { tokenize as wordSpans } from '../../src/text/tokens.ts';

const stems = (word: string) => wordReadings(foldArabic(word)).map((r) => r.stem);
const bareStems = (word: string) => wordReadings(foldArabic(word)).filter((r) => r.bare).map((r) => r.stem);

describe('foldArabic: spellings a reader calls the same word fold alike', () => {
  it.each([
    ['hamza on alef', 'أون', 'اون'],
    ['hamza under alef', 'إيل', 'ايل'],
    ['madda', 'آسيا', 'اسيا'],
    ['hamza on waw and ya', 'مسؤول رئيس', 'مسوول رييس'],
    ['harakat', 'قَمَّةٌ', 'قمه'],
    ['shadda alone', 'قمّة', 'قمه'],
    ['tatweel', 'بـوتـين', 'بوتين'],
    ['Persian kaf and ya', 'کیم', 'كيم'],
    ['alef maqsura', 'الكورى', 'الكوري'],
    ['ta marbuta', 'قاعدة', 'قاعده'],
    ['Arabic-Indic digits', '١٩٦١', '1961'],
    ['Extended Arabic-Indic digits', '۱۹۶۱', '1961'],
    ['Latin case and accents', 'Poutine PUTIN', 'poutine putin'],
    ['hyphenated names', 'جونج-أون', 'جونج اون'],
    ['zero-width non-joiner', 'بو\u200Cتين', 'بوتين'],
  ])('%s', (_kind, input, folded) => {
    expect(foldArabic(input)).toBe(folded);
  });

  it('folds in one pass exactly as the full normalisation does, on any mix of characters', () => {
    // Every class the one-pass fold treats (letters it keeps or maps, harakat and hamza marks that compose
    // under NFKC, digits, punctuation, format characters) and characters it must leave to the full path.
    const chars = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةؠػ', '\u064B', '\u064E', '\u0651', '\u0652', '\u0653', '\u0654', '\u0655', '\u0670', '\u0640',
      ...'٠١٩۰۹0189azAZ', ' ', '\t', '\n', '\u00A0', ...'،؛؟٪٫٬۔«»-_.,:;!?()[]"\'/\\|@#', '\u2013', '\u2014', '\u201C', '\u201D', '\u2026',
      '\u200B', '\u200C', '\u200F', '\u202B', '\u2067', '\uFEFF', '\u00AD',
      ...'éÉİıßﻻﷲکیۀەٱپ', '\u0301', '\u0610', '\u06D2', '\u06C1', '\uFDF2', '\u{1D400}', '\u0007'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (a) => {
        const text = a.join('');
        expect(foldArabic(text)).toBe(foldUncached(text));
        expect(foldArabic(text.repeat(20))).toBe(foldUncached(text.repeat(20))); // past the memo's length
        if (isFolded(text)) expect(foldUncached(text)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('tokenizes into folded words', () => {
    expect(wordSpans('الرئيس الروسي، فلاديمير بوتين!').map((t) => t.folded)).toEqual(['الرييس', 'الروسي', 'فلاديمير', 'بوتين']);
    expect(wordSpans('  ')).toEqual([]);
  });

  it('keeps a word whole across the invisible characters scraped text leaves inside it', () => {
    for (const ch of ['\u200B', '\u200C', '\u200D', '\u200F', '\u2066', '\u202E', '\u00AD', '\uFEFF']) {
      expect(wordSpans(`قال بو${ch}تين`).map((t) => t.folded)).toEqual(['قال', 'بوتين']);
    }
  });
});

describe('wordSpans: words with their place in the original text', () => {
  it('gives offsets into the unfolded text', () => {
    const text = 'قال بـوتـين: ١٩٦١';
    const spans = wordSpans(text);
    expect(spans.map((s) => s.folded)).toEqual(['قال', 'بوتين', '1961']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['قال', 'بـوتـين', '١٩٦١']);
  });
  it('splits on punctuation, quotes and hyphens', () => {
    expect(wordSpans('"كيم جونج-أون"، (İLKHA)').map((s) => s.folded)).toEqual(['كيم', 'جونج', 'اون', 'ilkha']);
  });
});

describe('wordReadings: with or without the article and attached letters', () => {
  it('reads the article off (ال, and لل = لـ + ال)', () => {
    expect(bareStems('القمة')).toContain('قمه');
    expect(stems('للقمة')).toContain('قمه');
    expect(stems('بالقمة')).toContain('قمه');
    expect(stems('والكرملين')).toEqual(expect.arrayContaining(['الكرملين', 'كرملين']));
  });
  it.each([
    ['وـ', 'وبيونج', 'بيونج'],
    ['فـ', 'فروسيا', 'روسيا'],
    ['بـ', 'بموسكو', 'موسكو'],
    ['لـ', 'لروسيا', 'روسيا'],
    ['كـ', 'كرئيس', 'رييس'],
    ['وبـ', 'وبموسكو', 'موسكو'],
    ['لـ with tatweel', 'لـروسيا', 'روسيا'],
  ])('reads an attached %s off', (_kind, word, stem) => {
    expect(stems(word)).toContain(stem);
    // …but such a reading is not "bare": the letter might belong to the word.
    expect(bareStems(word)).not.toContain(stem);
  });
  it('restores ة before a pronoun suffix (قمته → قمة)', () => {
    expect(bareStems('قمته')).toContain('قمه');
    expect(bareStems('زيارتها')).toContain('زياره');
  });
  it('keeps short words whole', () => {
    expect(stems('وقت')).toEqual(['وقت']);
    expect(stems('كيم')).toEqual(['كيم']);
    expect(stems('إلى')).toEqual(['الي']);
    expect(stems('التي')).not.toContain('اله');
  });
  it('gives Latin words and numbers one reading', () => {
    expect(stems('Putin')).toEqual(['putin']);
    expect(stems('2024')).toEqual(['2024']);
  });
});

describe('wordReadings: numbers with attached letters', () => {
  it('reads the number alone', () => {
    expect(stems('و2000')).toContain('2000');
    expect(bareStems('الـ75')).toContain('75');
    expect(bareStems('و2000')).not.toContain('2000');
  });
});
