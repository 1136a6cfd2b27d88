import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeSeed } from '../../../src/ingest/decode.ts';
import { segmentLines } from '../../../src/ingest/segment.ts';
import { IngestError } from '../../../src/ingest/errors.ts';
import { SEEDS } from './helpers.ts';

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

  it('refuses bytes that are not UTF-8', () => {
    // "مرحبا" in Windows-1256
    const cp1256 = new Uint8Array([0xe3, 0xd1, 0xcd, 0xc8, 0xc7]);
    expect(() => decodeSeed(cp1256, 'old.txt')).toThrow(IngestError);
    expect(() => decodeSeed(cp1256, 'old.txt')).toThrow(/old\.txt: not UTF-8/);
  });

  it('refuses binary content', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(() => decodeSeed(png, 'image.txt')).toThrow(/image\.txt: not/);
    expect(() => decodeSeed(enc('نص\u0000ثنائي'), 'nul.txt')).toThrow(/nul\.txt: not text: control character U\+0000/);
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
