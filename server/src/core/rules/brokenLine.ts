/**
 * broken-line: a line break inside a sentence. Candidates are the breaks the parser put
 * inside a paragraph (never those between a headline, byline or section heading and the
 * body); each must also lack a sentence-final mark before it. In a hard-wrapped file almost
 * every line is one: the file gets one warning whose fix joins them all, and each place a hint.
 */
import { breakMarkSpan, evidenceText, joinEdit, sentenceBreaks } from './breaks';
import { Issue, Rule, RuleContext } from './types';
import { makeFix, makeIssue, message } from './util';

export const ID = 'broken-line';

/** Grouped into one file-level issue from this many breaks on, in a hard-wrapped file. */
const GROUP_FROM = 5;

export const brokenLine: Rule = {
  id: ID,
  defaultSeverity: 'information',
  description: message('句子中间被换行断开（硬换行或段落被拆成几行）', 'A line break inside a sentence (hard wrap, or a paragraph split over lines)'),
  examples: [{ bad: '会议指出，洛阳在黄河流域生态保护和高质量发展上地\n位重要、作用突出。', good: '会议指出，洛阳在黄河流域生态保护和高质量发展上地位重要、作用突出。' }],
  check(ctx: RuleContext): Issue[] {
    const { text } = ctx;
    return sentenceBreaks(ctx)
      .filter((b) => b.blankLines === 0 && b.whitespaceOnly)
      .map((b) => {
        const why = evidenceText(b);
        return makeIssue(
          ID,
          breakMarkSpan(text, b.span),
          message(`句中换行${why.zh}`, `Line break inside a sentence${why.en}`),
          [makeFix(message('合并这两行', 'Join the two lines'), [joinEdit(text, b.span)], true)],
        );
      });
  },
  group: {
    applies: (places, _count, profile) => profile.hardWrapped && places >= GROUP_FROM,
    message: (places, _count, profile) =>
      message(
        `本文件按约 ${profile.wrapWidth ?? 0} 字一行硬换行，共有 ${places} 处句中换行`,
        `This file is hard-wrapped at about ${profile.wrapWidth ?? 0} characters a line: ${places} line breaks inside sentences`,
      ),
  },
};
