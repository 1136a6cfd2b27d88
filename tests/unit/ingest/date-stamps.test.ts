import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { choosePublicationDate, inferDateFromRelativeDay, inferDateFromWeekdays, readDateLine, readLeadDateline, type BodySentence, type PageLine } from '../../../src/ingest/date.ts';
import type { DatedEvent } from '../../../src/ingest/data.ts';
import { buildEntry } from '../../../src/ingest/pipeline.ts';
import { projectIngestor } from './helpers.ts';

const rules = () => projectIngestor().data.dates;
const line = (s: string) => readDateLine(s, rules());
/** The entry the whole ingest makes of a made-up page. */
const entryOf = (text: string) => buildEntry({ name: 'made-up.txt', path: 'made-up.txt', bytes: new TextEncoder().encode(text) }, projectIngestor());

describe('stamps inside short lines, in the shapes pages print', () => {
  const cases: [string, string, string | undefined][] = [
    ['تاريخ النشر : 08:05 - 2022/03/14', '2022-03-14', '08:05:00'],
    ['الاثنين ١٤ مارس ٢٠٢٢ الساعة ٨:٠٥ مساءً', '2022-03-14', '20:05:00'],
    ['بيروت - 14 آذار 2022 (أ ف ب)', '2022-03-14', undefined],
    ['صحيفة المدينة | الاثنين 14/مارس/2022 - 08:05 م', '2022-03-14', '20:05:00'],
    ['Write: 2022-03-14 08:05:10Update: 2022-03-15 09:00:00', '2022-03-14', '08:05:10'],
    ['3/28/2022', '2022-03-28', undefined],
    ['نشرت في: 28/03/2022 - 21:15آخر تحديث: 29/03/2022 - 07:00', '2022-03-28', '21:15:00'],
    ['06:30 GMT 28.03.2022 (تم التحديث: 08:00 GMT 28.03.2022)', '2022-03-28', '06:30:00'],
    ['[28/ مارس/2022]', '2022-03-28', undefined],
    ['نُشر: 11:20-28 مارس 2022 م ـ 25 شعبان 1443 هـ', '2022-03-28', '11:20:00'],
    ['الاثنين ٢٨ مارس ٢٠٢٢ - ٢٥ شعبان ١٤٤٣ - ١٤٠١/٠١/٠٨ - ١٠:٠٠', '2022-03-28', '10:00:00'],
    ['28/3/202214:40', '2022-03-28', '14:40:00'],
    ['28 مارس 2022 10:15 صباحا', '2022-03-28', '10:15:00'],
    ['نشر في: 28 مارس ,2022: 04:40 م GST', '2022-03-28', '16:40:00'],
    ['سارة علي | 28.03.2022 - تحديث : 29.03.2022', '2022-03-28', undefined],
    ['29 مارس/ آذار 2022', '2022-03-29', undefined],
    // Two calendars joined by «الموافق», a city before and an agency's closing mark after, space-separated.
    ['الرياض 25 شعبان 1443 هـ الموافق 28 مارس 2022 م واس', '2022-03-28', undefined],
    // A print paper's issue line.
    ['العدد : ١٥٩٩٠ - الاثنين ٢٨ مارس ٢٠٢٢ م، الموافق ٢٥ شعبان ١٤٤٣هـ', '2022-03-28', undefined],
    // A line of nothing but «في» and a stamp, its time after «على الساعة» / «عند الساعة» (Maghrebi «le … à …»).
    ['في 28/03/2022 على الساعة 21:15', '2022-03-28', '21:15:00'],
    ['نشر في 28/03/2022 عند الساعة 09:05', '2022-03-28', '09:05:00'],
  ];
  it.each(cases)('%s → %s %s', (text, date, time) => {
    const d = line(text);
    expect(d?.date).toBe(date);
    expect(d?.time).toBe(time);
    expect(d?.kind).not.toBe('update');
  });

  it('reads the zone a line names, as an offset or as a place that keeps summer time', () => {
    expect(line('١٤ مارس ٢٠٢٢ - ١٦:٠٥ بتوقيت موسكو')).toMatchObject({ offsetHours: 3 });
    expect(line('14 مارس 2022 - 16:05 بتوقيت أبوظبي')).toMatchObject({ offsetHours: 4 });
    expect(line('|آخر تحديث: 14/3/2022 16:05 (توقيت مكة)')).toMatchObject({ offsetHours: 3, kind: 'update' });
    expect(line('14 مارس 2022 - 16:05 بتوقيت القاهرة')).toMatchObject({ zone: 'Africa/Cairo' });
    expect(line('14.03.2022 | 16:05 GMT+3')).toMatchObject({ offsetHours: 3 });
    expect(line('14.03.2022 | 16:05 UTC-04:30')).toMatchObject({ offsetHours: -4.5 });
  });

  it('still reads a line whose zone the rules do not know, its offset left unknown', () => {
    const kyiv = line('14 مارس 2022، 16:05 بتوقيت كييف');
    expect(kyiv).toMatchObject({ date: '2022-03-14', time: '16:05:00', zoneUnknown: true });
    expect(kyiv?.offsetHours).toBeUndefined();
    expect(line('14 مارس 2022 - 16:05 توقيت كوريا الشمالية')).toMatchObject({ date: '2022-03-14', zoneUnknown: true });
    // «في» opening a sentence is still a sentence.
    expect(line('في 14 مارس 2022 وصل الوفد')).toBeNull();
  });

  it('keeps both stamps of a line, the published one first', () => {
    const d = line('نشرت في: 28/03/2022 - 21:15آخر تحديث: 29/03/2022 - 07:00')!;
    expect(d.stamps.map((s) => [s.kind, s.date])).toEqual([['publication', '2022-03-28'], ['update', '2022-03-29']]);
    expect(line('آخر تحديث: 29/03/2022 - 07:00')).toMatchObject({ kind: 'update' });
  });

  it('marks an all-numeric date with day and month ≤ 12 as having two readings', () => {
    expect(line('05/04/2022 10:40AM')).toMatchObject({ time: '10:40:00', readings: ['2022-04-05', '2022-05-04'] });
    expect(line('05/05/2022')?.readings).toBeUndefined();
    // The weekday beside it decides: 5 April 2022 was a Tuesday, 4 May a Wednesday.
    expect(line('الثلاثاء 05/04/2022')).toMatchObject({ date: '2022-04-05' });
    expect(line('الثلاثاء 05/04/2022')?.readings).toBeUndefined();
  });

  it('is no date line: a date in a sentence, a long line, a relative time, a time alone, an old calendar alone', () => {
    expect(line('وكان الوزير قد وصل إلى المدينة في 14 مارس 2022')).toBeNull();
    expect(line('افتتح المعرض في 14 مارس 2022')).toBeNull(); // short, but the date follows «في»
    expect(line('افتتح المعرض - 14 مارس 2022')).not.toBeNull();
    // A word run into the date with only a space makes it a phrase: a short subheading, not a stamp.
    expect(line('معرض 14 مارس 2022')).toBeNull();
    // A section's name then an all-numeric date, alone on the line, is the section's date bar…
    expect(line('دولية 2022/03/14')).toMatchObject({ date: '2022-03-14' });
    expect(line('محليات 14-03-2022')).toMatchObject({ date: '2022-03-14' });
    // …but not after a word of a sentence, nor with more words.
    expect(line('في 2022/03/14')).toBeNull();
    expect(line('افتتح المعرض 2022/03/14')).toBeNull();
    expect(line('14 مارس 2022 بالعاصمة')).toBeNull();
    // Only an agency's mark may close a stamp after a space; «الموافق» joins calendars, not any phrase.
    expect(line('الرياض 28 مارس 2022 م المقبل')).toBeNull();
    expect(line('الرياض 25 شعبان 1443 هـ الموافق ل 28 مارس 2022 م')?.date).toBe('2022-03-28');
    expect(line('اجتمعوا في 28 مارس 2022 م واس')).toBeNull();
    // A dated photo caption gives the photo's day.
    expect(line('صورة أرشيفية - 25 أبريل 2019')).toBeNull();
    expect(line('الوزير خلال زيارته للمعرض مع وفد كبير من المسؤولين، 14 مارس 2022')).toBeNull();
    expect(line('منذ 5 ساعات')).toBeNull();
    expect(line('آخر تحديث GMT 10:11:12')).toBeNull();
    expect(line('1401/01/08')).toBeNull();
    expect(line('الأحد 14 مارس 2022')).toBeNull(); // a Monday
  });

  it('reads the attribution line of an embedded post as an embed, not a page stamp', () => {
    expect(line('— Some Agency (@someagency) March 14, 2022')).toMatchObject({ kind: 'embed', date: '2022-03-14' });
  });
});

describe('the dateline at the head of the first paragraph', () => {
  it('reads the day and month, and the year when given', () => {
    expect(readLeadDateline('عمان، 14 آذار (وكالة) -- قال الوزير إن', rules())).toEqual({ day: 14, month: 3 });
    expect(readLeadDateline('القاهرة/ 14 آذار/مارس/ وكالة- قال الوزير', rules())).toEqual({ day: 14, month: 3 });
    expect(readLeadDateline('بكين 14 مارس 2022 (وكالة) قال الوزير', rules())).toEqual({ day: 14, month: 3, year: 2022 });
    // No city: the date opens the lead, then the site's mark between slashes.
    expect(readLeadDateline('14 مارس 2022 /جريدة الوادي/ قال الوزير', rules())).toEqual({ day: 14, month: 3, year: 2022 });
  });
  it('is not a date inside a sentence', () => {
    expect(readLeadDateline('وصل الوزير في 14 مارس (آذار) إلى', rules())).toBeNull();
    expect(readLeadDateline('14 مارس هو اليوم الذي وصل فيه الوزير', rules())).toBeNull();
  });
  it('reads a dateline in digits when it has one reading', () => {
    expect(readLeadDateline('الخرطوم 14-03-2022 (وكالة) - قال الوزير إن', rules())).toEqual({ day: 14, month: 3, year: 2022 });
    expect(readLeadDateline('مدينة الساحل ٢٠٢٢/٠٣/١٤ (وكالة) - قال الوزير', rules())).toEqual({ day: 14, month: 3, year: 2022 });
    // Day and month both up to 12: two readings, none taken.
    expect(readLeadDateline('الخرطوم 05-04-2022 (وكالة) - قال الوزير إن', rules())).toBeNull();
    expect(readLeadDateline('وصل الوزير في 14-03-2022 إلى المدينة', rules())).toBeNull();
  });
});

describe('choosing the publication date of a page', () => {
  let n = 0;
  const at = (zone: PageLine['zone'], text: string, extra: Partial<PageLine> = {}): PageLine => ({ no: ++n, text, zone, paragraph: false, ...extra });
  const para = (text: string): PageLine => ({ no: ++n, text, zone: 'body', paragraph: true });
  const choose = (page: PageLine[], dateOrder?: 'dmy' | 'mdy') => choosePublicationDate(page, rules(), { dateOrder });

  it('a today bar above the headline loses to the stamp under it', () => {
    const r = choose([at('above', 'الخميس 1 ديسمبر 2022'), at('above', 'صحيفة ما'), at('header', 'الاثنين 14 مارس 2022 10:00'), para('قال الوزير اليوم الاثنين إن الخطة جاهزة.')]);
    expect(r?.date).toBe('2022-03-14');
  });

  it('a today bar alone is refused; a post date printed right over the headline is taken', () => {
    expect(choose([at('above', 'الخميس 1 ديسمبر 2022'), at('above', 'صحيفة ما'), para('قال الوزير إن الخطة جاهزة.')])).toBeNull();
    expect(choose([at('above', 'صحيفة ما'), at('above', 'الاثنين 14 مارس 2022', { touchesHeadline: true }), para('قال الوزير إن الخطة جاهزة.')])?.date).toBe('2022-03-14');
    // …unless it carries a second calendar, as today bars do, or the lead's «اليوم» names another weekday.
    expect(choose([at('above', 'الاثنين 14 مارس 2022 | 11 شعبان 1443', { touchesHeadline: true }), para('قال الوزير إن الخطة جاهزة.')])).toBeNull();
    expect(choose([at('above', 'الاثنين 14 مارس 2022', { touchesHeadline: true }), para('قال الوزير اليوم الأحد إن الخطة جاهزة.')])).toBeNull();
  });

  it('on a page without a headline or a masthead, a stamp with only a caption between it and the text is taken', () => {
    const text = [
      'الرئيسية',
      'محليات',
      'دولي',
      'الثلاثاء 15 مارس 2022 | 10:40',
      'وزير الخارجية خلال مؤتمر صحفي سابق - أرشيفية',
      'وصل وزير الخارجية اليوم الثلاثاء إلى العاصمة في جولة إقليمية تشمل ثلاث دول، وقال إن المحادثات ستتناول التعاون الاقتصادي.',
      'وأضاف الوزير أن الجولة تأتي في إطار تعزيز العلاقات الثنائية بين البلدين.',
    ].join('\n');
    const e = entryOf(text);
    expect(e.frontmatter.date).toBe('2022-03-15');
    // A menu line between the stamp and the text makes it the page's today bar again.
    const bar = text.replace('وزير الخارجية خلال مؤتمر صحفي سابق - أرشيفية', 'اتصل بنا');
    expect(() => entryOf(bar)).toThrow(/no date/);
    // The buttons printed beside a stamp (font size, share links) are no menu.
    expect(entryOf(text.replace('وزير الخارجية خلال مؤتمر صحفي سابق - أرشيفية', 'A-\nA+\nWhatsapp\nFacebook')).frontmatter.date).toBe('2022-03-15');
  });

  it("a print paper's issue line is the edition's date, even above a section label over the headline", () => {
    const page = [at('above', 'صحيفة ما'), at('above', 'العدد : 15990 - الاثنين 28 مارس 2022 م'), at('above', 'شؤون دولية'), para('قال الوزير أمس الأحد إن الخطة جاهزة.')];
    expect(choose(page)?.date).toBe('2022-03-28');
    expect(choose(page)?.label).toBe('العدد');
  });

  it('a labelled stamp wins; an update stamp is never taken', () => {
    expect(choose([at('header', 'آخر تحديث: 15 مارس 2022'), at('header', 'تاريخ النشر: 14 مارس 2022'), para('نص.')])?.date).toBe('2022-03-14');
    expect(choose([at('header', 'آخر تحديث: 15 مارس 2022'), para('نص.')])).toBeNull();
  });

  it('bare stamps further down that disagree are a list of other stories', () => {
    expect(choose([para('نص.'), at('body', 'الاثنين 14 مارس 2022'), at('body', 'الأحد 13 مارس 2022')])).toBeNull();
    expect(choose([para('نص.'), at('body', 'الاثنين 14 مارس 2022 10:00'), at('body', 'الاثنين 14 مارس 2022')])?.date).toBe('2022-03-14');
  });

  it('a labelled stamp under the headline wins over a labelled one above it or further down', () => {
    expect(choose([at('header', 'تاريخ النشر: 14 مارس 2022'), para('نص.'), at('body', 'نشر في: 20 مارس 2022')])?.date).toBe('2022-03-14');
    expect(choose([at('above', 'نشر في: 20 مارس 2022'), at('header', 'تاريخ النشر: 14 مارس 2022'), para('نص.')])?.date).toBe('2022-03-14');
  });

  it('never takes a date after the day of the build', () => {
    const next = DateTime.utc().plus({ days: 40 });
    expect(choose([at('header', `${next.day}/${next.month}/${next.year}`), para('نص.')])).toBeNull();
  });

  it('reads d/m or m/d only when something on the page tells which', () => {
    const stamp = () => at('body', '05/04/2022 08:12PM');
    expect(choose([para('قال الوزير إن الخطة جاهزة.'), stamp()])).toBeNull();
    expect(choose([para('عمان 5 نيسان (وكالة)- قال الوزير إن الخطة جاهزة.'), stamp()])?.date).toBe('2022-04-05');
    expect(choose([para('قال الوزير اليوم الأربعاء إن الخطة جاهزة.'), stamp()])?.date).toBe('2022-05-04');
    expect(choose([para('قال الوزير إن الخطة جاهزة.'), stamp(), at('body', 'آخر تحديث: 2022-05-04')])?.date).toBe('2022-05-04');
    expect(choose([para('قال الوزير إن الخطة جاهزة.'), stamp()], 'mdy')?.date).toBe('2022-05-04');
    expect(choose([para('قال الوزير إن الخطة جاهزة.'), stamp()], 'dmy')?.rule).toMatch(/day first/);
  });

  it("tells d/m from m/d by the lead's weekday: the day of what it tells or the day before, one reading fitting", () => {
    // 03/05/2022 is Tuesday 3 May or Saturday 5 March.
    const stamp = () => at('body', '03/05/2022 08:12PM');
    const lead = (when: string) => para(`استقبل الرئيس ${when} وزير الخارجية في القصر.`);
    expect(choose([lead('، الثلاثاء،'), stamp()])?.date).toBe('2022-05-03');
    expect(choose([lead('، الثلاثاء،'), stamp()])?.rule).toMatch(/day first, as the lead's weekday/);
    expect(choose([lead('الاثنين'), stamp()])?.date).toBe('2022-05-03'); // printed the next day
    expect(choose([lead('أمس الجمعة'), stamp()])?.date).toBe('2022-03-05'); // «أمس»: written on the Saturday
    expect(choose([lead('الأحد'), stamp()])).toBeNull(); // neither reading is that day or the next
    expect(choose([lead('الثلاثاء الماضي'), stamp()])).toBeNull(); // a past week's day tells nothing
    // 05/04/2022 is Tuesday 5 April or Wednesday 4 May: a Tuesday's event fits both, so neither is taken.
    expect(choose([lead('الثلاثاء'), at('body', '05/04/2022 08:12PM')])).toBeNull();
  });

  it("a dateline in digits beats the lead's «أمس» (the day before the page)", () => {
    expect(choose([para('الخرطوم 15-03-2022 (وكالة) - أعلن الوزير أمس الاثنين أن الخطة جاهزة.')])?.date).toBe('2022-03-15');
  });

  it('takes a year-bearing dateline of the first paragraph when no stamp is printed', () => {
    expect(choose([para('بكين 14 مارس 2022 (وكالة) قال الوزير إن الخطة جاهزة.')])?.date).toBe('2022-03-14');
    expect(choose([para('عمان، 14 آذار (وكالة) -- قال الوزير إن الخطة جاهزة.')])).toBeNull(); // no year: no date
  });

  it('takes a yearless dateline’s year only from a stamp of the same day', () => {
    const lead = () => para('عمان، 14 آذار (وكالة) -- قال الوزير إن الخطة جاهزة.');
    expect(choose([at('header', 'آخر تحديث: 14 مارس 2022'), lead()])?.date).toBe('2022-03-14');
    expect(choose([at('header', 'آخر تحديث: 15 مارس 2022'), lead()])).toBeNull();
    expect(choose([at('above', 'آخر تحديث: 14 مارس 2021'), at('header', 'آخر تحديث: 14 مارس 2022'), lead()])).toBeNull(); // two years
  });
});

describe('an event told as today’s dates an undated article', () => {
  const visit: DatedEvent = {
    id: 'made-up-visit',
    date: '2022-03-02', // a Wednesday
    name_ar: 'زيارة متخيلة إلى بيونغ يانغ',
    name_en: 'A made-up visit',
    actors: [],
    places: ['pyongyang'],
    words: ['زيارة', 'وصل'],
    years: [2022],
  };
  const old: DatedEvent = { ...visit, id: 'made-up-old-visit', date: '2000-07-19', years: [2000] }; // also a Wednesday
  const sentence = (text: string, names: string[] = ['pyongyang']): BodySentence => ({ text, line: 3, lineText: text, lead: true, names: new Set(names) });

  it('takes the event’s day when the weekday fits', () => {
    const r = inferDateFromWeekdays([sentence('وصل الضيف اليوم الأربعاء إلى بيونغ يانغ في زيارة رسمية.')], [visit], rules());
    expect(r?.date).toBe('2022-03-02');
    expect(r?.from).toContain('2 مارس 2022');
    expect(inferDateFromWeekdays([sentence('وصل الضيف اليوم الخميس إلى بيونغ يانغ في زيارة رسمية.')], [visit], rules())).toBeNull();
  });

  it('a year after «منذ» does not pick an old event', () => {
    const r = inferDateFromWeekdays([sentence('وصل الضيف اليوم الأربعاء إلى بيونغ يانغ في أول زيارة منذ عام 2000.')], [visit, old], rules());
    expect(r?.date).toBe('2022-03-02');
  });
});

describe('the page’s date through the whole ingest', () => {
  it('skips the today bar and reads the time in the zone the line names', () => {
    const text = [
      'الخميس 1 ديسمبر 2022 | 7 جمادى الأولى 1444',
      'جريدة المثال',
      'وزير الخارجية يزور العاصمة في جولة إقليمية',
      'الاثنين 14 مارس 2022 - 04:30 م بتوقيت مكة',
      'وصل وزير الخارجية اليوم الاثنين إلى العاصمة في جولة إقليمية تشمل ثلاث دول، وقال إن المحادثات ستتناول التعاون الاقتصادي.',
      'وأضاف الوزير أن الجولة تأتي في إطار تعزيز العلاقات الثنائية بين البلدين.',
    ].join('\n');
    const e = entryOf(text);
    expect(e.frontmatter.date).toBe('2022-03-14');
    expect(e.frontmatter.published_at).toBe('2022-03-14T16:30:00+03:00');
    expect(e.frontmatter.date_basis).toMatchObject({ kind: 'stated', line: 'الاثنين 14 مارس 2022 - 04:30 م بتوقيت مكة' });
    // A zone the rules do not know: the day as printed, and no moment made up from another zone (not the
    // outlet's, Asia/Seoul for Yonhap).
    const kyiv = entryOf(text.replace('بتوقيت مكة', 'بتوقيت كييف').replace('جريدة المثال', 'وكالة يونهاب للأنباء'));
    expect(kyiv.frontmatter.outlet).toBe('وكالة يونهاب للأنباء');
    expect(kyiv.frontmatter.date).toBe('2022-03-14');
    expect(kyiv.frontmatter.published_at).toBeUndefined();
  });
});

describe('dotted numeric dates', () => {
  it('are day first, even when both numbers could be a month', async () => {
    const { readDateLine } = await import('../../../src/ingest/date.ts');
    const { projectIngestor } = await import('./helpers.ts');
    const rules = projectIngestor().data.dates;
    expect(readDateLine('Ekleme: 04.03.2023 20:26:00 / Güncelleme: 05.03.2023 10:00:00 / Arapça', rules)?.date).toBe('2023-03-04');
    expect(readDateLine('04/03/2023', rules)?.readings).toEqual(['2023-03-04', '2023-04-03']);
  });
});

describe('the cheap refusals before the stamp grammar', () => {
  it('still read a year folding joins, Arabic-Indic digits and a year run into its time', () => {
    expect(line('تاريخ النشر: 5 مايو 20ـ24')?.date).toBe('2024-05-05');
    expect(line('تاريخ النشر: ٥ مايو ٢٠٢٤')?.date).toBe('2024-05-05');
    expect(line('تاريخ النشر: 19/6/202418:40')).toMatchObject({ date: '2024-06-19', time: '18:40:00' });
  });

  it('refuse a line with one number or no four-digit year', () => {
    expect(line('عنوان الخبر (1234)')).toBeNull();
    expect(line('2024')).toBeNull();
    expect(line('قبل 5 أيام و12 ساعة')).toBeNull();
  });
});

describe('a lead that names today’s weekday and another day by its date', () => {
  const lead = (text: string): BodySentence => ({ text, line: 3, lineText: text, lead: true, names: new Set() });

  it('dates the article from «اليوم الأربعاء … يوم غد الخميس 9 مارس 2022» when both weekdays fit', () => {
    const r = inferDateFromRelativeDay([lead('وصل الوزير، اليوم الأربعاء، إلى المدينة في زيارة تستمر حتى يوم غد الخميس 10 مارس 2022.')], rules());
    expect(r?.date).toBe('2022-03-09');
    expect(r?.from).toContain('«غد الخميس 10 مارس 2022»');
    // «أمس» the other way: yesterday Tuesday 8 March, so today Wednesday 9 March.
    expect(inferDateFromRelativeDay([lead('قال الوزير اليوم الأربعاء إن الاتفاق الذي وقع أمس الثلاثاء 8 مارس 2022 يدخل حيز التنفيذ.')], rules())?.date).toBe('2022-03-09');
  });

  it('infers nothing when a weekday does not fit, without «اليوم», or outside the lead', () => {
    expect(inferDateFromRelativeDay([lead('وصل الوزير، اليوم الثلاثاء، في زيارة تستمر حتى يوم غد الخميس 10 مارس 2022.')], rules())).toBeNull();
    expect(inferDateFromRelativeDay([lead('وصل الوزير في زيارة تستمر حتى يوم غد الخميس 10 مارس 2022.')], rules())).toBeNull();
    expect(inferDateFromRelativeDay([{ ...lead('وصل الوزير، اليوم الأربعاء، في زيارة تستمر حتى يوم غد الخميس 10 مارس 2022.'), lead: false }], rules())).toBeNull();
  });
});
