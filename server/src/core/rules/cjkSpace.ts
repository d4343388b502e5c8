/**
 * cjk-space: spaces that OCR left inside Chinese text (习 近平, 3 月 27 日). Only prose is
 * checked: headlines, decks, bylines, trailing credits such as (阮现武 董浩) and standalone
 * section headings keep their spaces.
 *
 * Profile `newspaper` (default): no space between Han characters, nor around a number
 * written with a Chinese unit (3 月, 在 3 月, 超过 20%). Profile `copywriting`: spaces
 * between Chinese and Latin letters or digits are house style; only Han–Han spaces count.
 *
 * A space between two Han characters is flagged when removing it joins a dictionary word
 * (习|近平), when single characters are spaced out (洛 阳 市), or when it falls anywhere in
 * running prose past the paragraph's first clause (where glued headlines and datelines live),
 * away from names (记者 李良 王妮娜): 6个篮板 和5个抢断.
 */
import { isPersonName, trailingPosition } from '../names';
import { leadingDateline } from '../parse/credits';
import { Issue, Rule, RuleContext } from './types';
import {
  CLAUSE_MARKS,
  ProseBlock,
  blockEdit,
  charBefore,
  docSpan,
  isAsciiDigit,
  isCjkPunctuation,
  isHanIndex,
  isSpaceChar,
  makeFix,
  makeIssue,
  message,
  dictionaryTokens,
  proseBlocks,
  seamBreaksWord,
  wordAcrossSeam,
} from './util';

export const ID = 'cjk-space';

/** A date stamp such as 1956-10-01 before the space: the 日 after it starts a word (日本), it is no unit. */
const ISO_DATE_BEFORE = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;

/** Chinese units and counters that follow a number: 3 月, 5 亿元, 20 个. */
const UNITS = '年月日时分秒号元角亿万千百个位名人次件条项家户座台辆吨米克斤里平方岁天周期届批股倍户亩%％‰';
/** Words next to a name that mark a credit: 记者 张三, 张三 摄, 新华社电 …. */
const CREDIT_WORDS = /(?:记者|通讯员|实习生|摄影|摄|文|图|编辑|责编|报道|电|讯|作者|撰稿|主持人|口述|整理)$/;
const SPACED_NUMBER = /[\u4e00-\u9fff][ \u00a0]\d+(?:\.\d+)?[ \u00a0]?[年月日亿万个%％]/g;
/** Function words that never end a headline part or a name: a space after one is inside a clause. */
const BOUND_BEFORE = '的得把被对从向将和与及在';
/** Function words that never start one. */
const BOUND_AFTER = '的地得了着过们吗呢吧';
/** A date written with spaces: 3 月 27 日. */
const DATE_UNITS = '年月';
/** Words that take a number right after them: 为 12.3万, 于 1935年, 在 3月. */
const BEFORE_NUMBER = '为于在到至约近达共第占比是有过';
const CREDIT_AFTER = /^(?:摄|文|图|报道|整理|口述|编辑|制图)(?:$|[^\u4e00-\u9fff])/;
/** A credit word that a name follows in a credit (马斌 记者 赵雨文). */
const CREDIT_BEFORE_NAME = /^(?:记者|通讯员|实习生|摄影|编辑|责编|作者|撰稿|主持人)/;

export const cjkSpace: Rule = {
  id: ID,
  defaultSeverity: 'information',
  description: message('中文之间多余的空格', 'Stray spaces inside Chinese text'),
  examples: [
    { bad: '要深入领会、准确把握习 近平总书记重要讲话精神。', good: '要深入领会、准确把握习近平总书记重要讲话精神。' },
    { bad: '3 月 27 日，省委省政府召开推进会。', good: '3月27日，省委省政府召开推进会。' },
  ],
  check(ctx: RuleContext): Issue[] {
    const issues: Issue[] = [];
    const blocks = proseBlocks(ctx).filter((b) => !b.heading);
    // Numbers set off by spaces throughout (力争到 2025 年 … 突破 350 万人): every such space counts.
    let spaced = 0;
    for (const block of blocks) spaced += block.text.match(SPACED_NUMBER)?.length ?? 0;
    for (const block of blocks) checkBlock(ctx, block, spaced >= 2, issues);
    return issues;
  },
};

function checkBlock(ctx: RuleContext, block: ProseBlock, spacedNumbers: boolean, issues: Issue[]): void {
  const text = block.text.slice(0, block.proseEnd);
  const firstClauseEnd = firstMark(text);
  const openingEnd = openingOf(text);
  const copywriting = ctx.options.spacing === 'copywriting';
  for (let i = 0; i < text.length; i++) {
    if (!isSpaceChar(text[i])) continue;
    let end = i;
    while (end < text.length && isSpaceChar(text[end])) end++;
    const start = i;
    i = end - 1;
    if (start === 0 || end >= text.length) continue;
    const l = charBefore(text, start);
    const leftHan = isHanIndex(text, l);
    const rightHan = isHanIndex(text, end);
    const lc = text[l];
    const rc = text[end];
    const inFirstClause = start < firstClauseEnd;
    let reason: { zh: string; en: string } | null = null;

    // Two spaces or more, or an ideographic space, usually stand for a lost line break.
    const separator = end - start > 1 || text[start] === '\u3000';
    if (leftHan && rightHan) {
      // In the opening (glued bylines and datelines) a name-shaped run beside the space is
      // enough to leave it; past it, running prose only spaces names in a list of names or
      // beside a credit word or title (刘洋 张亚晨, 秘书长 张亚晨): 来门|店, 到账|时间相比
      // and 权利人之|权利 only look like names.
      const named = start < openingEnd && !/[，；：,;:]/.test(text.slice(0, start)) ? nearName(text, start, end) : nameList(text, start, end);
      const across = named ? null : wordAcrossSeam(ctx, text.slice(0, start), text.slice(end));
      if (across && seamBreaksWord(ctx, across)) reason = { zh: `空格把“${across.word}”一词隔开`, en: `the space cuts the word “${across.word}”` };
      else if (separator || named) reason = null;
      else if (spacedOut(text, start, end)) reason = { zh: '单字之间被空格隔开', en: 'single characters spaced out' };
      else if (boundFunctionWord(ctx, text, start, end)) reason = { zh: '虚词和相邻的词被空格隔开', en: 'a space next to a function word' };
      // Running prose has no spaces between words: past the opening of the paragraph (where a
      // glued headline or dateline ends), a lone space in a sentence is a stray one. Where
      // spaces recur in the sentence they are its style (lists, parallel phrases), not damage.
      else if (start >= openingEnd && loneSpaceInSentence(ctx, text, start, end, openingEnd) && !afterGluedHeading(ctx, text, start, end, !!across)) reason = { zh: '句子中间的空格', en: 'a space inside a sentence' };
    } else if (separator) {
      reason = null;
    } else if (!copywriting && isAsciiDigit(lc) && rightHan && UNITS.includes(rc) && !ISO_DATE_BEFORE.test(text.slice(Math.max(0, start - 10), start))) {
      reason = { zh: '数字和单位之间有空格', en: 'a space between a number and its unit' };
    } else if (!copywriting && isAsciiDigit(lc) && (rc === '%' || rc === '％')) {
      reason = { zh: '数字和百分号之间有空格', en: 'a space before a percent sign' };
    } else if (!copywriting && leftHan && isAsciiDigit(rc) && (((spacedNumbers || BEFORE_NUMBER.includes(lc)) && !inFirstClause) || DATE_UNITS.includes(lc)) && numberWithUnit(text, end)) {
      reason = { zh: '汉字和数字之间有空格', en: 'a space between Chinese and a number' };
    } else if ((leftHan || isAsciiDigit(lc)) && isCjkPunctuation(rc) && !'“‘（《【「『'.includes(rc) && rc !== '—' && rc !== '…') {
      reason = { zh: '标点前有空格', en: 'a space before a punctuation mark' };
    } else if ((lc === '，' || lc === '、') && (rightHan || isAsciiDigit(rc))) {
      reason = { zh: '逗号后有空格', en: 'a space after a comma' };
    }
    if (!reason) continue;
    issues.push(
      makeIssue(
        ID,
        docSpan(block, start, end),
        message(`多余的空格：${reason.zh}`, `Stray space: ${reason.en}`),
        [makeFix(message('删除空格', 'Delete the space'), [blockEdit(block, start, end, '')], true)],
      ),
    );
  }
}

/** Where a paragraph's opening ends: its first sentence end, within the first 40 characters. */
const OPENING = 40;

function openingOf(text: string): number {
  // A paragraph that opens with a dateline (【南方日报讯】（记者 谢俊）) has nothing glued before it.
  const dateline = leadingDateline(text);
  if (dateline && /[)）]$/.test(text.slice(0, dateline.length))) return dateline.length;
  const end = text.search(/[。！？!?]/);
  return end >= 0 && end < OPENING ? end : OPENING;
}

/**
 * The space is the only one between Han characters in its clause. Spaces that recur in a
 * clause are its style (产业 交通 民生); a space in another clause of the sentence says
 * nothing about this one, nor does one that the paragraph's structure explains: in its
 * opening (【南方日报讯】（记者 谢俊）…) or after a subheading glued at the clause's start
 * (>>业界看法 银行对自 住者…).
 */
function loneSpaceInSentence(ctx: RuleContext, text: string, start: number, end: number, openingEnd: number): boolean {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to])) to++;
  const clause = text.slice(from, to);
  for (const m of clause.matchAll(/(?<=[\u3400-\u9fff])[ \u00a0]+(?=[\u3400-\u9fff])/g)) {
    const s = from + m.index!;
    if (s === start || s < openingEnd) continue;
    // A glued subheading, when the words between it and this space read as a clause (银行对自),
    // not as the next item of a list (过去 现在 未来).
    const between = s < start ? text.slice(s + m[0].length, start) : text.slice(end, s);
    if (afterGluedHeading(ctx, text, s, s + m[0].length, false) && hasClauseWord(ctx, between)) continue;
    return false;
  }
  return true;
}

const CLAUSE_END = /[。！？!?，；：,;:]/;

/**
 * The space ends a subheading that lost its line break and ran into the text at a sentence's
 * start (…。玩家智慧 凝炼精品《YY三国》…): a few words with no clause mark, no word across the
 * space (人民|日报 is one word), and no function word at either side of it.
 */
function afterGluedHeading(ctx: RuleContext, text: string, start: number, end: number, wordAcross: boolean): boolean {
  if (wordAcross) return false;
  let from = start;
  while (from > 0 && !/[。！？!?”]/.test(text[from - 1])) from--;
  const before = text.slice(from, start);
  // A numeral (三 亲自掌勺) or 图为 opens a list item or a caption.
  if (/^(?:[一二三四五六七八九十]|图为|附|注)$/.test(before)) return true;
  if (before.length < 2 || before.length > 16 || /[，、；：,;:“”\s]/.test(before)) return false;
  if (BOUND_BEFORE.includes(before[before.length - 1]) || BOUND_AFTER.includes(text[end]) || '和与及并而或'.includes(text[end])) return false;
  // A subheading is a phrase, not the start of a clause: no preposition, conjunction or
  // adverb standing as a word of its own (目前在斯坦福 做…, 但从第二 稿…, 尊重权利人之 权利).
  return !hasClauseWord(ctx, before);
}

const hasClauseWord = (ctx: RuleContext, text: string) => dictionaryTokens(ctx, text).some((t) => t.text.length === 1 && CLAUSE_WORDS.includes(t.text));

/** Single-character words that open or carry a clause, never a subheading. */
const CLAUSE_WORDS = '在从对把被将向于给让但而却也就都还又才并则便即之所已曾正再很更最';

function firstMark(text: string): number {
  for (let i = 0; i < text.length; i++) if (CLAUSE_MARKS.includes(text[i]) || '“”《》（）()'.includes(text[i])) return i;
  return text.length;
}

/** 洛 阳 市: a single Han character with spaces on both sides, next to this gap. */
function spacedOut(text: string, start: number, end: number): boolean {
  const single = (i: number) => isHanIndex(text, i) && isSpaceChar(text[i - 1]) && isSpaceChar(text[i + 1]);
  const leftSingle = start >= 2 && isHanIndex(text, start - 1) && (start - 2 < 0 || isSpaceChar(text[start - 2]));
  const rightSingle = isHanIndex(text, end) && isSpaceChar(text[end + 1]);
  return (leftSingle && rightSingle) || (leftSingle && single(start - 3)) || (rightSingle && single(end + 2));
}

/** The run of Han characters ending at `end` (exclusive) or starting at `start`. */
function hanRunBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && isHanIndex(text, s - 1)) s--;
  return text.slice(s, end);
}

function hanRunAfter(text: string, start: number): string {
  let e = start;
  while (e < text.length && isHanIndex(text, e)) e++;
  return text.slice(start, e);
}

/** The gap stands between a name and a name, or a name and a credit word. */
function nearName(text: string, start: number, end: number): boolean {
  const left = hanRunBefore(text, start);
  const right = hanRunAfter(text, end);
  if (CREDIT_WORDS.test(left) || CREDIT_AFTER.test(right)) return true;
  // A two-character name padded to three cells: (张 哲), 实习生 景 雪.
  if (left.length === 1 && right.length === 1 && isPersonName(left + right)) return true;
  return isPersonName(left) || isPersonName(right) || isPersonName(right.slice(0, 3)) && right.length <= 4;
}

/**
 * The stricter test of running prose: the gap stands in a list of names, or between a name
 * and a credit word or an official title (记者 李良, 马斌 记者, 秘书长 张亚晨, 李良 摄).
 */
function nameList(text: string, start: number, end: number): boolean {
  const left = hanRunBefore(text, start);
  const right = hanRunAfter(text, end);
  if (CREDIT_WORDS.test(left) || CREDIT_AFTER.test(right)) return true;
  if (left.length === 1 && right.length === 1 && isPersonName(left + right)) return true;
  const opensWithName = isPersonName(right.slice(0, 3)) || isPersonName(right.slice(0, 2));
  const rightName = isPersonName(right) || (right.length <= 4 && opensWithName);
  if (isPersonName(left) && (opensWithName || CREDIT_BEFORE_NAME.test(right))) return true;
  return rightName && trailingPosition(left) !== null;
}

/** The gap follows or precedes a function word standing as a word of its own (与雄鹿的 比赛). */
function boundFunctionWord(ctx: RuleContext, text: string, start: number, end: number): boolean {
  const left = hanRunBefore(text, start);
  const right = hanRunAfter(text, end);
  if (BOUND_BEFORE.includes(left[left.length - 1])) {
    const tokens = dictionaryTokens(ctx, left);
    if (tokens[tokens.length - 1].text.length === 1) return true;
  }
  if (BOUND_AFTER.includes(right[0])) {
    if (dictionaryTokens(ctx, right)[0].text.length === 1) return true;
  }
  return false;
}

/** A number at `i` followed (maybe after a space) by a Chinese unit: 3 月, 20%. */
function numberWithUnit(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && (isAsciiDigit(text[j]) || text[j] === '.')) j++;
  while (j < text.length && isSpaceChar(text[j])) j++;
  return j < text.length && UNITS.includes(text[j]);
}
