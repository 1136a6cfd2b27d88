import { describe, expect, it } from 'vitest';
import { detectOutlet } from '../../../src/ingest/outlet.ts';
import { entryFromText, projectIngestor, seedEntry } from './helpers.ts';

const detect = (rule: string, text: string) => detectOutlet([{ line: 9, rule, text }], projectIngestor().data);

describe('outlet', () => {
  it('reads a source line and maps the name through the outlet data', () => {
    expect(detect('source_line', 'المصدر: البوابة نيوز')).toMatchObject({ outlet: 'البوابة نيوز', via: null, basis: { kind: 'stated', rule: 'source_line' } });
  });

  it('keeps the name an unlisted outlet is given', () => {
    expect(detect('source_line', 'المصدر: صحيفة الغد')).toMatchObject({ outlet: 'صحيفة الغد' });
  });

  it('reads an agency mark through its marker', () => {
    expect(detect('agency_mark', '(İLKHA)')).toMatchObject({ outlet: 'وكالة إيلكا للأنباء', record: { timezone: 'Europe/Istanbul' } });
  });

  it('reads a translation footer as outlet and via, with Persian letters made Arabic', () => {
    expect(detect('translation_footer', '© | وقد قام مركز ويبانغاه الإخباري بترجمة هذا الخبر من مصدر وكالة تسنیم للأنباء |')).toMatchObject({
      outlet: 'مركز ويبانغاه الإخباري',
      via: 'وكالة تسنيم للأنباء',
    });
  });

  it('a source line that names no outlet ("المصدر: وكالات") leaves it unknown, saying why', () => {
    const r = detect('source_line', 'المصدر: وكالات');
    expect(r).toMatchObject({ outlet: null, basis: { kind: 'unknown' } });
    expect((r.basis as { note: string }).note).toContain('وكالات');
  });

  it('takes the outlet out of "المصدر: الجزيرة + وكالات"', () => {
    expect(detect('source_line', 'المصدر : الجزيرة + وكالات')).toMatchObject({ outlet: 'الجزيرة' });
    expect(detect('source_line', 'المصدر: وكالات، البوابة نيوز')).toMatchObject({ outlet: 'البوابة نيوز' });
  });

  it('says unknown when nothing names the outlet', () => {
    expect(detectOutlet([], projectIngestor().data)).toMatchObject({ outlet: null, via: null, basis: { kind: 'unknown' } });
  });

  it('gives each seed the outlet its text or override supports', () => {
    expect(seedEntry('000').frontmatter).toMatchObject({ outlet: 'الأسبوع', via: null, outlet_basis: { kind: 'stated', line: 'المصدر: الأسبوع' } });
    expect(seedEntry('001').frontmatter).toMatchObject({ outlet: 'عربي21', outlet_basis: { kind: 'editorial', confirmed: false } });
    expect(seedEntry('002').frontmatter).toMatchObject({ outlet: 'البوابة نيوز', outlet_basis: { kind: 'stated' } });
    expect(seedEntry('003').frontmatter).toMatchObject({ outlet: 'وكالة إيلكا للأنباء', outlet_basis: { kind: 'stated', rule: 'agency_mark' } });
    expect(seedEntry('004').frontmatter).toMatchObject({ outlet: 'مركز ويبانغاه الإخباري', via: 'وكالة تسنيم للأنباء', outlet_basis: { kind: 'stated', rule: 'translation_footer' } });
  });

  it('an override outlet wins, with its note', () => {
    const e = entryFromText('وزير الزراعة يفتتح معرض التمور في الواحة\nتاريخ النشر: 2024-01-05\nافتتح وزير الزراعة صباح اليوم معرض التمور السنوي في الواحة بحضور عدد كبير من المزارعين والتجار.\nالمصدر: الأسبوع', 'x.txt', 'outlet:\n  name: البوابة نيوز\n  note: صححه المحرر.\n');
    expect(e.frontmatter).toMatchObject({ outlet: 'البوابة نيوز', outlet_basis: { kind: 'editorial', note: 'صححه المحرر.', confirmed: true } });
  });
});
