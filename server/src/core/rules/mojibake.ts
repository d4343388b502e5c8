/**
 * mojibake: text damaged by encoding errors. No fix is offered: the original characters
 * cannot be known, only read again from the source.
 *
 * - U+FFFD replacement characters;
 * - runs of ? inside Chinese (??), a ? before a full-width form or right after a sentence's
 *   end (the marks GB18030 damage leaves: 。?Ｋ孀殴, ?：闾), and a ? inside a word where a
 *   character was lost (徐若?);
 * - damage that became a byword: 锟斤拷, 烫烫烫, 屯屯屯;
 * - UTF-8 read as Latin-1 or Windows-1252 (å¹´, ä¸­, æ–°);
 * - private-use characters;
 * - meaningless runs of rare characters: three or more characters outside the common set
 *   within six, none of them part of a dictionary word (跎芪洌捍蚧髌).
 */
import { COMMON_HAN } from './commonChars';
import { Issue, Rule, RuleContext } from './types';
import { dictionaryTokens, isHanIndex, makeIssue, message } from './util';

export const ID = 'mojibake';

/** One byte per BMP code point: 1 for the common Han characters (read without making strings). */
const COMMON = new Uint8Array(0x10000);
for (let i = 0; i < COMMON_HAN.length; i++) COMMON[COMMON_HAN.charCodeAt(i)] = 1;
const isHanCode = (c: number) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const WINDOW = 6;
const RARE_IN_WINDOW = 3;

const NO_FIX = { zh: '原字无法自动恢复，请对照原件修改', en: 'the original text cannot be recovered automatically: check it against the source' };

const REPLACEMENT = /\ufffd+/g;
/** Damage that became a byword: U+FFFD written as UTF-8 and read as GBK; uninitialised memory. */
const KNOWN_DAMAGE = /(?:锟斤拷)+|烫{3,}|屯{3,}/g;
const QUESTION_RUN = /\?{2,}/g;
// UTF-8 bytes read as Latin-1 or Windows-1252: a lead byte and its continuation bytes, either
// one whole three-byte character (a Han character: å¹´) or two sequences or more in a row.
const CONT = '[\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178]';
const LATIN1_UTF8 = new RegExp(`(?:[\\u00e0-\\u00ef]${CONT}{2})+|(?:[\\u00c2-\\u00f4]${CONT}{1,3}){2,}`, 'g');
const PRIVATE_USE = /[\ue000-\uf8ff]+/g;

/** A ? that GB18030 damage left: before a full-width form, or right after a sentence's end. */
export function isMojibakeQuestionMark(text: string, i: number): boolean {
  if (text[i] !== '?') return false;
  // GB18030 damage: the lead byte read as ?, the next byte as a full-width form (？Ｋ, ?：, ?＃).
  const next = text.charCodeAt(i + 1);
  if ((next >= 0xff10 && next <= 0xff19) || (next >= 0xff21 && next <= 0xff3a) || (next >= 0xff41 && next <= 0xff5a)) return true;
  if (next >= 0xff01 && next <= 0xff5e) {
    // A full-width symbol: GB18030 damage (?＃玻埃, ?＝耗), unless one that may follow a
    // question mark in sloppy text (?！ ?） ?，); those too after a sentence's end (。?：).
    if (!MAY_FOLLOW_QUESTION.includes(text[i + 1]) || AFTER_CHINESE_MARK.includes(text[i - 1] ?? '')) return true;
  }
  // A question mark never follows the end of a sentence: 。? is damage too.
  const before = text[i - 1] === '”' || text[i - 1] === '’' ? text[i - 2] : text[i - 1];
  return before === '。' || before === '！' || before === '？';
}

/** Marks after which no question mark stands (a ? there, before a full-width form, is damage). */
const AFTER_CHINESE_MARK = '。！？；：，、”’】）》\u3000!';
/** Full-width marks that may follow an ASCII question mark in real text. */
const MAY_FOLLOW_QUESTION = '！）］｝，．：；？＂＇';

const QUESTION_WORDS = /什么|怎么|怎样|如何|为何|为啥|哪|谁|几|多少|是否|能否|可否|是不是|有没有|难道|岂|究竟|到底|何/;
const QUESTION_ENDINGS = '的了吗呢吧么啊呀哦嘛';

/**
 * A ? standing for a character the encoding could not hold (徐若?, 的?格, ，?琴加入): after a
 * Han character that is no sentence-final particle, in a clause with no question word; or
 * after punctuation (where no question mark can stand) and before Han.
 */
export function isLostCharacter(text: string, i: number): boolean {
  if (text[i] !== '?' || text[i - 1] === '?' || text[i + 1] === '?') return false;
  if (!isHanIndex(text, i - 1)) {
    return (i === 0 || '，。、；：,;:“‘（(《【—'.includes(text[i - 1])) && isHanIndex(text, i + 1);
  }
  if (QUESTION_ENDINGS.includes(text[i - 1])) return false;
  let start = i;
  while (start > 0 && i - start < 40 && !/[。！？!?，,；;：:“”\n]/.test(text[start - 1])) start--;
  return !QUESTION_WORDS.test(text.slice(start, i));
}

export const mojibake: Rule = {
  id: ID,
  defaultSeverity: 'error',
  description: message('编码损坏造成的乱码', 'Mojibake from encoding damage'),
  examples: [
    { bad: '全国公安机关统一销毁行动开始！?Ｋ孀殴?安部副部长', good: null },
    { bad: '2020å¹´3æœˆ', good: null },
  ],
  check(ctx: RuleContext): Issue[] {
    const { text } = ctx;
    const issues: Issue[] = [];
    const add = (start: number, end: number, what: { zh: string; en: string }) =>
      issues.push(makeIssue(ID, { start, end }, message(`乱码：${what.zh}。${NO_FIX.zh}`, `Mojibake: ${what.en}; ${NO_FIX.en}`)));

    for (const m of text.matchAll(REPLACEMENT)) add(m.index!, m.index! + m[0].length, { zh: '替换字符 �', en: 'replacement characters (�)' });
    for (const m of text.matchAll(KNOWN_DAMAGE)) add(m.index!, m.index! + m[0].length, { zh: `“${m[0].slice(0, 6)}”是典型的编码损坏`, en: `“${m[0].slice(0, 6)}” is well-known encoding damage` });
    for (const m of text.matchAll(QUESTION_RUN)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (isHanIndex(text, start - 1) || isHanIndex(text, end) || isMojibakeQuestionMark(text, end - 1)) {
        add(start, end, { zh: '中文里的一串问号', en: 'a run of question marks inside Chinese' });
      }
    }
    // Both kinds of damage sit on an ASCII question mark.
    for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
      if (isMojibakeQuestionMark(text, i) && text[i - 1] !== '?') add(i, Math.min(text.length, i + 2), { zh: '编码损坏留下的问号（GB 编码）', en: 'a question mark left by encoding damage (GB18030)' });
    }
    for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
      if (isLostCharacter(text, i)) {
        add(i, i + 1, { zh: '问号代替了一个无法编码的字（如“徐若?”）', en: 'a question mark in place of a character the encoding lost (as in 徐若?)' });
      }
    }
    for (const m of text.matchAll(LATIN1_UTF8)) add(m.index!, m.index! + m[0].length, { zh: 'UTF-8 被按 Latin-1 读出', en: 'UTF-8 read as Latin-1' });
    for (const m of text.matchAll(PRIVATE_USE)) add(m.index!, m.index! + m[0].length, { zh: '私用区字符', en: 'private-use characters' });
    rareRuns(ctx, issues);
    return issues;
  },
};

/** Runs of Han text where rare characters that belong to no dictionary word cluster. */
function rareRuns(ctx: RuleContext, issues: Issue[]): void {
  const { text } = ctx;
  for (let i = 0; i < text.length; ) {
    if (!isHanCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A run of Han characters; quick reject: fewer than three rare characters in it.
    const base = i;
    let rareCount = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isHanCode(c)) break;
      if (COMMON[c] === 0) rareCount++;
    }
    if (rareCount >= RARE_IN_WINDOW && i - base >= 3) rareRun(ctx, text.slice(base, i), base, issues);
  }
}

/** The stretches of a Han run (at `base`) where isolated rare characters cluster. */
function rareRun(ctx: RuleContext, run: string, base: number, issues: Issue[]): void {
  const isolated = new Array<boolean>(run.length).fill(false);
  for (const token of dictionaryTokens(ctx, run)) {
    // A repeated character (喵喵喵) is a sound, not damage.
    if (token.text.length === 1 && COMMON[token.text.charCodeAt(0)] === 0 && run[token.start - 1] !== token.text) isolated[token.start] = true;
  }
  let spanStart = -1;
  let spanEnd = -1;
  const flush = () => {
    if (spanStart >= 0) add(spanStart, spanEnd);
    spanStart = -1;
  };
  const add = (s: number, e: number) =>
    issues.push(
      makeIssue(
        ID,
        { start: base + s, end: base + e },
        message(`乱码：一串无意义的生僻字“${run.slice(s, e)}”。${NO_FIX.zh}`, `Mojibake: a meaningless run of rare characters (“${run.slice(s, e)}”); ${NO_FIX.en}`),
      ),
    );
  for (let i = 0; i + WINDOW <= run.length || (i === 0 && run.length < WINDOW); i++) {
    const end = Math.min(run.length, i + WINDOW);
    let n = 0;
    for (let j = i; j < end; j++) if (isolated[j]) n++;
    if (n < RARE_IN_WINDOW) continue;
    // The flagged stretch runs from the first to the last rare character of the window.
    let s = i;
    while (!isolated[s]) s++;
    let e = end;
    while (!isolated[e - 1]) e--;
    if (spanStart >= 0 && s <= spanEnd) spanEnd = Math.max(spanEnd, e);
    else {
      flush();
      spanStart = s;
      spanEnd = e;
    }
  }
  flush();
}
