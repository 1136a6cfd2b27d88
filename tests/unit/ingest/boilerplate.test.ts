import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cutFurniture } from '../../../src/ingest/boilerplate.ts';
import { decodeSeed } from '../../../src/ingest/decode.ts';
import { segmentLines } from '../../../src/ingest/segment.ts';
import { SEEDS, projectIngestor, seedEntry, seedName } from './helpers.ts';

const HEAD = 'المسؤول يصف الاجتماع بأنه مثمر';
const PARA = 'قال المسؤول إن الاجتماع كان مثمرا.';
const cut = (...lines: string[]) => cutFurniture(segmentLines(lines.join('\n')), projectIngestor().data);
const rulesOf = (...lines: string[]) => cut(...lines).removed.map((r) => [r.line, r.rule]);

describe('each kind of page furniture, on made-up lines', () => {
  it.each([
    ['إقرأ أيضاً:'],
    ['اقرأ أيضا'],
    ['اقرأ المزيد: خبر آخر لا صلة له'],
    ['شاهد أيضا:'],
    ['أخبار ذات صلة'],
    ['مواضيع ذات صلة'],
  ])('a read-also line "%s" in mid-article cuts itself and its headlines, not the paragraph after them', (marker) => {
    const r = cut(HEAD, PARA, marker, 'خبر آخر', 'وقال بوتين إن شيئا آخر حدث.');
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([[3, 'read_also_tail'], [4, 'read_also_box']]);
    expect(r.body.map((b) => b.text)).toEqual([PARA, 'وقال بوتين إن شيئا آخر حدث.']);
  });

  it('a caption over the lead that is a finished sentence with the photo\'s credit after its stop', () => {
    const caption = 'المسؤول يصافح ضيفه في مقر الوزارة، 3 مارس 2024. (أ ف ب)';
    const more = 'وأضاف المسؤول أن اللقاء تناول ملفات كثيرة.';
    expect(rulesOf(HEAD, caption, PARA, more)).toEqual([[2, 'photo_caption']]);
    // The story's closing mark after its last paragraph's stop stays the story's (its mark is cut, not the line),
    // and so does a one-paragraph story's.
    expect(cut(HEAD, PARA, 'وأضاف المسؤول أن اللقاء تناول ملفات كثيرة. (أ ف ب)').body.map((b) => b.text)).toEqual([PARA, more]);
    expect(cut(HEAD, caption).body.map((b) => b.text)).toEqual([caption.replace(/ \(أ ف ب\)$/, '')]);
    // A lead of two sentences is no caption.
    const lead = 'التقى المسؤول ضيفه في مقر الوزارة. وتناول اللقاء ملفات كثيرة. (أ ف ب)';
    expect(cut(HEAD, lead, more).body).toHaveLength(2);
  });

  it('a read-also line after the source and tag lines cuts everything after it, paragraphs too', () => {
    const r = cut(HEAD, PARA, 'المصدر: وكالات', 'إقرأ أيضاً:', 'خبر آخر عن موضوع بعيد', 'وقال وزير آخر إن شيئا آخر حدث في بلد بعيد.');
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([[3, 'source_line'], [4, 'read_also_tail'], [5, 'read_also_tail'], [6, 'read_also_tail']]);
  });

  it('after the last paragraph every line is furniture: related headlines, prompts, tags', () => {
    expect(rulesOf(HEAD, PARA, 'أخبار ذات صلة', 'وزير يزور مدينة ساحلية', 'تابعونا على تلغرام')).toEqual([
      [3, 'read_also_tail'],
      [4, 'related_tail'],
      [5, 'newsletter_prompt'],
    ]);
    expect(rulesOf(HEAD, PARA, 'سطر قصير بلا جملة')).toEqual([[3, 'page_footer']]);
  });

  it('an ad slot’s line: «إعلان», «مساحة إعلانية», «Advertisement», «[ad_1]»', () => {
    expect(rulesOf(HEAD, PARA, 'مساحة إعلانية', PARA, 'Advertisement', '[ad_1]', PARA)).toEqual([
      [3, 'placeholder'],
      [5, 'placeholder'],
      [6, 'placeholder'],
    ]);
  });

  it('an aggregator’s closing line under the story it reposts', () => {
    expect(rulesOf(HEAD, PARA, PARA, `كانت هذه تفاصيل خبر ${HEAD} لهذا اليوم، نرجو أن نكون قد وفقنا في إعطائك التفاصيل.`)).toEqual([[4, 'aggregator_closing']]);
  });

  it('related-news links, comment counters, tag lines', () => {
    expect(rulesOf(HEAD, PARA, 'اظهار أخبار متعلقة', PARA, 'التعليقات (0)', 'كلمات دلالية: روسيا كوريا', 'وسوم: روسيا')).toEqual([
      [3, 'related_news_link'],
      [5, 'comment_counter'],
      [6, 'tag_line'],
      [7, 'tag_line'],
    ]);
    expect(rulesOf(HEAD, PARA, 'التعليقات (١٢)')).toEqual([[3, 'comment_counter']]);
  });

  it('a weather bar: a temperature beside a place, either way round', () => {
    expect(rulesOf('21° القدس', 'Gaza 24°C', 'الرياض 35 °', HEAD, PARA)).toEqual([
      [1, 'weather'],
      [2, 'weather'],
      [3, 'weather'],
    ]);
    // A sentence with a temperature in it is text.
    expect(rulesOf(HEAD, PARA, 'وبلغت الحرارة في بيونغ يانغ 30° يوم وصول الوفد.')).toEqual([]);
  });

  it('a section label only above the headline', () => {
    const r = cut('سياسة دولية', '', HEAD, PARA);
    expect(r.removed).toEqual([{ line: 1, rule: 'section_label', text: 'سياسة دولية' }]);
    expect(r.headline?.text).toBe(HEAD);
  });

  it('a lead that names its source in a clause of its own, the agency in brackets, is no caption', () => {
    const lead = 'استقبل وزير الزراعة وفدا من المزارعين في مكتبه اليوم الأحد، حسبما نقلت الوكالة الرسمية (تاس).';
    const r = cut(HEAD, 'وزير الزراعة', 'وزير الزراعة', lead, PARA);
    expect(r.body.map((b) => b.text)).toEqual([lead, PARA]);
    // A description with the credit after it still is one.
    expect(rulesOf(HEAD, 'وزير الزراعة خلال لقائه وفدا من المزارعين في مكتبه (تاس)', PARA)).toEqual([[2, 'photo_caption']]);
  });

  it('«نص : X / Y», who wrote the text, wherever the page prints it', () => {
    expect(rulesOf(HEAD, 'نص : إذاعة الوادي / أ ف ب', PARA)).toEqual([[2, 'text_credit']]);
  });

  it('a photo caption printed twice, and one with a credit', () => {
    const caption = 'صورة الزعيمين في موسكو- جيتي';
    expect(rulesOf(HEAD, caption, caption, PARA)).toEqual([[2, 'photo_caption'], [3, 'photo_caption']]);
    expect(rulesOf(HEAD, PARA, 'الرئيس خلال المؤتمر - رويترز', PARA)).toEqual([[3, 'photo_caption']]);
    const twice = 'الزعيمان خلال القمة';
    expect(rulesOf(HEAD, twice, twice, PARA)).toEqual([[2, 'photo_caption'], [3, 'photo_caption']]);
  });

  it('source lines, date lines, CMS metadata, donation labels', () => {
    expect(
      rulesOf(HEAD, 'تاريخ النشر: 15th, September 2023 GMT', 'Ekleme: 20.06.2024 12:06:03 / Güncelleme: 20.06.2024 12:06:03 / Arapça', 'Destek için ', PARA, 'المصدر: الأسبوع'),
    ).toEqual([
      [2, 'date_line'],
      [3, 'cms_metadata'],
      [4, 'donation_label'],
      [6, 'source_line'],
    ]);
  });

  it('an agency mark at a paragraph’s end is cut from the paragraph, the paragraph stays', () => {
    const r = cut(HEAD, `${PARA}  (İLKHA)`);
    expect(r.removed).toEqual([{ line: 2, rule: 'agency_mark', text: '(İLKHA)' }]);
    expect(r.body.map((b) => b.text)).toEqual([PARA]);
    // A parenthesis that is no agency mark stays.
    expect(cut(HEAD, 'قال المسؤول (الروسي) إن الاجتماع كان مثمرا.').removed).toEqual([]);
  });

  it('a ticker at the top («عاجل: …» running other stories together) is furniture, and the page below it is read as usual', () => {
    const ticker = 'عاجل: الحكومة تعلن إجراءات جديدة لضبط أسعار الخبز في العاصمة المجلس البلدي يقر موازنة العام المقبل بعد نقاش طويل والفريق الوطني يتأهل';
    const r = cut(ticker, 'صحيفة الوادي الإلكترونية', 'محليات', HEAD, PARA, 'وقال بوتين إن شيئا آخر حدث.');
    expect(r.title?.text).toBe(HEAD);
    expect(r.removed.map((x) => [x.line, x.rule])).toEqual([[1, 'ticker'], [2, 'masthead'], [3, 'section_label']]);
    // A breaking headline is no ticker: short, it is the headline.
    expect(cut('عاجل: المسؤول يصف الاجتماع بأنه مثمر', PARA).title?.text).toBe('عاجل: المسؤول يصف الاجتماع بأنه مثمر');
  });

  it('an end marker run onto the last sentence («…".انتهى», «… (النهاية)») is cut, the paragraph stays', () => {
    const last = 'وأضاف المسؤول أن "الاجتماع المقبل سيعقد في موسكو".انتهى';
    const r = cut(HEAD, PARA, last, 'أخبار ذات صلة', 'خبر آخر عن موضوع آخر');
    expect(r.body.map((b) => b.text)).toEqual([PARA, 'وأضاف المسؤول أن "الاجتماع المقبل سيعقد في موسكو".']);
    expect(r.removed[0]).toEqual({ line: 3, rule: 'end_marker', text: 'انتهى' });
    expect(cut(HEAD, 'وأضاف المسؤول أن الاجتماع المقبل سيعقد في موسكو. (النهاية)').body.map((b) => b.text)).toEqual(['وأضاف المسؤول أن الاجتماع المقبل سيعقد في موسكو.']);
    // Inside a sentence the word is the writer's («انتهى الاجتماع …»): nothing is cut.
    expect(cut(HEAD, PARA, 'وقال المسؤول إن الاجتماع انتهى بعد ساعتين.').removed).toEqual([]);
  });

  it('end markers, translation footers and copyright lines', () => {
    expect(
      rulesOf(HEAD, PARA, 'النهاية message/', '© | وقد قام مركز ويبانغاه الإخباري بترجمة هذا الخبر من مصدر وكالة تسنیم للأنباء |', '© جميع الحقوق محفوظة 2024'),
    ).toEqual([
      [3, 'end_marker'],
      [4, 'translation_footer'],
      [5, 'copyright_line'],
    ]);
  });

  it('the headline printed again above the text', () => {
    expect(rulesOf(HEAD, HEAD, PARA)).toEqual([[2, 'repeated_headline']]);
  });

  it('keeps article sentences that merely start like furniture', () => {
    const r = cut('المحادثات بين البلدين مستمرة', 'المصدر الدبلوماسي قال إن المحادثات مستمرة.', 'النهاية لم تكن متوقعة في هذه المحادثات الطويلة بين البلدين.');
    expect(r.removed).toEqual([]);
    expect(r.body).toHaveLength(2);
  });

  it('makes a short plain line between paragraphs a subheading', () => {
    const r = cut(HEAD, PARA, 'مباحثات بين وزيري الدفاع', PARA);
    expect(r.body.map((b) => b.heading)).toEqual([false, true, false]);
    // Not a heading: a sentence, a line with markup signs, the last line.
    expect(cut(HEAD, PARA, '# ليس عنوانا', PARA).body.map((b) => b.heading)).toEqual([false, false, false]);
  });
});

describe('furniture of each seed', () => {
  const removedRules = (prefix: string) => seedEntry(prefix).frontmatter.removed.map((r) => `${r.line}:${r.rule}`);

  it('000: date line, source line, tag line, and the read-also tail with its unrelated stories', () => {
    expect(removedRules('000')).toEqual(['2:date_line', '9:source_line', '10:tag_line', ...[11, 12, 13, 14, 15, 16].map((n) => `${n}:read_also_tail`)]);
  });

  it('001: section label, caption printed twice, related-news links, comment counter', () => {
    expect(removedRules('001')).toEqual(['1:section_label', '5:photo_caption', '6:photo_caption', '13:related_news_link', '23:related_news_link', '37:related_news_link', '46:comment_counter']);
  });

  it('002: date line, source line, tag line, read-also tail', () => {
    expect(removedRules('002')).toEqual(['2:date_line', '10:source_line', '11:tag_line', ...[12, 13, 14, 15, 16].map((n) => `${n}:read_also_tail`)]);
  });

  it('003: CMS metadata, donation label, agency mark', () => {
    expect(removedRules('003')).toEqual(['5:cms_metadata', '6:donation_label', '38:agency_mark']);
  });

  it('004: end marker and translation footer; the subheading becomes a heading', () => {
    expect(removedRules('004')).toEqual(['11:end_marker', '12:translation_footer']);
    expect(seedEntry('004').body).toContain('## مباحثات بين وزيري دفاع كوريا الشمالية وروسيا\n');
  });

  it('accounts for every line of every seed: the headline, a body paragraph, or a cut line with its rule', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const name = seedName(p);
      const lines = segmentLines(decodeSeed(fs.readFileSync(path.join(SEEDS, name)), name));
      const { headline, body, removed } = cutFurniture(lines, projectIngestor().data);
      const kept = new Map(body.map((b) => [b.no, b.text]));
      for (const line of lines.filter((l) => l.text !== '')) {
        const cut = removed.filter((r) => r.line === line.no);
        if (line.no === headline!.no) continue;
        if (kept.has(line.no)) {
          // Kept lines lose nothing but a cut agency mark.
          const mark = cut.filter((r) => r.rule === 'agency_mark' || r.rule === 'end_marker').map((r) => r.text).join(' ');
          expect(`${kept.get(line.no)} ${mark}`.trim(), `${p}:${line.no}`).toBe(line.text.replace(/\s+/g, ' ').trim());
        } else {
          expect(cut.map((r) => r.text), `${p}:${line.no}`).toEqual([line.raw.trim()]);
        }
      }
    }
  });

  it('no body keeps furniture, and no body loses an article paragraph', () => {
    const furniture = /إقرأ أيضاً|اظهار أخبار متعلقة|التعليقات \(|كلمات دلالية|المصدر:|تاريخ النشر|Ekleme|Destek|İLKHA|النهاية|message\/|ترجمة هذا الخبر|جيتي|بوريل|بايدن|بريانسك|سياسة دولية/;
    for (const p of ['000', '001', '002', '003', '004']) {
      const e = seedEntry(p);
      expect(e.body, p).not.toMatch(furniture);
      const paragraphs = e.body.split('\n\n').filter(Boolean);
      expect(paragraphs.length, p).toBeGreaterThan(4);
    }
    expect(seedEntry('000').body.split('\n\n')).toHaveLength(6);
    expect(seedEntry('001').body.split('\n\n')).toHaveLength(14);
    expect(seedEntry('003').body.split('\n\n')).toHaveLength(17);
  });
});

describe('furniture: shapes of one more outlet (arab48-1)', () => {
  it('a bar of buttons joined by «|» or «•» is cut as the buttons are; a line of words with a bar is not', () => {
    expect(rulesOf(HEAD, 'Share | مشاركة', PARA, PARA)).toContainEqual([2, 'ui_string']);
    expect(rulesOf(HEAD, 'شارك المقال • Facebook • X • WhatsApp', PARA, PARA)).toContainEqual([2, 'ui_string']);
    expect(rulesOf(HEAD, 'شارك | وزير الزراعة يزور الساحل', PARA, PARA)).not.toContainEqual([2, 'ui_string']);
  });

  it('a site\'s name with a number is no time stamp; a stamp still is', () => {
    expect(rulesOf('عرب 48', HEAD, PARA, PARA)).not.toContainEqual([1, 'timestamp']);
    expect(rulesOf(HEAD, 'القاهرة 10:41 ص', PARA, PARA)).toContainEqual([2, 'timestamp']);
    // A city that names a time zone («بتوقيت القاهرة») is no time word: «الساحل 24» is a site, as «القاهرة 24» is.
    expect(rulesOf('بيروت 24', HEAD, PARA, PARA)).not.toContainEqual([1, 'timestamp']);
    expect(rulesOf(HEAD, '14:37 بيروت', PARA, PARA)).toContainEqual([2, 'timestamp']);
  });

  it('«اقرأ/ي أيضًا |» between paragraphs, and a caption credited «(أ ب)»', () => {
    const r = rulesOf(HEAD, PARA, 'اقرأ/ي أيضًا | الوفد يصل إلى العاصمة', PARA, 'الزعيمان خلال الجولة، اليوم (أ ب)', PARA);
    expect(r).toContainEqual([3, 'read_also_tail']);
    expect(r).toContainEqual([5, 'photo_caption']);
  });
});
