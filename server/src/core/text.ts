/**
 * The text model shared by every part of the analysis.
 *
 * Offsets are UTF-16 indices into the document string (plain JS indices) and spans are
 * half-open. Only presentation layers turn them into line/character positions, through
 * `LineIndex`.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Line {
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, excluding the line break. */
  end: number;
  text: string;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

const LINE_BREAK = /\r\n|\n|\r/g;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    lines.push({ index: lines.length, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Converts between offsets and LSP-style positions (0-based lines, UTF-16 characters). */
export class LineIndex {
  private readonly lines: readonly Line[];

  constructor(
    private readonly text: string,
    lines?: readonly Line[],
  ) {
    this.lines = lines ?? splitLines(text);
  }

  /** The index of `text` over lines already split (an analysis's): no copy is made. */
  static ofLines(text: string, lines: readonly Line[]): LineIndex {
    return new LineIndex(text, lines);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[lo];
    // An offset inside a CRLF pair belongs to the end of the line.
    return { line: lo, character: Math.min(clamped, line.end) - line.start };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const line = this.lines[position.line];
    return Math.min(line.start + Math.max(0, position.character), line.end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

// ---------------------------------------------------------------------------------------
// Character classes. All take a UTF-16 code unit (or a code point where stated).

/** Han ideographs in the BMP (CJK unified, extension A, compatibility). */
export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** True when `text[i]` starts a Han character, including supplementary-plane ideographs. */
export function isHanAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (isHanCode(code)) return true;
  if (code >= 0xd840 && code <= 0xd87f) {
    // High surrogates of planes 2 and 3 (CJK extensions B–H).
    const low = text.charCodeAt(i + 1);
    return low >= 0xdc00 && low <= 0xdfff;
  }
  return false;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** True when `i` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}

/**
 * `i` moved to the nearest code-point boundary at or before it (`'floor'`) or at or after it
 * (`'ceil'`): an offset that never cuts a surrogate pair in half.
 */
export function codePointBoundary(text: string, i: number, direction: 'floor' | 'ceil'): number {
  const clamped = Math.max(0, Math.min(i, text.length));
  if (!splitsPair(text, clamped)) return clamped;
  return direction === 'floor' ? clamped - 1 : clamped + 1;
}

/** The last `n` UTF-16 units of `text`, one more when the cut would split a surrogate pair. */
export function tailWindow(text: string, n: number): string {
  return text.slice(codePointBoundary(text, text.length - n, 'floor'));
}

/** The first `n` UTF-16 units of `text`, one more when the cut would split a surrogate pair. */
export function headWindow(text: string, n: number): string {
  return text.slice(0, codePointBoundary(text, n, 'ceil'));
}

/** `text` with every unpaired surrogate replaced by U+FFFD: the same length, valid UTF-16. */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanAt(text, i)) n++;
  return n;
}

/** Whitespace as OCR produces it: ASCII space, tab, ideographic space, no-break space. */
const SAMPLE_CHARS = 4000;
const MIN_HAN_SHARE = 0.3;

/** True when a text is mostly Chinese, judged on its start (an English .txt is left alone). */
export function isMostlyChinese(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS).replace(/\s+/g, '');
  return sample.length > 0 && countHan(sample) / sample.length >= MIN_HAN_SHARE;
}

export function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

const EDGE_SPACES = /^[\s\u3000\ufeff]+|[\s\u3000]+$/g;

export function trimSpaces(text: string): string {
  if (text === '') return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // Fast path: most lines have nothing to trim.
  if (first > 0x20 && first !== 0x3000 && first !== 0xfeff && first !== 0xa0 && last > 0x20 && last !== 0x3000 && last !== 0xa0) {
    return text;
  }
  return text.replace(EDGE_SPACES, '');
}

/** Printed width in ideograph cells: ASCII counts half, everything else one. */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLowSurrogate(code)) continue;
    w += code < 0x80 ? 0.5 : 1;
  }
  return w;
}

/** Closing marks that may follow the end of a sentence. */
export const CLOSERS = '”’」』）)】》〉"\'';

/**
 * True when the text ends a sentence: 。！？… optionally followed by closing quotes or
 * brackets. A trailing ；or ： also closes a paragraph line in print (a list follows).
 */
export function endsSentence(text: string): boolean {
  const t = trimSpaces(text);
  if (t === '') return false;
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.includes(t[i])) i--;
  if (i < 0) return false;
  const c = t[i];
  if (c === '。' || c === '！' || c === '？' || c === '…' || c === '；' || c === '：') return true;
  if (c === '!' || c === '?' || c === ';' || c === ':') return true;
  // OCR often reads 。 as a dot: accept a final dot after a Han character.
  return c === '.' && i > 0 && isHanAt(t, i - 1);
}

/** Sentence terminators used to cut a paragraph into sentences. */
export function isSentenceTerminator(ch: string): boolean {
  return ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?' || ch === '…';
}
