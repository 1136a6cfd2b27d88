import { describe, expect, it } from 'vitest';
import { inferDateFromWeekdays, parseDateExpression, readDateLine, resolveDayWords, weekdayMentions, type BodySentence } from '../../../src/ingest/date.ts';
import type { DatedEvent } from '../../../src/ingest/data.ts';
import { tokenize } from '../../../src/text/tokens.ts';
import { projectIngestor, seedEntry } from './helpers.ts';

const rules = () => projectIngestor().data.dates;
const line = (s: string) => readDateLine(s, rules());

describe('date lines in the forms the seeds use', () => {
  it('reads "تاريخ النشر: 15th, September 2023 GMT" (seeds 000, 002)', () => {
    expect(line('تاريخ النشر: 15th, September 2023 GMT')).toMatchObject({ date: '2023-09-15', label: 'تاريخ النشر', kind: 'publication', offsetHours: 0 });
    expect(line('تاريخ النشر: 12th, October 2023 GMT')?.date).toBe('2023-10-12');
  });

  it('reads the Turkish CMS line with its time (seed 003)', () => {
    expect(line('Ekleme: 20.06.2024 12:06:03 / Güncelleme: 20.06.2024 12:06:03 / Arapça')).toMatchObject({
      date: '2024-06-20',
      time: '12:06:03',
      kind: 'cms-publication',
    });
  });
});

describe('date lines in common other forms', () => {
  const cases: [string, string][] = [
    ['نُشر في ٣ آذار ٢٠٢٤', '2024-03-03'],
    ['نشر في 3 مارس 2024', '2024-03-03'],
    ['بتاريخ 15 سبتمبر 2023', '2023-09-15'],
    ['تاريخ النشر: الجمعة 15 سبتمبر 2023', '2023-09-15'],
    ['تاريخ النشر: الجمعة، ١٥ أيلول ٢٠٢٣', '2023-09-15'],
    ['نشر في 20 نيسان/ أبريل 2019', '2019-04-20'],
    ['نشر في 20 نيسان / ابريل 2019', '2019-04-20'],
    ['نشر في 1 كانون الثاني 2024', '2024-01-01'],
    ['نشر في 31 كانون الأول 2023', '2023-12-31'],
    ['نشر في 5 تشرين الأول 2023', '2023-10-05'],
    ['نشر في 7 تشرين الثاني 2023', '2023-11-07'],
    ['نشر في 10 شباط 2024', '2024-02-10'],
    ['نشر في 2 حزيران 2024', '2024-06-02'],
    ['نشر في 9 تموز 2024', '2024-07-09'],
    ['نشر في 9 آب 2024', '2024-08-09'],
    ['نشر في 9 يونيه 2024', '2024-06-09'],
    ['نشر في 9 اغسطس 2024', '2024-08-09'],
    ['نشر في 9 أغسطس 2024م', '2024-08-09'],
    ['نشر في 9 جويلية 2024', '2024-07-09'],
    ['نشر في 12 أكتوبر، 2023', '2023-10-12'],
    ['تاريخ النشر: 15/09/2023', '2023-09-15'],
    ['تاريخ النشر: ١٥/٠٩/٢٠٢٣', '2023-09-15'],
    ['تاريخ النشر: 15.09.2023', '2023-09-15'],
    ['تاريخ النشر: 15-09-2023', '2023-09-15'],
    ['تاريخ النشر: 2023-09-15', '2023-09-15'],
    ['Published: September 15, 2023', '2023-09-15'],
    ['الجمعة 15 سبتمبر 2023', '2023-09-15'],
    ['الأحد، 03 مارس 2024 02:30 م', '2024-03-03'],
    ['نشر بتاريخ 03 مارس 2024 | 10:22 ص', '2024-03-03'],
    ['تاريخ النشر:03.03.2024 | 14:30 GMT', '2024-03-03'],
    ['نُشر في 2024-03-03T12:30:00+03:00', '2024-03-03'],
    ['السبت 18 شعبان 1445 هـ - 2 مارس 2024 م', '2024-03-02'],
  ];
  it.each(cases)('%s → %s', (text, date) => {
    expect(line(text)?.date).toBe(date);
  });

  it('reads a time and a zone', () => {
    expect(line('نُشر في ٣ آذار ٢٠٢٤ - ١٤:٣٠ بتوقيت مكة')).toMatchObject({ date: '2024-03-03', time: '14:30:00', offsetHours: 3 });
    expect(line('بتاريخ 3 مارس 2024 الساعة 2:30 م')).toMatchObject({ time: '14:30:00' });
  });

  it('reads a zone\'s city right after a time as the zone («2023.10.19 | 14:37 دمشق»), and only there', () => {
    expect(line('2023.10.19 | 14:37 دمشق')).toMatchObject({ date: '2023-10-19', time: '14:37:00', offsetHours: 3 });
    expect(line('الخميس 5 سبتمبر 2024 - 10:30 القاهرة')).toMatchObject({ time: '10:30:00', zone: 'Africa/Cairo' });
    // Before a date the city is a dateline's place, not a zone; run into a sentence it is the sentence's word.
    expect(line('دمشق - 19 أكتوبر 2023')).toMatchObject({ date: '2023-10-19' });
    expect(line('دمشق - 19 أكتوبر 2023')?.offsetHours).toBeUndefined();
    expect(line('زار دمشق 19 أكتوبر 2023')).toBeNull();
  });

  it('reads a month\'s two names joined by a hyphen and an hour alone after «الساعة» before am/pm', () => {
    expect(line('الجمعة 18 أكتوبر-تشرين الأول 2024 الساعة 06 مساءً / صحيفة ما - وكالات')).toMatchObject({ date: '2024-10-18', time: '18:00:00' });
    expect(line('الأحد 3 مارس 2024 الساعة 9 صباحاً')).toMatchObject({ date: '2024-03-03', time: '09:00:00' });
    // Without an am/pm word an hour alone is no time («الساعة 24» names a channel).
    expect(line('الساعة 24')).toBeNull();
  });

  it('reads a labelled stamp after a notice and a dash («… الورقية - تاريخ النشر : 2024/11/11»); an unlabelled one stays refused', () => {
    expect(line('صدر هذا المقال في النسخة الورقية للصحيفة - تاريخ النشر : 2024/11/11')).toMatchObject({ date: '2024-11-11', label: 'تاريخ النشر' });
    expect(line('قال الوزير إن القمة المقبلة ستعقد - في 19 يونيو 2024')).toBeNull();
  });

  it('reads an ISO timestamp’s own offset', () => {
    expect(line('نُشر في 2024-03-03T12:30:00+03:00')).toMatchObject({ time: '12:30:00', offsetHours: 3 });
    expect(line('نشر في 2024-03-03T09:30:00Z')).toMatchObject({ time: '09:30:00', offsetHours: 0 });
  });

  it('reads m/d/y only when the day cannot be a month', () => {
    expect(line('تاريخ النشر: 09/15/2023')).toMatchObject({ date: '2023-09-15', form: 'numeric m/d/y' });
    // Both ≤ 12: two readings, left for the page to settle (choosePublicationDate), never guessed.
    expect(line('تاريخ النشر: 05/06/2023')?.readings).toEqual(['2023-06-05', '2023-05-06']);
  });

  it('marks update lines as updates, not publication', () => {
    expect(line('آخر تحديث: 16 سبتمبر 2023')).toMatchObject({ kind: 'update' });
  });

  it('refuses impossible dates and weekdays that do not fit', () => {
    expect(line('نشر في 31 شباط 2024')).toBeNull();
    expect(line('تاريخ النشر: 32/01/2024')).toBeNull();
    expect(line('تاريخ النشر: الخميس 15 سبتمبر 2023')).toBeNull(); // it was a Friday
    expect(line('نشر في 20 نيسان/ مايو 2019')).toBeNull(); // two months that disagree
  });

  it('does not take a sentence with a date in it for a date line', () => {
    expect(line('وأجريت مفاوضات مع الرئيس الروسي في 13 سبتمبر في ميناء فوستوشني الفضائي.')).toBeNull();
    expect(parseDateExpression('15 سبتمبر 2023 في موسكو', rules())).toBeNull();
  });
});

describe('weekdays in running text', () => {
  it('finds "today" and "past" markers', () => {
    const t = tokenize('أعلن اليوم /الجمعة/ ثم قال الثلاثاء الماضي والأربعاء، عقد');
    const w = weekdayMentions(t, rules());
    expect(w.map((x) => [x.weekday, x.today, x.past])).toEqual([[5, true, false], [2, false, true], [3, false, false]]);
  });

  it('resolves day words against the day of writing (a Friday)', () => {
    const t = tokenize('الثلاثاء الماضي الجمعة اليوم الخميس');
    const [tue, fri, thu] = weekdayMentions(t, rules());
    expect(resolveDayWords(t, tue!, null, '2023-09-15')).toBe('2023-09-12');
    expect(resolveDayWords(t, fri!, null, '2023-09-15')).toBe('2023-09-15');
    expect(resolveDayWords(t, thu!, null, '2023-09-15')).toBeNull(); // "اليوم الخميس" on a Friday
    expect(resolveDayWords(t, null, -1, '2023-09-15')).toBe('2023-09-14');
  });
});

describe('inferring an undated article’s date', () => {
  const summit: DatedEvent = {
    id: 'made-up-summit',
    date: '2022-03-02', // a Wednesday
    name_ar: 'قمة متخيلة في قاعدة فوستوشني',
    name_en: 'A made-up summit',
    actors: [],
    places: ['vostochny-cosmodrome'],
    words: ['قمة'],
    years: [],
  };
  const sentence = (text: string, lead = false, names: string[] = []): BodySentence => ({ text, line: 1, lineText: text, lead, names: new Set(names) });

  it('puts the weekday of writing on or after the dated event the text ties to a weekday', () => {
    const r = inferDateFromWeekdays(
      [sentence('قال الوزير السبت إن الاتفاق قريب.', true), sentence('والأربعاء، عقد الزعيمان قمة في فوستوشني.', false, ['vostochny-cosmodrome'])],
      [summit],
      rules(),
    );
    expect(r?.date).toBe('2022-03-05');
    expect(r?.from).toContain('2 مارس 2022');
    expect(r?.from).toContain('5 مارس 2022');
    expect(r?.from).toContain('السبت');
  });

  it('infers nothing when the weekday does not fit the event', () => {
    const r = inferDateFromWeekdays(
      [sentence('قال الوزير السبت إن الاتفاق قريب.', true), sentence('والخميس، عقد الزعيمان قمة في فوستوشني.', false, ['vostochny-cosmodrome'])],
      [summit],
      rules(),
    );
    expect(r).toBeNull();
  });

  it('an event that names no one and no place is the one told only with its year', () => {
    const treaty: DatedEvent = { id: 'made-up-treaty', date: '1970-05-07', name_ar: 'معاهدة متخيلة', name_en: 'A made-up treaty', actors: [], places: [], words: ['معاهدة'], years: [1970] };
    const writing = sentence('صادق المجلس، اليوم الخميس، على معاهدة الشراكة الجديدة.', true);
    const anchor = sentence('ويأتي ذلك بعد ستة أيام من قمة الجمعة في فوستوشني.', false, ['vostochny-cosmodrome']);
    const friday: DatedEvent = { ...summit, date: '2022-03-04' };
    // «معاهدة» on a Thursday is any treaty of the day, not the one of 1970 (also a Thursday).
    expect(inferDateFromWeekdays([writing, anchor], [treaty, friday], rules())?.date).toBe('2022-03-10');
    expect(inferDateFromWeekdays([sentence('وقّع البلدان، اليوم الخميس، معاهدة عام 1970.', true)], [treaty], rules())?.date).toBe('1970-05-07');
  });

  it('infers nothing without a weekday of writing', () => {
    expect(inferDateFromWeekdays([sentence('والأربعاء، عقد الزعيمان قمة في فوستوشني.', true, ['vostochny-cosmodrome'])], [summit], rules())).toBeNull();
  });

  it('dates seed 001 to Friday 2023-09-15 from the Wednesday summit at Vostochny', () => {
    const e = seedEntry('001');
    expect(e.frontmatter.date).toBe('2023-09-15');
    expect(e.frontmatter.date_basis).toMatchObject({ kind: 'inferred' });
    const basis = e.frontmatter.date_basis as { from: string };
    expect(basis.from).toContain('13 سبتمبر 2023');
    expect(basis.from).toContain('قمة بوتين وكيم في قاعدة فوستوشني الفضائية');
    expect(basis.from).toContain('الجمعة');
  });
});

describe('dates of the seeds', () => {
  it('000 and 002: stated by their date lines', () => {
    expect(seedEntry('000').frontmatter).toMatchObject({ date: '2023-09-15', date_basis: { kind: 'stated', line: 'تاريخ النشر: 15th, September 2023 GMT' } });
    expect(seedEntry('002').frontmatter).toMatchObject({ date: '2023-10-12', date_basis: { kind: 'stated' } });
    expect(seedEntry('000').frontmatter.published_at).toBeUndefined(); // no time given
  });

  it('003: the CMS line, with the time in Turkey (UTC+3, from the outlet data)', () => {
    expect(seedEntry('003').frontmatter).toMatchObject({ date: '2024-06-20', published_at: '2024-06-20T12:06:03+03:00', date_basis: { kind: 'stated' } });
  });

  it('004: the editorial date of the override, with its note', () => {
    const fm = seedEntry('004').frontmatter;
    expect(fm.date).toBe('2024-11-29');
    expect(fm.date_basis.kind).toBe('editorial');
    expect((fm.date_basis as { note: string }).note).toMatch(/29 نوفمبر 2024/);
  });
});
