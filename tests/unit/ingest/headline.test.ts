import { describe, expect, it } from 'vitest';
import { cutFurniture } from '../../../src/ingest/boilerplate.ts';
import { deriveTitle } from '../../../src/ingest/headline.ts';
import { segmentLines } from '../../../src/ingest/segment.ts';
import { projectIngestor } from './helpers.ts';

const cut = (...lines: string[]) => cutFurniture(segmentLines(lines.join('\n')), projectIngestor().data);
const LEAD = 'وصل وزير الزراعة إلى مدينة الساحل اليوم في زيارة لبحث موسم الحصاد مع المزارعين.';
const SECOND = 'وقال الوزير إن الموسم سيكون أفضل من العام الماضي بفضل الأمطار.';
const HEAD = 'وزير الزراعة يزور مدينة الساحل لبحث موسم الحصاد';

describe('the headline is chosen by score among the lines above the first paragraph', () => {
  it('passes over a masthead, a section label and a breadcrumb; they are cut with their names', () => {
    const r = cut('صحيفة الوادي الإلكترونية', 'الرئيسية', 'محليات', HEAD, 'كتب: سامي علي', LEAD, SECOND);
    expect(r.title).toEqual({ text: HEAD, line: 4, derived: false });
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([[1, 'masthead'], [2, 'ui_string'], [3, 'section_label'], [5, 'byline']]);
  });

  it('a short line the lead says word for word (a caption naming who is pictured) is no headline', () => {
    const lead = 'غادر وزير الزراعة سامي الهادي مدينة الساحل اليوم بعد جولة لبحث موسم الحصاد مع المزارعين.';
    const label = 'وزير الزراعة سامي الهادي';
    const head = 'الهادي يختتم جولته.. ومزارع: حصلنا على وعود';
    const r = cut('صحيفة الوادي الإلكترونية', head, '12.03.2024', label, lead, SECOND);
    expect(r.title?.text).toBe(head);
    // Alone above the text, such a line is still the best there is.
    expect(cut(label, lead, SECOND).title?.text).toBe(label);
  });

  it('a long caption right above the text, under the date line, gives way to the headline above the date', () => {
    const head = 'وزير الزراعة في الساحل: الموسم أفضل من العام الماضي';
    const caption = 'وزير الزراعة يتحدث إلى المزارعين في مدينة الساحل خلال زيارته لبحث موسم الحصاد اليوم';
    const r = cut('صحيفة الوادي الإلكترونية', head, '19 يونيو 2024 - 16:05', caption, LEAD, SECOND);
    expect(r.title?.text).toBe(head);
    // (Cut as a line of the page's header: it may be a caption or a standfirst.)
    expect(r.removed.find((x) => x.line === 4)?.rule).toBe('page_header');
    // With no date line between them, the line over the text may still be the headline.
    expect(cut('صحيفة الوادي الإلكترونية', '19 يونيو 2024 - 16:05', HEAD, LEAD, SECOND).title?.text).toBe(HEAD);
    // An ad's placeholder between the caption and the text, a byline between the headline and the date.
    expect(cut('صحيفة الوادي الإلكترونية', head, 'كتب: سامي علي', 'نشر في: الخميس 19/أكتوبر/2023 - 12:18 م', caption, 'إعلان', LEAD, SECOND).title?.text).toBe(head);
    // A date at the very top (the day the page was saved) is not between a kicker and its headline.
    expect(cut('Tuesday 12, November 2024', 'محليات', 'بعد جولة استمرت يومين', HEAD, LEAD, SECOND).title?.text).toBe(HEAD);
  });

  it('a site\'s «about» blurb above the date line is the header\'s; the headline printed twice beats its standfirst', () => {
    const blurb = 'صدرت الوادي أولاً صحيفةً أسبوعية في مطلع التسعينيات، ثم انتقلت إلى الشبكة لتصبح موقعاً إخبارياً يومياً يغطي شؤون المنطقة';
    const standfirst = 'وزير الزراعة يصل إلى مدينة الساحل في زيارة لبحث موسم الحصاد مع المزارعين اليوم';
    const r = cut('موقع الوادي الإخباري', blurb, 'محليات', HEAD, 'محليات', HEAD, standfirst, '13/09/2024', LEAD, SECOND);
    expect(r.title).toEqual({ text: HEAD, line: 4, derived: false });
    expect(r.removed.map((x) => x.line)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    // A blurb closed by its stop, or with no date line under it, stays the text's first paragraph.
    expect(cut('موقع الوادي الإخباري', HEAD, `${blurb}.`, '13/09/2024', LEAD, SECOND).body.map((b) => b.text)).toContain(`${blurb}.`);
    // A caption printed twice in a row over the text is no headline for that.
    expect(cut('موقع الوادي الإخباري', HEAD, '13/09/2024', 'وزير الزراعة سامي الهادي', 'وزير الزراعة سامي الهادي', LEAD, SECOND).title?.text).toBe(HEAD);
  });

  it('a line ending in a known body in brackets, or in «(صورة: …)», is a caption, not the headline', () => {
    const head = 'الهادي يختتم جولته في مدينة الساحل بوعود للمزارعين';
    for (const caption of [
      'وزير الزراعة سامي الهادي لدى وصوله إلى مدينة الساحل (وزارة الدفاع الروسية)',
      'وزير الزراعة سامي الهادي خلال جولته (صورة: وكالة الأنباء المحلية)',
      // A picture taken from the web.
      'وزير الزراعة سامي الهادي والمزارعون في مدينة الساحل (الإنترنت)',
    ]) {
      const r = cut('محليات', head, '12.03.2024', caption, LEAD, SECOND);
      expect(r.title?.text, caption).toBe(head);
      expect(r.removed.find((x) => x.text === caption)?.rule, caption).toBe('photo_caption');
    }
    // Alone above the text, with a bracket that credits nothing, a line is still the headline.
    expect(cut('محليات', `${head} (فيديو)`, LEAD, SECOND).title?.text).toBe(`${head} (فيديو)`);
  });

  it('a headline on what the third paragraph tells, when no line tells what the first two do', () => {
    const head = 'الهادي عن أسعار الأسمدة: «سننظر في الأمر»';
    const third = 'وردا على سؤال عن أسعار الأسمدة قال الهادي إن الحكومة ستنظر في الأمر قريبا.';
    const r = cut('محليات', head, '12.03.2024', LEAD, SECOND, third);
    expect(r.title).toMatchObject({ text: head, derived: false });
    // A line that the first two paragraphs bear out still wins over it.
    expect(cut('محليات', head, HEAD, '12.03.2024', LEAD, SECOND, third).title?.text).toBe(HEAD);
  });

  it('a line over a photo credit is the caption, when a line above it can be the headline', () => {
    const head = 'الهادي يعد المزارعين بموسم أفضل';
    const caption = 'وزير الزراعة سامي الهادي خلال جولته مع المزارعين في مدينة الساحل لبحث موسم الحصاد';
    const lead = 'غادر وزير الزراعة سامي الهادي مدينة الساحل اليوم بعد جولة لبحث موسم الحصاد مع المزارعين.';
    expect(cut('محليات', head, '12.03.2024', caption, 'رويترز', lead, SECOND).title?.text).toBe(head);
    // A headline with its credit under it, and nothing above that could be one, stays the headline.
    expect(cut('محليات', caption, 'رويترز', lead, SECOND).title?.text).toBe(caption);
    // The credit with a copyright mark («© Copyright : AFP», «© أ ف ب») is a photo credit all the same.
    expect(cut('محليات', head, '12.03.2024', caption, '© Copyright : AFP', lead, SECOND).title?.text).toBe(head);
    expect(cut('محليات', head, '12.03.2024', caption, '© أ ف ب', lead, SECOND).title?.text).toBe(head);
  });

  it("a paper's masthead box (the editor's title, then the name) is no headline, even printed twice", () => {
    const r = cut('الوادي', 'رئيس مجلسي الإدارة والتحرير', 'سامي الهادي', 'رئيس مجلسى الإدارة والتحرير', 'سامي الهادي', 'محليات', HEAD, LEAD, SECOND);
    expect(r.title?.text).toBe(HEAD);
    expect(r.removed.filter((x) => x.rule === 'staff_title').map((x) => x.line)).toEqual([2, 4]);
    expect(cut('رئيس التحرير: سامي الهادي', HEAD, LEAD, SECOND).removed[0]).toMatchObject({ line: 1, rule: 'staff_credit' });
  });

  it('a site name with "| الموقع الرسمي" is a masthead, never a headline', () => {
    const r = cut('الوادي نت | الموقع الرسمي', HEAD, LEAD, SECOND);
    expect(r.title?.text).toBe(HEAD);
    expect(r.removed[0]).toMatchObject({ line: 1, rule: 'masthead' });
  });

  it('prefers the line the page prints twice, and cuts the repeat and the teaser under it', () => {
    const teaser = 'يبحث الوزير مع المزارعين في مدينة الساحل موسم الحصاد، وسط توقعات بمحصول وفير هذا العام بعد شتاء ماطر.';
    const r = cut('قسم الأخبار المحلية اليوم', HEAD, HEAD, teaser, '12.03.2024', LEAD, SECOND);
    expect(r.title?.text).toBe(HEAD);
    expect(r.removed.map((x) => x.rule)).toEqual(['masthead', 'repeated_headline', 'teaser', 'date_line']);
  });

  it('a page that opens with its only line above the text takes it, shared words or not', () => {
    expect(cut('خبر قصير', LEAD, SECOND).title).toEqual({ text: 'خبر قصير', line: 1, derived: false });
    // Two lines above the text that share nothing with it: neither is the headline.
    expect(cut('مدونة صغيرة', 'أخبار البلدان البعيدة', LEAD, SECOND).title?.derived).toBe(true);
  });

  it('with no headline the title is derived from the lead, and marked so', () => {
    const r = cut('الوادي', 'محليات', LEAD, SECOND);
    expect(r.headline).toBeNull();
    expect(r.title).toEqual({ text: 'وصل وزير الزراعة إلى مدينة الساحل اليوم في زيارة لبحث موسم الحصاد', line: null, derived: true });
  });

  it('derives a title from the first clause, without a dateline opening, at most twelve words', () => {
    expect(deriveTitle('بروكسل - وكالات - أكد الأمين العام للحلف، اليوم، أن القوات وصلت.')).toBe('أكد الأمين العام للحلف');
    expect(deriveTitle('قال الوزير إن الموسم سيكون أفضل من العام الماضي بفضل الأمطار الغزيرة التي هطلت في الشتاء.')?.split(' ')).toHaveLength(12);
  });
});

describe('structural furniture', () => {
  it('counters, reading times, placeholders, Latin UI strings, initials, embedded-post credits', () => {
    const r = cut(HEAD, '25 مشاهدة', 'قراءة 3 دقائق', LEAD, '[ad_1]', 'إعلان', 'Share', SECOND, 'ع.ح/ م.ك', '— Some Person (@someone) May 5, 2024');
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([
      [2, 'counter'],
      [3, 'counter'],
      [5, 'placeholder'],
      [6, 'placeholder'],
      [7, 'ui_string'],
      [9, 'initials'],
      [10, 'embed_attribution'],
    ]);
  });

  it('captions by their credit or lead, a dateline and a byline under the headline', () => {
    const r = cut(HEAD, 'مدينة الساحل - وكالات', 'الوزير خلال الجولة (رويترز)', 'صورة: أ ف ب', LEAD, 'المزارعون في الحقل. © أ ف ب', SECOND);
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([[2, 'dateline'], [3, 'photo_caption'], [4, 'photo_caption'], [6, 'photo_caption']]);
    expect(r.findings).toContainEqual({ kind: 'dateline', line: 2, text: 'مدينة الساحل - وكالات', place: 'مدينة الساحل', source: 'وكالات' });
  });

  it('a short line over a credit line between paragraphs is a caption; a subheading stays', () => {
    const r = cut(HEAD, LEAD, 'الوزير في الحقل', 'Reuters', SECOND, 'موسم جديد للمزارعين', LEAD);
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([[3, 'photo_caption'], [4, 'ui_string']]);
    expect(r.body.find((b) => b.no === 6)?.heading).toBe(true);
  });

  it('a time stamp of a city and a clock, and a date line with its parsed date as a finding', () => {
    const r = cut('القاهرة 10:41 ص', HEAD, 'الثلاثاء 12 مارس 2024', LEAD, SECOND);
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([[1, 'timestamp'], [3, 'date_line']]);
    expect(r.findings.find((f) => f.kind === 'date_line')).toMatchObject({ line: 3, date: { date: '2024-03-12' } });
  });
});
