/**
 * split-paragraph: a blank line (a page or column break in print) inside a sentence. The
 * candidates are the breaks with blank lines that the parser kept inside one paragraph; a
 * break that holds a page number or running head belongs to page-residue instead.
 */
import { breakMarkSpan, evidenceText, joinEdit, sentenceBreaks } from './breaks';
import { Issue, Rule, RuleContext } from './types';
import { makeFix, makeIssue, message } from './util';

export const ID = 'split-paragraph';

export const splitParagraph: Rule = {
  id: ID,
  defaultSeverity: 'information',
  description: message('空行（分页）把一句话拆成了两段', 'A blank line (page break) splits a sentence into two paragraphs'),
  examples: [{ bad: '洛阳要开创美好的明天，是脚踏实地干出\n\n来的。', good: '洛阳要开创美好的明天，是脚踏实地干出来的。' }],
  check(ctx: RuleContext): Issue[] {
    const { text } = ctx;
    return sentenceBreaks(ctx)
      .filter((b) => b.blankLines > 0 && b.whitespaceOnly)
      .map((b) => {
        const why = evidenceText(b);
        const lines = b.blankLines;
        return makeIssue(
          ID,
          breakMarkSpan(text, b.span),
          message(`空行把一句话拆成两段${why.zh}`, `A blank line splits this sentence${why.en}`),
          [
            makeFix(
              message('删除空行，合并成一段', lines === 1 ? 'Remove the blank line and join the paragraph' : `Remove the ${lines} blank lines and join the paragraph`),
              [joinEdit(text, b.span)],
              true,
            ),
          ],
        );
      });
  },
};
