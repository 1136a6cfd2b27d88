/**
 * The outlet and the agency relayed, read from the shapes sites print them in. Every article here
 * is made up; the outlets are real ones from content/outlets.yaml, or invented names.
 */
import { describe, expect, it } from 'vitest';
import { PAGE, outletOfPage as outletOf } from './helpers.ts';

const { HEAD, LEAD, MORE } = PAGE;

describe('outlet from the page', () => {
  it('a source line naming outlet and agency: "المصدر: X- أ ف ب"', () => {
    expect(outletOf(HEAD, LEAD, MORE, 'المصدر: هسبريس- أ ف ب')).toMatchObject({ outlet: 'هسبريس', via: 'فرانس برس', basis: { rule: 'source_line' } });
  });

  it('a source line with the date beside the name: the date is no name', () => {
    expect(outletOf(HEAD, LEAD, MORE, 'المصدر: جريدة الوادي الأخضر | السبت 30 تشرين الثاني 2024')).toMatchObject({ outlet: 'جريدة الوادي الأخضر', via: null });
  });

  it('a source line with the dateline’s city before the agency: the city is no name', () => {
    // «المصدر: موسكو - أ.ف.ب» under a masthead: the masthead publishes, the agency is relayed.
    expect(outletOf('جريدة الوادي الأخضر', 'الرئيسية', 'دولي', HEAD, 'المصدر: موسكو - أ.ف.ب', 'التاريخ: 28 يوليو 2023', LEAD, MORE)).toMatchObject({
      outlet: 'جريدة الوادي الأخضر',
      via: 'فرانس برس',
    });
  });

  it('a source line names an outlet the data does not know, kept as written', () => {
    expect(outletOf(HEAD, LEAD, MORE, 'المصدر: جريدة الوادي الأخضر + وكالات')).toMatchObject({ outlet: 'جريدة الوادي الأخضر', via: null, record: null });
  });

  it('a domain name alone at the top is the masthead, not the agency the lead relays', () => {
    expect(outletOf('wadinews.ch', 'The valley’s voice since 1990', 'الأخبار', HEAD, `الساحل (أ ف ب) – ${LEAD}`, MORE)).toMatchObject({
      outlet: 'wadinews.ch',
      via: 'فرانس برس',
      basis: { rule: 'masthead' },
    });
  });

  it('an acronym in capitals on the page\'s first line is the masthead, not the Latin tagline under it', () => {
    expect(outletOf('WVTV', 'Valley News', 'الرئيسية', 'أخبار دولية', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'WVTV', basis: { rule: 'masthead' } });
  });

  it('a credit «X - <section>» names the page\'s own section, no agency, when the menu prints that section', () => {
    const page = ['جريدة الوادي الأخضر', 'سياسة', 'عرب وعالم', 'اقتصاد', HEAD, 'جريدة الوادي الأخضر - عرب وعالم', LEAD, MORE];
    expect(outletOf(...page)).toMatchObject({ outlet: 'جريدة الوادي الأخضر', via: null });
    // Not in the menu, the name after the dash is still read as the agency relayed.
    expect(outletOf('جريدة الوادي الأخضر', 'سياسة', 'اقتصاد', HEAD, 'جريدة الوادي الأخضر - أ ف ب', LEAD, MORE)).toMatchObject({ via: 'فرانس برس' });
  });

  it('the masthead, even with the site words beside it ("X | الموقع الرسمي")', () => {
    expect(outletOf('الموقع الرسمي | سكاي نيوز عربية', 'اقتصاد', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'سكاي نيوز عربية', basis: { rule: 'masthead' } });
  });

  it('in a lead «X - <sentence>، …» the sentence is no publisher; «city - Outlet:» still is', () => {
    // «وطنية - صادق مجلس الاتحاد، الغرفة العليا …»: the words after the dash run on after a comma.
    const sentence = 'صادق مجلس الشيوخ، الغرفة العليا في البرلمان، بالإجماع اليوم على الاتفاقية التي وقعها الطرفان في الصيف الماضي بعد مفاوضات استمرت أشهرا.';
    expect(outletOf(HEAD, `وطنية - ${sentence}`, MORE)).toMatchObject({ outlet: null, via: null });
    expect(outletOf(HEAD, `بيروت - أخبار السهل والجبل: ${sentence}`, MORE)).toMatchObject({ outlet: 'أخبار السهل والجبل' });
  });

  it('a known name among the menu items under «الرئيسية» is a section, not the masthead', () => {
    // «الرأي» (the opinion pages) is also the Kuwaiti paper الراي.
    const r = outletOf('الرئيسية', 'العالم', 'الرأي', 'رياضة', HEAD, `بيروت - ${LEAD}`, MORE, 'جميع الحقوق محفوظة لمركز السهل والجبل للأخبار 2024');
    expect(r).toMatchObject({ outlet: 'مركز السهل والجبل للأخبار', via: null });
  });

  it('a one-word name below the date bar is the site when the credit under the headline prints it again', () => {
    const bar = 'السبت 26 تشرين الأول 2024';
    expect(outletOf(bar, 'الضفة', 'سياسة', HEAD, 'متابعة/ الضفة', LEAD, MORE)).toMatchObject({ outlet: 'الضفة' });
    // Not printed again: a section's name as often as the site's, so none.
    expect(outletOf(bar, 'الضفة', 'سياسة', HEAD, LEAD, MORE)).toMatchObject({ outlet: null });
  });

  it('«عواصم - X - وكالات:»: after a word for several capitals, X is the publisher even when X is a place', () => {
    expect(outletOf(HEAD, 'عواصم - بيروت - وكالات:', LEAD, MORE)).toMatchObject({ outlet: 'بيروت', via: null });
    // A city's dateline alone names no outlet.
    expect(outletOf(HEAD, 'بيروت - وكالات:', LEAD, MORE)).toMatchObject({ outlet: null });
  });

  it('the site’s own team («فريق تحرير X») and a desk dateline («مركز الأخبار ـ») are no via', () => {
    const copyright = '© 2000 - 2024 السهل والجبل (www.example-sahl.com)';
    expect(outletOf(HEAD, 'نشر بواسطة فريق تحرير السهل والجبل', LEAD, MORE, copyright)).toMatchObject({ outlet: 'السهل والجبل', via: null });
    expect(outletOf('صحيفة السهل والجبل', HEAD, 'مركز الأخبار ـ', LEAD, MORE)).toMatchObject({ outlet: 'صحيفة السهل والجبل', via: null });
  });

  it('a source line naming one agency twice (its name and its initials) on a site’s page: the agency is the via', () => {
    const r = outletOf('صحيفة السهل والجبل', 'الرئيسية', HEAD, LEAD, MORE, 'مصدر الخبر: وكالة الأنباء الألمانية (د.ب.أ)');
    expect(r).toMatchObject({ outlet: 'صحيفة السهل والجبل', via: 'وكالة الأنباء الألمانية' });
  });

  it('a masthead in Latin letters over the same name in Arabic: the Arabic one is the site', () => {
    expect(outletOf('Alsahil News', 'الساحل', 'الرئيسية', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'الساحل' });
    expect(outletOf('الجمعة 06 ديسمبر 2024', 'Mosaique FM', 'موزاييك أف أم', 'الرئيسية', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'موزاييك أف أم' });
    // Different consonants: not the same name, so the Arabic line below the Latin one is no masthead by it.
    expect(outletOf('الجمعة 06 ديسمبر 2024', 'Mosaique FM', 'أخبار', HEAD, LEAD, MORE).outlet).not.toBe('أخبار');
    // A number in the name, printed in both («Sahil24» / «ساحل24»); a different number is no twin.
    expect(outletOf('Sahil24', 'ساحل24', 'English', 'الرئيسية', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'ساحل24' });
    expect(outletOf('Sahil24', 'ساحل 2024', 'English', 'الرئيسية', HEAD, LEAD, MORE).outlet).not.toBe('ساحل 2024');
  });

  it('«X - <lead>» is the site’s own mark when the page prints X in Latin letters too', () => {
    const lead = `سهيل - ${LEAD}`;
    expect(outletOf('Suhail on Apple Store', 'الرئيسية', HEAD, lead, MORE)).toMatchObject({ outlet: 'سهيل' });
    // Without the Latin name it could be a city's dateline: no outlet.
    expect(outletOf('الرئيسية', HEAD, lead, MORE)).toMatchObject({ outlet: null });
  });

  it('a dateline mark that is part of the site’s own name is no via', () => {
    // «(السهل، وكالات)» and «(السهل) متابعات:» on the page of «مؤسسة السهل للإعلام».
    const copyright = 'جميع الحقوق محفوظة لمؤسسة السهل للإعلام © 2024';
    expect(outletOf(HEAD, 'بيروت (السهل، وكالات)', LEAD, MORE, copyright)).toMatchObject({ outlet: 'مؤسسة السهل للإعلام', via: null });
    expect(outletOf(HEAD, '(السهل) متابعات:', LEAD, MORE, copyright)).toMatchObject({ outlet: 'مؤسسة السهل للإعلام', via: null });
  });

  it('a masthead under a weather bar and a date bar is the site', () => {
    const r = outletOf('21° القدس', '24° غزة', 'الأربعاء 13 تشرين الثاني 2024', 'وكالة أنباء السهل والجبل', 'الرئيسية', 'محليات', HEAD, LEAD, MORE);
    expect(r).toMatchObject({ outlet: 'وكالة أنباء السهل والجبل', record: null });
  });

  it('an unknown site name above the navigation is the masthead; the dateline agency is via', () => {
    const r = outletOf('أخبار السهل والجبل', 'الرئيسية', HEAD, `دمشق (رويترز) - ${LEAD}`, MORE);
    expect(r).toMatchObject({ outlet: 'أخبار السهل والجبل', via: 'رويترز', record: null });
  });

  it('the page\'s browser title saved above it, "<headline> - X": X is the site', () => {
    expect(outletOf(`${HEAD} - بوابة الوادي`, 'السبت 14 ديسمبر 2024 9:40 ص', HEAD, LEAD, MORE)).toMatchObject({ outlet: 'بوابة الوادي', record: null });
    expect(outletOf(`${HEAD} | الوادي الأخضر`, HEAD, LEAD, MORE)).toMatchObject({ outlet: 'الوادي الأخضر' });
    // A section's name or a long tail after the headline is none.
    expect(outletOf(`${HEAD} - فيديو`, HEAD, LEAD, MORE).outlet).toBeNull();
  });

  it('«العربية» in a language switcher is the page’s language, not Al Arabiya', () => {
    const r = outletOf('Skip to main content', 'ALWADI-GREEN', 'Menu', 'العربية', 'Language', 'الأخبار', HEAD, 'التاريخ: 28 يوليو 2023', LEAD, MORE);
    expect(r.outlet).not.toBe('العربية');
    expect(outletOf('ALWADI-GREEN', 'English', 'العربية', 'الرئيسية', HEAD, LEAD, MORE).outlet).not.toBe('العربية');
    // Alone above the headline, it still is Al Arabiya's masthead.
    expect(outletOf('العربية', 'الرئيسية', HEAD, LEAD, MORE).outlet).toBe('العربية');
  });

  it('a copyright line with the company’s full name in brackets: the name before them', () => {
    expect(outletOf(HEAD, LEAD, MORE, 'Copyright Alwadi (Alwadi Broadcasting Corporation) All rights reserved.')).toMatchObject({ outlet: 'Alwadi' });
  });

  it('a masthead in Arabic over the same name in Latin letters, a tagline under them: the Arabic one', () => {
    const r = outletOf('27th Sep 2023', 'الوادي الأخضر', 'Alwadi Alakhdar', 'صحيفة عربية مستقلة', 'الرئيسية', 'أخبار', HEAD, LEAD, MORE);
    expect(r).toMatchObject({ outlet: 'الوادي الأخضر', basis: { rule: 'masthead' } });
  });

  it('a copyright mark above the text credits the photo, not the page', () => {
    // «© Copyright : AFP» under a caption: the agency took the picture; the site's own line closes the page.
    const caption = 'مزارعون يتجمعون أمام مبنى المحافظة في الريف الشمالي';
    const page = [HEAD, 'التاريخ: 28 يوليو 2023', caption, '© Copyright : AFP', LEAD, MORE];
    expect(outletOf(...page)).toMatchObject({ outlet: null });
    expect(outletOf(...page, '© 2023 Alwadi')).toMatchObject({ outlet: 'Alwadi', via: null });
    // A page with no paragraph long enough to count as the text has no "above it": its copyright line still names it.
    expect(outletOf(HEAD, 'وصل الوفد صباحا.', 'جميع الحقوق محفوظة لموقع الوادي الأخضر 2023')).toMatchObject({ outlet: 'موقع الوادي الأخضر' });
  });

  it('a byline lead before a credit of two names: «بقلم X (مع وكالات)», «نص : X / أ ف ب»', () => {
    expect(outletOf('الرئيسية', 'دولي', HEAD, 'نص : إذاعة الوادي الأخضر / أ ف ب', 'التاريخ: 28 يوليو 2023', LEAD, MORE)).toMatchObject({ outlet: 'إذاعة الوادي الأخضر', via: 'فرانس برس' });
    // «مع وكالات»: agencies, no one agency: no via, and the lead's «ذكرت وكالة X … وأضافت الوكالة» is no relay then.
    const lead = 'ذكرت وكالة الأنباء المركزية الكورية اليوم أن الزعيم استقبل الوفد الزائر في العاصمة بحضور كبار المسؤولين.';
    const more = 'وأضافت الوكالة أن الجانبين بحثا سبل توسيع التعاون بين البلدين في عدة مجالات خلال العام المقبل.';
    const head = 'الزعيم يستقبل الوفد الزائر ويبحث معه توسيع التعاون بين البلدين';
    const r = outletOf('الرئيسية', 'دولي', head, 'بقلم إذاعة الوادي الأخضر (مع وكالات)', 'التاريخ: 28 يوليو 2023', lead, more);
    expect(r).toMatchObject({ outlet: 'إذاعة الوادي الأخضر', via: null });
  });

  it('a summary paragraph under the headline, then the credit and the date line: the credit names the site', () => {
    const summary = 'وقع المزارعون عريضة تطالب بخفض أسعار الأسمدة، فيما وعدت المحافظة بدراسة مطالبهم خلال أيام.';
    expect(outletOf('الرئيسية', 'دولي', HEAD, summary, 'نص : إذاعة الوادي الأخضر / أ ف ب', 'نشرت في: 28/07/2023 - 08:14', LEAD, MORE)).toMatchObject({
      outlet: 'إذاعة الوادي الأخضر',
      via: 'فرانس برس',
    });
  });

  it('a copyright line: "جميع الحقوق محفوظة لـ X 2024", "© 2024 X"', () => {
    expect(outletOf(HEAD, LEAD, MORE, 'جميع الحقوق محفوظة لقناة القاهرة الإخبارية 2024')).toMatchObject({ outlet: 'القاهرة الإخبارية' });
    expect(outletOf(HEAD, LEAD, MORE, '© 2024 البيان')).toMatchObject({ outlet: 'البيان' });
    // The company's form after a comma is no part of the name.
    expect(outletOf(HEAD, LEAD, MORE, '© 2023 Al-Qamar, LLC. All rights reserved.')).toMatchObject({ outlet: 'Al-Qamar' });
  });

  it('the site promoting itself: "تابعوا X على واتساب"', () => {
    expect(outletOf(HEAD, LEAD, MORE, 'تابعوا المصري اليوم على واتساب')).toMatchObject({ outlet: 'المصري اليوم' });
  });

  it('the site promoting itself "عبر" its channel, with a number in its name: "تابعوا موقع 42 عبر قناته"', () => {
    expect(outletOf(HEAD, LEAD, MORE, 'تابعوا موقع 42 عبر قناته على واتساب')).toMatchObject({ outlet: 'موقع 42', record: null });
    // Not a site: a number alone, a year, a phrase with a count in it.
    expect(outletOf(HEAD, LEAD, MORE, 'تابعوا 24 عبر قناتنا').outlet).toBeNull();
    expect(outletOf(HEAD, LEAD, MORE, 'تابعوا موقع 2024 عبر قناته').outlet).toBeNull();
    expect(outletOf(HEAD, LEAD, MORE, 'تابعوا آخر 24 ساعة عبر قناتنا').outlet).toBeNull();
  });

  it('a credit under the headline: "X - أ ف ب" gives both; "city - X" gives the outlet', () => {
    expect(outletOf(HEAD, 'رؤيا - أ ف ب', LEAD, MORE)).toMatchObject({ outlet: 'رؤيا الإخباري', via: 'فرانس برس' });
    expect(outletOf(HEAD, 'عمّان - المغرب اليوم', LEAD, MORE)).toMatchObject({ outlet: 'المغرب اليوم', via: null });
  });

  it('a bar of share buttons under the headline («Share | مشاركة», «شارك المقال | Facebook | X») names no one: no via', () => {
    expect(outletOf('الساحل', HEAD, 'Share | مشاركة', LEAD, MORE)).toMatchObject({ via: null });
    expect(outletOf('الساحل', HEAD, 'الساحل - متابعة', 'شارك المقال | Facebook | X | WhatsApp', LEAD, MORE)).toMatchObject({ outlet: 'الساحل', via: null });
  });

  it('a caption credited to the archive («X - أرشيف») under the credit names no one: no via', () => {
    expect(outletOf('الساحل', 'الرئيسية', HEAD, 'الساحل - وكالات', 'مبنى البرلمان في العاصمة - أرشيف', LEAD, MORE)).toMatchObject({ outlet: 'الساحل', via: null });
    expect(outletOf('الساحل', HEAD, 'قاعة المجلس - الإنترنت', LEAD, MORE)).toMatchObject({ via: null });
  });

  it('a writer’s initial before a name under the headline («م. إلياس») is a person’s byline: no outlet, no via', () => {
    expect(outletOf('الساحل', 'الرئيسية', HEAD, 'ع. الحسني', 'وكالات', LEAD, MORE)).toMatchObject({ via: null });
    expect(outletOf(HEAD, 'ع. الحسني', LEAD, MORE)).toMatchObject({ outlet: null, via: null });
  });

  it('a copyright line «© X 2023 - جميع الحقوق محفوظة» names X alone', () => {
    expect(outletOf(HEAD, LEAD, MORE, '© الساحل 2023 - جميع الحقوق محفوظة')).toMatchObject({ outlet: 'الساحل' });
  });

  it('generic credits name no outlet: "كتب: وكالات", "فريق التحرير", "بروكسل - وكالات -"', () => {
    expect(outletOf(HEAD, 'كتب: وكالات', LEAD, MORE).outlet).toBeNull();
    expect(outletOf(HEAD, 'فريق التحرير', LEAD, MORE).outlet).toBeNull();
    expect(outletOf(HEAD, `بروكسل - وكالات - ${LEAD}`, MORE).outlet).toBeNull();
    // The singular too: "X - متابعة" credits the site, and "متابعة" is no agency it relays.
    expect(outletOf(HEAD, 'الوادي نيوز - متابعة', LEAD, MORE)).toMatchObject({ outlet: 'الوادي نيوز', via: null });
  });

  it('a person\'s byline is no outlet', () => {
    expect(outletOf(HEAD, 'كتب: سامي الخطيب', LEAD, MORE).outlet).toBeNull();
  });

  it('a dateline opening the lead, in its several forms', () => {
    expect(outletOf(HEAD, `بيروت، 3 مارس (يونهاب) -- ${LEAD}`, MORE).outlet).toBe('وكالة يونهاب للأنباء');
    expect(outletOf(HEAD, `القاهرة 3 مارس 2024 (شينخوا) ${LEAD}`, MORE).outlet).toBe('وكالة أنباء شينخوا');
    expect(outletOf(HEAD, `شفق نيوز/ ${LEAD}`, MORE).outlet).toBe('شفق نيوز');
    expect(outletOf(HEAD, `موسكو، 3 مارس. /تاس/. ${LEAD}`, MORE).outlet).toBe('وكالة تاس');
  });

  it('an agency named inside the lead\'s sentence is no dateline', () => {
    expect(outletOf(HEAD, `قال وزير الزراعة في مقابلة مع (رويترز) إن ${LEAD}`, MORE).outlet).toBeNull();
  });

  it('closing marks: initials with the agency, "outlet/ agency", a mark after the last stop', () => {
    expect(outletOf('DW عربية', HEAD, LEAD, MORE, 'س.ع/ م.ن (رويترز)')).toMatchObject({ outlet: 'دويتشه فيله', via: 'رويترز' });
    expect(outletOf(HEAD, LEAD, MORE, 'فرانس24/ أ ف ب')).toMatchObject({ outlet: 'فرانس 24', via: 'فرانس برس' });
    expect(outletOf(HEAD, LEAD, `${MORE} (يونهاب)`).outlet).toBe('وكالة يونهاب للأنباء');
    expect(outletOf(HEAD, LEAD, MORE, '(انتهى)').outlet).toBeNull();
  });

  it('a one-word masthead the data does not know, printed again as the credit under the headline', () => {
    expect(outletOf('الأخبار', 'دولي', HEAD, 'الأخبار', LEAD, MORE).outlet).toBe('الأخبار');
    // Alone at the top, such a word may be a section's name: no outlet.
    expect(outletOf('الأخبار', 'دولي', HEAD, LEAD, MORE).outlet).toBeNull();
    // A place printed above and under the headline is a dateline, never a site.
    expect(outletOf('موسكو', 'دولي', HEAD, 'موسكو', LEAD, MORE).outlet).not.toBe('موسكو');
  });

  it('a site named with a closing number («عرب 48»), printed again in the byline «تحرير: …»', () => {
    expect(outletOf('عرب 48', 'دولي', HEAD, 'تحرير: عرب 48', LEAD, MORE).outlet).toBe('عرب 48');
    // A year, a date or a time is no part of a name.
    expect(outletOf('أخبار 2024', 'دولي', HEAD, 'تحرير: أخبار 2024', LEAD, MORE).outlet).toBeNull();
  });

  it('a masthead printed twice, in Latin letters and in Arabic: the form the data knows', () => {
    expect(outletOf('Xinhua Arabic', 'شينخوا', HEAD, LEAD, MORE).outlet).toBe('وكالة أنباء شينخوا');
    expect(outletOf('Sputnik Arabic', 'سبوتنيك', HEAD, LEAD, MORE).outlet).toBe('سبوتنيك عربي');
    // An agency named alone under an Arabic masthead is no second form of it: the masthead stays.
    expect(outletOf('صحيفة الوادي الإلكترونية', 'رويترز', HEAD, LEAD, MORE).outlet).toBe('صحيفة الوادي الإلكترونية');
  });

  it('an agency\'s credit under a name alone below the date bar: the name is the paper, the agency its via', () => {
    const bar = 'اليوم: الأحد 3 مارس 2024';
    expect(outletOf(bar, 'الرائد', 'عربي ودولي', HEAD, 'موسكو- قنا', LEAD, MORE)).toMatchObject({ outlet: 'الرائد', via: 'وكالة الأنباء القطرية', record: null });
    // A section's name there is no paper: the agency's credit stands.
    expect(outletOf(bar, 'أخبار', HEAD, 'الدوحة - قنا', LEAD, MORE)).toMatchObject({ outlet: 'وكالة الأنباء القطرية' });
    // Nor is a name of more words (a kicker), or a credit that is no agency's.
    expect(outletOf(bar, 'قمة الشرق الأقصى الثانية', HEAD, 'موسكو- قنا', LEAD, MORE)).toMatchObject({ outlet: 'وكالة الأنباء القطرية' });
  });

  it('a masthead neither form of which the data knows, printed in Latin then in Arabic with the same edition word: the Arabic one, and its dateline mark is no via', () => {
    const dateline = `بغداد، 3 مارس (NRT) -- ${LEAD}`;
    expect(outletOf('NRT العربية', 'إن آر تي العربية', HEAD, dateline, MORE)).toMatchObject({ outlet: 'إن آر تي العربية', via: null, record: null });
    // No edition word shared: the line below is no second form (a section, a kicker), the masthead stays.
    expect(outletOf('NRT العربية', 'أخبار العراق', HEAD, dateline, MORE)).toMatchObject({ outlet: 'NRT العربية', via: null });
    // A hyphen inside a Latin name is no separator: «Al-Qamar العربية» over «القمر العربية».
    expect(outletOf('Al-Qamar العربية', 'القمر العربية', HEAD, `لندن، 3 مارس (Al-Qamar) -- ${LEAD}`, MORE)).toMatchObject({ outlet: 'القمر العربية', via: null });
  });

  it('a photo credit names the photo\'s source, not the story\'s', () => {
    expect(outletOf('الخليج', HEAD, 'صورة: أ.ف.ب', LEAD, MORE)).toMatchObject({ outlet: 'الخليج', via: null });
    expect(outletOf('الخليج', HEAD, 'المزارعون أمام مبنى المحافظة في الريف (رويترز)', LEAD, MORE)).toMatchObject({ via: null });
  });

  it('"نقلاً عن وكالة X" ending or opening the lead: the story is X\'s', () => {
    const lead = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض أسعار الأسمدة، نقلاً عن وكالة سبوتنيك الروسية.';
    expect(outletOf('الخليج', HEAD, lead, MORE)).toMatchObject({ outlet: 'الخليج', via: 'سبوتنيك عربي' });
    const opening = 'نقلاً عن وكالة سبوتنيك الروسية، تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض أسعار الأسمدة.';
    expect(outletOf('الخليج', HEAD, opening, MORE)).toMatchObject({ outlet: 'الخليج', via: 'سبوتنيك عربي' });
    // Not a name the data knows as an outlet: no via.
    const sources = 'نقلاً عن مصادر محلية، تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض أسعار الأسمدة.';
    expect(outletOf('الخليج', HEAD, sources, MORE).via).toBeNull();
    // «…، بحسب ما أفادت وكالة "X" الروسية.» ending the lead, the agency in quotation marks.
    const reported = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض أسعار الأسمدة، بحسب ما أفادت وكالة "ريا نوفوستي" الروسية.';
    expect(outletOf('الخليج', HEAD, reported, MORE)).toMatchObject({ outlet: 'الخليج', via: 'وكالة ريا نوفوستي' });
    // «وفق ما أوردته وكالة الصحافة الفرنسية», «وفقا لما نقلته وكالة سبوتنيك الروسية»: every opener with every verb.
    const afp = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض الأسعار، وفق ما أوردته وكالة الصحافة الفرنسية.';
    expect(outletOf('جريدة الوادي الأخضر', HEAD, afp, MORE).via).toBe('فرانس برس');
    const sputnik = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض الأسعار، وفقا لما نقلته وكالة سبوتنيك الروسية.';
    expect(outletOf('جريدة الوادي الأخضر', HEAD, sputnik, MORE).via).toBe('سبوتنيك عربي');
    // «حسب ما نقلته وكالة X عن …», «حسبما أوردت وكالة «X»» (the verb with its pronoun; حسبما in one word).
    const relayed = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض الأسعار، حسب ما نقلته وكالة رويترز عن مصادر محلية.';
    expect(outletOf('الخليج', HEAD, relayed, MORE)).toMatchObject({ outlet: 'الخليج', via: 'رويترز' });
    const told = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض الأسعار، حسبما أوردت وكالة «تاس».';
    expect(outletOf('الخليج', HEAD, told, MORE)).toMatchObject({ outlet: 'الخليج', via: 'وكالة تاس' });
    // The agency known by the name in its brackets: «حسبما نقلت وكالة الأنباء الروسية (تاس).»
    const bracketed = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض الأسعار، حسبما نقلت وكالة الأنباء الروسية (تاس).';
    expect(outletOf('الخليج', HEAD, bracketed, MORE)).toMatchObject({ outlet: 'الخليج', via: 'وكالة تاس' });
    const quoted = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض الأسعار، حسبما أفادت وكالة أنباء «ريا نوفوستي» الروسية.';
    expect(outletOf('الخليج', HEAD, quoted, MORE)).toMatchObject({ outlet: 'الخليج', via: 'وكالة ريا نوفوستي' });
    // The relay clause between two others: «…، بحسب ما نقلت وكالة يونهاب عن …، اليوم الثلاثاء.»
    const between = 'تجمع مئات المزارعين أمام مبنى المحافظة مطالبين بخفض الأسعار، بحسب ما نقلت وكالة يونهاب عن مصادر محلية، اليوم الثلاثاء.';
    expect(outletOf('الخليج', HEAD, between, MORE)).toMatchObject({ outlet: 'الخليج', via: 'وكالة يونهاب للأنباء' });
  });

  it('«X - متابعات خاصة» under the headline credits the site: no via; an agency the lead relays is', () => {
    const lead = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض الأسعار، حسب ما نقلته وكالة رويترز.';
    expect(outletOf('صحيفة الوادي الأخضر', HEAD, 'صحيفة الوادي الأخضر - متابعات خاصة', LEAD, MORE)).toMatchObject({ via: null });
    expect(outletOf('صحيفة الوادي الأخضر', HEAD, 'صحيفة الوادي الأخضر - متابعات خاصة', lead, MORE)).toMatchObject({ via: 'رويترز' });
  });

  it('«X - ترجمات» (the site’s translation desk) credits the site: no via', () => {
    const lead = 'تجمع مئات المزارعين اليوم أمام مبنى المحافظة مطالبين بخفض الأسعار، وفقاً لما أوردته وكالة تاس الروسية.';
    expect(outletOf('صحيفة الوادي الأخضر', HEAD, 'الوادي - ترجمات', lead, MORE)).toMatchObject({ via: 'وكالة تاس' });
  });

  it('a lead "ذكرت وكالة X … أن" with the story citing "الوكالة": via X; not when the source is "وكالات"', () => {
    const lead = 'ذكرت وكالة الأنباء الألمانية، اليوم الأحد، أن مئات المزارعين تجمعوا أمام مبنى المحافظة.';
    const cite = 'وقالت الوكالة إن المحتجين طالبوا بخفض أسعار الأسمدة قبل موسم الزراعة المقبل بأسابيع.';
    expect(outletOf('الخليج', HEAD, lead, cite)).toMatchObject({ outlet: 'الخليج', via: 'وكالة الأنباء الألمانية' });
    expect(outletOf('الخليج', HEAD, lead, MORE).via).toBeNull();
    expect(outletOf('الخليج', HEAD, lead, cite, 'المصدر: وكالات').via).toBeNull();
  });

  it('the strongest signal wins: a source line over the masthead, the masthead over a dateline', () => {
    expect(outletOf('الخليج', HEAD, LEAD, MORE, 'المصدر: البيان').outlet).toBe('البيان');
    expect(outletOf('الخليج', HEAD, `دبي - (رويترز) - ${LEAD}`, MORE)).toMatchObject({ outlet: 'الخليج', via: 'رويترز' });
  });

  it('"المصدر: رويترز" on a newspaper\'s page: the newspaper publishes, the agency supplied', () => {
    expect(outletOf('الخليج', HEAD, LEAD, MORE, 'المصدر: رويترز')).toMatchObject({ outlet: 'الخليج', via: 'رويترز' });
  });

  it('an aggregator\'s page: the name under the headline is the publisher', () => {
    expect(outletOf('منصة الأخبار الجامعة', 'الرئيسية', HEAD, 'روسيا اليوم', LEAD, MORE, 'اقرأ الخبر من المصدر')).toMatchObject({ outlet: 'روسيا اليوم' });
    expect(outletOf('منصة الأخبار الجامعة', 'الرئيسية', HEAD, 'روسيا اليوم', LEAD, MORE).outlet).toBe('منصة الأخبار الجامعة');
  });

  it('nothing that names an outlet leaves it unknown', () => {
    expect(outletOf(HEAD, LEAD, MORE)).toMatchObject({ outlet: null, via: null, basis: { kind: 'unknown' } });
  });
});
