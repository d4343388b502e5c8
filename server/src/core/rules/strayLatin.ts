/**
 * stray-latin: a Latin word that has no business inside a Chinese sentence. Precision comes
 * first: acronyms, units, brand and product names, model numbers, URLs and Latin phrases are
 * never flagged. Two shapes are:
 *
 * - an English function word set off by spaces between Chinese words
 *   (新发展理念 and 高质量发展): a fix replaces and/or with 和/或, not safe; glued ones
 *   (搞怪or潮流) are a writer's style and left alone;
 * - one letter, or two lower-case ones, glued inside a Chinese word, so that the word reads
 *   whole once they go (发l展 → 发展): the fix deletes them, not safe;
 * - an English function word glued between Chinese words (中国the人民) or a single lower-case
 *   letter between Han characters (展f了, a misread character): clean Chinese text has
 *   neither (measured on THUCNews: none in 490,000 characters). The fix deletes it, not safe.
 */
import { Issue, Rule, RuleContext } from './types';
import {
  ProseBlock,
  blockEdit,
  docSpan,
  isAsciiDigit,
  isAsciiLetter,
  isCjkPunctuation,
  isHanIndex,
  isSpaceChar,
  makeFix,
  makeIssue,
  message,
  nextNonSpace,
  prevNonSpace,
  proseBlocks,
  wordAcross,
} from './util';

export const ID = 'stray-latin';

const FUNCTION_WORDS = new Set([
  'and', 'or', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'is', 'are', 'was', 'were', 'an', 'as', 'that', 'this', 'but', 'not',
]);
/** Function words and fragments that never stand glued inside Chinese (搞怪or潮流 is a writer's style). */
const GLUED_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'ing', 'to', 'is', 'in', 'on', 'at', 'for', 'with', 'by', 'an', 'was', 'are']);
const TRANSLATION: Record<string, { text: string; zh: string }> = { and: { text: '和', zh: '和' }, or: { text: '或', zh: '或' } };

/** Acronyms, units and letter words of Chinese usage; never flagged. */
export const KNOWN_LATIN = new Set(
  (
    'GDP GNP CPI PPI PMI IT AI AR VR APP App app CEO CFO CTO COO WTO WHO NBA CBA FIFA UFO DNA RNA PM ' +
    'km kg cm mm ml kW kw kWh MW GW mg ha KTV ATM POS ETC PPP EPC IPO ST PK VS OK QQ WiFi wifi ' +
    'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z'
  ).split(' '),
);
/** Letters that stand inside Chinese words on purpose: A股, B超, T恤, X光, K线, U盘, Q版, 卡拉OK. */
const GLUED_WORDS = /^(?:[ABHN]股|B超|T恤|X光|K线|U盘|Q版|[ABCDS]级|[ABC]类|[ABC]区|[ABC]座|C位|卡拉OK|维C|PK)/;

export const strayLatin: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  description: message('中文句子里混入了无关的英文词', 'A stray Latin word inside a Chinese sentence'),
  examples: [
    { bad: '对照新发展理念 and 高质量发展要求，深入学习。', good: '对照新发展理念和高质量发展要求，深入学习。' },
    { bad: '推动经济高质量发l展。', good: '推动经济高质量发展。' },
  ],
  check(ctx: RuleContext): Issue[] {
    const issues: Issue[] = [];
    for (const block of proseBlocks(ctx)) checkBlock(ctx, block, issues);
    return issues;
  },
};

function checkBlock(ctx: RuleContext, block: ProseBlock, issues: Issue[]): void {
  const text = block.text;
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    const word = m[0];
    const before = text[start - 1];
    const after = text[end];
    // Part of a larger token: PM2.5, 5G, it7t.com, e-mail, Yahoo!, O'Neal.
    if (/[0-9.\-_@/:&'’+#]/.test(before ?? '') || /[0-9.\-_@/:&'’+#!]/.test(after ?? '')) continue;
    if (KNOWN_LATIN.has(word)) continue;
    const p = prevNonSpace(text, start);
    const n = nextNonSpace(text, end);
    // Part of a Latin phrase: Tom Ford, Gossip Girl.
    if (isAsciiLetter(text[p]) || isAsciiDigit(text[p]) || isAsciiLetter(text[n]) || isAsciiDigit(text[n])) continue;

    if (FUNCTION_WORDS.has(word) && isSpaceChar(before) && isSpaceChar(after) && isHanIndex(text, p) && isHanIndex(text, n)) {
      const translation = TRANSLATION[word];
      const fixes = translation
        ? [makeFix(message(`改为“${translation.zh}”`, `Replace with “${translation.text}”`), [blockEdit(block, p + 1, n, translation.text)], false)]
        : [];
      if (translation && block.breakIndexes.some((b) => b > p + 1 && b < n)) fixes.length = 0;
      issues.push(
        makeIssue(
          ID,
          docSpan(block, start, end),
          message(`中文句子里混入了英文词“${word}”`, `The English word “${word}” inside a Chinese sentence`),
          fixes,
        ),
      );
      continue;
    }

    // An English function word glued between Chinese words (中国the人民), or one lower-case
    // letter standing for a Han character OCR misread (展f了): clean Chinese text has neither.
    const glued = isHanIndex(text, start - 1) && isHanIndex(text, end);
    if (glued && (GLUED_FUNCTION_WORDS.has(word) || /^[a-z]$/.test(word))) {
      issues.push(
        makeIssue(
          ID,
          docSpan(block, start, end),
          word.length === 1
            ? message(`中文词语中间混入了字母“${word}”，像是识别错误`, `The letter “${word}” inside Chinese text: it looks like a misread character`)
            : message(`中文句子里混入了英文词“${word}”`, `The English word “${word}” inside a Chinese sentence`),
          [makeFix(message(`删除“${word}”`, `Delete “${word}”`), [blockEdit(block, start, end, '')], false)],
        ),
      );
      continue;
    }

    // Two capitals or more are an acronym (ID, PK); OCR inserts lone or lower-case letters.
    if ((word.length === 1 || (word.length === 2 && word === word.toLowerCase())) && isHanIndex(text, start - 1) && isHanIndex(text, end) && !isSpaceChar(before) && !isSpaceChar(after)) {
      if (GLUED_WORDS.test(text.slice(start, end + 1)) || GLUED_WORDS.test(text.slice(start - 2, end + 1)) || GLUED_WORDS.test(text.slice(start - 1, end + 1))) continue;
      const joined = wordAcross(ctx, text.slice(0, start), text.slice(end));
      if (!joined) continue;
      if (isCjkPunctuation(after)) continue;
      issues.push(
        makeIssue(
          ID,
          docSpan(block, start, end),
          message(`“${word}”夹在词语“${joined}”中间，像是识别错误混入的字母`, `“${word}” sits inside the word “${joined}”: it looks like an OCR insertion`),
          [makeFix(message(`删除“${word}”`, `Delete “${word}”`), [blockEdit(block, start, end, '')], false)],
        ),
      );
    }
  }
}
