/**
 * Small text helpers of the evaluation's own (the gold must not borrow the product's notions
 * of a sentence or a line): sentence ends, sentence splitting, hard wrapping, hashing.
 */
import { createHash } from 'node:crypto';

export const isHan = (ch) => !!ch && /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
/** A Latin letter or digit, ASCII or full-width (a word a typesetter does not cut). */
const isAsciiAlnum = (ch) => !!ch && /[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(ch);

/** Marks that end a sentence (the gold's definition: ； and ： do not). */
const FINAL = '。！？!?…';
/** Closing marks that may follow the end of a sentence. */
const CLOSERS = '”’」』）)】》"\'';

/** True when `text` ends a sentence: a final mark, then perhaps closing quotes or brackets. */
export function endsSentence(text) {
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  while (i >= 0 && CLOSERS.includes(text[i])) i--;
  return i >= 0 && FINAL.includes(text[i]);
}

/** The sentences of a text (each with its final mark and closing quotes), trimmed, in order. */
export function splitSentences(text) {
  const out = [];
  const re = /[^。！？!?…]*(?:[。！？!?]|…+)+[”’」』）)】》"']*|[^。！？!?…]+$/g;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

/** Width in cells: a Han character or full-width mark is one cell, an ASCII character half. */
export function cells(text) {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += c < 0x80 ? 0.5 : 1;
  }
  return w;
}

/** Marks a printed line may not start with (they hang at the end of the line before). */
const NO_LINE_START = '，。、；：？！）》”’」』】…—,.;:?!)%';
/** Marks a printed line may not end with. */
const NO_LINE_END = '（《“‘「『【(';

/**
 * Where a typesetter breaks `text` at `width` cells: the offsets at which each new line
 * starts. Closing marks stay on the line they close, an opening mark goes to the next line,
 * an ASCII word or number is not cut, and no break falls inside a `keep` range [start, end).
 */
export function wrapOffsets(text, width, keep = []) {
  const breaks = [];
  const kept = (i) => keep.some(([s, e]) => s < i && i < e);
  const allowed = (i) =>
    i > 0 &&
    i < text.length &&
    !NO_LINE_START.includes(text[i]) &&
    !NO_LINE_END.includes(text[i - 1]) &&
    !(isAsciiAlnum(text[i - 1]) && isAsciiAlnum(text[i])) &&
    !/[\udc00-\udfff]/.test(text[i]) &&
    text[i] !== ' ' &&
    text[i - 1] !== ' ' &&
    !kept(i);
  let lineStart = 0;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const cw = cells(text[i]);
    if (w + cw > width && i > lineStart) {
      // Break at the last allowed place at or before i (pushing a character or two down).
      let at = i;
      while (at > lineStart + 1 && !allowed(at)) at--;
      if (allowed(at)) {
        breaks.push(at);
        lineStart = at;
        w = cells(text.slice(at, i + 1));
        continue;
      }
      // Nowhere to break before: the first allowed place after (the line runs long).
      at = i + 1;
      while (at < text.length && !allowed(at)) at++;
      if (at >= text.length) break;
      breaks.push(at);
      lineStart = at;
      w = 0;
      i = at - 1;
      continue;
    }
    w += cw;
  }
  return breaks;
}

/** The pieces of `text` between `cuts` (sorted offsets). */
export function cutAt(text, cuts) {
  const out = [];
  let at = 0;
  for (const c of cuts) {
    out.push({ start: at, end: c });
    at = c;
  }
  out.push({ start: at, end: text.length });
  return out;
}

/** Positions i (0 < i < length) between two Han characters, not at a sentence end. */
export function hanSeams(text, from = 1) {
  const out = [];
  for (let i = Math.max(1, from); i < text.length; i++) if (isHan(text[i - 1]) && isHan(text[i])) out.push(i);
  return out;
}

/** The first 16 hex digits of the SHA-256 of a string. */
export const sha16 = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export const FULLWIDTH_DIGITS = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
