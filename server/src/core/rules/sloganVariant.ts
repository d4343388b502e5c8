/**
 * slogan-variant: a malformed form of a fixed phrase from the glossary — a wrong number in a
 * numbered slogan (“三个自信” for 四个自信) or a near-miss of a canonical long form (a character
 * missing, extra or swapped). The matching itself lives in `glossary/variants.ts`; this rule
 * turns its matches into issues. The fix changes Han characters, so it is offered one by one
 * and never applied by fix-all.
 */
import { findVariants } from '../glossary/variants';
import { Issue, Rule, RuleContext } from './types';
import { dictionaryTokens, makeFix, makeIssue, message } from './util';

export const ID = 'slogan-variant';

export const sloganVariant: Rule = {
  id: ID,
  defaultSeverity: 'error',
  description: message('固定提法的写法有误（缺字、多字、错字或数字不对）', 'A malformed form of a fixed policy phrase (a character missing, extra or wrong, or a wrong number)'),
  examples: [
    { bad: '增强“五个意识”，坚定“四个自信”。', good: '增强“四个意识”，坚定“四个自信”。' },
    { bad: '深入学习习近平新时代中国特色主义思想。', good: '深入学习习近平新时代中国特色社会主义思想。' },
  ],
  check(ctx: RuleContext): Issue[] {
    if (!ctx.glossary) return [];
    // A malformed phrase breaks words: some of its pieces are single characters that are no
    // word of their own in it (四个自心 → 四个/自/心).
    const brokenWords = (phrase: string) => dictionaryTokens(ctx, phrase).some((t) => t.text.length === 1 && !/[、·的之和与及]/.test(t.text));
    return findVariants(ctx.glossary, ctx.text, brokenWords).map((v) =>
      makeIssue(
        ID,
        v.span,
        v.kind === 'number'
          ? message(`“${v.found}”的数字不对：固定提法是“${v.expected}”`, `“${v.found}” has the wrong number: the fixed phrase is “${v.expected}”`)
          : message(`“${v.found}”疑为固定提法“${v.expected}”的误写`, `“${v.found}” looks like a malformed “${v.expected}”`),
        [makeFix(message(`改为“${v.expected}”`, `Replace with “${v.expected}”`), [{ span: v.span, newText: v.expected }], false)],
      ),
    );
  },
};
