/**
 * The search's records and engine (src/search/query.ts, stem.ts, index-build.ts, engine.ts) on made-up
 * entries and on the seed entries: words begun, light stemming, partial results, suggestions, dates,
 * names of things (outlets, via, places' other names), unlinked people, filters, sort, the terms' shape.
 * The records are answered in memory the way Pagefind answers them (memoryBackend); the e2e tests run
 * the same queries through Pagefind itself.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteSearchDocs } from '../../src/integrations/search-index.ts';
import { loadActors } from '../../src/search/actors-data.ts';
import { SearchEngine, type Outcome } from '../../src/search/engine.ts';
import fc from 'fast-check';
import { bodyMarkdown } from '../../src/ingest/markdown.ts';
import { actorDocs, buildSearchRecords, markdownText, memoryBackend, parsedText, type SearchDoc } from '../../src/search/index-build.ts';
import {
  canBegin, dateTerm, lightKey, lightKeys, lightTerm, monthTerm, parseSearch, searchRanges, wordIndexTerms,
} from '../../src/search/query.ts';
import { docFile } from '../../src/search/files.ts';
import { lightStem } from '../../src/search/stem.ts';
import { actorTerm, buildAliasTable, keyFinds, readingKey, stemTerm, wordTerm } from '../../src/search/terms.ts';
import { foldArabic } from '../../src/text/normalize.ts';
import { loadQueryCases } from '../support/search-run.ts';
import { fixedSeedEntries } from '../support/fixed-entries.ts';

const actors = loadActors();
const table = buildAliasTable(actors);

function doc(name: string, text: string, more: Partial<SearchDoc> = {}): SearchDoc {
  const date = more.date ?? '2024-01-01';
  return {
    kind: 'entry',
    path: `entries/${name}/`,
    title: name,
    text,
    extra: '',
    date,
    outlet: 'مصدر',
    source: `${name}.txt`,
    filters: { actor: [], year: [date.slice(0, 4)], month: [date.slice(5, 7)], person: [] },
    ...more,
  };
}

function engineFor(docs: SearchDoc[]) {
  const built = buildSearchRecords([...docs, ...actorDocs(actors)], table);
  return new SearchEngine(memoryBackend(built), built.manifest);
}

async function names(engine: SearchEngine, hits: Outcome['main']): Promise<string[]> {
  return Promise.all(hits.map(async (h) => (await engine.fragment(h.n)).title));
}

async function run(engine: SearchEngine, q: string, filters: Record<string, string> = {}, sort: 'relevance' | 'newest' | 'oldest' = 'relevance') {
  const o = await engine.search(parseSearch(q, table), filters, sort);
  return { o, main: await names(engine, o.main), forms: await names(engine, o.forms) };
}

const made = [
  doc('a', 'وقع البلدان اتفاقية للتعاون في قمة الكرملين.', { date: '2023-09-13' }),
  doc('b', 'ناقش الطرفان الاتفاقيات العسكرية مع بوتين.', { date: '2023-10-02' }),
  doc('c', 'أكد المسؤولون أن الاتفاقيتين تدخلان حيز التنفيذ في جمهورية كوريا الشعبية الديمقراطية.', { date: '2024-06-19' }),
  doc('d', 'تحدث الرئيس عن الشراكة الاستراتيجية الشاملة.', {
    date: '2024-11-29',
    extra: 'مركز ويبانغاه الإخباري\nوكالة تسنيم للأنباء\nTasnim\nسيرغي شويغو الصغير\nمستشار',
    filters: { actor: [], year: ['2024'], month: ['11'], person: ['سيرغي شويغو الصغير'] },
  }),
];

describe('light stemming (Snowball Arabic, on folded words)', () => {
  it('lets singular, plural, dual and the article meet', () => {
    const stems = ['اتفاقية', 'اتفاقيات', 'اتفاقيتين', 'الاتفاق', 'الاتفاقيات'].map((w) => lightStem(foldArabic(w)));
    expect(new Set(stems).size).toBe(1);
    expect(lightStem(foldArabic('مناورات'))).toBe(lightStem(foldArabic('مناورة')));
  });
  it('keeps the letters before a name (بوتين is not بـ + وتين) and leaves Latin and numbers alone', () => {
    expect(lightStem('بوتين')).toBe('بوتين');
    expect(lightStem('putin')).toBe('putin');
    expect(lightStem('2023')).toBe('2023');
  });
});

describe('index terms and records', () => {
  it('gives keys that find only the terms they mean (Pagefind matches by prefix)', () => {
    const stems = ['بوت', 'بوتين', 'اتفاق', 'kim'];
    const termsOf = (x: string) => [stemTerm(x), wordTerm(x), lightTerm(x)];
    const all = [...stems.flatMap(termsOf), actorTerm('kim'), actorTerm('kim-jong-un'), dateTerm('2023'), dateTerm('2023-09'), monthTerm('09')];
    for (const t of all) expect(t).not.toMatch(/\s/);
    // A stem's keys find its own terms and no other stem's.
    for (const x of stems) {
      for (const t of all) {
        const own = termsOf(x).includes(t);
        expect(keyFinds(readingKey(x), t), `${readingKey(x)} / ${t}`).toBe(own && !t.endsWith('l'));
        // (Light keys are Arabic only, lightKeys: an actor's Latin id may share a Latin word's letters.)
        if (/^[\u0621-\u064A]+$/.test(x)) expect(keyFinds(lightKey(x), t), `${lightKey(x)} / ${t}`).toBe(own);
        expect(keyFinds(wordTerm(x), t)).toBe(t === wordTerm(x));
      }
    }
    // Each actor, date and month term is found by itself alone.
    const others = all.slice(stems.length * 3);
    for (const a of others) for (const b of all) expect(keyFinds(a, b), `${a} / ${b}`).toBe(a === b);
  });
  it('gives a word its reading terms and light terms only where needed, and no prefix terms', () => {
    const terms = wordIndexTerms('الاسبوع');
    // الاسبوع's light stem is اسبوع, one of its readings: the light key finds its reading terms, no light term needed.
    expect([...terms].sort()).toEqual([wordTerm('الاسبوع'), wordTerm('اسبوع')].sort());
    const plural = wordIndexTerms('الاتفاقيات');
    expect(plural.filter((t) => t.endsWith('l'))).toEqual([lightTerm('اتفاق')]);
    // The query's light key finds a text that writes the light stem itself (اتفاق) or another form of it.
    expect(lightKeys('اتفاقية')).toEqual([lightKey('اتفاق')]);
    // A bare reading that is its own light stem: only its light term is left for the light level to find.
    expect(lightKeys('بوتين', true)).toEqual([lightTerm('بوتين')]);
    expect(lightKeys('بوتين', false)).toEqual([lightKey('بوتين')]);
    expect(plural.some((t) => keyFinds(lightKey('اتفاق'), t))).toBe(true);
    expect(wordIndexTerms('اتفاق').some((t) => keyFinds(lightKey('اتفاق'), t))).toBe(true);
    expect(lightKeys('2023')).toEqual([]);
    // Words begun: a bare prefix finds the terms of the words it begins, and not a shorter word.
    expect(terms.some((t) => keyFinds('اسب', t))).toBe(true);
    expect(terms.some((t) => keyFinds('الاسب', t))).toBe(true);
    expect(keyFinds('بوتين', wordTerm('بوت'))).toBe(false);
    expect(canBegin('الا')).toBe(false);
    expect(canBegin('الاسب')).toBe(true);
    expect(canBegin('بوت')).toBe(true);
    expect(canBegin('202')).toBe(false);
  });
  it('builds one Pagefind record per document (terms as content, filters; its place in the list is n, no sort key) and what it shows beside it', () => {
    const built = buildSearchRecords([...made, ...actorDocs(actors)], table);
    const shown = (n: number) => JSON.parse(built.files.get(docFile(n))!) as { title: string; text: string; url: string };
    expect([0, 1, 2, 3].map((n) => shown(n).title)).toEqual(['a', 'b', 'c', 'd']);
    expect(built.records.map((r, n) => `${shown(n).url}`)).toEqual(built.records.map((r) => r.url.slice(1)));
    expect(built.records.every((r) => r.sort === undefined)).toBe(true);
    // Nothing in the records' meta: Pagefind would index it for searching too.
    expect(built.records.every((r) => !r.meta)).toBe(true);
    const d = built.records[3]!;
    expect(d.filters).toMatchObject({ year: ['2024'], month: ['11'], person: ['سيرغي شويغو الصغير'] });
    expect(d.content.split(' ')).toContain(dateTerm('2024-11'));
    expect(shown(3).text).toBe(made[3]!.text);
    expect(built.manifest.entries).toBe(4);
  });
  it('reads Markdown bodies as plain text, a paragraph a line', () => {
    expect(markdownText('فقرة **أولى** و[رابط](https://x)\n\n> اقتباس\n\n- بند')).toBe('فقرة أولى ورابط\nاقتباس\nبند');
    // A hand-edited indented block is a code block on the page, and its words are searchable.
    expect(markdownText('فقرة\n\n    نص مزاح\n')).toBe('فقرة\nنص مزاح');
    // A body of plain lines (as the ingest writes most) is read without parsing, to the same text.
    const words = ['قال', 'بوتين', '،', '«', 'الاتفاقية', '»', '2024', '.', '؟', 'موسكو', '(', ')', '-', '٪'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (paras, heading) => {
        const md = bodyMarkdown(paras.map((p, i) => ({ no: i + 1, text: p.join(' '), heading: heading && i === 0 })));
        expect(markdownText(md)).toBe(parsedText(md));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the engine on made-up entries', () => {
  const engine = engineFor(made);

  it('matches exact forms first, and other forms below them', async () => {
    const r = await run(engine, 'اتفاقية');
    expect(r.o.mode).toBe('all');
    expect(r.main).toEqual(['a']);
    expect(r.forms.sort()).toEqual(['b', 'c']);
  });
  it('finds other forms when no entry has the exact one', async () => {
    const r = await run(engine, 'اتفاقياتنا');
    expect(r.o.mode).toBe('forms');
    expect(r.main.sort()).toEqual(['a', 'b', 'c']);
  });
  it('finds the words a query word begins (3 letters or more), below exact matches', async () => {
    const r = await run(engine, 'بوت');
    expect(r.o.mode).toBe('forms');
    expect(r.main).toEqual(['b']);
    expect((await run(engine, 'بو')).main).toEqual([]);
  });
  it('lists the entries holding most of the words when none holds all, and says which they lack', async () => {
    const r = await run(engine, 'معاهدة الشراكة الاستراتيجية');
    expect(r.o.mode).toBe('partial');
    expect(r.main).toEqual(['d']);
    expect(r.o.main[0]!.missing).toEqual(['معاهدة']);
  });
  it('suggests the nearest words of the index when nothing matches', async () => {
    const r = await run(engine, 'بوتيين');
    expect(r.o.mode).toBe('none');
    expect(r.o.suggestions[0]!.near[0]).toBe('بوتين');
    expect((await run(engine, 'xqzw')).o.suggestions).toEqual([]);
  });
  it('finds a month with or without its year, in Arabic, Levantine or digits, and a year', async () => {
    for (const q of ['سبتمبر 2023', 'أيلول 2023', '9/2023', '2023-09', 'في سبتمبر 2023']) expect((await run(engine, q)).main, q).toEqual(['a']);
    expect((await run(engine, 'نوفمبر')).main).toEqual(['d']);
    expect((await run(engine, 'تشرين الثاني')).main).toEqual(['d']);
    expect((await run(engine, '2024')).main.sort()).toEqual(['c', 'd']);
  });
  it('finds a place by its other names, and an outlet or via by name, Arabic or Latin', async () => {
    expect((await run(engine, 'كوريا الشمالية')).main).toEqual(['c']);
    expect((await run(engine, 'North Korea')).main).toEqual(['c']);
    expect((await run(engine, 'DPRK')).main).toEqual(['c']);
    expect((await run(engine, 'تسنيم')).main).toEqual(['d']);
    expect((await run(engine, 'Tasnim')).main).toEqual(['d']);
  });
  it('finds and filters unlinked people', async () => {
    expect((await run(engine, 'شويغو الصغير')).main).toEqual(['d']);
    expect((await run(engine, '', { person: 'سيرغي شويغو الصغير' })).main).toEqual(['d']);
  });
  it('filters by year and month, lists a filter alone, and sorts by date', async () => {
    expect((await run(engine, '', { year: '2023' }, 'oldest')).main).toEqual(['a', 'b']);
    expect((await run(engine, '', { year: '2023', month: '10' })).main).toEqual(['b']);
    expect((await run(engine, 'اتفاقياتنا', {}, 'newest')).main).toEqual(['c', 'b', 'a']);
    expect((await run(engine, 'اتفاقياتنا', {}, 'oldest')).main).toEqual(['a', 'b', 'c']);
  });
  it('marks every level of match in the original text', () => {
    const text = 'وقعت الاتفاقيات مع بوتين';
    const ranges = searchRanges(text, parseSearch('اتفاقية بوت', table), table);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['الاتفاقيات', 'بوتين']);
  });
});

describe('the engine on the seed entries', () => {
  // The fixed copies of the seeds (the query sets' expected entries are theirs), not content/entries/.
  const docs = siteSearchDocs(fixedSeedEntries());
  const built = buildSearchRecords(docs, table);
  const engine = new SearchEngine(memoryBackend(built), built.manifest);

  it('returns exactly the expected entries of both query sets', async () => {
    for (const c of loadQueryCases()) {
      const o = await engine.search(parseSearch(c.query, table), {}, 'relevance');
      const found = (await Promise.all(o.main.map(async (h) => (await engine.fragment(h.n)).source ?? ''))).sort();
      expect(found, `${c.file}:${c.line} ${c.query}`).toEqual(c.expected);
    }
  });
  it('draws the same main list and actor pages from the exact lookups alone, when every word matches exactly', async () => {
    let early = 0;
    for (const c of loadQueryCases()) {
      const parsed = parseSearch(c.query, table);
      const [first, full] = await Promise.all([engine.exactFirst(parsed, {}, 'relevance'), engine.search(parsed, {}, 'relevance')]);
      if (full.mode === 'all') {
        early++;
        expect(first, c.query).toEqual({ ...full, forms: [] });
      } else expect(first, c.query).toBeNull();
    }
    expect(early).toBeGreaterThan(20);
  });
  it('meets the issue: بوت, اتفاقية, partial, dates, names, typos, outlets', async () => {
    const count = async (q: string) => (await engine.search(parseSearch(q, table), {}, 'relevance')).main.length;
    expect(await count('بوت')).toBe(5);
    const agreements = await engine.search(parseSearch('اتفاقية', table), {}, 'relevance');
    expect(agreements.main.length + agreements.forms.length).toBe(5);
    expect((await engine.search(parseSearch('معاهدة الشراكة الاستراتيجية', table), {}, 'relevance')).mode).toBe('partial');
    expect(await count('سبتمبر 2023')).toBe(2);
    expect(await count('كوريا الديمقراطية')).toBe(5);
    expect(await count('North Korea')).toBe(5);
    expect((await engine.search(parseSearch('بوتيين', table), {}, 'relevance')).suggestions[0]!.near).toContain('بوتين');
    expect(await count('البوابة نيوز')).toBe(1);
    expect(await count('تسنيم')).toBe(1);
  });
});
