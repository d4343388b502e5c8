/**
 * halfwidth-punctuation: ASCII , ; : ? ! ( ) in Chinese sentences, where full-width marks
 * belong. Left alone: marks between Latin words, inside numbers (1,000 3.5 1:2 12:30), in
 * URLs, ? standing for a lost character or in runs of ?? (mojibake), , ; : next to an English
 * word (word lists), the colon after 编辑 and other staff labels, and brackets
 * around Latin text only ((XWT185), (Gossip Girl)). Page marks are not prose, so staff lines
 * such as 编辑:郭立翔 are never looked at.
 *
 * When most of a file's Chinese punctuation is ASCII (a whole file typed or OCR'd that way),
 * the file gets one warning whose fix converts every mark, and each place a hint.
 */
import { Issue, Rule, RuleContext, TextEdit } from './types';
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
} from './util';
import { isLostCharacter, isMojibakeQuestionMark } from './mojibake';

export const ID = 'halfwidth-punctuation';

const FULLWIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const ASCII_MARKS = /[,;:?!()]/g;
const FULLWIDTH_MARKS = /[，；：？！（）]/g;
const STAFF_LABEL = /(?:责任编辑|编辑|责编|校对|组版|美编|排版|摄影|制图|审校)$/;
/** From this many marks on, and when they outnumber the full-width ones, the file is grouped. */
const GROUP_FROM = 10;

interface Place {
  block: ProseBlock;
  index: number;
  mark: string;
  /** Spaces around the mark that go with it (理念 , 高质量 → 理念，高质量). */
  start: number;
  end: number;
}

export const halfwidthPunctuation: Rule = {
  id: ID,
  defaultSeverity: 'information',
  description: message('中文句子里用了半角标点', 'ASCII punctuation in Chinese sentences'),
  examples: [
    { bad: '省委省政府召开推进会,研究出台若干意见:支持洛阳(副中心)建设。', good: '省委省政府召开推进会，研究出台若干意见：支持洛阳（副中心）建设。' },
  ],
  check(ctx: RuleContext): Issue[] {
    const places: Place[] = [];
    for (const block of proseBlocks(ctx)) findPlaces(block, places);
    return places.map((p) => {
      const full = FULLWIDTH[p.mark];
      return makeIssue(
        ID,
        docSpan(p.block, p.index, p.index + 1),
        message(`中文句子里的半角“${p.mark}”应为全角“${full}”`, `ASCII “${p.mark}” in a Chinese sentence: use “${full}”`),
        [makeFix(message(`改为“${full}”`, `Replace with “${full}”`), [editOf(p)], true)],
      );
    });
  },
  group: {
    count: (ctx) => {
      let fullwidth = 0;
      for (const block of proseBlocks(ctx)) fullwidth += block.text.match(FULLWIDTH_MARKS)?.length ?? 0;
      return fullwidth;
    },
    applies: (places, fullwidth) => places >= GROUP_FROM && places > fullwidth,
    message: (places, fullwidth) =>
      message(
        `本文件的中文标点大多是半角：共 ${places} 处半角标点（全角只有 ${fullwidth} 处）`,
        `Most of this file's Chinese punctuation is ASCII: ${places} ASCII marks in Chinese text (${fullwidth} full-width)`,
      ),
  },
};

function editOf(p: Place): TextEdit {
  return blockEdit(p.block, p.start, p.end, FULLWIDTH[p.mark]);
}

function findPlaces(block: ProseBlock, places: Place[]): void {
  const text = block.text;
  ASCII_MARKS.lastIndex = 0;
  if (!ASCII_MARKS.test(text)) return;
  const parens = matchParens(text);
  ASCII_MARKS.lastIndex = 0;
  for (let hit = ASCII_MARKS.exec(text); hit; hit = ASCII_MARKS.exec(text)) {
    const i = hit.index;
    const ch = text[i];
    const p = prevNonSpace(text, i);
    const n = nextNonSpace(text, i + 1);
    const pc = text[p];
    const nc = text[n];
    const chineseBefore = isHanIndex(text, p) || isCjkPunctuation(pc);
    const chineseAfter = isHanIndex(text, n) || isCjkPunctuation(nc);
    let flag = false;
    switch (ch) {
      case ',':
      case ';':
        // Next to an English word (a word list: on account of 赊账; on …) the mark may be Latin's.
        if (englishWordAt(text, p) || englishWordAt(text, n)) break;
        flag = (chineseBefore || chineseAfter) && !(isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1]));
        break;
      case ':':
        if (isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1])) break; // 12:30, 1:2
        if (text.startsWith('//', i + 1)) break; // http://
        if (englishWordAt(text, p) || englishWordAt(text, n)) break;
        if (STAFF_LABEL.test(text.slice(Math.max(0, i - 4), i).trimEnd())) break;
        flag = chineseBefore || chineseAfter;
        break;
      case '?':
      case '!':
        if (text[i - 1] === '?' || text[i + 1] === '?' || isMojibakeQuestionMark(text, i) || isLostCharacter(text, i)) break;
        if (isAsciiLetter(pc) || isAsciiDigit(pc) || pc === '=' || pc === '/') break; // Yahoo!, URLs
        if (text[i + 1] === '_' || text[i - 1] === '_' || text[i + 1] === '^') break; // ?_? emoticons
        flag = chineseBefore;
        break;
      case '(':
      case ')': {
        const other = parens.get(i);
        if (other !== undefined) {
          const [a, b] = other < i ? [other, i] : [i, other];
          flag = hasHan(text, a + 1, b);
        } else {
          // Unpaired: an opening bracket before Chinese, a closing one after it.
          flag = ch === '(' ? chineseAfter : chineseBefore;
        }
        break;
      }
    }
    if (!flag) continue;
    // Spaces around the mark go with it when Chinese is on that side.
    let start = i;
    let end = i + 1;
    if (chineseBefore) while (start > 0 && isSpaceChar(text[start - 1])) start--;
    if (chineseAfter) while (end < text.length && isSpaceChar(text[end])) end++;
    if (block.breakIndexes.some((b) => b > start && b < end)) {
      start = i;
      end = i + 1;
    }
    places.push({ block, index: i, mark: ch, start, end });
  }
}

/** True when `i` is inside a run of two lower-case Latin letters or more (an English word, not GDP). */
function englishWordAt(text: string, i: number): boolean {
  if (!/[a-z]/.test(text[i] ?? '')) return false;
  let s = i;
  let e = i + 1;
  while (s > 0 && /[A-Za-z]/.test(text[s - 1])) s--;
  while (e < text.length && /[A-Za-z]/.test(text[e])) e++;
  return e - s >= 2;
}

/** Pairs of round brackets, ASCII or full-width, matched by nesting: index → partner. */
function matchParens(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') stack.push(i);
    else if ((ch === ')' || ch === '）') && stack.length > 0) {
      const open = stack.pop()!;
      pairs.set(open, i);
      pairs.set(i, open);
    }
  }
  return pairs;
}

function hasHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isHanIndex(text, i)) return true;
  return false;
}
