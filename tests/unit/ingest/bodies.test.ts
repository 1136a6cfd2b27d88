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
  it('a speech verb, a body’s head word and a few words, up to «إن/أن», «إلى أن», a circumstance or a colon', () => {
    expect(bodies('وقالت وزارة الري الفنلندية إن المياه كافية.')).toEqual(['وزارة الري الفنلندية']);
    expect(bodies('وأفاد جهاز الرقابة المالية بأن الحسابات سليمة.')).toEqual(['جهاز الرقابة المالية']);
    expect(bodies('وأشارت هيئة الطيران المدني إلى أن الرحلات ستستأنف.')).toEqual(['هيئة الطيران المدني']);
    expect(bodies('وقالت شركة الساحل للسياحة في بيان إن الطلب ارتفع.')).toEqual(['شركة الساحل للسياحة']);
    expect(bodies('وقال مجلس المدينة: «سنواصل العمل».')).toEqual(['مجلس المدينة']);
  });

  it('named before «قد» and its speech verb: «وكان/وكانت <body> قد <verb>»', () => {
    expect(bodies('وكان جهاز الرقابة المالية قد أفاد في وقت سابق بأن الحسابات سليمة.')).toEqual(['جهاز الرقابة المالية']);
    expect(bodies('وكانت هيئة الطيران المدني قد أعلنت أن الرحلات ستستأنف.')).toEqual(['هيئة الطيران المدني']);
    // Not a speech verb after «قد», no «قد», or a run broken by a comma: no body.
    expect(bodies('وكان مجلس المدينة قد عقد جلسة أمس.')).toEqual([]);
    // «أقر» passing a law, not admitting: no «أن» before the comma.
    expect(bodies('وكان مجلس المدينة قد أقر الميزانية في مارس، قبل أن يعدلها.')).toEqual([]);
    expect(bodies('وكان مجلس المدينة أعلن أن الجلسة انتهت.')).toEqual([]);
    expect(bodies('وكانت هيئة الطيران، في بيان، قد أعلنت أن الرحلات ستستأنف.')).toEqual([]);
  });

  it('not a known body, not a run broken by punctuation or a digit, not a head alone, not without a speech verb', () => {
    expect(bodies('وقالت وزارة الخارجية الروسية إن الزيارة مهمة.')).toEqual([]);
    // A comma that opens a circumstance closed by «، إن» ends the name; any other comma breaks it.
    expect(bodies('وقالت وزارة الري الفنلندية، في بيان اليوم الأربعاء، إن المياه كافية.')).toEqual(['وزارة الري الفنلندية']);
    expect(bodies('وقالت وزارة الري، وهي الأقدم، إن المياه كافية.')).toEqual([]);
    expect(bodies('وقالت وزارة 12 إن المياه كافية.')).toEqual([]);
    expect(bodies('وقالت وزارة إن المياه كافية.')).toEqual([]);
    expect(bodies('وزارت وزارة الري الفنلندية المدينة.')).toEqual([]);
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
