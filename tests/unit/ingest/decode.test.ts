import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeSeed, decodeSeedDetected } from '../../../src/ingest/decode.ts';
import { droppedLines, segmentLines } from '../../../src/ingest/segment.ts';
import { IngestError } from '../../../src/ingest/errors.ts';
import { SEEDS, entryFromText, projectIngestor } from './helpers.ts';
import { buildEntry } from '../../../src/ingest/pipeline.ts';

const entryFromBytes = (bytes: Uint8Array, name: string) => buildEntry({ name, path: `/tmp/${name}`, bytes }, projectIngestor());

const enc = (s: string) => new TextEncoder().encode(s);

describe('decode', () => {
  it('reads every seed as text', () => {
    for (const name of fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) {
      const text = decodeSeed(fs.readFileSync(path.join(SEEDS, name)), name);
      expect(text.length).toBeGreaterThan(200);
      expect(text).not.toMatch(/\r|\uFEFF/);
    }
  });

  it('drops a byte-order mark and turns CRLF and CR into LF', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('عنوان\r\nسطر\rآخر')]);
    expect(decodeSeed(bom, 'x.txt')).toBe('عنوان\nسطر\nآخر');
  });

  it('refuses an empty file, naming it', () => {
    expect(() => decodeSeed(new Uint8Array(), 'seeds/empty.txt')).toThrow(/seeds\/empty\.txt: the file is empty/);
    expect(() => decodeSeed(enc(' \n\t\n'), 'seeds/blank.txt')).toThrow(/blank\.txt: the file has no text/);
  });

  it('refuses binary content, naming the file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(() => decodeSeed(png, 'image.txt')).toThrow(/image\.txt: not text: NUL bytes/);
    expect(() => decodeSeed(enc('نص\u0000ثنائي'), 'nul.txt')).toThrow(/nul\.txt: not text: NUL bytes \(first at offset 4\)/);
    expect(() => decodeSeed(enc('نص\u0007ثنائي'), 'bell.txt')).toThrow(/bell\.txt: not text: control character U\+0007/);
  });
});

const ARTICLE = 'موسكو وبيونغ يانغ توقعان اتفاقية\r\nقال الكرملين إن الزيارة ناجحة، وأضاف 2024.\r\n';
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());
/** Windows-1256 bytes, made with the inverse of Node's own decoder (no table written here). */
function cp1256(s: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...s].map((ch) => byChar.get(ch) ?? 0x3f));
}

describe('decode: encodings', () => {
  const expected = ARTICLE.replace(/\r\n/g, '\n');
  it.each([
    ['UTF-16LE with a BOM', new Uint8Array([0xff, 0xfe, ...utf16le(ARTICLE)]), 'utf-16le', true],
    ['UTF-16BE with a BOM', new Uint8Array([0xfe, 0xff, ...utf16be(ARTICLE)]), 'utf-16be', true],
    ['UTF-16LE without a BOM (by its NUL bytes)', utf16le(ARTICLE), 'utf-16le', false],
    ['UTF-16BE without a BOM (by its NUL bytes)', utf16be(ARTICLE), 'utf-16be', false],
    ['Windows-1256', cp1256(ARTICLE), 'windows-1256', false],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(ARTICLE)]), 'utf-8', true],
    ['UTF-8', enc(ARTICLE), 'utf-8', false],
  ] as const)('reads %s', (_name, bytes, encoding, bom) => {
    expect(decodeSeedDetected(bytes, 'x.txt')).toEqual({ text: expected, encoding, bom });
  });

  it('reads "مرحبا" in Windows-1256, the commonest legacy Arabic encoding', () => {
    expect(decodeSeedDetected(new Uint8Array([0xe3, 0xd1, 0xcd, 0xc8, 0xc7]), 'old.txt')).toMatchObject({ text: 'مرحبا', encoding: 'windows-1256' });
  });

  it('refuses bytes that are none of them, by name', () => {
    const latin1 = new Uint8Array(Buffer.from('héllo wörld, ça va très bien', 'latin1'));
    expect(() => decodeSeed(latin1, 'seeds/latin.txt')).toThrow(IngestError);
    expect(() => decodeSeed(latin1, 'seeds/latin.txt')).toThrow(/seeds\/latin\.txt: not UTF-8 text .*nor as Windows-1256/);
    // Arabic UTF-8 with one bad byte is broken UTF-8, not Windows-1256 mojibake: refused with the offset.
    const broken = new Uint8Array([...enc('مرحبا بكم في موسكو'), 0xff, ...enc('سطر')]);
    expect(() => decodeSeed(broken, 'broken.txt')).toThrow(/broken\.txt: not UTF-8 text: .*invalid sequence at offset 33/);
    // UTF-16 bytes after a BOM that do not decode (a lone surrogate).
    expect(() => decodeSeed(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'bad16.txt')).toThrow(/bad16\.txt: not UTF-16LE text/);
    // NUL bytes on both sides of the code units: no UTF-16 pattern.
    expect(() => decodeSeed(new Uint8Array([0x41, 0, 0, 0x41, 0x41, 0, 0, 0x41]), 'mixed.txt')).toThrow(/mixed\.txt: not text: NUL bytes/);
  });

  it('an article in each encoding becomes an entry that records the encoding', () => {
    const text = 'موسكو وبيونغ يانغ توقعان اتفاقية للتعاون\nتاريخ النشر: 2023-09-12\nقال الكرملين إن الرئيس فلاديمير بوتين استقبل الزعيم الكوري الشمالي كيم جونغ أون في قاعدة فوستوشني الفضائية.\n';
    const utf8 = entryFromText(text, 'utf8.txt');
    expect(utf8.frontmatter.encoding).toBeUndefined();
    for (const [encoding, bytes] of [['windows-1256', cp1256(text)], ['utf-16le', utf16le(text)], ['utf-16be', utf16be(text)], ['utf-16be', new Uint8Array([0xfe, 0xff, ...utf16be(text)])]] as const) {
      const e = entryFromBytes(bytes, `${encoding}.txt`);
      expect(e.frontmatter.encoding, encoding).toBe(encoding);
      expect(e.frontmatter.title).toBe(utf8.frontmatter.title);
      expect(e.body).toBe(utf8.body);
    }
  });
});

describe('segment', () => {
  it('numbers lines from 1 and keeps empty ones, so line numbers match the seed', () => {
    const lines = segmentLines('أ\n\nب ');
    expect(lines.map((l) => [l.no, l.text])).toEqual([[1, 'أ'], [2, ''], [3, 'ب']]);
  });

  it('makes Persian letters in Arabic words Arabic and changes nothing else', () => {
    const [line] = segmentLines('التعاون العسکری أی اتفاقیات، کیم!');
    expect(line!.text).toBe('التعاون العسكري أي اتفاقيات، كيم!');
    expect(line!.raw).toBe('التعاون العسکری أی اتفاقیات، کیم!');
  });

  it('reads no-break spaces as spaces', () => {
    expect(segmentLines('إن\u00A0اتفاقية')[0]!.text).toBe('إن اتفاقية');
  });
});

describe('segment: invisible characters and decoration', () => {
  it('drops zero-width characters, bidi controls and C1 controls from what is shown and what is listed', () => {
    const line = 'بو\u200Bتين \u202Eمعكوس\u202C \u2066معزول\u2069 \u200Fو\u200E\u200D\u200C\u2060\uFEFF\u00AD \u0085\u009Fكيم';
    const [l] = segmentLines(line);
    expect(l!.text).toBe('بوتين معكوس معزول و كيم');
    expect(l!.raw).toBe('بوتين معكوس معزول و كيم');
  });

  it('blanks a leading frontmatter block and rule lines, and lists them with their rule', () => {
    const lines = segmentLines('\n---\ntitle: عنوان مزيف\ndate: 2024-01-01\n---\n***\nالعنوان الحقيقي\n- - -\nنص.\n___');
    expect(lines.map((l) => l.text)).toEqual(['', '', '', '', '', '', 'العنوان الحقيقي', '', 'نص.', '']);
    expect(droppedLines(lines)).toEqual([
      { line: 2, rule: 'frontmatter', text: '---' },
      { line: 3, rule: 'frontmatter', text: 'title: عنوان مزيف' },
      { line: 4, rule: 'frontmatter', text: 'date: 2024-01-01' },
      { line: 5, rule: 'frontmatter', text: '---' },
      { line: 6, rule: 'rule_line', text: '***' },
      { line: 8, rule: 'rule_line', text: '- - -' },
      { line: 10, rule: 'rule_line', text: '___' },
    ]);
  });

  it('keeps an opening "---" that closes nothing, or prose between two, as text (only the rule lines go)', () => {
    const lines = segmentLines('---\nقال الرئيس: إن الاتفاق مهم.\n---\nنص');
    expect(lines.map((l) => l.text)).toEqual(['', 'قال الرئيس: إن الاتفاق مهم.', '', 'نص']);
    expect(droppedLines(lines).map((d) => d.rule)).toEqual(['rule_line', 'rule_line']);
  });

  it('an article under a frontmatter block and a rule line takes its real headline', () => {
    const e = entryFromText('---\ntitle: x\n---\n---\nموسكو وبيونغ يانغ توقعان اتفاقية للتعاون\nتاريخ النشر: 2023-09-12\nقال الكرملين إن الرئيس فلاديمير بوتين استقبل الزعيم الكوري الشمالي كيم جونغ أون.\n', 'fm.txt');
    expect(e.frontmatter.title).toBe('موسكو وبيونغ يانغ توقعان اتفاقية للتعاون');
    expect(e.frontmatter.removed.filter((r) => r.rule === 'frontmatter' || r.rule === 'rule_line').map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it('a zero-width space inside a name still names the actor, and a bidi override does not reach the title', () => {
    const e = entryFromText('\u202Eموسكو وبيونغ يانغ توقعان اتفاقية للتعاون\u202C\nتاريخ النشر: 2023-09-12\nقال الكرملين إن الرئيس فلاديمير بو\u200Bتين استقبل الزعيم الكوري الشمالي كيم جونغ أون.\n', 'zw.txt');
    expect(e.frontmatter.title).toBe('موسكو وبيونغ يانغ توقعان اتفاقية للتعاون');
    expect(e.frontmatter.actors).toContain('vladimir-putin');
    expect(e.body).not.toMatch(/[\u200B\u202A-\u202E]/);
  });
});
