/**
 * Helpers shared by the rules: the prose of a document (paragraph by paragraph, with their
 * mapping back to document offsets), character classes, cached segmentation and issue
 * builders. Pure, like every rule.
 */
import { AnalyzedArticle } from '../analysis';
import { Paragraph, trailingAttribution } from '../parse';
import { Token, tokenize } from '../segmenter';
import { Span, headWindow, isHanAt, isLowSurrogate, tailWindow } from '../text';
import { Fix, Issue, Message, RuleContext, Severity, TextEdit } from './types';

export function message(zh: string, en: string): Message {
  return { zh, en };
}

export function makeIssue(rule: string, span: Span, msg: Message, fixes: Fix[] = [], severity?: Severity): Issue {
  const issue: Issue = { rule, span: { start: span.start, end: span.end }, message: msg, fixes };
  if (severity) issue.severity = severity;
  return issue;
}

/** The one issue that stands for a problem of the whole file, at its first place (at the rule's severity). */
export function makeFileIssue(rule: string, span: Span, msg: Message, fixes: Fix[]): Issue {
  return { ...makeIssue(rule, span, msg, fixes), fileLevel: true };
}

export function makeFix(title: Message, edits: TextEdit[], safe: boolean): Fix {
  return { title, edits, safe };
}

// ---------------------------------------------------------------------------------------
// Prose.

export interface ProseBlock {
  article: AnalyzedArticle;
  paragraph: Paragraph;
  /** The paragraph's text with its line breaks removed. */
  text: string;
  /** Where a trailing source line or reporter credit such as (阮现武 董浩) starts, else text.length. */
  proseEnd: number;
  /** The paragraph is a numbered section heading standing on its own (一、加快建设副中心). */
  heading: boolean;
  /** Index in `text` where each physical line after the first starts (one per break). */
  breakIndexes: number[];
}

const blockCache = new WeakMap<RuleContext, ProseBlock[]>();

/** Every paragraph of every article, in document order. Headings, bylines and page marks are not prose. */
export function proseBlocks(ctx: RuleContext): ProseBlock[] {
  let blocks = blockCache.get(ctx);
  if (blocks) return blocks;
  blocks = [];
  for (const article of ctx.articles) {
    for (const paragraph of article.paragraphs) {
      const text = paragraph.text;
      const attribution = trailingAttribution(text);
      const section = article.sections.find((s) => s.span.start === paragraph.span.start);
      const heading = !!section && text.replace(/[。！？!?；;：:]+$/, '') === section.title;
      const breakIndexes: number[] = [];
      let joined = 0;
      for (let i = 0; i < paragraph.pieces.length; i++) {
        if (i > 0) breakIndexes.push(joined);
        joined += paragraph.pieces[i].span.end - paragraph.pieces[i].span.start;
      }
      blocks.push({ article, paragraph, text, proseEnd: attribution ? attribution.index : text.length, heading, breakIndexes });
    }
  }
  blockCache.set(ctx, blocks);
  return blocks;
}

/** Document span of `[start, end)` of a block's joined text. */
export function docSpan(block: ProseBlock, start: number, end: number): Span {
  return block.paragraph.spanToDocument(start, end);
}

/** An edit that replaces `[start, end)` of a block's joined text (which must not cross a line break). */
export function blockEdit(block: ProseBlock, start: number, end: number, newText: string): TextEdit {
  return { span: docSpan(block, start, end), newText };
}

/** True when `[start, end)` of the joined text crosses one of the block's line breaks. */
export function crossesBreak(block: ProseBlock, start: number, end: number): boolean {
  return block.breakIndexes.some((b) => b > start && b < end);
}

// ---------------------------------------------------------------------------------------
// Characters.

export function isAsciiLetter(ch: string | undefined): boolean {
  return !!ch && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return !!ch && ch >= '0' && ch <= '9';
}

export function isSpaceChar(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/** Han at `i`, also when `i` is the low half of a supplementary-plane ideograph. */
export function isHanIndex(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  if (isLowSurrogate(text.charCodeAt(i))) return i > 0 && isHanAt(text, i - 1);
  return isHanAt(text, i);
}

/** Start of the character that ends just before `i` (steps over a surrogate pair). */
export function charBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  return i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? i - 2 : i - 1;
}

/** Length in UTF-16 units of the character starting at `i`. */
export function charLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

/** Full-width punctuation of Chinese text (marks, quotes, brackets). */
export const CJK_PUNCTUATION = '，。、；：？！“”‘’（）《》〈〉【】「」『』…—～·';
export const CJK_OPENERS = '“‘（《〈【「『';
export const CJK_CLOSERS = '”’）》〉】」』';
/** Marks that end a clause or a sentence in Chinese text. */
export const CLAUSE_MARKS = '，。、；：？！,;:?!';

export function isCjkPunctuation(ch: string | undefined): boolean {
  return !!ch && CJK_PUNCTUATION.includes(ch);
}

/** Han, or full-width punctuation: what a Chinese sentence is made of. */
export function isChineseAt(text: string, i: number): boolean {
  return isHanIndex(text, i) || isCjkPunctuation(text[i]);
}

/** Index of the previous / next character that is not a space, or -1 / text.length. */
export function prevNonSpace(text: string, i: number, floor = 0): number {
  let j = i - 1;
  while (j >= floor && isSpaceChar(text[j])) j--;
  return j;
}

export function nextNonSpace(text: string, i: number, ceiling = text.length): number {
  let j = i;
  while (j < ceiling && isSpaceChar(text[j])) j++;
  return j;
}

// ---------------------------------------------------------------------------------------
// Segmentation.

const tokenCache = new WeakMap<RuleContext, Map<string, Token[]>>();

/** Dictionary-only tokens (no HMM guesses) of `text`, cached per rule context. */
export function dictionaryTokens(ctx: RuleContext, text: string): Token[] {
  let cache = tokenCache.get(ctx);
  if (!cache) {
    cache = new Map();
    tokenCache.set(ctx, cache);
  }
  let tokens = cache.get(text);
  if (!tokens) {
    tokens = tokenize(ctx.segmenter, text, 0, { hmm: false });
    cache.set(text, tokens);
  }
  return tokens;
}

/** A dictionary word that spans the seam between two texts, and how the seam cuts it. */
export interface WordAcross {
  word: string;
  /** The part of the word before the seam and after it. */
  before: string;
  after: string;
}

/**
 * The dictionary word (two characters or more) that would span the seam if `left` and
 * `right` were joined, looking at up to `window` characters on each side: 地|位 → 地位.
 */
export function wordAcrossSeam(ctx: RuleContext, left: string, right: string, window = 4): WordAcross | null {
  const l = tailWindow(left, window);
  const r = headWindow(right, window);
  if (l === '' || r === '') return null;
  const joined = l + r;
  for (const token of dictionaryTokens(ctx, joined)) {
    if (token.start < l.length && token.end > l.length) {
      return { word: token.text, before: joined.slice(token.start, l.length), after: joined.slice(l.length, token.end) };
    }
    if (token.start >= l.length) return null;
  }
  return null;
}

export function wordAcross(ctx: RuleContext, left: string, right: string, window = 4): string | null {
  return wordAcrossSeam(ctx, left, right, window)?.word ?? null;
}

/**
 * True when the seam leaves a part of the word that is no word of its own (习|近平, 地|位,
 * 公|告), as opposed to two words that also form a longer one (今年|以来, 中国|移动).
 */
export function seamBreaksWord(ctx: RuleContext, across: WordAcross): boolean {
  const whole = (part: string) => part.length >= 2 && dictionaryTokens(ctx, part).length === 1;
  return !whole(across.before) || !whole(across.after);
}

/** Counts per key, for grouped messages. */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
