/** The site's small pure helpers: Arabic and Hijri dates, Arabic counted nouns, timeline order and pages. */
import { describe, expect, it } from 'vitest';
import { arabicDate, arabicDateWithWeekday, arabicMonthYear, arabicTimestamp, hijriDate, parseDay } from '../../src/lib/dates.ts';
import { CLAIMS, countOf, ENTRIES } from '../../src/lib/plural.ts';
import { coveredBy } from '../../src/lib/events.ts';
import { groupByYearMonth, groupItems, monthHeading, neighbours, pageOfEntry, shortLede, sortEntries, yearPages, yearPath } from '../../src/lib/timeline.ts';

describe('dates', () => {
  it('writes Gregorian dates with Arabic month names and Western digits', () => {
    expect(arabicDate('2023-09-15')).toBe('15 سبتمبر 2023');
    expect(arabicDateWithWeekday('2024-11-29')).toBe('الجمعة، 29 نوفمبر 2024');
    expect(arabicMonthYear('2024-06-01')).toBe('يونيو 2024');
  });

  it('gives the Umm al-Qura Hijri date', () => {
    expect(hijriDate('2023-09-15')).toBe('30 صفر 1445 هـ');
    expect(hijriDate('2024-06-19')).toBe('13 ذي الحجة 1445 هـ'); // the month in the genitive after the day
  });

  it('keeps a calendar day whatever the time zone, and rejects impossible days', () => {
    expect(arabicDate('2024-01-01')).toBe('1 يناير 2024');
    expect(() => parseDay('2023-02-30')).toThrow(/2023-02-30/);
    expect(() => parseDay('15/09/2023')).toThrow(/not a calendar date/);
  });

  it('prints a publication time on the outlet’s own clock', () => {
    expect(arabicTimestamp('2024-06-20T12:06:03+03:00')).toBe('20 يونيو 2024، 12:06 (UTC+3)');
    expect(arabicTimestamp('2024-06-20T09:06:03Z')).toBe('20 يونيو 2024، 09:06 (UTC)');
  });
});

describe('counted nouns', () => {
  it('follows the six Arabic plural forms', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100, 103].map((n) => countOf(n, CLAIMS))).toEqual([
      'لا تصريحات',
      'تصريح واحد',
      'تصريحان',
      '3 تصريحات',
      '10 تصريحات',
      '11 تصريحًا',
      '99 تصريحًا',
      '100 تصريح',
      '103 تصريحات',
    ]);
    expect(countOf(2, ENTRIES)).toBe('خبران');
  });

  it('says how many outlets covered an event with a verb that agrees with them', () => {
    // «مصدر» is masculine: «غطّاه مصدر واحد»; the broken plural «مصادر» (3–10) takes «غطّته».
    expect([0, 1, 2, 3, 10, 11, 100, 103].map(coveredBy)).toEqual([
      'لم يغطّه أي مصدر',
      'غطّاه مصدر واحد',
      'غطّاه مصدران',
      'غطّته 3 مصادر',
      'غطّته 10 مصادر',
      'غطّاه 11 مصدرًا',
      'غطّاه 100 مصدر',
      'غطّته 103 مصادر',
    ]);
  });
});

const e = (id: string, date: string, published_at?: string) => ({ id, data: { date, published_at } });

describe('timeline', () => {
  it('orders oldest first, then by publication time, then by id', () => {
    const sorted = sortEntries([e('c', '2024-01-02'), e('b', '2023-05-01', '2023-05-01T18:00:00Z'), e('a', '2023-05-01', '2023-05-01T09:00:00Z'), e('0', '2023-05-01')]);
    expect(sorted.map((x) => x.id)).toEqual(['0', 'a', 'b', 'c']);
  });

  it('groups by year and month in order', () => {
    const years = groupByYearMonth(sortEntries([e('a', '2023-09-13'), e('b', '2023-09-15'), e('c', '2023-10-12'), e('d', '2024-06-20')]));
    expect(years.map((y) => [y.year, y.count, y.months.map((m) => [m.key, m.entries.length])])).toEqual([
      [2023, 3, [['2023-09', 2], ['2023-10', 1]]],
      [2024, 1, [['2024-06', 1]]],
    ]);
  });

  it('splits a year into pages of at most the page size, and finds an entry’s page', () => {
    const many = Array.from({ length: 250 }, (_, i) => e(`x${String(i).padStart(3, '0')}`, `2030-${String(1 + Math.floor(i / 25)).padStart(2, '0')}-01`));
    const pages = yearPages(many, 100);
    expect(pages.map((p) => [p.year, p.page, p.pageCount, p.groups.flatMap((g) => g.entries).length])).toEqual([
      [2030, 1, 3, 100],
      [2030, 2, 3, 100],
      [2030, 3, 3, 50],
    ]);
    expect(pageOfEntry(many, 'x150', 100)).toBe(2);
    expect(yearPath(2030, 1)).toBe('years/2030/');
    expect(yearPath(2030, 3)).toBe('years/2030/3/');
  });

  it('finds the older and newer neighbours', () => {
    const sorted = sortEntries([e('a', '2023-01-01'), e('b', '2023-01-02'), e('c', '2023-01-03')]);
    expect(neighbours(sorted, 'a')).toEqual({ older: undefined, newer: sorted[1] });
    expect(neighbours(sorted, 'c').older?.id).toBe('b');
  });

  it('cuts a lede at a word boundary with an ellipsis', () => {
    const lede = shortLede('كلمة '.repeat(100), 50);
    expect(lede.length).toBeLessThanOrEqual(51);
    expect(lede.endsWith('كلمة…')).toBe(true);
    expect(shortLede('نص قصير')).toBe('نص قصير');
  });
});

describe('month headings', () => {
  it('puts a space between the month and the year («سبتمبر 2023», never «سبتمبر2023»)', () => {
    expect(monthHeading(2023, 9)).toBe('سبتمبر 2023');
    for (let m = 1; m <= 12; m++) expect(monthHeading(2024, m)).toMatch(/^\p{Script=Arabic}+ 2024$/u);
  });

  it('groups dated items by year and month in the order given', () => {
    const g = groupItems([{ date: '2024-06-19' }, { date: '2024-06-01' }, { date: '2023-10-12' }]);
    expect(g.map((y) => y.year)).toEqual([2024, 2023]);
    expect(g[0]!.months[0]!.items.length).toBe(2);
  });
});
