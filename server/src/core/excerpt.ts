/**
 * Short excerpts of corpus text for people to read (hover contexts, the `slogans` command, the
 * outline's statements): cut where a reader expects a cut, and marked with an ellipsis where
 * text was left out. A cut falls, in this order of preference, after a clause mark (，、；： or
 * a space), at a word boundary the segmenter gives, or at least never inside a surrogate pair
 * or a run of Latin letters or digits. Pure; offsets are UTF-16 indices.
 */
import { Segmenter, tokenize } from './segmenter';
import { Span } from './text';

export const ELLIPSIS = '…';

/** Marks that end a clause: a cut just after one (or before, at the end of an excerpt) reads well. */
const CLAUSE_MARK = /[，、；：,;:]/;
/** Marks that end a sentence. */
const SENTENCE_END = /[。！？!?]/;
/** Closing quotes and brackets that belong to the sentence before them. */
const CLOSING = /[”’」』）)》]/;
const LINE_BREAKS = /\r\n|\n|\r/g;
const ALNUM = /[A-Za-z0-9]/;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when a cut between text[i - 1] and text[i] would split a character or a Latin word or number. */
export function splitsUnit(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  if (isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))) return true;
  return ALNUM.test(text[i - 1]) && ALNUM.test(text[i]);
}

/** Words are cut from a little before the window, so that a word the window starts inside is seen whole. */
const LEAD = 8;

/**
 * The word boundaries the segmenter gives in [from, to] (offsets of `text`, each the end of a
 * word, or the start of the text); null without a segmenter.
 */
function wordBoundaries(text: string, from: number, to: number, segmenter: Segmenter | undefined): Set<number> | null {
  if (!segmenter || to <= from) return null;
  const base = Math.max(0, from - LEAD);
  const boundaries = new Set<number>(base === 0 ? [0] : []);
  try {
    for (const token of tokenize(segmenter, text.slice(base, Math.min(text.length, to + LEAD)), base, { hmm: true })) boundaries.add(token.end);
  } catch {
    return null;
  }
  return boundaries;
}

/**
 * Where to start an excerpt that must begin in [lo, hi] (hi: the first character that must be
 * kept): just after the earliest clause mark, else at the earliest word boundary, else the
 * earliest offset that splits nothing.
 */
function startCut(text: string, lo: number, hi: number, segmenter?: Segmenter): number {
  for (let i = lo; i <= hi; i++) if (i > 0 && CLAUSE_MARK.test(text[i - 1]) && !CLAUSE_MARK.test(text[i] ?? '')) return i;
  const words = wordBoundaries(text, lo, hi, segmenter);
  if (words) for (let i = lo; i <= hi; i++) if (words.has(i) && !splitsUnit(text, i)) return i;
  for (let i = lo; i <= hi; i++) if (!splitsUnit(text, i)) return i;
  return hi;
}

/**
 * Where to end an excerpt that must end in [lo, hi] (lo: just after the last character that
 * must be kept): just before the latest clause mark, else at the latest word boundary, else
 * the latest offset that splits nothing.
 */
function endCut(text: string, lo: number, hi: number, segmenter?: Segmenter): number {
  for (let i = hi; i >= lo; i--) if (i < text.length && CLAUSE_MARK.test(text[i]) && i > 0 && !CLAUSE_MARK.test(text[i - 1])) return i;
  const words = wordBoundaries(text, lo, hi, segmenter);
  if (words) for (let i = hi; i >= lo; i--) if (words.has(i) && !splitsUnit(text, i)) return i;
  for (let i = hi; i >= lo; i--) if (!splitsUnit(text, i)) return i;
  return lo;
}

/** `text` with its line breaks removed (hard wraps joined), its ends trimmed. */
function joined(text: string): string {
  return text.replace(LINE_BREAKS, '').trim();
}

export interface ContextOptions {
  /** At most this many characters before and after the span (80 each by default). */
  before?: number;
  after?: number;
  segmenter?: Segmenter;
}

/** True when the line break at `i` is followed or preceded by another: a paragraph ends there. */
function isBlankLineAt(text: string, i: number): boolean {
  if (text[i] !== '\n' && text[i] !== '\r') return false;
  const next = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
  return next >= text.length || text[next] === '\n' || text[next] === '\r' || (i > 0 && (text[i - 1] === '\n' || text[i - 1] === '\r'));
}

/**
 * The sentence around `span` of `text`, its hard wraps joined: whole when it fits the window,
 * else cut at a clause mark or word boundary with an ellipsis where text was left out.
 */
export function contextAround(text: string, span: Span, options: ContextOptions = {}): string {
  const before = options.before ?? 80;
  const after = options.after ?? 80;
  const ends = (i: number) => SENTENCE_END.test(text[i]) || isBlankLineAt(text, i);
  let start = span.start;
  while (start > 0 && !ends(start - 1) && span.start - start < before) start--;
  const cutBefore = start > 0 && !ends(start - 1);
  let end = span.end;
  while (end < text.length && !ends(end) && end - span.end < after) end++;
  const cutAfter = end < text.length && !ends(end);
  if (!cutAfter && end < text.length && SENTENCE_END.test(text[end])) {
    end++;
    while (end < text.length && CLOSING.test(text[end])) end++;
  }
  if (cutBefore) start = startCut(text, start, span.start, options.segmenter);
  if (cutAfter) end = endCut(text, span.end, end, options.segmenter);
  return (cutBefore ? ELLIPSIS : '') + joined(text.slice(start, end)) + (cutAfter ? ELLIPSIS : '');
}

/**
 * The start of `text`, at most `max` characters (the ellipsis not counted), cut at a clause
 * mark or word boundary past the middle, with an ellipsis when anything was left out.
 */
export function clipEnd(text: string, max: number, segmenter?: Segmenter): string {
  const flat = joined(text);
  if (flat.length <= max) return flat;
  const lo = Math.max(1, Math.ceil(max / 2));
  const cut = endCut(flat, lo, max, segmenter);
  return flat.slice(0, cut).replace(/[，、；：,;:\s]+$/, '') + ELLIPSIS;
}
