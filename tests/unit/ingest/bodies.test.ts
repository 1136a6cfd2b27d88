/** Bodies the actors file does not know, named as speakers: found, kept on the entry, and given their claims. */
import { describe, expect, it } from 'vitest';
import { findBodies } from '../../../src/ingest/actors.ts';
import { speakerIds } from '../../../src/lib/entry-schema.ts';
import fs from 'node:fs';
import path from 'node:path';
import { entryFromText, projectIngestor, readReport, runCli, tempProject } from './helpers.ts';

/** Unknown bodies in made-up texts (the bodies are invented; none is in content/actors.yaml). */
function bodies(...texts: string[]) {
  const { matcher, data } = projectIngestor();
  return findBodies(texts, matcher, data.claims).map((b) => b.name);
}

describe('unknown bodies that speak', () => {
  // [sentence, the bodies found, the shape]
  const cases: [string, string[], string][] = [
    ['وقالت وزارة الري الفنلندية إن المياه كافية.', ['وزارة الري الفنلندية'], 'verb, head word, words, «إن»'],
    ['وأفاد جهاز الرقابة المالية بأن الحسابات سليمة.', ['جهاز الرقابة المالية'], '«بأن»'],
    ['وأشارت هيئة الطيران المدني إلى أن الرحلات ستستأنف.', ['هيئة الطيران المدني'], '«إلى أن»'],
    ['وقالت شركة الساحل للسياحة في بيان إن الطلب ارتفع.', ['شركة الساحل للسياحة'], 'a circumstance'],
    ['وقال مجلس المدينة: «سنواصل العمل».', ['مجلس المدينة'], 'a colon'],
    ['وقالت وزارة الري الفنلندية، في بيان اليوم الأربعاء، إن المياه كافية.', ['وزارة الري الفنلندية'], 'a circumstance between commas, then «إن»'],
    ['وكان جهاز الرقابة المالية قد أفاد في وقت سابق بأن الحسابات سليمة.', ['جهاز الرقابة المالية'], '«وكان <body> قد <verb> … بأن»'],
    ['وكانت هيئة الطيران المدني قد أعلنت أن الرحلات ستستأنف.', ['هيئة الطيران المدني'], '«وكانت <body> قد <verb> أن»'],
    ['وكان مجلس المدينة قد عقد جلسة أمس.', [], 'no verb of saying after «قد»'],
    ['وكان مجلس المدينة قد أقر الميزانية في مارس، قبل أن يعدلها.', [], '«أقر» a law: no «أن» before the comma'],
    ['وكان مجلس المدينة أعلن أن الجلسة انتهت.', [], 'no «قد»'],
    ['وكانت هيئة الطيران، في بيان، قد أعلنت أن الرحلات ستستأنف.', [], 'a comma inside the run before «قد»'],
    ['وقالت وزارة الخارجية الروسية إن الزيارة مهمة.', [], 'a body the data knows'],
    ['وقالت وزارة الري، وهي الأقدم، إن المياه كافية.', [], 'a comma that opens no circumstance'],
    ['وقالت وزارة 12 إن المياه كافية.', [], 'a digit'],
    ['وقالت وزارة إن المياه كافية.', [], 'a head word alone'],
    ['وزارت وزارة الري الفنلندية المدينة.', [], 'no verb of saying'],
  ];
  it.each(cases)('%s → %j (%s)', (sentence, found) => {
    expect(bodies(sentence)).toEqual(found);
  });

  it('become the speakers of their claims, kept on the entry, allowed as speakers by the schema', () => {
    const text = [
      'وزير الزراعة يزور مدينة الساحل',
      'تاريخ النشر: 14 مارس 2022',
      'وصل وزير الزراعة إلى مدينة الساحل اليوم في زيارة لبحث موسم الحصاد مع المزارعين.',
      'وقالت هيئة الطيران المدني إن الرحلات إلى المدينة ستستأنف الأسبوع المقبل.',
    ].join('\n');
    const { frontmatter } = entryFromText(text);
    expect(frontmatter.claims.map((c) => [c.speaker, c.text])).toEqual([['هيئة الطيران المدني', 'الرحلات إلى المدينة ستستأنف الأسبوع المقبل']]);
    expect(frontmatter.bodies).toEqual([{ name: 'هيئة الطيران المدني' }]);
    expect(speakerIds(frontmatter)).toEqual([]);
    // An entry where no unknown body speaks has no `bodies` at all (its file is unchanged).
    const quiet = entryFromText(text.split('\n').slice(0, 3).join('\n'));
    expect('bodies' in quiet.frontmatter).toBe(false);
  });

  it('are listed for the editor: on the console and in the ingest report', async () => {
    const { seeds, entries } = tempProject('bodies');
    fs.writeFileSync(path.join(seeds, 'made-up.txt'), ['وزير الزراعة يزور مدينة الساحل', 'تاريخ النشر: 14 مارس 2022', 'وصل وزير الزراعة إلى مدينة الساحل اليوم في زيارة لبحث موسم الحصاد مع المزارعين.', 'وقالت هيئة الطيران المدني إن الرحلات إلى المدينة ستستأنف الأسبوع المقبل.'].join('\n'));
    const r = await runCli(seeds, entries);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('هيئة الطيران المدني');
    expect(readReport(entries).entries[0]!.unlinkedBodies).toEqual(['هيئة الطيران المدني']);
  }, 60_000);
});
