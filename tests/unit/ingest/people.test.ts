import { describe, expect, it } from 'vitest';
import { findPeople } from '../../../src/ingest/actors.ts';
import { claimStopWords } from '../../../src/ingest/claims.ts';
import { projectIngestor } from './helpers.ts';
import { tokenize } from '../../../src/text/tokens.ts';

/** Unlinked people in made-up texts (names invented; none is in content/actors.yaml). */
function people(...texts: string[]) {
  const { matcher, data } = projectIngestor();
  return findPeople(texts, matcher, data.claims.people, claimStopWords(data.claims));
}

describe('unlinked people, by a title or role', () => {
  it('a role then a name: the role kept, the name ends at punctuation or a verb', () => {
    expect(people('وقال وزير الزراعة الفنلندي ماتي كورهونن إن المحصول جيد.')).toEqual([{ name: 'ماتي كورهونن', role: 'وزير الزراعة الفنلندي' }]);
    expect(people('أكدت المتحدثة باسم الحكومة البرازيلية لوسيا ألميدا، أمس، الخبر.')).toEqual([{ name: 'لوسيا ألميدا', role: 'المتحدثة باسم الحكومة البرازيلية' }]);
  });

  it('a head with ل inside the role is part of it: «النائب الأول لوزير الخارجية …»', () => {
    expect(people('وقال النائب الأول لوزير الزراعة الفنلندي ماتي كورهونن إن المحصول جيد.')).toEqual([
      { name: 'ماتي كورهونن', role: 'النائب الأول لوزير الزراعة الفنلندي' },
    ]);
  });

  it('an analyst with the institution and city in the role: «الباحث في معهد أسان … في سيول X»', () => {
    expect(people('ويرى الباحث في معهد نوردلاند للدراسات الدولية في موسكو ماتي كورهونن أن المحصول جيد.')).toEqual([
      { name: 'ماتي كورهونن', role: 'الباحث في معهد نوردلاند للدراسات الدولية في موسكو' },
    ]);
    expect(people('وقالت الأستاذة بجامعة نوردلاند لوسيا ألميدا إن المحصول جيد.')).toEqual([{ name: 'لوسيا ألميدا', role: 'الأستاذة بجامعة نوردلاند' }]);
    // The institution's name is whatever word follows it («معهد كوريا», a word that also reads as a dual verb).
    expect(people('ويرى الباحث في معهد كوريا للتوحيد في موسكو ماتي كورهونن أن المحصول جيد.')).toEqual([
      { name: 'ماتي كورهونن', role: 'الباحث في معهد كوريا للتوحيد في موسكو' },
    ]);
  });

  it('after an honorific the name may end in a family name with ال: «الدكتور رامي الحياري»', () => {
    // After the role and an honorific inside it.
    expect(people('وقال أستاذ علم الاجتماع في الجامعة الوطنية الدكتور نادر الخطيبي لـ«الصحيفة» إن المحصول جيد.')).toEqual([
      { name: 'نادر الخطيبي', role: 'أستاذ علم الاجتماع في الجامعة الوطنية' },
    ]);
    // An honorific alone, the role after the name: that role is the person's.
    expect(people('ويعتقد الدكتور نادر الخطيبي، أستاذ علم الاجتماع في الجامعة الوطنية، أن المحصول جيد.')).toEqual([
      { name: 'نادر الخطيبي', role: 'أستاذ علم الاجتماع في الجامعة الوطنية' },
    ]);
    expect(people('وقال المهندس عبد الكريم الساعدي إن المشروع تأخر.')).toEqual([{ name: 'عبد الكريم الساعدي', role: 'المهندس' }]);
    // Without an honorific, a word with ال after a name is the sentence's next word, not a family name.
    expect(people('وقال وزير الزراعة الفنلندي ماتي كورهونن الأربعاء إن المحصول جيد.')).toEqual([{ name: 'ماتي كورهونن', role: 'وزير الزراعة الفنلندي' }]);
    expect(people('وأكد الدكتور نادر الخطيبي، أمس، الخبر.')).toEqual([{ name: 'نادر الخطيبي', role: 'الدكتور' }]);
  });

  it('a first name and a family name with ال that ends the clause, with no honorific: «الباحث في الشؤون الزراعية نادر الخطيبي، …»', () => {
    expect(people('ويرى الباحث في الشؤون الزراعية نادر الخطيبي، في حديث للصحيفة، أن المحصول جيد.')).toEqual([{ name: 'نادر الخطيبي', role: 'الباحث في الشؤون الزراعية' }]);
    expect(people('واعتبر الباحث في العلاقات الدولية نادر الخطيبي أن المحصول جيد.')).toEqual([{ name: 'نادر الخطيبي', role: 'الباحث في العلاقات الدولية' }]);
    // A weekday is no family name, even before a comma.
    expect(people('وقال وزير الزراعة نادر الأربعاء، إن المحصول جيد.')).toEqual([]);
    // Nor is a reflexive pronoun a name: «… الرئيس المنتخب ستجد نفسها أمام …».
    expect(people('ويعتقد الخطيبي أن إدارة الرئيس المنتخب ستجد نفسها أمام واقع جديد.')).toEqual([]);
  });

  it('a military rank is an honorific too, also with a qualifier («العميد المتقاعد»); «علي» opens a name after one', () => {
    expect(people('ويقول العميد المتقاعد نادر الخطيبي إن الجبهة هادئة.')).toEqual([{ name: 'نادر الخطيبي', role: 'العميد المتقاعد' }]);
    expect(people('وقال الخبير العسكري اللواء الركن سالم الهادي لـ«الصحيفة» إن الجبهة هادئة.')).toEqual([{ name: 'سالم الهادي', role: 'الخبير العسكري اللواء الركن' }]);
    expect(people('وقال الخبير في الشؤون الدولية الدكتور علي الساعدي إن الجبهة هادئة.')).toEqual([{ name: 'علي الساعدي', role: 'الخبير في الشؤون الدولية' }]);
    expect(people('ويرى الكولونيل المتقاعد في الجيش الفنلندي ماتي كورهونن أن الجبهة هادئة.')).toEqual([{ name: 'ماتي كورهونن', role: 'الكولونيل المتقاعد في الجيش الفنلندي' }]);
    // «الفريق» is more often the team than the rank: no honorific.
    expect(people('وقالت المندوبة إن الفيتو يهدف إلى إسكات الفريق الذي بدأ يوثق صفقات الأسلحة.')).toEqual([]);
  });

  it('a place or noun ending in ة inside a role goes on with it («… بغزة», «في مدينة …»)', () => {
    expect(people('ويرى أستاذ العلوم السياسية في جامعة الوادي بغزة ماتي كورهونن أن القمة ناجحة.')).toEqual([
      { name: 'ماتي كورهونن', role: 'أستاذ العلوم السياسية في جامعة الوادي بغزة' },
    ]);
    // (No head, no person: «منذ بدء الحرب مكتفية بإرسال مساعدات» names no one.)
    expect(people('وهي خطوة تتحاشاها سيول منذ بدء الحرب مكتفية بإرسال مساعدات إنسانية.')).toEqual([]);
  });

  it('a view verb before a name is no part of it: «ويرى X، الباحث في …، أن»', () => {
    expect(people('ويرى ماتي كورهونن، الباحث في معهد الدراسات الشرقية، أن القمة ناجحة.')).toEqual([{ name: 'ماتي كورهونن', role: 'الباحث في معهد الدراسات الشرقية' }]);
  });

  it('«أبو» and «بن» take the next word into the name, even with ال or a final ة', () => {
    expect(people('وقال المحلل السياسي نادر أبو حمادة إن المحصول جيد.')).toEqual([{ name: 'نادر أبو حمادة', role: 'المحلل السياسي' }]);
    expect(people('وقال المندوب الدائم سالم بن الهادي إن المحصول جيد.')).toEqual([{ name: 'سالم بن الهادي', role: 'المندوب الدائم' }]);
  });

  it('a verbal noun (افتعال، انفعال، استفعال) after a name is the verb\'s object, no word of the name', () => {
    expect(people('وبرر المندوب الفنلندي ماتي كورهونن امتناع بلاده عن التصويت بأن القرار متسرع.')).toEqual([{ name: 'ماتي كورهونن', role: 'المندوب الفنلندي' }]);
    expect(people('وأيد وزير الزراعة الفنلندي ماتي كورهونن استمرار المحادثات.')).toEqual([{ name: 'ماتي كورهونن', role: 'وزير الزراعة الفنلندي' }]);
  });

  it('a word of the role governed by ل or ب is no name: «نائب رئيس اللجنة الدائمة لمجلس نواب الشعب»', () => {
    expect(people('وصل وفد برئاسة ماتي كورهونن، نائب رئيس اللجنة الدائمة لمجلس نواب الشعب الفنلندي، إلى العاصمة.')).toEqual([
      { name: 'ماتي كورهونن', role: 'نائب رئيس اللجنة الدائمة لمجلس نواب الشعب الفنلندي' },
    ]);
  });

  it('«الفريق» (the team, the panel) is no rank before a name', () => {
    expect(people('وقال المندوب إن عمل الفريق بات يقتصر على نشر معلومات منحازة.')).toEqual([]);
  });

  it('a construct role with a place in it, and a quoted, hyphenated name', () => {
    expect(people('حضر نائب حاكم مقاطعة كورسك باتار سوخ الاجتماع.')).toEqual([{ name: 'باتار سوخ', role: 'نائب حاكم مقاطعة كورسك' }]);
    expect(people('وقال نائب رئيس الوزراء أليكسي ألكسندروف إن …')).toEqual([{ name: 'أليكسي ألكسندروف', role: 'نائب رئيس الوزراء' }]);
    expect(people('وقال مدير مكتب الرئاسة "بارك سو-مين" في إفادة إن الوضع هادئ.')).toEqual([{ name: 'بارك سو-مين', role: 'مدير مكتب الرئاسة' }]);
  });

  it('a name that shares its first words with a known person is someone else: «كيم جونغ هاك» (made up) beside Kim Jong Un', () => {
    const kim = 'والتقى الزعيم الكوري الشمالي كيم جونغ أون الوفد.';
    expect(people(kim, 'وقال نائب وزير الخارجية الكوري الشمالي كيم جونج هاك إن الخبر غير دقيق.')).toEqual([
      { name: 'كيم جونج هاك', role: 'نائب وزير الخارجية الكوري الشمالي' },
    ]);
    // …even with a dual verb after the name («وقعا»), which ends it.
    expect(people(kim, 'ووقع نائب وزير الخارجية الروسي أندريه رودينكو ونائب وزير خارجية كوريا الديمقراطية كيم جونغ هاك وقعا البروتوكول.')).toEqual([
      { name: 'كيم جونغ هاك', role: 'نائب وزير خارجية كوريا الديمقراطية' },
    ]);
    // The known person's short form alone is still theirs.
    const { matcher } = projectIngestor();
    const texts = [kim, 'وقال كيم إن الزيارة ناجحة.'];
    const named = matcher.namedInFull(texts);
    expect(matcher.mentions(tokenize(texts[1]!), named).map((m) => m.actorId)).toEqual(['kim-jong-un']);
    expect(matcher.mentions(tokenize('وقال كيم جونج هاك إن الخبر غير دقيق.'), named).map((m) => m.actorId)).toEqual([]);
  });

  it('a role opened by «كبير» and a plural noun: «كبير أمناء مجلس الوزراء», «كبير مستشاري الرئيس»', () => {
    expect(people('وقال كبير أمناء مجلس الوزراء الياباني تاكيو موري إن الوضع مقلق.')).toEqual([
      { name: 'تاكيو موري', role: 'كبير أمناء مجلس الوزراء الياباني' },
    ]);
    expect(people('وأوضح كبير مستشاري الرئيس الكوري الجنوبي كيم تاي هو أن الاجتماع أُرجئ.')).toEqual([
      { name: 'كيم تاي هو', role: 'كبير مستشاري الرئيس الكوري الجنوبي' },
    ]);
    // A quotation mark after the name ends it: the quoted words are no part of it.
    expect(people('وأبدى كبير أمناء مجلس الوزراء الياباني تاكيو موري «قلقا بالغا» إزاء ذلك.')).toEqual([
      { name: 'تاكيو موري', role: 'كبير أمناء مجلس الوزراء الياباني' },
    ]);
    // «كبير» alone is an adjective, not a role: «مسؤول كبير» names nobody.
    expect(people('وقال مسؤول كبير تاكيو موري إن …')).toEqual([]);
  });

  it('a role with a short aside in parentheses before the name', () => {
    expect(people('وقالت المتحدثة باسم وزارة الزراعة الأمريكية (الوزارة) كارين هولت إن المحصول تراجع.')).toEqual([
      { name: 'كارين هولت', role: 'المتحدثة باسم وزارة الزراعة الأمريكية (الوزارة)' },
    ]);
    // A long aside is not part of a role, and a name must stand after the parenthesis with a space.
    expect(people('وقال المتحدث باسم الوزارة (الذي طلب عدم ذكر اسمه) كارل هولت إن …')).toEqual([]);
    expect(people('وقال المتحدث باسم الوزارة (الوزارة)كارل هولت إن …')).toEqual([]);
  });

  it('a name followed by «، role»', () => {
    expect(people('ووصل وفد برئاسة هان لي وي، عضو اللجنة الدائمة للحزب، إلى العاصمة.')).toEqual([{ name: 'هان لي وي', role: 'عضو اللجنة الدائمة للحزب' }]);
    // After a speech verb with «و» written on: the verb is the boundary before the name.
    expect(people('وقال تشاو مينغ، المتحدث باسم وزارة الزراعة الصينية، إن المحصول وفير.')).toEqual([{ name: 'تشاو مينغ', role: 'المتحدث باسم وزارة الزراعة الصينية' }]);
  });

  it('refuses what is not a clean name: one word, a known actor, an adverb, a long run', () => {
    expect(people('وقال الوزير كورهونن إن …')).toEqual([]);
    expect(people('وقال وزير الخارجية الروسي سيرغي لافروف إن …')).toEqual([]);
    expect(people('ظهر مستشار الأمن القومي تيمو لاين متحدثاً إلى الصحافيين.')).toEqual([{ name: 'تيمو لاين', role: 'مستشار الأمن القومي' }]);
    expect(people('قال مسؤول كبير في الوزارة إن المحادثات جرت.')).toEqual([]);
    expect(people('وقال رئيس الوفد يزور العاصمة برفقة مساعديه اليوم.')).toEqual([]);
  });

  it('one person named twice is listed once', () => {
    expect(people('قال وزير النقل الكندي جون تريمبلاي إن …', 'وأضاف وزير النقل الكندي جون تريمبلاي أن …')).toHaveLength(1);
  });
});
