/**
 * duplicate-text: a word or phrase printed twice in a row, found on the segmentation of the
 * joined paragraph (so a copy across a line or page break counts).
 *
 * Flagged: a doubled function character that forms no word (的的, 了了); a repeated word of
 * two characters or more (重复重复, 发展发展) or phrase (高质量发展高质量发展); a partial
 * repeat A B A where A and B are words sharing their first character (落地落实落地).
 *
 * Chinese repeats on purpose, and none of this is flagged: reduplication of single
 * characters (常常, 天天, 看看, 清清楚楚), verbs and adjectives in ABAB form (研究研究,
 * 商量商量, 雪白雪白), numeral-classifier repeats (一个一个, 一步一步), onomatopoeia
 * (哈哈哈哈), emphatic and spoken repeats (很少很少, 说着说着, 不急不急, 什么什么),
 * rhetorical repeats (落实落实再落实), any repeat across punctuation (抓落实、抓落实), and
 * a repeat that starts a sentence or precedes a colon, where a subheading or a speaker's
 * name ran into the text (8.青岛青岛最近…, 刘晨刘晨：).
 */
import { Token } from '../segmenter';
import { Issue, Rule, RuleContext } from './types';
import { ProseBlock, blockEdit, crossesBreak, dictionaryTokens, docSpan, isHanIndex, makeFix, makeIssue, message, proseBlocks } from './util';

export const ID = 'duplicate-text';

/** Function characters that never double in standard text; 的的 is safe to fix. */
const FUNCTION_CHARS = '的了在是和与及对把被将为从向于就也都';
const SAFE_DOUBLES = '的';

/** Verbs and adjectives that reduplicate as ABAB. */
const ABAB = new Set(
  (
    '研究 讨论 学习 考虑 商量 休息 活动 锻炼 打听 收拾 整理 打扫 准备 检查 了解 介绍 交流 沟通 调查 比较 总结 ' +
    '认识 体会 感受 体验 尝试 练习 思考 琢磨 分析 研讨 议论 放松 打扮 表扬 批评 宣传 教育 帮助 关心 照顾 ' +
    '参观 参谋 指点 指导 解释 说明 反映 汇报 请示 清理 整顿 梳理 盘点 算计 合计 估计 核实 核对 对照 ' +
    '比划 比画 比试 试验 实验 修理 修改 打磨 调整 调理 安排 布置 张罗 操心 溜达 走动 散心 热闹 高兴 ' +
    '快活 痛快 舒服 轻松 暖和 凉快 干净 清楚 明白 认真 仔细 雪白 通红 笔直 冰凉 火热 滚烫 漆黑 碧绿 ' +
    '金黄 蔚蓝 崭新 喷香 透亮 瓦蓝 煞白 鲜红 乌黑 粉红 嫩绿 湛蓝 滚圆 溜圆 精光 稀烂 冰冷 雪亮 通明 ' +
    '拜托 谢谢 欢迎 恭喜 祝贺 加油 努力 坚持 注意 小心 当心 留意 提醒 发动 动员 鼓励 鼓动 激励 启发 ' +
    '开导 引导 疏导 协调 配合 商议 商讨 切磋 探讨 交谈 聊天 谈谈 说说 讲讲 聊聊 走走 看看 想想 试试'
  ).split(' '),
);
/** Characters that end names of places and bodies and start words of their own (村|村民, 会|会长). */
const NAME_SUFFIXES = '司局处科村镇乡县市省区州会部委厅所院校社团队组年月号期届股债厂店馆站港湖路街党国军营班系室楼场行业';
/** Sound words that repeat freely. */
const ONOMATOPOEIA = /^(?:哈|呵|嘻|嘿|咚|啦|嗒|哗|嘀|嗡|呜|砰|啪|咕|叮|当|咯|嘟|喵|汪|呱|噔|轰|隆|沙|哒)+$/;
const NUMERAL_START = /^[一二两三四五六七八九十百千万几每0-9]/;
const RHETORIC_AFTER = /^[再又还更也而]/;
/** Emphatic repeats of a degree phrase: 很少很少, 很多很多, 非常非常, 好久好久. */
const EMPHATIC = /^(?:很|好|太|非常|特别|真|多么|越来越)/;
/**
 * Spoken repeats: 说着说着, 不急不急, 没事没事, 寂寞啊寂寞啊, 什么什么专业 (such-and-such),
 * 怎么怎么的.
 */
const SPOKEN = /^(?:.着|[不没别].|.+[啊呀吧呢啦哪嘛哦]|什么|怎么|这样|那样|如此)$/;

export const duplicateText: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  description: message('重复的字词（非正常叠用）', 'A word or phrase printed twice (not reduplication)'),
  examples: [
    { bad: '推动经济高质量的的发展。', good: '推动经济高质量的发展。' },
    { bad: '要推动推动高质量发展。', good: '要推动高质量发展。' },
    { bad: '坚持把发展发展经济着力点放在实体经济上。', good: '坚持把发展经济着力点放在实体经济上。' },
  ],
  check(ctx: RuleContext): Issue[] {
    const issues: Issue[] = [];
    for (const block of proseBlocks(ctx)) checkBlock(ctx, block, issues);
    return issues;
  },
};

/**
 * The stretches of a paragraph that can hold a repeat: between clause marks (a repeat across
 * punctuation is never flagged, but for X、X), and only those where a character repeats next to
 * itself or two characters come back within a few. Segmenting just these gives the words a
 * segmentation of the whole paragraph gives, since the segmenter cuts at punctuation itself.
 */
function* candidateStretches(text: string): Generator<{ start: number; end: number }> {
  const CLAUSE = /[，。；：！？,;:!?…“”‘’（）()《》【】「」『』\s]/;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !CLAUSE.test(text[i])) continue;
    if (i - start >= 2 && hasRepeat(text, start, i)) yield { start, end: i };
    start = i + 1;
  }
}

/** A character twice in a row, or two characters that come back within twelve. */
function hasRepeat(text: string, start: number, end: number): boolean {
  for (let i = start; i + 1 < end; i++) {
    if (text.charCodeAt(i) === text.charCodeAt(i + 1)) return true;
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    for (let k = i + 2; k + 1 < end && k <= i + 12; k++) if (text.charCodeAt(k) === a && text.charCodeAt(k + 1) === b) return true;
  }
  return false;
}

function checkBlock(ctx: RuleContext, block: ProseBlock, issues: Issue[]): void {
  for (const stretch of candidateStretches(block.text)) {
    let tokens: Token[];
    try {
      tokens = dictionaryTokens(ctx, block.text.slice(stretch.start, stretch.end)).map((t) => ({ text: t.text, start: t.start + stretch.start, end: t.end + stretch.start }));
    } catch {
      continue;
    }
    checkTokens(ctx, block, tokens, issues);
  }
}

function checkTokens(ctx: RuleContext, block: ProseBlock, tokens: Token[], issues: Issue[]): void {
  const text = block.text;
  let skipUntil = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].start < skipUntil) continue;
    const found =
      doubledChar(tokens, i) ??
      repeatedRun(text, tokens, i) ??
      repeatedPrefix(ctx, text, tokens, i) ??
      repeatedSuffix(ctx, text, tokens, i) ??
      strayDoubledChar(ctx, text, tokens, i) ??
      repeatedListItem(text, tokens, i) ??
      partialRepeat(text, tokens, i);
    if (!found) continue;
    skipUntil = found.copy.end;
    const { copy, kind } = found;
    const copied = text.slice(copy.start, copy.end);
    const acrossBreak = crossesBreak(block, found.first.start, copy.end) || block.breakIndexes.includes(copy.start);
    const where = acrossBreak ? { zh: '（跨越换行）', en: ' (across a line break)' } : { zh: '', en: '' };
    if (kind === 'partial') {
      issues.push(
        makeIssue(
          ID,
          docSpan(block, found.first.start, copy.end),
          message(`词语部分重复：“${text.slice(found.first.start, copy.end)}”${where.zh}`, `Partly repeated words: “${text.slice(found.first.start, copy.end)}”${where.en}`),
        ),
      );
      continue;
    }
    const safe = kind === 'char' && SAFE_DOUBLES.includes(copied);
    issues.push(
      makeIssue(
        ID,
        docSpan(block, copy.start, copy.end),
        message(`“${copied}”重复了一次${where.zh}`, `“${copied}” is printed twice${where.en}`),
        [makeFix(message(`删除重复的“${copied}”`, `Delete the repeated “${copied}”`), deleteEdits(block, copy.start, copy.end), safe)],
      ),
    );
  }
}

/** Deletes `[start, end)` of the joined text, one edit per physical line it covers. */
function deleteEdits(block: ProseBlock, start: number, end: number) {
  const cuts = [start, ...block.breakIndexes.filter((b) => b > start && b < end), end];
  const edits = [];
  for (let k = 0; k + 1 < cuts.length; k++) edits.push(blockEdit(block, cuts[k], cuts[k + 1], ''));
  return edits;
}

interface Found {
  kind: 'char' | 'word' | 'partial';
  first: { start: number; end: number };
  /** The second copy (deleted by the fix). */
  copy: { start: number; end: number };
}

function doubledChar(tokens: Token[], i: number): Found | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!b || a.text.length !== 1 || a.text !== b.text || !FUNCTION_CHARS.includes(a.text)) return null;
  // 的的确确, 是是非非, 不了了之 are words of their own; a third copy is something else.
  if (tokens[i + 2]?.text === a.text) return null;
  return { kind: 'char', first: a, copy: b };
}

function repeatedRun(text: string, tokens: Token[], i: number): Found | null {
  for (let k = 1; k <= 4 && i + 2 * k <= tokens.length; k++) {
    const start = tokens[i].start;
    const mid = tokens[i + k].start;
    const end = tokens[i + 2 * k - 1].end;
    const first = text.slice(start, mid);
    const second = text.slice(mid, end);
    if (first !== second || first.length < 2) continue;
    if (!/^[\u3400-\u9fff]+$/.test(first)) continue;
    if (!legitimateRepeat(text, first, start, end)) return { kind: 'word', first: { start, end: mid }, copy: { start: mid, end } };
    return null;
  }
  return null;
}

/**
 * A word repeated as the start of a longer word that the segmenter took whole: 推动|推动高质量发展
 * (the glossary's phrases are in the user dictionary). Only when what follows the copy is a
 * word of its own, so that 研究|研究生 (研究研究生教育, to study graduate education) is left alone.
 */
function repeatedPrefix(ctx: RuleContext, text: string, tokens: Token[], i: number): Found | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!b || a.text.length < 2 || b.text.length <= a.text.length || !b.text.startsWith(a.text)) return null;
  if (!/^[\u3400-\u9fff]+$/.test(a.text)) return null;
  const rest = b.text.slice(a.text.length);
  // One character more (许可|许可证, 郑州|郑州市, 党政|党政办) is a copy too, but for a
  // suffix of people, where a verb can take the longer word as its object (教育|教育者,
  // 管理|管理者: to educate educators).
  if (rest.length === 1 ? AGENT_SUFFIXES.includes(rest) || !isHanIndex(rest, 0) : rest.length < 2 || dictionaryTokens(ctx, rest).length !== 1) return null;
  const copyEnd = b.start + a.text.length;
  if (legitimateRepeat(text, a.text, a.start, copyEnd)) return null;
  return { kind: 'word', first: a, copy: { start: b.start, end: copyEnd } };
}

/**
 * A word repeated as the end of a longer word the segmenter took whole: 销售价格|价格 (the
 * longer word is a word before it plus the repeated one).
 */
function repeatedSuffix(ctx: RuleContext, text: string, tokens: Token[], i: number): Found | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!b || b.text.length < 2 || a.text.length <= b.text.length || !a.text.endsWith(b.text)) return null;
  if (!/^[\u3400-\u9fff]+$/.test(a.text)) return null;
  const head = a.text.slice(0, a.text.length - b.text.length);
  // One character before it (无|条件 + 条件) is a copy too, but for a numeral (二十年|十年).
  if (head.length === 1 ? !isHanIndex(head, 0) || NUMERAL_START.test(head) : head.length < 2 || dictionaryTokens(ctx, head).length !== 1) return null;
  if (legitimateRepeat(text, b.text, a.end - b.text.length, b.end)) return null;
  return { kind: 'word', first: { start: a.end - b.text.length, end: a.end }, copy: b };
}

/**
 * One character printed twice where the second copy starts the next word and the first forms
 * no word: 解执|执行难. Characters that double into a word of their own (常常, 人人) are
 * segmented as one word and never come here.
 */
function strayDoubledChar(ctx: RuleContext, text: string, tokens: Token[], i: number): Found | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!b || a.text.length !== 1 || b.text.length < 2 || b.text[0] !== a.text || !isHanIndex(text, a.start)) return null;
  // The character with the word before it is a word (执政|政策 is fine): the first copy belongs there.
  const previous = tokens[i - 1];
  if (previous && dictionaryTokens(ctx, previous.text.slice(-1) + a.text).length === 1) return null;
  if (/[一二三四五六七八九十百千万亿两几每个]/.test(a.text) || ONOMATOPOEIA.test(a.text) || FUNCTION_CHARS.includes(a.text)) return null;
  // A suffix that ends a name and starts the next word: 国际司|司长, 船形村|村民, 2009年|年初.
  if (NAME_SUFFIXES.includes(a.text) || /[0-9０-９]/.test(text[a.start - 1] ?? '')) return null;
  return { kind: 'char', first: a, copy: { start: b.start, end: b.start + 1 } };
}

/** An item of a list printed twice in a row: 自贸区、自贸区 (a third copy, or 再, is rhetoric). */
function repeatedListItem(text: string, tokens: Token[], i: number): Found | null {
  const a = tokens[i];
  const comma = tokens[i + 1];
  const b = tokens[i + 2];
  if (!b || comma.text !== '、' || a.text !== b.text || a.text.length < 2 || !/^[\u3400-\u9fff]+$/.test(a.text)) return null;
  // The copy is a whole item: punctuation or the end after it.
  const after = tokens[i + 3];
  if (after && /^[\u3400-\u9fff]/.test(after.text)) return null;
  if (after?.text === '、' && tokens[i + 4] && (tokens[i + 4].text === a.text || tokens[i + 4].text.startsWith('再'))) return null;
  if (tokens[i - 1]?.text === '、' && tokens[i - 2]?.text === a.text) return null;
  return { kind: 'word', first: a, copy: { start: comma.start, end: b.end } };
}

function legitimateRepeat(text: string, unit: string, start: number, end: number): boolean {
  if (ABAB.has(unit) && reduplicatedVerb(text, start, end)) return true;
  if (ONOMATOPOEIA.test(unit) || NUMERAL_START.test(unit) || EMPHATIC.test(unit) || SPOKEN.test(unit)) return true;
  // A label glued to its own first words: 8.青岛青岛最近…, 。理念的缺失理念的缺失既有… (a
  // subheading whose line break was lost), and a speaker's name before a colon: 刘晨刘晨：.
  // A connective (而且, 但是) is never a label.
  if (!CONNECTIVES.has(unit) && (start === 0 || /[。！？!?”：:；;\s]$|(?:^|[^0-9])\d{1,2}[.、．]$/.test(text.slice(Math.max(0, start - 3), start)))) return true;
  if (/^[：:]/.test(text.slice(end))) return true;
  // AA itself (天天天天) or a reduplicated syllable inside (看看看看).
  if (unit.length === 2 && unit[0] === unit[1]) return true;
  // 落实落实再落实
  const rest = text.slice(end);
  if (RHETORIC_AFTER.test(rest) && rest.slice(1).startsWith(unit)) return true;
  return false;
}

/**
 * ABAB is a verb's tentative form (研究研究, 介绍介绍一下): it takes no aspect particle or 说
 * after it (研究了研究 is the past), no result (准备准备好，), and modifies no noun
 * (沟通沟通的时代); after 据 or 经 the word is a noun (据介绍，经研究).
 */
function reduplicatedVerb(text: string, start: number, end: number): boolean {
  if (/[据经]$/.test(text.slice(0, start))) return false;
  return !/^(?:[了过着]|说|[好完][，。；！？、,;!?]|的[\u3400-\u9fff])/.test(text.slice(end));
}

/** Conjunctions and linking adverbs: they open a clause, never stand as a label or name. */
const CONNECTIVES = new Set(
  '而且 并且 但是 可是 然而 不过 因为 所以 因此 如果 假如 虽然 尽管 即使 只要 只有 无论 不管 或者 还是 以及 甚至 而是 于是 然后 同时 此外 另外 并且 况且 何况 否则 总之'.split(' '),
);
/** Suffixes of people: 教育|教育者, 服务|服务员, 研究|研究生 (a verb and its object). */
const AGENT_SUFFIXES = '者员师生家人手士工匠夫长';

/** A B A, where A and B are words of two characters or more that share their first character. */
function partialRepeat(text: string, tokens: Token[], i: number): Found | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  const c = tokens[i + 2];
  if (!b || !c) return null;
  if (a.text.length < 2 || b.text.length < 2 || a.text !== c.text || a.text === b.text) return null;
  if (a.text[0] !== b.text[0]) return null;
  if (!isHanIndex(text, a.start)) return null;
  // A B A B is a rhetorical alternation.
  if (tokens[i + 3]?.text === b.text || tokens[i - 1]?.text === b.text) return null;
  return { kind: 'partial', first: a, copy: c };
}
