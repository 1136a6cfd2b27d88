import { describe, expect, it } from 'vitest';
import { claimStopWords, findClaims } from '../../../src/ingest/claims.ts';
import { findPeople, withArticlePeople } from '../../../src/ingest/actors.ts';
import type { Claim } from '../../../src/lib/entry-schema.ts';
import { projectIngestor } from './helpers.ts';

const NAMED = 'دميتري بيسكوف فلاديمير بوتين سيرغي لافروف تشوي سون هوي يوري أوشاكوف';

function claims(paragraphs: string[], namedText = NAMED): Claim[] {
  const { matcher, data } = projectIngestor();
  const named = matcher.namedInFull([namedText, ...paragraphs].join('\n'));
  return findClaims(paragraphs, { matcher, named, rules: data.claims, dates: data.dates, writtenOn: null });
}
const pairs = (c: Claim[]) => c.map((x) => [x.speaker, x.text]);

/** Claims as the pipeline finds them with the article's unlinked people as speakers (src/ingest/pipeline.ts). */
function withUnlinked(texts: string[]): { people: ReturnType<typeof findPeople>; found: Claim[] } {
  const { matcher, data } = projectIngestor();
  const people = findPeople(texts, matcher, data.claims.people, claimStopWords(data.claims));
  const speakers = withArticlePeople(matcher, people, texts, data.claims.people);
  return { people, found: findClaims(texts, { matcher: speakers, named: speakers.namedInFull(texts.join('\n')), rules: data.claims, dates: data.dates, writtenOn: null }) };
}

describe('claims: relayed speech', () => {
  it('"نقلت وكالة … عن X قوله إن …": X speaks, the agency relayed it', () => {
    expect(claims(['ونقلت وكالة تاس عن لافروف قوله إن المحادثات كانت مثمرة.'])).toEqual([
      { speaker: 'sergei-lavrov', text: 'المحادثات كانت مثمرة', kind: 'reported', reported_by: 'tass' },
    ]);
    // Relayed by someone unnamed ("وسائل إعلام"): still the speaker after «عن».
    expect(pairs(claims(['ونقلت وسائل إعلام محلية عن تشوي قولها إن الزيارة ناجحة.']))).toEqual([['choe-son-hui', 'الزيارة ناجحة']]);
    // A day set off by commas between the agency and «عن».
    expect(pairs(claims(['ونقلت وكالة تاس، السبت، عن لافروف قوله خلال استقباله الوفد إن المحادثات كانت مثمرة.']))).toEqual([['sergei-lavrov', 'المحادثات كانت مثمرة']]);
    // …but any other words between commas end the relay: «نقلت» then moves something.
    expect(claims(['ونقلت السفن، وهي محملة، عن قرب الجنود إلى الميناء.'])).toEqual([]);
  });

  it('«ونقلت الوزارة عنه قوله إن …»: the person the pronoun points back to speaks, the body relayed it', () => {
    const c = claims(['وقال لافروف في كلمة إن الزيارة ناجحة.', 'ونقلت وكالة تاس عنه قوله إن البلدين يواجهان عدوا مشتركا.']);
    expect(c[1]).toMatchObject({ speaker: 'sergei-lavrov', text: 'البلدين يواجهان عدوا مشتركا', reported_by: 'tass' });
    // With no one named before, no one speaks.
    expect(claims(['ونقلت وكالة تاس عنه قوله إن البلدين يواجهان عدوا مشتركا.'])).toEqual([]);
  });

  it('a relay verb with no «عن» + name gives no claim and no speaker to «وأضاف»', () => {
    expect(claims(['ونقلت وكالة تاس تفاصيل الزيارة المقبلة.', 'وأضاف أن الوفد سيصل غدا.'])).toEqual([]);
  });

  it('"بحسب ما نقلت …" between a speaker and «إن» is no new statement', () => {
    expect(pairs(claims(['وقال لافروف، بحسب ما نقلت وسائل إعلام روسية، إن موسكو تولي أهمية خاصة للعلاقات.']))).toEqual([
      ['sergei-lavrov', 'موسكو تولي أهمية خاصة للعلاقات'],
    ]);
  });
});

describe('claims: who the subject is', () => {
  it('a person inside a body’s title is the speaker: "مساعد الكرملين يوري أوشاكوف"', () => {
    expect(pairs(claims(['وقال مساعد الكرملين يوري أوشاكوف إن الوثيقة جاهزة للتوقيع.']))).toEqual([['yuri-ushakov', 'الوثيقة جاهزة للتوقيع']]);
  });

  it('a title with «ل» inside it, then the person: «مستشار الكرملين للشؤون الدولية يوري أوشاكوف»', () => {
    expect(pairs(claims(['وأوضح مستشار الكرملين للشؤون الدولية يوري أوشاكوف للصحافيين أن الوثيقة جاهزة للتوقيع.']))).toEqual([['yuri-ushakov', 'الوثيقة جاهزة للتوقيع']]);
    // His own title in the data, then more of it: the words start after «أن», not at «للشؤون».
    expect(pairs(claims(['وأوضح مساعد الرئيس الروسي للشؤون الدولية يوري أوشاكوف أن الوثيقة جاهزة للتوقيع.']))).toEqual([['yuri-ushakov', 'الوثيقة جاهزة للتوقيع']]);
  });

  it('a person named after another’s title, a head word before it: «نائب وزير الخارجية الروسي X» is X', () => {
    const named = `${NAMED} أندريه رودينكو`;
    expect(pairs(claims(['وقال نائب وزير الخارجية الروسي أندريه رودينكو إن الوثيقة جاهزة للتوقيع.'], named))).toEqual([['andrei-rudenko', 'الوثيقة جاهزة للتوقيع']]);
    expect(pairs(claims(['وقال نائب وزير الخارجية الروسي لشؤون آسيا أندريه رودينكو إن الوثيقة جاهزة للتوقيع.'], named))).toEqual([['andrei-rudenko', 'الوثيقة جاهزة للتوقيع']]);
    // Whom the minister spoke to, governed by ل, is still no part of the title.
    expect(pairs(claims(['وقال وزير الخارجية الروسي سيرغي لافروف لنظيره الكوري إن الوثيقة جاهزة للتوقيع.']))).toEqual([['sergei-lavrov', 'الوثيقة جاهزة للتوقيع']]);
  });

  it('«ويرى X أن …», «ويعتقد X أن …»: a view is a statement when it opens the sentence', () => {
    expect(pairs(claims(['ويرى لافروف أن الوثيقة جاهزة للتوقيع.']))).toEqual([['sergei-lavrov', 'الوثيقة جاهزة للتوقيع']]);
    expect(pairs(claims(['وتقول الوزارة إن الوفد وصل. ويعتقد بيسكوف أن الوثيقة جاهزة للتوقيع.']))).toContainEqual(['dmitry-peskov', 'الوثيقة جاهزة للتوقيع']);
    // Inside another's statement it is a plain verb, and ends nothing.
    expect(pairs(claims(['وقال بيسكوف إن موسكو لا ترى سببا للتعليق على هذه الروايات.']))).toEqual([['dmitry-peskov', 'موسكو لا ترى سببا للتعليق على هذه الروايات']]);
    // With no «أن» after its subject it says nothing: «ويرى لافروف الوفد» saw the delegation.
    expect(claims(['ويرى لافروف الوفد الزائر في المطار.'])).toEqual([]);
  });

  it('«…، حسبما أفادت وكالة X» names the story’s source: no statement of the agency', () => {
    expect(claims(['وصل الوفد إلى العاصمة اليوم، حسبما أفادت وكالة أنباء «تاس» الروسية الرسمية.'])).toEqual([]);
    expect(claims(['وصل الوفد إلى العاصمة اليوم، وبحسب ما ذكرت وكالة تاس فإن الزيارة تستمر يومين.'])).toEqual([]);
    // «كما أكد X أن» («as X also stressed») is a statement all the same.
    expect(pairs(claims(['كما أكد لافروف أن الزيارة تستمر يومين.']))).toEqual([['sergei-lavrov', 'الزيارة تستمر يومين']]);
  });

  it('a participle after a verb inside the statement goes on with the statement’s speaker', () => {
    expect(pairs(claims(['وأوضح بيسكوف للصحافيين أن الزعيم الكوري الشمالي جدّد دعوته لبوتين إلى زيارة بيونغ يانغ، مؤكدا أن الرئيس الروسي يرغب في الزيارة.'], `${NAMED} كيم جونغ أون`))).toEqual([
      ['dmitry-peskov', 'الزعيم الكوري الشمالي جدّد دعوته لبوتين إلى زيارة بيونغ يانغ'],
      ['dmitry-peskov', 'الرئيس الروسي يرغب في الزيارة'],
    ]);
  });

  it('«ألمح الرئيس … إلى أن …»: a hint is a statement', () => {
    expect(pairs(claims(['وألمح الرئيس الروسي فلاديمير بوتين إلى أن موسكو مستعدة للمساعدة.']))).toEqual([['vladimir-putin', 'موسكو مستعدة للمساعدة']]);
  });

  it('"وكان <role>، X، قد أعلن …": a name set off by commas before «قد» is the subject', () => {
    expect(pairs(claims(['وكان وزير الخارجية الروسي، سيرغي لافروف، قد أعلن أمس الخميس أن المحادثات ستستأنف.']))).toEqual([
      ['sergei-lavrov', 'المحادثات ستستأنف'],
    ]);
    // Commas that do not set a name off still part a subject from its verb.
    expect(claims(['وكان اللقاء مع لافروف، وهو الأول منذ أشهر، قد أعلن عنه أمس.'])).toEqual([]);
  });

  it('a nationality after a body’s name is part of the subject, before or after the verb', () => {
    expect(pairs(claims(['وذكر جهاز المخابرات الوطني الكوري الجنوبي في تقرير أن الشحنات تضاعفت.']))).toEqual([['south-korean-nis', 'الشحنات تضاعفت']]);
    expect(pairs(claims(['وكان جهاز المخابرات الوطني الكوري الجنوبي قد أفاد في وقت سابق بأن الشحنات تضاعفت.']))).toEqual([['south-korean-nis', 'الشحنات تضاعفت']]);
    // A place or body with a nationality inside a person's title: the person speaks.
    expect(pairs(claims(['وأكد حاكم إقليم موسكو الروسي يوري أوشاكوف أن الزيارة ناجحة، لافتاً إلى أن الوفد سيعود.']))).toEqual([
      ['yuri-ushakov', 'الزيارة ناجحة'],
      ['yuri-ushakov', 'الوفد سيعود'],
    ]);
    // A person's name is not followed by a nationality that way: the words after it are what was said.
    expect(pairs(claims(['وأضاف لافروف الروسي الموقف واضح.']))).not.toContainEqual(['sergei-lavrov', 'الموقف واضح']);
  });

  it('"X كان قد قال إن …": the auxiliary after a named subject', () => {
    expect(pairs(claims(['وقال لافروف إن الزيارة مهمة.', 'ولم يصدر تعليق عن الكرملين، غير أن المتحدث باسمه دميتري بيسكوف كان قد قال في وقت سابق إن الاتصالات مستمرة.']))).toEqual([
      ['sergei-lavrov', 'الزيارة مهمة'],
      ['dmitry-peskov', 'الاتصالات مستمرة'],
    ]);
    // «وكان قد قال» with no name before it goes on with the last speaker.
    expect(pairs(claims(['وقال لافروف إن الزيارة مهمة.', 'وكان قد قال في وقت سابق إن الاتصالات مستمرة.']))).toEqual([
      ['sergei-lavrov', 'الزيارة مهمة'],
      ['sergei-lavrov', 'الاتصالات مستمرة'],
    ]);
  });

  it('a body right after the verb speaks, the person after it is its owner: «قال مكتب الرئيس … يون سوك يول إن»', () => {
    const named = `${NAMED} يون سوك يول مكتب الرئيس الكوري الجنوبي`;
    expect(pairs(claims(['وقال مكتب الرئيس الكوري الجنوبي يون سوك يول إن الحكومة تدرس خياراتها.'], named))).toEqual([
      ['south-korean-presidential-office', 'الحكومة تدرس خياراتها'],
    ]);
    // A word before the body names the person's role: the person speaks.
    expect(pairs(claims(['وقال مساعد الكرملين يوري أوشاكوف إن الموعد لم يحدد.']))).toEqual([['yuri-ushakov', 'الموعد لم يحدد']]);
  });

  it('whom the speaker spoke to, governed by ل before «إن», is no part of what was said', () => {
    expect(claims(['وقال لافروف لنظيرته إن الزيارة ناجحة.'])).toEqual([{ speaker: 'sergei-lavrov', text: 'الزيارة ناجحة', kind: 'reported' }]);
    expect(pairs(claims(['ونقلت وكالة تاس عن بوتين قوله لأعضاء الوفد إن المحادثات مثمرة.']))).toEqual([['vladimir-putin', 'المحادثات مثمرة']]);
  });

  it('a nationality between a person’s title and name: «وزير خارجية روسيا الاتحادية سيرغي لافروف»', () => {
    expect(pairs(claims(['وقال وزير خارجية روسيا الاتحادية سيرغي لافروف إن المحادثات مثمرة.']))).toEqual([['sergei-lavrov', 'المحادثات مثمرة']]);
  });

  it('an apposition holding a title of the speaker and more words, closed before «عن»: the verb’s words', () => {
    const named = `${NAMED} كيم يو جونغ كيم جونغ أون`;
    expect(pairs(claims(['وأعربت كيم يو جونغ، شقيقة الزعيم الكوري الشمالي والمسؤولة البارزة في الحزب، عن شكر شقيقها للضيف.'], named))).toEqual([
      ['kim-yo-jong', 'أعربت عن شكر شقيقها للضيف'],
    ]);
  });

  it('"X، الذي قال إن …": the name before the relative pronoun', () => {
    expect(pairs(claims(['والتقى بوتين نظيره سيرغي لافروف، الذي قال إن اللقاء كان وديا.']))).toEqual([['sergei-lavrov', 'اللقاء كان وديا']]);
  });

  it('"وكان X قد قال عند …": circumstance words after the verb do not hide the subject before «قد»', () => {
    expect(pairs(claims(['وكان أوشاكوف قد قال عند وصول الوفد إنها زيارة تاريخية.']))).toEqual([['yuri-ushakov', 'زيارة تاريخية']]);
  });

  it('a name after a word governed by ب right after the verb is its object, not the subject', () => {
    // «تعهّد بمواصلة دعم روسيا»: Russia is supported, not speaking; «أفادت بإرسال بيونغ يانغ …» likewise.
    const named = `${NAMED} روسيا بيونغ يانغ`;
    expect(claims(['وتعهّد بمواصلة دعم روسيا في حربها.'], named)).toEqual([]);
    expect(claims(['وتأتي الزيارة بعد تقارير أفادت بإرسال بيونغ يانغ آلاف الجنود إلى روسيا.'], named)).toEqual([]);
    // A filler or circumstance word with ب stands between a verb and what was said as before.
    expect(pairs(claims(['والتقى لافروف نظيرته، قال بعدها إن العلاقات بلغت مستوى جديدا.']))).toEqual([['sergei-lavrov', 'العلاقات بلغت مستوى جديدا']]);
  });

  it('«وأضاف المسؤول الروسي أن …» goes on with the person who spoke last, when the adjective fits', () => {
    expect(pairs(claims(['وقال مساعد الكرملين يوري أوشاكوف إن الزيارة مهمة.', 'وأضاف المسؤول الروسي أن الوفد سيصل غدا.']))).toEqual([
      ['yuri-ushakov', 'الزيارة مهمة'],
      ['yuri-ushakov', 'الوفد سيصل غدا'],
    ]);
    // An adjective the last speaker's role does not have: someone else, so no one.
    expect(pairs(claims(['وقال مساعد الكرملين يوري أوشاكوف إن الزيارة مهمة.', 'وأضاف المسؤول الصيني أن الوفد سيصل غدا.']))).toEqual([
      ['yuri-ushakov', 'الزيارة مهمة'],
    ]);    // «وأشار الوزير الروسي إلى أن»: a two-word role before the preposition that opens the words.
    expect(pairs(claims(['وقال مساعد الكرملين يوري أوشاكوف إن الزيارة مهمة.', 'وأشار المسؤول الروسي إلى أن الوفد سيصل غدا.']))).toEqual([
      ['yuri-ushakov', 'الزيارة مهمة'],
      ['yuri-ushakov', 'الوفد سيصل غدا'],
    ]);
    // A body spoke last: the one person named before whose role has the adjective.
    expect(pairs(claims(['وقال مساعد الكرملين يوري أوشاكوف إن الزيارة مهمة.', 'وذكرت وكالة تاس أن تشوي سون هوي ستشارك في اللقاء.', 'وأوضح المسؤول الروسي أن الوفد سيصل غدا.']))).toEqual([
      ['yuri-ushakov', 'الزيارة مهمة'],
      ['tass', 'تشوي سون هوي ستشارك في اللقاء'],
      ['yuri-ushakov', 'الوفد سيصل غدا'],
    ]);
  });

  it('a name after an unknown subject and its object («… مطالبتها موسكو») is no subject', () => {
    const named = `${NAMED} موسكو`;
    expect(claims(['وجددت وزارة الخارجية الفنلندية مطالبتها موسكو بسحب القوات، معتبرة أن وجودها يخالف القانون.'], named)).toEqual([]);
    // A role head with its pronoun («نظيره») is a role: the name after it speaks.
    expect(pairs(claims(['وقال نظيره الروسي سيرغي لافروف إن المحادثات بناءة.']))).toEqual([['sergei-lavrov', 'المحادثات بناءة']]);
  });

  it('an unknown subject before «قد» speaks for no one, not for the last speaker', () => {
    expect(claims(['قال بيسكوف إن الوفد وصل.', 'وكانت هيئة الرقابة المحلية قد ذكرت أن الطائرة تأخرت.'])).toHaveLength(1);
  });

  it('a verb after a comma, with no subject, continues the person the sentence opened with', () => {
    expect(pairs(claims(['قال بيسكوف إن الوفد وصل.', 'وكانت تشوي قد أجرت محادثات مع نظيرها الروسي في موسكو، أكدت خلالها أن بلادها ستقف إلى جانب روسيا.']))).toEqual([
      ['dmitry-peskov', 'الوفد وصل'],
      ['choe-son-hui', 'بلادها ستقف إلى جانب روسيا'],
    ]);
  });

  it('"قال مصدر دبلوماسي", "قال أحد مساعدي بوتين": never a named speaker', () => {
    expect(claims(['وقال أحد مساعدي بوتين إن القمة ستعقد قريبا.'])).toEqual([]);
    expect(claims(['قال بيسكوف إن الوفد وصل.', 'وقال مصدر دبلوماسي إن القمة ستعقد قريبا.', 'وأضاف أن الموعد لم يحدد.'])).toHaveLength(1);
  });

  it('a word of a full name names the one person the article names with it', () => {
    expect(pairs(claims(['وقالت تشوي إن بلادها ستقف إلى جانب روسيا.']))).toEqual([['choe-son-hui', 'بلادها ستقف إلى جانب روسيا']]);
    // With two people named with that word, the verb's gender tells them apart (Choe Son Hui, Choe Ryong Hae);
    // a verb with no gender of its own («ونفت», listed without a pair) names neither.
    expect(pairs(claims(['وقالت تشوي إن بلادها ستقف إلى جانب روسيا.'], `${NAMED} تشوي ريونغ هاي`))).toEqual([['choe-son-hui', 'بلادها ستقف إلى جانب روسيا']]);
    expect(pairs(claims(['وقال تشوي إن الحزب يدعم القرار.'], `${NAMED} تشوي ريونغ هاي`))).toEqual([['choe-ryong-hae', 'الحزب يدعم القرار']]);
    expect(claims(['ونفت تشوي أن تكون المحادثات فشلت.'], `${NAMED} تشوي ريونغ هاي`)).toEqual([]);
  });
});

describe('claims: a role noun refers back to the one person named with that role', () => {
  it('"وأكد المتحدث أن …" after another speaker: the spokesman named earlier', () => {
    const text = ['قال بيسكوف إن المحادثات ستستمر يومين.', 'وقال لافروف إن الوفد وصل صباحا.', 'وأكد المتحدث أن الجدول لم يتغير.', 'وأشار المتحدث إلى أن اللقاء سيكون مغلقا.'];
    expect(pairs(claims(text))).toEqual([
      ['dmitry-peskov', 'المحادثات ستستمر يومين'],
      ['sergei-lavrov', 'الوفد وصل صباحا'],
      ['dmitry-peskov', 'الجدول لم يتغير'],
      ['dmitry-peskov', 'اللقاء سيكون مغلقا'],
    ]);
  });

  it('two people named with that role: the noun is no one', () => {
    const text = ['قال لافروف إن الزيارة مهمة.', 'وقال بيلوسوف إن التعاون العسكري سيتطور.', 'وأضاف الوزير أن اللقاء المقبل في موسكو.'];
    expect(pairs(claims(text, `${NAMED} أندريه بيلوسوف`)).map(([who]) => who)).toEqual(['sergei-lavrov', 'andrei-belousov']);
  });

  it('"وأضاف الوزير الروسي أن …": the noun and words its role has too; a word it lacks names no one', () => {
    const text = ['قال بيسكوف إن الزيارة مهمة.', 'ووصل بيلوسوف إلى العاصمة صباح اليوم.', 'وأضاف الوزير الروسي أن التعاون العسكري سيتطور.'];
    expect(pairs(claims(text, `${NAMED} أندريه بيلوسوف`))).toEqual([
      ['dmitry-peskov', 'الزيارة مهمة'],
      ['andrei-belousov', 'التعاون العسكري سيتطور'],
    ]);
    const other = ['قال بيسكوف إن الزيارة مهمة.', 'ووصل بيلوسوف إلى العاصمة صباح اليوم.', 'وأضاف الوزير الياباني أن المحادثات صعبة.'];
    expect(pairs(claims(other, `${NAMED} أندريه بيلوسوف`)).map(([who]) => who)).toEqual(['dmitry-peskov']);
  });

  it('an unlinked person named with a role after the name is referred back to by it', () => {
    const { people, found } = withUnlinked([
      'قال تشاو مينغ، المتحدث باسم وزارة الزراعة الصينية، اليوم الإثنين، إن المحصول وفير هذا العام.',
      'وقال وزير الخارجية الروسي سيرغي لافروف إن روسيا تتابع الأمر.',
      'وأوضح المتحدث أن الأسعار ستنخفض.',
    ]);
    expect(people).toContainEqual({ name: 'تشاو مينغ', role: 'المتحدث باسم وزارة الزراعة الصينية' });
    // The role between commas after the name is an apposition, not what was said.
    expect(pairs(found)).toEqual([
      ['تشاو مينغ', 'المحصول وفير هذا العام'],
      ['sergei-lavrov', 'روسيا تتابع الأمر'],
      ['تشاو مينغ', 'الأسعار ستنخفض'],
    ]);
  });

  it('an unlinked analyst named with a role and an honorific speaks: «وقال أستاذ … الدكتور X لـ«الصحيفة» إن …»', () => {
    const { people, found } = withUnlinked([
      'وقال أستاذ علم الاجتماع في الجامعة الوطنية الدكتور نادر الخطيبي لـ«الصحيفة» إن المحصول جيد هذا العام.',
      'وأضاف الدكتور نادر الخطيبي أن الأسعار ستنخفض.',
    ]);
    expect(people).toEqual([{ name: 'نادر الخطيبي', role: 'أستاذ علم الاجتماع في الجامعة الوطنية' }]);
    expect(pairs(found)).toEqual([
      ['نادر الخطيبي', 'المحصول جيد هذا العام'],
      ['نادر الخطيبي', 'الأسعار ستنخفض'],
    ]);
  });

  it('the paper spoken to, «لـ«X»», between the speaker and «إن/أن» is neither subject nor statement', () => {
    expect(pairs(claims(['وقال المتحدث باسم الكرملين دميتري بيسكوف لـ«الصحيفة» إن المحادثات جيدة.']))).toEqual([['dmitry-peskov', 'المحادثات جيدة']]);
    expect(pairs(claims(['وقال لافروف إن الزيارة ناجحة، موضحاً لـ"الصحيفة" أن الوفد سيعود قريبا.']))).toEqual([
      ['sergei-lavrov', 'الزيارة ناجحة'],
      ['sergei-lavrov', 'الوفد سيعود قريبا'],
    ]);
  });

  it('an analyst\'s reading in the present tense, opening a sentence or answering «أما X،»; not elsewhere', () => {
    expect(pairs(claims(['ويشير لافروف إلى أن المحادثات جيدة.']))).toEqual([['sergei-lavrov', 'المحادثات جيدة']]);
    expect(pairs(claims(['أما بيسكوف، فيلفت إلى أن الزيارة لم تحدد بعد.']))).toEqual([['dmitry-peskov', 'الزيارة لم تحدد بعد']]);
    // A negated or embedded present verb is no statement.
    expect(claims(['ولم تؤكد موسكو ولا بيونغ يانغ هذه المعلومات.'])).toEqual([]);
    expect(pairs(claims(['وقال لافروف إن تصريحات بيسكوف تؤكد أن الوضع مستقر.']))).toEqual([['sergei-lavrov', 'تصريحات بيسكوف تؤكد أن الوضع مستقر']]);
  });

  it('«وكان X قد حث الصين …، مؤكداً أن …»: with the subject before the verb and «قد», a name after the verb is its object', () => {
    const found = pairs(claims(['وكان لافروف قد حث الصين، الأسبوع الماضي، على التدخل، مؤكداً أن على بكين مسؤولية خاصة.']));
    expect(found.map(([speaker]) => speaker)).toEqual(found.map(() => 'sergei-lavrov'));
    expect(found).toContainEqual(['sergei-lavrov', 'على بكين مسؤولية خاصة']);
  });

  it('«، متهماً …» after what was said is the speaker\'s next act, not more of the statement', () => {
    expect(pairs(claims(['وأضاف لافروف أن موسكو لا تستبعد التعاون، متهماً الدول الغربية بالتصعيد.']))).toEqual([['sergei-lavrov', 'موسكو لا تستبعد التعاون']]);
  });

  it('a quotation right after «أن» with words running on after it is a fragment of reported speech', () => {
    const found = pairs(claims(['وأكد بيسكوف أن "الوثيقة لا تستهدف أحدا" في المنطقة كلها.']));
    expect(found).toContainEqual(['dmitry-peskov', '"الوثيقة لا تستهدف أحدا" في المنطقة كلها']);
    // Closing the clause, it is the statement itself, in the speaker's own words.
    expect(pairs(claims(['وقال بيسكوف إن "الوضع مستقر تماما".']))).toEqual([['dmitry-peskov', 'الوضع مستقر تماما']]);
  });

  it('«برر X … بأن»: what was said follows the justified act', () => {
    expect(pairs(claims(['وبرر بيسكوف غياب الوفد بأن الموعد لم يكن مناسبا.']))).toEqual([['dmitry-peskov', 'الموعد لم يكن مناسبا']]);
  });

  it('a colon after the «إن» that opened what was said starts the next statement, not this one', () => {
    expect(pairs(claims(['يقول لافروف إن المحادثات جيدة، ويضيف: «الوفد سيعود قريبا».']))).toEqual([
      ['sergei-lavrov', 'المحادثات جيدة'],
      ['sergei-lavrov', 'الوفد سيعود قريبا'],
    ]);
    // A word no rule knows before the colon: what the «إن» opened is still the statement.
    expect(pairs(claims(['وقال لافروف إن المحادثات جيدة، مستطرداً: «الوفد سيعود قريبا».']))[0]).toEqual(['sergei-lavrov', 'المحادثات جيدة، مستطرداً: «الوفد سيعود قريبا»']);
  });

  it('a participle takes its main clause\'s subject: the person the sentence opens with, not the last speaker', () => {
    expect(pairs(claims(['وقال لافروف إن المحادثات جيدة.', 'وكان بيسكوف قد دعا الصحفيين، في مؤتمر أمس، إلى الهدوء، معتبراً أن الوضع مستقر تماما.']))).toEqual([
      ['sergei-lavrov', 'المحادثات جيدة'],
      ['dmitry-peskov', 'الوضع مستقر تماما'],
    ]);
    // After a speech verb, its speaker: a person named inside what was said is not the subject.
    expect(pairs(claims(['وقال بيسكوف، إن الرئيس بوتين سيزور المنطقة، مضيفا أن الموعد لم يحدد بعد.']))).toEqual([
      ['dmitry-peskov', 'الرئيس بوتين سيزور المنطقة'],
      ['dmitry-peskov', 'الموعد لم يحدد بعد'],
    ]);
  });

  it('the writer\'s «من دون أن يكشف …» ends what was said, with or without a comma; a closing quotation mark before it stays', () => {
    expect(claims(['وقال بيسكوف إن المحادثات جرت "في أجواء ودية" من دون أن يكشف عن مضمونها.'])).toEqual([
      { speaker: 'dmitry-peskov', text: 'المحادثات جرت "في أجواء ودية"', kind: 'reported' },
      { speaker: 'dmitry-peskov', text: 'في أجواء ودية', kind: 'direct' },
    ]);
    expect(claims(['وقال بيسكوف إن المحادثات تناولت «القضايا المشتركة»، دون أن يكشف عن تفاصيل.']).map((c) => c.text)).toEqual(['المحادثات تناولت «القضايا المشتركة»', 'القضايا المشتركة']);
    // «دون أن» with any other verb may be what was said.
    expect(claims(['وقال بيسكوف إن روسيا لن تقف مكتوفة الأيدي دون أن ترد.']).map((c) => c.text)).toEqual(['روسيا لن تقف مكتوفة الأيدي دون أن ترد']);
  });

  it('a quotation opening right after the speaker keeps its opening mark in the claim', () => {
    const found = claims(['وأبدى بيسكوف «قلقا بالغا» إزاء التصعيد في المنطقة.']).map((c) => c.text);
    expect(found).toContain('أبدى «قلقا بالغا» إزاء التصعيد في المنطقة');
  });

  it('«وقال مكتبه إن …»: the body the data names after the person named last and one of their titles', () => {
    const text = ['وترأس الرئيس الكوري الجنوبي يون سوك يول اجتماعا طارئا، وقال مكتبه إن الوضع يتطلب يقظة تامة.'];
    expect(pairs(claims(text, 'يون سوك يول'))).toEqual([['south-korean-presidential-office', 'الوضع يتطلب يقظة تامة']]);
    // A person without such a body in the data: nobody we know speaks.
    expect(pairs(claims(['والتقى لافروف نظيرته، وقال مكتبه إن الوضع يتطلب يقظة تامة.']))).toEqual([]);
  });

  it('an unlinked person after a role with an organisation and its short name in parentheses speaks, not the organisation', () => {
    const { found } = withUnlinked(['وفي واشنطن، قالت المتحدثة باسم وزارة الدفاع الأمريكية (البنتاغون) كارين هولت إن التقديرات تغيرت.', 'وأضافت أن التقرير سيصدر قريبا.']);
    expect(pairs(found)).toEqual([
      ['كارين هولت', 'التقديرات تغيرت'],
      ['كارين هولت', 'التقرير سيصدر قريبا'],
    ]);
  });
});

describe('claims: what was said', () => {
  it('after «قال»/«أضاف» and a comma, the words are the statement, without the verb; another verb keeps its object', () => {
    expect(pairs(claims(['وقال لافروف، الوضع معقد في المنطقة.']))).toEqual([['sergei-lavrov', 'الوضع معقد في المنطقة']]);
    expect(pairs(claims(['وأضاف بيسكوف، المحادثات ستستمر حتى المساء.']))).toEqual([['dmitry-peskov', 'المحادثات ستستمر حتى المساء']]);
    expect(pairs(claims(['ورفض بيسكوف التعليق على التقارير.']))).toEqual([['dmitry-peskov', 'رفض التعليق على التقارير']]);
  });

  it('«مقالاً لبوتين كتب فيه أن …»: the writing’s author wrote what is in it', () => {
    expect(pairs(claims(['وقال أوشاكوف إن الزيارة مهمة.', 'ونشرت صحيفة محلية مقالاً لبوتين كتب فيه أن البلدين سيطوران التجارة.']))).toEqual([
      ['yuri-ushakov', 'الزيارة مهمة'],
      ['vladimir-putin', 'البلدين سيطوران التجارة'],
    ]);
    // Someone spoken to is still no subject: «قال لبوتين إن …».
    expect(pairs(claims(['وقال أوشاكوف إن الزيارة مهمة.', 'ثم قال لبوتين إن الوفد جاهز.']))).toEqual([
      ['yuri-ushakov', 'الزيارة مهمة'],
      ['yuri-ushakov', 'الوفد جاهز'],
    ]);
  });

  it('a verb with no subject after a comma: the body the sentence opens with, as a person would be', () => {
    expect(pairs(claims(['ونشر الكرملين نص البرقية على موقعه، وأوضح أن الرئيس بوتين تمنى للضيف النجاح.'], `${NAMED} الكرملين`))).toEqual([
      ['kremlin', 'الرئيس بوتين تمنى للضيف النجاح'],
    ]);
  });

  it('«، لكنه أوضح أن …» after a statement in the same sentence goes on with its speaker', () => {
    // Not the person a clause inside the sentence opens with («التي وقعها مع … كيم جونغ أون»).
    expect(pairs(claims(['وأشار لافروف إلى أن المعاهدة، التي وقعها بوتين مع الزعيم كيم جونغ أون في بيونغ يانغ، دفاعية، لكنه أوضح أن تطبيقها قرار يعود إلى البلدين.'], `${NAMED} كيم جونغ أون`))).toEqual([
      ['sergei-lavrov', 'المعاهدة، التي وقعها بوتين مع الزعيم كيم جونغ أون في بيونغ يانغ، دفاعية'],
      ['sergei-lavrov', 'تطبيقها قرار يعود إلى البلدين'],
    ]);
  });

  it('a verb with no subject late in a sentence goes with the sentence’s first subject, not a later clause’s name', () => {
    // «…، والتقت نظيرها X، وقالت …»: X is the object of the meeting; the visitor speaks.
    expect(pairs(claims(['وكانت الوزيرة تشوي سون هوي قد وصلت إلى المدينة أمس، والتقت نظيرها سيرغي لافروف، وقالت خلال اللقاء: «سنواصل العمل معاً».']))).toEqual([
      ['choe-son-hui', 'سنواصل العمل معاً'],
    ]);
    // «…، حيث التقى X، وأكد أن …».
    expect(pairs(claims(['كما زار يوري أوشاكوف العاصمة الشهر الماضي، حيث التقى دميتري بيسكوف ووفداً من الخبراء، وأكد خلال الزيارة أن الحوار مستمر.']))).toEqual([
      ['yuri-ushakov', 'الحوار مستمر'],
    ]);
  });

  it('a verb inside a statement («أن كيم جدد …») has its subject before it: a name after it speaks for no one', () => {
    expect(pairs(claims(['وقال لافروف إن تشوي سون هوي جددت دعمها لسياسة روسيا في الدفاع عن سيادتها.']))).toEqual([
      ['sergei-lavrov', 'تشوي سون هوي جددت دعمها لسياسة روسيا في الدفاع عن سيادتها'],
    ]);
  });

  it('a quoted name in the words before «، إن» is no quotation of what was said', () => {
    expect(pairs(claims(['وقال لافروف، في مقابلة مع هيئة الإذاعة الكورية «كي بي إس»، إن الاشتباكات كانت «محدودة النطاق».']))).toEqual([
      ['sergei-lavrov', 'الاشتباكات كانت «محدودة النطاق»'],
      ['sergei-lavrov', 'محدودة النطاق'],
    ]);
    // A quotation right after the verb is still the statement.
    expect(pairs(claims(['وقال لافروف: «المحادثات كانت مثمرة جدا».']))).toEqual([['sergei-lavrov', 'المحادثات كانت مثمرة جدا']]);
  });

  it('a speech noun with its speaker and «أن» after it: «بعد أيام من إعلان … X أن …»', () => {
    expect(pairs(claims(['وتأتي الزيارة بعد أيام من إعلان المتحدث باسم الكرملين دميتري بيسكوف أن الوفد سيصل غدا.']))).toEqual([
      ['dmitry-peskov', 'الوفد سيصل غدا'],
    ]);
    // Not a statement without a name and «أن» after it, and it does not cut the statement it stands in.
    expect(claims(['وجاء ذلك بعد إعلان موسكو الصادر في الصيف.'], `${NAMED} موسكو`)).toEqual([]);
    expect(pairs(claims(['وقال لافروف إن بلاده لا تستطيع في هذه المرحلة تأكيد التقارير عن الجنود.']))).toEqual([
      ['sergei-lavrov', 'بلاده لا تستطيع في هذه المرحلة تأكيد التقارير عن الجنود'],
    ]);
    // «نقلت … عن X تأكيده … أن»: the relay's «قوله» in another word.
    expect(pairs(claims(['ونقلت وسائل إعلام عن لافروف تأكيده خلال اللقاء أن العلاقات متينة.']))).toEqual([['sergei-lavrov', 'العلاقات متينة']]);
  });

  it.each([
    ['وهو ما نفته العاصمة الأخرى'],
    ['وذلك رداً على سؤال صحفي'],
    ['في إطار جولة تشمل ثلاث دول'],
    ['في تطور ينذر بتوسيع الحرب'],
  ])('«، %s» after a statement is the writer’s words', (tail) => {
    expect(pairs(claims([`وقال لافروف إن الجنود وصلوا، ${tail}.`]))).toEqual([['sergei-lavrov', 'الجنود وصلوا']]);
  });

  it('«…»، قال X: a quotation right before a verb of saying and its subject is what X said', () => {
    expect(pairs(claims(['«لم نر الجنود في القتال بعد، لكننا نتوقع ذلك»، قال لافروف، مضيفاً أن الوضع يتغير بسرعة.']))).toEqual([
      ['sergei-lavrov', 'لم نر الجنود في القتال بعد، لكننا نتوقع ذلك'],
      ['sergei-lavrov', 'الوضع يتغير بسرعة'],
    ]);
    // With a statement of its own after the verb, that is what it says.
    expect(pairs(claims(['«خطوة مهمة»، قال لافروف إن الاتفاق سيوقع غدا.']))).toEqual([['sergei-lavrov', 'الاتفاق سيوقع غدا']]);
  });

  it('«في تصريحات أدلى بها …» is the occasion, not a statement; «مضيفه» (his host) is no «مضيفة»', () => {
    expect(pairs(claims(['وقال لافروف، في تصريحات أدلى بها للصحفيين بعد المحادثات، إن الوثيقة دفاعية.']))).toEqual([['sergei-lavrov', 'الوثيقة دفاعية']]);
    expect(pairs(claims(['وأفاد أوشاكوف بأن بوتين أهدى مضيفه سيارة روسية الصنع.']))).toEqual([['yuri-ushakov', 'بوتين أهدى مضيفه سيارة روسية الصنع']]);
  });

  // «متوقعاً أن», the Maghrebi papers' «مبرزاً أن», «مرجّحاً أن».
  it.each(['متوقعاً', 'مبرزاً', 'مرجّحاً', 'مذكّراً'])('«%s أن …» carries on the speaker’s statement', (participle) => {
    expect(pairs(claims([`وقال لافروف إن المحادثات كانت صريحة، ${participle} أن الاتصالات ستستمر بين البلدين.`]))).toEqual([
      ['sergei-lavrov', 'المحادثات كانت صريحة'],
      ['sergei-lavrov', 'الاتصالات ستستمر بين البلدين'],
    ]);
  });

  it('«مكتفياً بالقول إن …», «مكتفياً بالتأكيد على أن …»: the speaker says no more than that', () => {
    expect(pairs(claims(['وقال لافروف إن الزيارة كانت مهمة، مكتفياً بالتأكيد على أن التعاون مستمر.']))).toEqual([
      ['sergei-lavrov', 'الزيارة كانت مهمة'],
      ['sergei-lavrov', 'التعاون مستمر'],
    ]);
    expect(pairs(claims(['وقال لافروف إن الزيارة كانت مهمة، مكتفياً بالقول إن التعاون مستمر.']))).toEqual([
      ['sergei-lavrov', 'الزيارة كانت مهمة'],
      ['sergei-lavrov', 'التعاون مستمر'],
    ]);
    expect(pairs(claims(['واكتفى بيسكوف بالإشارة إلى أن الاتصالات مستمرة.']))).toEqual([['dmitry-peskov', 'الاتصالات مستمرة']]);
  });

  it('«ادّعى» and «زعم» are verbs of saying (a site’s slant on the words, still their speaker’s)', () => {
    expect(pairs(claims(['وادّعى المتحدث باسم الكرملين دميتري بيسكوف، في مؤتمر صحفي، أن الاتصالات مستمرة.']))).toEqual([['dmitry-peskov', 'الاتصالات مستمرة']]);
    expect(pairs(claims(['وزعمت تشوي سون هوي أن الوضع مستقر.']))).toEqual([['choe-son-hui', 'الوضع مستقر']]);
  });

  it('"أن A، وأن B" is two statements of the same speaker', () => {
    expect(pairs(claims(['وأكد لافروف أن المحادثات كانت صريحة، وأن الجانبين اتفقا على خطة عمل.']))).toEqual([
      ['sergei-lavrov', 'المحادثات كانت صريحة'],
      ['sergei-lavrov', 'الجانبين اتفقا على خطة عمل'],
    ]);
  });

  it('the writer’s words after a comma are not the statement: "، من دون أن …", "، وذلك خلال …"', () => {
    expect(pairs(claims(['وأكد بيسكوف أن اللقاء عقد، من دون أن يكشف تفاصيله.']))).toEqual([['dmitry-peskov', 'اللقاء عقد']]);
    expect(pairs(claims(['وتعهد بوتين بأن تدعم بلاده الشركاء، وذلك خلال استقباله الوفد.']))).toEqual([['vladimir-putin', 'تدعم بلاده الشركاء']]);
    // "، وذلك تبعا لـ …" is still what was said.
    expect(claims(['وقال بوتين إن بلاده لا تستبعد الخيار، وذلك تبعا لتطور الوضع.'])[0]!.text).toBe('بلاده لا تستبعد الخيار، وذلك تبعا لتطور الوضع');
  });

  it('"وصف X التقارير بأنها «…»": the words after the object', () => {
    expect(claims(['ووصف بيسكوف هذه التقارير بأنها "مزيفة".'])).toEqual([{ speaker: 'dmitry-peskov', text: 'مزيفة', kind: 'direct' }]);
    expect(pairs(claims(['قال بوتين إن الوثيقة مهمة، واصفا إياها بأنها «اختراقية حقا».']))).toContainEqual(['vladimir-putin', 'اختراقية حقا']);
  });

  it('a quotation inside reported speech is also a direct claim', () => {
    const c = claims(['وقال بوتين إن التعاون مع الجيران "شأن يخصنا".']);
    expect(c).toContainEqual({ speaker: 'vladimir-putin', text: 'شأن يخصنا', kind: 'direct' });
    expect(c).toContainEqual({ speaker: 'vladimir-putin', text: 'التعاون مع الجيران "شأن يخصنا"', kind: 'reported' });
  });

  it('a verb form after a preposition is a noun: "يتفقان على رفض …" does not end the statement', () => {
    expect(pairs(claims(['وأكد لافروف أن الجانبين يتفقان على رفض العقوبات الأحادية.']))).toEqual([['sergei-lavrov', 'الجانبين يتفقان على رفض العقوبات الأحادية']]);
  });

  it('a speech verb inside the reported clause belongs to it: "أفادت الوكالة بأن بوتين أعرب عن …"', () => {
    const c = claims(['وأفادت وكالة تاس بأن بوتين أعرب عن ارتياحه للنتائج.']);
    expect(c[0]).toMatchObject({ speaker: 'tass', text: 'بوتين أعرب عن ارتياحه للنتائج' });
    // …also with the person's title between the complementizer and the name.
    expect(pairs(claims(['وذكر الكرملين في بيان أن الرئيس بوتين أكد استعداده لزيارة العاصمة قريبا.']))).toEqual([
      ['kremlin', 'الرئيس بوتين أكد استعداده لزيارة العاصمة قريبا'],
    ]);
  });

  it('present tense for a position held: "وتقول كوريا الجنوبية إن …"', () => {
    expect(pairs(claims(['وتقول كوريا الجنوبية إن الصواريخ سقطت في البحر.']))).toEqual([['south-korea', 'الصواريخ سقطت في البحر']]);
  });

  it('«نقل» with no «عن» after it moves things, it relays nothing: the statement goes on', () => {
    expect(pairs(claims(['وقال بيسكوف إن سفنا روسية نقلت الجنود إلى الميناء الشرقي.']))).toEqual([['dmitry-peskov', 'سفنا روسية نقلت الجنود إلى الميناء الشرقي']]);
  });

  it('a parenthesised abbreviation in a title does not hide the person after it', () => {
    expect(pairs(claims(['وأكد الأمين العام لحلف شمال الأطلسي (NATO) مارك روته أن الحلف موحد.'], `${NAMED} مارك روته`))).toEqual([['mark-rutte', 'الحلف موحد']]);
  });

  it('the speaker’s next act after a comma ends the statement: "…، منتقدا …"', () => {
    expect(pairs(claims(['وقال بوتين إن بلاده ستدعم شركاءها، منتقدا سياسة العقوبات الغربية.']))).toEqual([['vladimir-putin', 'بلاده ستدعم شركاءها']]);
  });

  it('"وأكد البيان أن …": the body that spoke last; after a person, no one', () => {
    expect(pairs(claims(['وقال الكرملين في بيان إن الزيارة ستتم الشهر المقبل.', 'وأكد البيان أن الجانبين سيوقعان اتفاقا.']))).toEqual([
      ['kremlin', 'الزيارة ستتم الشهر المقبل'],
      ['kremlin', 'الجانبين سيوقعان اتفاقا'],
    ]);
    expect(pairs(claims(['وقال بيسكوف إن الزيارة ستتم الشهر المقبل.', 'وأكد البيان أن الجانبين سيوقعان اتفاقا.']))).toEqual([['dmitry-peskov', 'الزيارة ستتم الشهر المقبل']]);
  });

  it('an unlinked person’s role as written names them, with the «في» inside it', () => {
    const { people, found } = withUnlinked(['وقال مدير مكتب الأمن في الرئاسة الفنلندية "ماتي كورهونن" في إفادة صحفية إن الحكومة قلقة.']);
    expect(people.map((p) => p.name)).toEqual(['ماتي كورهونن']);
    expect(pairs(found)).toEqual([['ماتي كورهونن', 'الحكومة قلقة']]);
  });
});

describe('claims: «بالقول» and appositions after the speaker', () => {
  it('"واكتفى X بالقول إن …", "ورد X على سؤال … بالقول: …": the subject of the verb before «بالقول» speaks', () => {
    expect(pairs(claims(['واكتفى المتحدث باسم الكرملين دميتري بيسكوف بالقول إن الاتصالات مستمرة على كل المستويات.']))).toEqual([
      ['dmitry-peskov', 'الاتصالات مستمرة على كل المستويات'],
    ]);
    expect(claims(['وعلق لافروف على سؤال أحد الصحفيين عن موعد الزيارة بالقول: «سنعلن الموعد في حينه».'])).toEqual([
      { speaker: 'sergei-lavrov', text: 'سنعلن الموعد في حينه', kind: 'direct' },
    ]);
  });

  it('"وقالت كيم" / "وقال كيم" in an article naming Kim Jong Un and Kim Yo Jong: the verb\'s gender says which', () => {
    const both = `${NAMED} كيم جونغ أون كيم يو جونغ`;
    expect(pairs(claims(['وقالت كيم إن بلادها لا تبيع أسلحة لأحد.'], both))).toEqual([['kim-yo-jong', 'بلادها لا تبيع أسلحة لأحد']]);
    expect(pairs(claims(['وقال كيم إن الجيش مستعد.'], both))).toEqual([['kim-jong-un', 'الجيش مستعد']]);
  });

  it('"نفى X أن …": what was denied keeps «نفى أن», in every clause, and is never an assertion', () => {
    expect(pairs(claims(['ونفى بيسكوف أن تكون موسكو قد تلقت أسلحة من بيونغ يانغ، وأن يكون الجنود قد وصلوا.']))).toEqual([
      ['dmitry-peskov', 'نفى أن تكون موسكو قد تلقت أسلحة من بيونغ يانغ'],
      ['dmitry-peskov', 'نفى أن يكون الجنود قد وصلوا'],
    ]);
    expect(pairs(claims(['ورفضت تشوي سون هوي بأن تكون المحادثات قد فشلت.']))).toEqual([['choe-son-hui', 'رفضت بأن تكون المحادثات قد فشلت']]);
    // An assertion stays as it was said.
    expect(pairs(claims(['وقال لافروف إن الاتفاق دفاعي.']))).toEqual([['sergei-lavrov', 'الاتفاق دفاعي']]);
  });

  it('"قال X على هامش …، إن …": a preposition before «، إن» opens a circumstance, not what was said', () => {
    expect(claims(['وقال لافروف على هامش اجتماع وزاري في جاكرتا، إن الحوار مستمر.'])).toEqual([
      { speaker: 'sergei-lavrov', text: 'الحوار مستمر', kind: 'reported' },
    ]);
    // Without the comma and «إن», the preposition still opens what was said: "وشدد لافروف على …".
    expect(pairs(claims(['وشدد لافروف على أهمية الحوار بين البلدين.']))).toEqual([['sergei-lavrov', 'شدد على أهمية الحوار بين البلدين']]);
  });

  it('a body or a capital before «بالقول» speaks too: «أما بكين فاكتفت بالقول إن …»', () => {
    expect(pairs(claims(['أما بكين فاكتفت بالقول إن العلاقات بين البلدين شأن ثنائي.']))).toEqual([['beijing', 'العلاقات بين البلدين شأن ثنائي']]);
    expect(pairs(claims(['واكتفى الكرملين بالقول إن الاتصالات مستمرة.']))).toEqual([['kremlin', 'الاتصالات مستمرة']]);
  });

  it('"واكتفى بالقول" continues the last speaker; a subject no one knows takes no one’s words', () => {
    expect(pairs(claims(['وقال لافروف إن الوفد وصل.', 'واكتفى بالقول إن التفاصيل ستعلن لاحقا.']))).toEqual([
      ['sergei-lavrov', 'الوفد وصل'],
      ['sergei-lavrov', 'التفاصيل ستعلن لاحقا'],
    ]);
    expect(pairs(claims(['وقال لافروف إن الوفد وصل.', 'واكتفت وزارة الخارجية اليابانية بالقول إنها تتابع الوضع.']))).toEqual([['sergei-lavrov', 'الوفد وصل']]);
  });

  it('words set off by commas after a named speaker describe them when the statement follows', () => {
    expect(claims(['ونقلت الوكالة عن تشوي سون هوي، التي ترأست وفد بلادها في المحادثات، قولها: «الزيارة فتحت صفحة جديدة».'])).toEqual([
      { speaker: 'choe-son-hui', text: 'الزيارة فتحت صفحة جديدة', kind: 'direct' },
    ]);
    expect(pairs(claims(['وقال بيسكوف، الذي تحدث من موسكو عبر الهاتف، إن القمة ستعقد قريبا.']))).toEqual([['dmitry-peskov', 'القمة ستعقد قريبا']]);
    // Names inside those words, and a circumstance after them, do not end the walk before "، إن".
    expect(pairs(claims(['وقال لافروف، الذي التقى بوتين في الكرملين صباحا، في مؤتمر صحفي مشترك، إن التعاون مستمر.']))).toEqual([
      ['sergei-lavrov', 'التعاون مستمر'],
    ]);
    // With no opening of the statement after the second comma, what follows the first comma is what was said.
    const [plain] = claims(['وقال بيسكوف، الوضع معقد، لكننا نواصل العمل.']);
    expect(plain?.speaker).toBe('dmitry-peskov');
    expect(plain?.text).toMatch(/الوضع معقد، لكننا نواصل العمل$/);
  });
});

describe('claims: a quotation headline', () => {
  const withHeadline = (headline: string, paragraphs: string[] = ['وصل الوفد إلى العاصمة صباح اليوم.']) => {
    const { matcher, data } = projectIngestor();
    const named = matcher.namedInFull([NAMED, headline, ...paragraphs].join('\n'));
    return findClaims(paragraphs, { matcher, named, rules: data.claims, dates: data.dates, writtenOn: null, headline });
  };

  it('"X: …" and "X في مكان: …" quote X, to the end or to a «..»', () => {
    expect(withHeadline('لافروف: علاقاتنا مع الجيران تتطور')).toEqual([{ speaker: 'sergei-lavrov', text: 'علاقاتنا مع الجيران تتطور', kind: 'direct' }]);
    expect(pairs(withHeadline('لافروف في موسكو: سندعم الحلفاء.. وبوتين يستقبل الوفد'))).toEqual([['sergei-lavrov', 'سندعم الحلفاء']]);
  });

  it('no claim when a verb stands before the colon, or a place is the name', () => {
    expect(withHeadline('لافروف يستقبل الوفد في موسكو: علاقاتنا تتطور')).toEqual([]);
    expect(withHeadline('موسكو: علاقاتنا مع الجيران تتطور')).toEqual([]);
  });
});
