/**
 * Decoding corpus files: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK,
 * which real Chinese corpora still use. Pure: takes bytes, returns text. Damaged bytes become
 * U+FFFD (shown as mojibake); whether the text can be written back as the same bytes is for
 * the writer to check (io/files.ts).
 */

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: EncodingName;
}

export class DecodeError extends Error {}

/**
 * Bytes that are not valid UTF-8 are still UTF-8 when U+FFFD stands for less than this share of
 * the non-ASCII characters of their lenient decoding: a few damaged bytes in a UTF-8 file. A
 * GB18030 file decoded as UTF-8 gives U+FFFD for about four in five (measured on the seeds).
 */
export const DAMAGED_UTF8_MAX_SHARE = 0.1;

/**
 * Bytes that are not valid UTF-8 are also still UTF-8, however short, when at least this share
 * of their non-ASCII bytes make up well-formed three- and four-byte UTF-8 sequences (Chinese is
 * three bytes a character in UTF-8), and there are at least `DAMAGED_UTF8_MIN_SEQUENCES` of them.
 * In GB18030 such a sequence arises only by chance (a lead byte E0–EF, then two bytes 80–BF):
 * over windows of 4–200 bytes of the seeds encoded as GB18030, those with four or more of them
 * had at most 40 % of their non-ASCII bytes in them. Damaged UTF-8 has all but the damaged
 * bytes in them, where the share of U+FFFD in its lenient decoding can still be high in a short
 * text (one bad byte inside a character gives up to four).
 */
export const DAMAGED_UTF8_MIN_COVERAGE = 0.75;
export const DAMAGED_UTF8_MIN_SEQUENCES = 4;

export function decodeBytes(bytes: Uint8Array): Decoded {
  // The BOM is skipped here and the decoder told to keep any further U+FEFF, which is text.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) throw new DecodeError('this looks like a binary file, not text');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: damaged UTF-8, or GB18030 (a superset of GBK and GB2312).
  }
  const lenient = decode('utf-8', bytes);
  const damage = replacementShareOfNonAscii(lenient);
  if (damage < DAMAGED_UTF8_MAX_SHARE) return { text: lenient, encoding: 'utf-8' };
  const wide = wideUtf8Sequences(bytes);
  if (wide.sequences >= DAMAGED_UTF8_MIN_SEQUENCES && wide.coverage >= DAMAGED_UTF8_MIN_COVERAGE) return { text: lenient, encoding: 'utf-8' };
  const text = decode('gb18030', bytes);
  if (replacementRatio(text) <= 0.05) return { text, encoding: 'gb18030' };
  // Not GB18030 either: a short UTF-8 text whose damage is a larger share (a last character cut).
  if (damage < 0.5) return { text: lenient, encoding: 'utf-8' };
  throw new DecodeError('the file is neither UTF-8 nor GB18030 text');
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}

function replacementRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad / text.length;
}

/** The share of U+FFFD among the non-ASCII UTF-16 code units of `text` (1 when there are none). */
function replacementShareOfNonAscii(text: string): number {
  let bad = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) bad++;
  }
  return nonAscii === 0 ? 1 : bad / nonAscii;
}

/**
 * The well-formed three- and four-byte UTF-8 sequences in `bytes` (as the WHATWG decoder takes
 * them: no overlong forms, no surrogates, nothing past U+10FFFF): how many, and the share of the
 * non-ASCII bytes they make up.
 */
export function wideUtf8Sequences(bytes: Uint8Array): { sequences: number; coverage: number } {
  let sequences = 0;
  let covered = 0;
  let nonAscii = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let length = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = length > 0 && i + length <= bytes.length && bytes[i + 1] >= lo && bytes[i + 1] <= hi;
    for (let k = 2; ok && k < length; k++) ok = bytes[i + k] >= 0x80 && bytes[i + k] <= 0xbf;
    if (ok) {
      sequences++;
      covered += length;
      nonAscii += length;
      i += length;
    } else {
      nonAscii++;
      i++;
    }
  }
  return { sequences, coverage: nonAscii === 0 ? 0 : covered / nonAscii };
}
