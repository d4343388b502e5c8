/**
 * The line breaks the parser left inside paragraphs, with the evidence that each one cuts a
 * sentence. Shared by broken-line, split-paragraph and page-residue.
 */
import { isFullLine, sectionMarker, startsRecord } from '../parse';
import { Span, displayWidth, endsSentence } from '../text';
import { RuleContext, TextEdit } from './types';
import { ProseBlock, charBefore, charLength, isAsciiLetter, isHanIndex, proseBlocks, wordAcross } from './util';

/** Why a break is taken to be inside a sentence, strongest first. */
export type BreakEvidence =
  /** A dictionary word spans the break: 地|位. */
  | 'word'
  /** The line ends with a comma or an opening mark, or the next starts with punctuation. */
  | 'punctuation'
  /** A full line of a hard-wrapped file. */
  | 'wrap'
  /** No sentence-final mark before the break and no sign of a new paragraph after it. */
  | 'clause';

export interface SentenceBreak {
  block: ProseBlock;
  /** From the end of one line's text to the start of the next line's text. */
  span: Span;
  blankLines: number;
  /** The break holds nothing but spaces and line breaks (no page mark). */
  whitespaceOnly: boolean;
  /** Index of the break in the block's joined text. */
  at: number;
  evidence: BreakEvidence;
  /** The word the break cuts, when evidence is 'word'. */
  word: string | null;
  /** Width of the line before the break, in ideograph cells. */
  lineWidth: number;
}

const CONTINUES_BEFORE = '，、,“‘（(《【「『—';
const CONTINUES_AFTER = '，。、；：,.;:！？!?）)”’」』》】';
const SPEECH_OPENING = /^[\u4e00-\u9fff]{1,12}(?:指出|强调|要求|表示|认为|提出|说)[，,：:]/;
const DATE_OPENING = /^(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日[^，,]{0,6}[，,]/;

/** A particle that never opens a sentence: the text after the break goes on with the one before. */
const PARTICLE_OPENING = /^[的地得了着过们]/;

/** True when the text after a break reads like the start of a new paragraph. */
export function looksLikeParagraphStart(text: string): boolean {
  if (PARTICLE_OPENING.test(text)) return false;
  return !!sectionMarker(text) || SPEECH_OPENING.test(text) || DATE_OPENING.test(text) || startsRecord(text);
}

const cache = new WeakMap<RuleContext, SentenceBreak[]>();

/** Every break inside a paragraph that cuts a sentence, in document order. */
export function sentenceBreaks(ctx: RuleContext): SentenceBreak[] {
  let result = cache.get(ctx);
  if (result) return result;
  result = [];
  const { text } = ctx;
  const wrapWidths = ctx.parsed.wrapWidths;
  for (const block of proseBlocks(ctx)) {
    const breaks = block.paragraph.breaks;
    for (let k = 0; k < breaks.length; k++) {
      const brk = breaks[k];
      const at = block.breakIndexes[k];
      const left = block.text.slice(0, at);
      const right = block.text.slice(at);
      if (left === '' || right === '') continue;
      const prevPiece = block.paragraph.pieces[k];
      const lineWidth = displayWidth(text.slice(prevPiece.span.start, prevPiece.span.end));
      const wrapWidth = wrapWidths[prevPiece.line];
      const fullLine = isFullLine(lineWidth, wrapWidth);
      // A colon or semicolon ends a line of its own, except at the end of a full wrapped line.
      if (endsSentence(left) && !(fullLine && /[：；:;]$/.test(left))) continue;
      let evidence: BreakEvidence | null = null;
      let word: string | null = null;
      if (isHanIndex(block.text, at - 1) && isHanIndex(block.text, at)) word = wordAcross(ctx, left, right);
      if (word) evidence = 'word';
      else if (CONTINUES_BEFORE.includes(left[left.length - 1]) || CONTINUES_AFTER.includes(right[0])) evidence = 'punctuation';
      // A full line of hard-wrapped text cannot end a paragraph without ending a sentence.
      else if (fullLine) evidence = 'wrap';
      else if (looksLikeParagraphStart(right)) evidence = null;
      else evidence = 'clause';
      if (!evidence) continue;
      const between = text.slice(brk.span.start, brk.span.end);
      result.push({
        block,
        span: brk.span,
        blankLines: brk.blankLines,
        whitespaceOnly: /^[\s\u3000\u00a0]*$/.test(between),
        at,
        evidence,
        word,
        lineWidth,
      });
    }
  }
  cache.set(ctx, result);
  return result;
}

/** The edit that joins the two lines: the break and the spaces around it go. */
export function joinEdit(text: string, span: Span): TextEdit {
  const before = text[span.start - 1];
  const after = text[span.end];
  return { span: { start: span.start, end: span.end }, newText: isAsciiLetter(before) && isAsciiLetter(after) ? ' ' : '' };
}

/** A visible span for a break: the last character of one line to the first of the next. */
export function breakMarkSpan(text: string, span: Span): Span {
  const start = Math.max(0, charBefore(text, span.start));
  const end = span.end < text.length ? span.end + charLength(text, span.end) : span.end;
  return { start, end };
}

export function evidenceText(b: SentenceBreak): { zh: string; en: string } {
  switch (b.evidence) {
    case 'word':
      return { zh: `，把“${b.word}”一词切成两半`, en: `; it cuts the word “${b.word}” in two` };
    case 'punctuation':
      return { zh: '，前后标点表明句子未完', en: '; the punctuation around it shows the sentence goes on' };
    case 'wrap':
      return { zh: '（整行硬换行）', en: ' (a full line of hard-wrapped text)' };
    case 'clause':
      return { zh: '，前一行没有句末标点', en: '; the line before it does not end the sentence' };
  }
}
