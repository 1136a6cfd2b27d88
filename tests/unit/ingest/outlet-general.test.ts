/**
 * Round two: the outlet read from general shapes, for outlets content/outlets.yaml does not know.
 * Every page here is made up; the unknown outlets' names are invented.
 */
import { describe, expect, it } from 'vitest';
import { PAGE, outletOfPage } from './helpers.ts';

const { HEAD, LEAD, MORE } = PAGE;

function outletOf(...lines: string[]) {
  const r = outletOfPage(...lines);
  return { outlet: r.outlet, via: r.via, known: !!r.record };
}

describe('datelines name the publisher', () => {
  it('"city - Outlet" on its own line, an unknown outlet', () => {
    expect(outletOf(HEAD, 'المنامة - الميزان', LEAD, MORE)).toEqual({ outlet: 'الميزان', via: null, known: false });
  });
  it('"city - Outlet:" opening the lead', () => {
    expect(outletOf(HEAD, `المنامة - الميزان: ${LEAD}`, MORE)).toMatchObject({ outlet: 'الميزان', via: null });
  });
  it('"city - «Outlet» ووكالات:" opening the lead: the outlet, no via', () => {
    expect(outletOf(HEAD, `عواصم - «البوصلة» ووكالات: ${LEAD}`, MORE)).toMatchObject({ outlet: 'البوصلة', via: null });
  });
  it('"city (Agency)" opening the lead: the agency is the outlet when nothing else names one', () => {
    expect(outletOf(HEAD, `الكويت (كونا) -- ${LEAD}`, MORE)).toMatchObject({ outlet: 'وكالة الأنباء الكويتية' });
  });
  it('"Outlet/ city" opening the lead, unknown outlet', () => {
    expect(outletOf(HEAD, `صوت الساحل/ طرابلس ${LEAD}`, MORE)).toMatchObject({ outlet: 'صوت الساحل', via: null });
  });
  it('"city - Outlet" with a cited agency: "city - Outlet - (رويترز)"', () => {
    expect(outletOf(HEAD, `المنامة - الميزان - رويترز: ${LEAD}`, MORE)).toMatchObject({ outlet: 'الميزان', via: 'رويترز' });
  });
  it('a dateline whose second part is generic names nobody', () => {
    expect(outletOf(HEAD, `المنامة - متابعات: ${LEAD}`, MORE).outlet).toBeNull();
    expect(outletOf(HEAD, 'المنامة - خاص', LEAD, MORE).outlet).toBeNull();
  });
  it('a dateline with a place on either side is no outlet', () => {
    expect(outletOf(HEAD, `موسكو - سيول: ${LEAD}`, MORE).outlet).toBeNull();
  });
});

describe('bylines name the publisher', () => {
  it('"X - فريق التحرير", "X - متابعات", "X ــ وكالات"', () => {
    expect(outletOf(HEAD, 'الميزان - فريق التحرير', LEAD, MORE)).toMatchObject({ outlet: 'الميزان', via: null });
    expect(outletOf(HEAD, 'صوت الساحل - متابعات', LEAD, MORE)).toMatchObject({ outlet: 'صوت الساحل', via: null });
    expect(outletOf(HEAD, 'البوصلة ــ وكالات', LEAD, MORE)).toMatchObject({ outlet: 'البوصلة', via: null });
  });
  it('"X / وكالات - city"', () => {
    expect(outletOf(HEAD, 'الميزان / وكالات - المنامة', LEAD, MORE)).toMatchObject({ outlet: 'الميزان', via: null });
  });
  it('"X مع أ ف ب": outlet and via', () => {
    expect(outletOf(HEAD, 'البوصلة مع أ ف ب', LEAD, MORE)).toMatchObject({ outlet: 'البوصلة', via: 'فرانس برس' });
  });
  it('"بواسطة X" an unknown site; not a person', () => {
    expect(outletOf(HEAD, 'بواسطة الميزان', LEAD, MORE)).toMatchObject({ outlet: 'الميزان' });
    expect(outletOf(HEAD, 'بواسطة سامي الخطيب', LEAD, MORE).outlet).toBeNull();
  });
});

describe('mastheads, copyright lines, agency marks, closing lines', () => {
  it('"X | site" and a name alone on the first line', () => {
    expect(outletOf('الميزان | الصفحة الرئيسية', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'الميزان' });
    expect(outletOf('الميزان', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'الميزان', known: false });
  });
  it('a copyright line with an unknown name', () => {
    expect(outletOf(HEAD, LEAD, MORE, '© 2024 صوت الساحل. جميع الحقوق محفوظة')).toMatchObject({ outlet: 'صوت الساحل' });
  });
  it('agency marks: "/ وام /", "(كونا)", "/قنا/"', () => {
    expect(outletOf(HEAD, `أبوظبي في 3 مارس / وام / ${LEAD}`, MORE).outlet).toBe('وكالة أنباء الإمارات');
    expect(outletOf(HEAD, `الدوحة /قنا/ ${LEAD}`, MORE).outlet).toBe('وكالة الأنباء القطرية');
    expect(outletOf('الميزان', HEAD, `الدوحة /قنا/ ${LEAD}`, MORE)).toMatchObject({ outlet: 'الميزان', via: 'وكالة الأنباء القطرية' });
  });
  it('a closing line naming an agency is via', () => {
    expect(outletOf('الميزان', HEAD, LEAD, MORE, '(رويترز)')).toMatchObject({ outlet: 'الميزان', via: 'رويترز' });
    expect(outletOf('الميزان', HEAD, LEAD, MORE, 'المصدر: وكالة الأنباء الألمانية')).toMatchObject({ outlet: 'الميزان', via: 'وكالة الأنباء الألمانية' });
  });
});

describe('what a shape gives is refused when it is no name', () => {
  it('a label before a colon or comma ("المصدر: وكالات", "Author, فريق التحرير", "رمز الخبر: 123")', () => {
    expect(outletOf('الميزان', HEAD, 'Author, فريق التحرير', LEAD, MORE)).toMatchObject({ outlet: 'الميزان', via: null });
    expect(outletOf('الميزان', HEAD, 'رمز الخبر: 85513', LEAD, MORE)).toMatchObject({ outlet: 'الميزان', via: null });
  });
  it('a time zone or a date label in brackets or beside a dash', () => {
    expect(outletOf('الميزان', HEAD, 'آخر تحديث: 19/6/2024 18:40 (توقيت مكة)', LEAD, MORE)).toMatchObject({ via: null });
    expect(outletOf('الميزان', HEAD, `الدوحة - أكتوبر: ${LEAD}`, MORE)).toMatchObject({ via: null });
  });
  it('a writer\'s name, a section name, a one-letter button', () => {
    expect(outletOf(HEAD, 'محمد الراشد - متابعات', LEAD, MORE).outlet).toBeNull();
    expect(outletOf('اقتصاد', HEAD, LEAD, MORE).outlet).toBeNull();
    expect(outletOf('الميزان', HEAD, 'A+ A-', LEAD, MORE)).toMatchObject({ via: null });
  });
  it('a lead that opens with a short clause is no dateline', () => {
    expect(outletOf(HEAD, `في خطوة مفاجئة - ${LEAD}`, MORE).outlet).toBeNull();
    expect(outletOf(HEAD, `ساعات قليلة، ${LEAD}`, MORE).outlet).toBeNull();
  });
});

describe('more mastheads and copyright lines', () => {
  it('the masthead under a skip link or a date bar, cut as the masthead', () => {
    expect(outletOf('تخطي إلى المحتوى', 'صحيفة الميزان', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'صحيفة الميزان' });
    expect(outletOf('الثلاثاء 3 مارس 2024', 'صوت الساحل نيوز', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'صوت الساحل نيوز' });
    // Below a menu, a bare name is as likely the section's.
    expect(outletOf('اغلق القائمة', 'عرب وعالم', HEAD, LEAD, MORE).outlet).toBeNull();
  });
  it('a Latin masthead', () => {
    expect(outletOf('Mizan News', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'Mizan News' });
  });
  it('copyright lines in their several orders', () => {
    expect(outletOf(HEAD, LEAD, MORE, 'جميع الحقوق محفوظة © 2024 | صوت الساحل')).toMatchObject({ outlet: 'صوت الساحل' });
    expect(outletOf(HEAD, LEAD, MORE, '© حقوق النشر 2024 الميزان')).toMatchObject({ outlet: 'الميزان' });
    expect(outletOf(HEAD, LEAD, MORE, 'جميع الحقوق محفوظة لموقع الميزان')).toMatchObject({ outlet: 'موقع الميزان' });
    expect(outletOf(HEAD, LEAD, MORE, 'Copyright © 2024 Mizan News. All rights reserved')).toMatchObject({ outlet: 'Mizan News' });
  });
  it('a closing line naming the agency: "- رويترز", "وكالة الأنباء الألمانية (د ب أ)"', () => {
    expect(outletOf('الميزان', HEAD, LEAD, MORE, '- رويترز')).toMatchObject({ outlet: 'الميزان', via: 'رويترز' });
    expect(outletOf('الميزان', HEAD, LEAD, MORE, 'د ب أ')).toMatchObject({ outlet: 'الميزان', via: 'وكالة الأنباء الألمانية' });
  });
  it('a byline and a dateline together: the byline\'s site, the dateline\'s agency', () => {
    expect(outletOf(HEAD, 'صوت الساحل - متابعات', `الكويت (كونا) - ${LEAD}`, MORE)).toMatchObject({ outlet: 'صوت الساحل', via: 'وكالة الأنباء الكويتية' });
    expect(outletOf(HEAD, `المنامة - «الميزان» ووكالات: ${LEAD}`, MORE, '(رويترز)')).toMatchObject({ outlet: 'الميزان', via: 'رويترز' });
  });
});

