import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../src/ingest/claims.ts';
import type { Claim } from '../../../src/lib/entry-schema.ts';
import { projectIngestor, seedEntry } from './helpers.ts';

/** Claims of made-up paragraphs; the article names these people in full somewhere. */
function claims(paragraphs: string[], writtenOn: string | null = null, namedText = 'دميتري بيسكوف فلاديمير بوتين كيم جونغ أون'): Claim[] {
  const { matcher, data } = projectIngestor();
  const named = matcher.namedInFull([namedText, ...paragraphs].join('\n'));
  return findClaims(paragraphs, { matcher, named, rules: data.claims, dates: data.dates, writtenOn });
}

describe('claims on made-up cases', () => {
  it('a named speaker, reported speech without «أن»', () => {
    expect(claims(['قال الرئيس فلاديمير بوتين إن العلاقات متينة.'])).toEqual([{ speaker: 'vladimir-putin', text: 'العلاقات متينة', kind: 'reported' }]);
  });

  it('«وأضاف» and «وأكد» with no subject belong to the last named speaker, across paragraphs', () => {
    const c = claims(['قال دميتري بيسكوف إن الزيارة ناجحة.', 'وأضاف أن موسكو راضية.', 'وأكد مرة أخرى أن التعاون مستمر.']);
    expect(c.map((x) => [x.speaker, x.text])).toEqual([
      ['dmitry-peskov', 'الزيارة ناجحة'],
      ['dmitry-peskov', 'موسكو راضية'],
      ['dmitry-peskov', 'التعاون مستمر'],
    ]);
  });

  it('a title resolves to the actor the article names', () => {
    expect(claims(['وقال المتحدث باسم الكرملين إن لا اتفاقيات.'])[0]).toMatchObject({ speaker: 'dmitry-peskov' });
    // Without Peskov named anywhere, the title names no one.
    expect(claims(['وقال المتحدث باسم الكرملين إن لا اتفاقيات.'], null, 'فلاديمير بوتين')).toEqual([]);
  });

  it('an organisation can speak', () => {
    expect(claims(['أكد الكرملين الجمعة عدم توقيع أي اتفاقيات.'])[0]).toMatchObject({ speaker: 'kremlin', text: 'أكد عدم توقيع أي اتفاقيات', kind: 'reported', when: { text: 'الجمعة' } });
  });

  it('keeps the verb when what was said is its object: "ورفض المتحدث التعليق" → "رفض التعليق"', () => {
    expect(claims(['ورفض دميتري بيسكوف التعليق على التقارير.'])[0]).toMatchObject({ speaker: 'dmitry-peskov', text: 'رفض التعليق على التقارير' });
    expect(claims(['ونفى بوتين وجود أي خطط.'])[0]).toMatchObject({ text: 'نفى وجود أي خطط' });
    // With «أن» the verb adds nothing: the words after it are the statement.
    expect(claims(['وأكد بوتين أن الخطط قائمة.'])[0]).toMatchObject({ text: 'الخطط قائمة' });
  });

  it('direct: quoted words, «…» and after "قال X:"', () => {
    expect(claims(['قال بوتين: "إن الاتفاق يتضمن الدعم المتبادل".'])[0]).toMatchObject({ text: 'إن الاتفاق يتضمن الدعم المتبادل', kind: 'direct' });
    expect(claims(['وقال بيسكوف «لم نوقع أي اتفاقية مع أحد».'])[0]).toMatchObject({ speaker: 'dmitry-peskov', text: 'لم نوقع أي اتفاقية مع أحد', kind: 'direct' });
    expect(claims(['وقال كيم جونغ أون في الاجتماع: إن الزيارة ستعزز التعاون.'])[0]).toMatchObject({ speaker: 'kim-jong-un', text: 'إن الزيارة ستعزز التعاون', kind: 'direct' });
  });

  it('a name in quotation marks is a name, not a quotation', () => {
    expect(claims(['وذكر "بوتين" أن الاتفاقية ستحل محل غيرها.'])[0]).toMatchObject({ speaker: 'vladimir-putin', kind: 'reported', text: 'الاتفاقية ستحل محل غيرها' });
  });

  it('a participle carries on the statement: "…، مشددا على أن «…»"', () => {
    const c = claims(['قال بوتين إن بلاده لن تنتهك أي اتفاقيات. مشددا على أن "كوريا جارة لنا ونريد علاقات حسنة".']);
    expect(c.map((x) => [x.speaker, x.kind])).toEqual([['vladimir-putin', 'reported'], ['vladimir-putin', 'direct']]);
  });

  it('names in a circumstance are not the speaker', () => {
    const c = claims(['وخلال لقائه مع "فلاديمير بوتين"، قال "كيم جونغ أون" للرئيس الروسي: "إن العلاقات دخلت حقبة جديدة".']);
    expect(c).toEqual([{ speaker: 'kim-jong-un', text: 'إن العلاقات دخلت حقبة جديدة', kind: 'direct' }]);
  });

  it('a subject before the verb: "يُذكر أن المتحدث باسم الكرملين أعلن …"', () => {
    expect(claims(['يُذكر أن المتحدث باسم الكرملين أعلن في وقت سابق أن التعاون ليس موجها ضد أحد.'])[0]).toMatchObject({
      speaker: 'dmitry-peskov',
      when: { text: 'في وقت سابق' },
      text: 'التعاون ليس موجها ضد أحد',
    });
  });

  it('an unknown speaker is not attributed, and a later «وأضاف» does not fall to the previous speaker', () => {
    const c = claims(['قال بوتين إن الزيارة مهمة.', 'وقالت وزارة الخارجية، إن الوزير كان في الاستقبال.', 'وأضاف أن الترتيبات اكتملت.']);
    expect(c.map((x) => x.speaker)).toEqual(['vladimir-putin']);
  });

  it('who relayed it: "وفقا لوكالة تاس", "نقلتها وكالة إنترفاكس"', () => {
    const c = claims(['قال بوتين إن العلاقات جيدة.', 'وأضاف - وفقا لوكالة انباء تاس الروسية - "أنا مقتنع بأن التعاون سيتوسع كثيرا".']);
    expect(c[1]).toMatchObject({ speaker: 'vladimir-putin', kind: 'direct', reported_by: 'tass' });
  });

  it('when: weekday words resolved against the day of writing', () => {
    const c = claims(['أكد دميتري بيسكوف، الثلاثاء الماضي، "أن روسيا غير مهتمة بالتصريحات الأمريكية".', 'وقال بوتين اليوم /الجمعة/ إن الأمر محسوم.'], '2023-09-15');
    expect(c[0]!.when).toEqual({ text: 'الثلاثاء الماضي', date: '2023-09-12' });
    expect(c[1]!.when).toEqual({ text: 'اليوم /الجمعة/', date: '2023-09-15' });
  });

  it('an agency spoken to is no speaker: "وقال مصدر لوكالة تاس إن …", "وقال بيسكوف لوكالة تاس إن …"', () => {
    expect(claims(['وقال مصدر دبلوماسي لوكالة تاس إن المحادثات مستمرة.'])).toEqual([]);
    expect(claims(['وقال دميتري بيسكوف لوكالة تاس إن المحادثات مستمرة.'])).toEqual([
      { speaker: 'dmitry-peskov', text: 'المحادثات مستمرة', kind: 'reported', reported_by: 'tass' },
    ]);
    expect(claims(['وقال مسؤول لبوتين إن الوضع هادئ.'])).toEqual([]);
  });

  it('"جاء ذلك في … اليوم الخميس" dates the statement before it', () => {
    const c = claims(['أعرب بوتين عن أمله في تعاون أوثق.', 'جاء ذلك في برقية أرسلها الرئيس، اليوم الخميس إلى نظيره.'], '2023-10-12');
    expect(c).toEqual([{ speaker: 'vladimir-putin', text: 'أعرب عن أمله في تعاون أوثق', kind: 'reported', when: { text: 'اليوم الخميس', date: '2023-10-12' } }]);
  });

  it('a sentence opening with its source ("وبحسب بيان الكرملين، فإن …") is that source’s statement', () => {
    expect(claims(['وبحسب البيان الصادر عن الكرملين، فإن اللقاء بدأ باحتفال رسمي.'])).toEqual([
      { speaker: 'kremlin', text: 'اللقاء بدأ باحتفال رسمي', kind: 'reported' },
    ]);
    // A source named at the end of a sentence is no such opening.
    expect(claims(['وكان الوزير في الاستقبال، حسب وكالة تاس.'])).toEqual([]);
  });

  it('no claim from "يُذكر أن" alone, or from a verb-like noun', () => {
    expect(claims(['يذكر أن كيم جونغ أون زار روسيا في سبتمبر.'])).toEqual([]);
  });
});

describe('claims of each seed, checked against the text', () => {
  const summary = (p: string) => seedEntry(p).frontmatter.claims.map((c) => `${c.speaker}|${c.kind}`);

  it('000: the Kremlin in the headline («الكرملين: …»), four statements by Peskov (named, then by three titles)', () => {
    const c = seedEntry('000').frontmatter.claims;
    expect(summary('000')).toEqual(['kremlin|direct', 'dmitry-peskov|reported', 'dmitry-peskov|direct', 'dmitry-peskov|reported', 'dmitry-peskov|reported']);
    expect(c[0]!.text).toBe('موسكو وبيونج يانج لم توقعا أي اتفاقيات تخص التعاون العسكري-التقني');
    expect(c[1]).toMatchObject({ when: { text: 'اليوم /الجمعة/', date: '2023-09-15' } });
    expect(c[1]!.text).toMatch(/^روسيا وكوريا الشمالية لم توقعا أي اتفاقيات ثنائية/);
    expect(c[2]!.text).toBe('إنه لم يتم التوقيع على أي اتفاقيات بشأن هذه القضية أو بشأن قضايا أخرى ولم تكن هناك مثل هذه الخطط');
    expect(c[4]).toMatchObject({ when: { text: 'في وقت سابق' } });
  });

  it('001: the Kremlin, Peskov, Putin, Rudenko; the ministry and Seoul/Washington are not attributed', () => {
    expect(summary('001')).toEqual([
      'kremlin|reported',
      'dmitry-peskov|reported',
      'vladimir-putin|reported',
      'vladimir-putin|direct',
      'kremlin|reported',
      'dmitry-peskov|direct',
      'dmitry-peskov|direct',
      'andrei-rudenko|reported',
      'andrei-rudenko|direct',
    ]);
    const c = seedEntry('001').frontmatter.claims;
    expect(c[5]).toMatchObject({ when: { text: 'الثلاثاء الماضي', date: '2023-09-12' } });
    expect(c[8]).toMatchObject({ reported_by: 'interfax' });
    expect(c.some((x) => x.speaker === 'alexander-kozlov')).toBe(false);
  });

  it('002: Putin (in the headline, and the «وأضاف» quote via TASS), Peskov, Kim', () => {
    expect(summary('002')).toEqual(['vladimir-putin|direct', 'vladimir-putin|reported', 'vladimir-putin|reported', 'vladimir-putin|direct', 'dmitry-peskov|reported', 'kim-jong-un|direct', 'kim-jong-un|reported']);
    expect(seedEntry('002').frontmatter.claims[3]).toMatchObject({ reported_by: 'tass' });
    expect(seedEntry('002').frontmatter.claims[1]!.when).toEqual({ text: 'اليوم الخميس', date: '2023-10-12' });
    expect(seedEntry('002').frontmatter.claims[3]!.text).toMatch(/^أنا مقتنع بأن تنفيذ الاتفاقيات سيسهم/);
  });

  it('003: Putin’s statements, Peskov’s (the one after a stray quotation mark too), Kim’s', () => {
    const c = seedEntry('003').frontmatter.claims;
    expect(c.filter((x) => x.speaker === 'vladimir-putin')).toHaveLength(6);
    const peskov = c.filter((x) => x.speaker === 'dmitry-peskov');
    expect(peskov.map((x) => x.text)).toEqual([
      expect.stringMatching(/^إن كل ما يفعله الغرب تقريبًا هو ضدنا/),
      'التعاون الروسي الكوري ليس ضد أي دولة ثالثة',
    ]);
    expect(c.filter((x) => x.speaker === 'kim-jong-un')).toHaveLength(5);
    expect(c.filter((x) => x.speaker === 'kremlin').map((x) => x.text)).toEqual([expect.stringMatching(/^اللقاء بين "بوتين" و"كيم جونغ أون"/)]);
    expect(c.some((x) => x.speaker === 'kim-jong-il')).toBe(false);
  });

  it('004: Kim, No Kwang Chol and Belousov (by his misspelt name)', () => {
    const c = seedEntry('004').frontmatter.claims;
    expect(new Set(c.map((x) => x.speaker))).toEqual(new Set(['kim-jong-un', 'no-kwang-chol', 'andrei-belousov']));
    expect(c.find((x) => x.speaker === 'andrei-belousov')).toMatchObject({ kind: 'direct', text: expect.stringMatching(/^معاهدة العلاقات الاستراتيجية الشاملة/) });
    expect(c.find((x) => x.speaker === 'no-kwang-chol')).toMatchObject({ kind: 'direct', text: expect.stringMatching(/^بعد قمة بيونغ يانغ في يونيو 2024/) });
  });

  it('every claim’s words are in the entry’s headline or body (a reported claim may lead with its verb)', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const e = seedEntry(p);
      const body = `${e.frontmatter.title}\n${e.body.replace(/\\/g, '')}`;
      for (const c of e.frontmatter.claims) {
        if (body.includes(c.text)) continue;
        const [verb, ...rest] = c.text.split(' ');
        expect(c.kind, `${p}: ${c.text}`).toBe('reported');
        expect(body, `${p}: ${c.text}`).toContain(verb);
        expect(body, `${p}: ${c.text}`).toContain(rest.join(' '));
      }
    }
  });
});

describe('claims: subjects before the verb, bodies referred back to, «إلى أن»', () => {
  it('"وكان X قد قال": the subject before «قد» and the verb speaks', () => {
    expect(claims(['وكان الرئيس فلاديمير بوتين قد قال أمس إن الاتفاق قريب.'])[0]).toMatchObject({ speaker: 'vladimir-putin', text: 'الاتفاق قريب' });
  });

  it('"وذكرت الوزارة": the body of that kind named last', () => {
    const c = claims(['أصدرت وزارة الخارجية الروسية بيانا مساء أمس.', 'وذكرت الوزارة أن المحادثات كانت بناءة.']);
    expect(c).toEqual([{ speaker: 'russian-foreign-ministry', text: 'المحادثات كانت بناءة', kind: 'reported' }]);
    // With no ministry named before, nobody is the speaker.
    expect(claims(['وذكرت الوزارة أن المحادثات كانت بناءة.'])).toEqual([]);
    // By the first word of the name the text used, a variant («وكالة الاستخبارات الوطنية», not «جهاز …»).
    const nis = claims(['أعلنت وكالة الاستخبارات الوطنية في كوريا الجنوبية أن الجنود وصلوا.', 'وأوضحت الوكالة، في بيان، أن الجنود نقلوا بحرا.'], null, 'وكالة الاستخبارات الوطنية');
    expect(nis.map((x) => [x.speaker, x.text])).toEqual([
      ['south-korean-nis', 'الجنود وصلوا'],
      ['south-korean-nis', 'الجنود نقلوا بحرا'],
    ]);
    // A variant that opens with «ال» is referred back to without it: «وأضافت الاستخبارات» after «الاستخبارات الكورية الجنوبية».
    const nis2 = claims(['أعلنت الاستخبارات الكورية الجنوبية أن الجنود وصلوا.', 'وأضافت الاستخبارات أن الجنود نقلوا بحرا.'], null, 'الاستخبارات الكورية الجنوبية');
    expect(nis2.map((x) => x.speaker)).toEqual(['south-korean-nis', 'south-korean-nis']);
  });

  it('"مشيرا إلى أن …" and a feminine participle: the words after «أن», same speaker', () => {
    const c = claims(['قال بوتين إن الزيارة مهمة، مشيرا إلى أن موعدها لم يحدد.', 'وقالت ماريا زاخاروفا إن الرد سيأتي، مؤكدة أنه سيكون حازما.'], null, 'فلاديمير بوتين ماريا زاخاروفا');
    expect(c.map((x) => [x.speaker, x.text])).toEqual([
      ['vladimir-putin', 'الزيارة مهمة'],
      ['vladimir-putin', 'موعدها لم يحدد'],
      ['maria-zakharova', 'الرد سيأتي'],
      ['maria-zakharova', 'سيكون حازما'],
    ]);
  });

  it('an unlinked person speaks under the name on the entry', async () => {
    const { findPeople, withPeople } = await import('../../../src/ingest/actors.ts');
    const { claimStopWords } = await import('../../../src/ingest/claims.ts');
    const { matcher, data } = projectIngestor();
    const texts = ['وقال وزير الزراعة الفنلندي ماتي كورهونن إن المحصول جيد.', 'وأضاف كورهونن أن الأسعار ستنخفض.'];
    const people = findPeople(texts, matcher, data.claims.people, claimStopWords(data.claims));
    const speakers = withPeople(matcher, people);
    const c = findClaims(texts, { matcher: speakers, named: speakers.namedInFull(texts.join('\n')), rules: data.claims, dates: data.dates, writtenOn: null });
    expect(c.map((x) => [x.speaker, x.text])).toEqual([
      ['ماتي كورهونن', 'المحصول جيد'],
      ['ماتي كورهونن', 'الأسعار ستنخفض'],
    ]);
  });
});

describe('claims: a joint statement', () => {
  it('"قال X وY إن …" has no one speaker, and «وأضاف» after it goes to no one', () => {
    expect(claims(['قال بوتين وكيم جونغ أون إن القمة ناجحة.', 'وأضاف أن التعاون سيتسع.'])).toEqual([]);
  });
});
