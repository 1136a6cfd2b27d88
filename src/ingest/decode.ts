/**
 * Stage 1: bytes → text. CRLF and CR line ends become LF. Read, in this order:
 * - a byte-order mark: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF);
 * - UTF-16 without a mark, told by its NUL bytes: a space, a digit or a line end is 00 xx (BE) or xx 00
 *   (LE), and valid UTF-8 text has no NUL at all; the side with the NULs is the high byte;
 * - UTF-8;
 * - Windows-1256, the commonest legacy Arabic encoding, when the bytes are not UTF-8 (and are not broken
 *   UTF-8: Arabic UTF-8 with a bad byte is refused with its offset, not read as mojibake) but decode to
 *   mostly Arabic letters.
 * Decoding is Node's own ICU TextDecoder; no hand-written tables. Anything else (NUL bytes in no UTF-16
 * pattern, control characters, bytes that are none of these encodings) is refused, naming the file.
 */
import { IngestError } from './errors.ts';

/** The encodings a seed may be in. */
export type SeedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export interface DecodedSeed {
  text: string;
  encoding: SeedEncoding;
  /** True when the file began with a byte-order mark. */
  bom: boolean;
}

const fatal = (label: SeedEncoding) => new TextDecoder(label, { fatal: true, ignoreBOM: true });
const DECODERS = { 'utf-8': fatal('utf-8'), 'utf-16le': fatal('utf-16le'), 'utf-16be': fatal('utf-16be'), 'windows-1256': fatal('windows-1256') };

const READS = 'UTF-8, UTF-16 (LE or BE, with or without a byte-order mark) or Windows-1256 Arabic text';

function decodeAs(bytes: Uint8Array, encoding: SeedEncoding): string | null {
  try {
    return DECODERS[encoding].decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: which side of the code units holds the NULs (the high byte of ASCII characters). */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (even + odd === 0) return null;
  // The NULs must sit on one side: 00 xx pairs (BE) or xx 00 pairs (LE), hardly ever the other way.
  if (odd > 0 && even <= odd / 20) return 'utf-16le';
  if (even > 0 && odd <= even / 20) return 'utf-16be';
  return null;
}

/** Arabic UTF-8 with a bad byte: most high bytes still pair up as two-byte sequences D8–DB 80–BF. */
function brokenUtf8(bytes: Uint8Array): number | null {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if (bytes[i]! >= 0xd8 && bytes[i]! <= 0xdb && (bytes[i + 1]! & 0xc0) === 0x80) {
      paired += 2;
      high++;
      i++;
    }
  }
  if (high === 0 || paired / high < 0.5) return null;
  // The first offset where UTF-8 decoding fails: the byte length of the text before the first U+FFFD.
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return new TextEncoder().encode(lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')))).length;
}

/** Mostly Arabic letters: at least 5 of them, and at least 80% of all letters. */
function mostlyArabic(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const arabic = text.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  return arabic >= 5 && arabic >= 0.8 * letters;
}

export function decodeSeedDetected(bytes: Uint8Array, file: string): DecodedSeed {
  if (bytes.length === 0) throw new IngestError(file, 'the file is empty');
  let found: DecodedSeed | null = null;
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? (['utf-8', 3] as const)
    : bytes[0] === 0xff && bytes[1] === 0xfe ? (['utf-16le', 2] as const)
    : bytes[0] === 0xfe && bytes[1] === 0xff ? (['utf-16be', 2] as const)
    : null;
  if (bom) {
    const [encoding, skip] = bom;
    const text = decodeAs(bytes.subarray(skip), encoding);
    if (text === null) throw new IngestError(file, `not ${encoding.toUpperCase()} text: the file begins with a ${encoding.toUpperCase()} byte-order mark, but its bytes do not decode as ${encoding.toUpperCase()}`);
    found = { text, encoding, bom: true };
  } else if (bytes.includes(0)) {
    const encoding = utf16ByNuls(bytes);
    const text = encoding && bytes.length % 2 === 0 ? decodeAs(bytes, encoding) : null;
    if (!encoding || text === null) {
      throw new IngestError(file, `not text: NUL bytes (first at offset ${bytes.indexOf(0)}) in no UTF-16 pattern; the ingest reads ${READS}`);
    }
    found = { text, encoding, bom: false };
  } else {
    const utf8 = decodeAs(bytes, 'utf-8');
    if (utf8 !== null) found = { text: utf8, encoding: 'utf-8', bom: false };
    else {
      const bad = brokenUtf8(bytes);
      if (bad !== null) throw new IngestError(file, `not UTF-8 text: the bytes read as UTF-8 but for an invalid sequence at offset ${bad}; the ingest reads ${READS}`);
      const legacy = decodeAs(bytes, 'windows-1256');
      if (legacy === null || !mostlyArabic(legacy)) {
        throw new IngestError(file, `not UTF-8 text (the bytes do not decode as UTF-8, nor as Windows-1256 Arabic); the ingest reads ${READS}`);
      }
      found = { text: legacy, encoding: 'windows-1256', bom: false };
    }
  }
  let text = found.text;
  // C0 controls other than tab, LF, CR (and DEL) mean a binary file, not an article. (C1 controls are
  // dropped from the lines, src/ingest/segment.ts.)
  const control = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
  if (control !== -1) {
    const as = found.encoding === 'utf-8' ? '' : ` (read as ${found.encoding})`;
    throw new IngestError(file, `not text${as}: control character U+${text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')} at offset ${control}`);
  }
  if (found.encoding.startsWith('utf-16') && !found.bom && !mostlyText(text)) {
    throw new IngestError(file, `not text: the NUL bytes look like UTF-16 (${found.encoding}), but the characters are not text`);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new IngestError(file, 'the file has no text (only whitespace)');
  return { ...found, text };
}

/** Decoded UTF-16 is text when letters, digits, spaces and punctuation make most of it. */
function mostlyText(text: string): boolean {
  const ok = text.match(/[\p{L}\p{M}\p{N}\p{P}\p{Zs}\s]/gu)?.length ?? 0;
  return ok >= 0.9 * [...text].length;
}

/** The seed's text (see decodeSeedDetected for the encoding it was read in). */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  return decodeSeedDetected(bytes, file).text;
}
