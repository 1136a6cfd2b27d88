/**
 * Stage 1: bytes → text. UTF-8 with or without a byte-order mark; CRLF and CR line ends become LF.
 * Anything that is not text (invalid UTF-8, NUL bytes, control characters) is refused.
 */
import { IngestError } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSeed(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new IngestError(file, 'the file is empty');
  let text: string;
  try {
    // ignoreBOM: false makes the decoder drop a leading BOM.
    text = utf8.decode(bytes);
  } catch {
    throw new IngestError(file, 'not UTF-8 text (the bytes do not decode as UTF-8)');
  }
  // C0 controls other than tab, LF, CR (and DEL) mean a binary file, not an article.
  const control = text.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
  if (control !== -1) {
    throw new IngestError(file, `not text: control character U+${text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')} at offset ${control}`);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new IngestError(file, 'the file has no text (only whitespace)');
  return text;
}
