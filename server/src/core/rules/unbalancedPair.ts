/**
 * unbalanced-pair: a quote or bracket without its partner inside a paragraph (the joined
 * paragraph text, so a quote may span lines). Checked: “” 《》 （）/() 【】 「」 『』;
 * ASCII and full-width round brackets pair with each other.
 *
 * Quotes nest (a “ inside “…” is matched first). A quotation that runs over several
 * paragraphs opens each paragraph with “ and closes only at the end, as Chinese typesetting
 * does: an unclosed “ is fine when the next paragraph opens with “, or when another “ opens a
 * sentence later in the same paragraph (paragraphs glued into one: …。“). A ) after 1 or a numbers a list item.
 */
import { Issue, Rule, RuleContext } from './types';
import { ProseBlock, docSpan, makeIssue, message, proseBlocks } from './util';

export const ID = 'unbalanced-pair';

const PAIRS: [string, string][] = [
  ['“', '”'],
  ['《', '》'],
  ['（', '）'],
  ['【', '】'],
  ['「', '」'],
  ['『', '』'],
];
const OPEN = new Map<string, number>();
const CLOSE = new Map<string, number>();
PAIRS.forEach(([o, c], k) => {
  OPEN.set(o, k);
  CLOSE.set(c, k);
});
OPEN.set('(', 2);
CLOSE.set(')', 2);

export const unbalancedPair: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  description: message('引号或括号不成对', 'An unbalanced quote or bracket'),
  examples: [
    { bad: '克服“自满”心态、“等靠”心态、“安逸心态。', good: '克服“自满”心态、“等靠”心态、“安逸”心态。' },
    { bad: '出台了《关于支持洛阳加快建设副中心城市的若干意见。', good: '出台了《关于支持洛阳加快建设副中心城市的若干意见》。' },
  ],
  check(ctx: RuleContext): Issue[] {
    const issues: Issue[] = [];
    const blocks = proseBlocks(ctx);
    blocks.forEach((block, k) => {
      const next = blocks[k + 1];
      const nextOpensQuote = !!next && next.article === block.article && next.text.startsWith('“');
      checkBlock(block, nextOpensQuote, issues);
    });
    return issues;
  },
};

function checkBlock(block: ProseBlock, nextOpensQuote: boolean, issues: Issue[]): void {
  const text = block.text;
  const stacks: number[][] = PAIRS.map(() => []);
  const report = (i: number, zh: string, en: string) => issues.push(makeIssue(ID, docSpan(block, i, i + 1), message(zh, en)));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const open = OPEN.get(ch);
    if (open !== undefined) {
      stacks[open].push(i);
      continue;
    }
    const close = CLOSE.get(ch);
    if (close === undefined) continue;
    if (stacks[close].length > 0) stacks[close].pop();
    else if (!listMarker(text, i)) {
      const o = PAIRS[close][0];
      report(i, `${ch} 前面没有与之配对的 ${o}`, `${ch} has no matching ${o} before it`);
    }
  }
  stacks.forEach((stack, k) => {
    const c = PAIRS[k][1];
    for (const i of stack) {
      // A quotation over several paragraphs: the next paragraph, or a later “ in this one
      // (paragraphs glued together), opens it again.
      if (k === 0 && (nextOpensQuote || reopensAfterSentence(text, i))) continue;
      report(i, `${text[i]} 后面没有与之配对的 ${c}`, `${text[i]} has no matching ${c} after it`);
    }
  });
}

/** A later “ opens a sentence (…。“), as the next paragraph of a quotation does once paragraphs are glued. */
function reopensAfterSentence(text: string, i: number): boolean {
  for (let j = text.indexOf('“', i + 1); j >= 0; j = text.indexOf('“', j + 1)) {
    if (/[。！？!?…”]/.test(text[j - 1] ?? '')) return true;
  }
  return false;
}

/** 1) 2) a) 一): a closing bracket that numbers a list item. */
function listMarker(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 3), i);
  return /(?:^|[^0-9])\d{1,2}$/.test(before) || /(?:^|[^A-Za-z])[A-Za-z]$/.test(before) || /(?:^|[^一二三四五六七八九十])[一二三四五六七八九十]{1,2}$/.test(before);
}
