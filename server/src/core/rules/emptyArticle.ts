/**
 * empty-article: an article with a headline (and maybe a byline or deck) but no body, as
 * when a page break or a cut lost the text: 履职尽责勇担当 真抓实干作表率 / 程相朝 and then
 * the next headline.
 */
import { Issue, Rule, RuleContext } from './types';
import { makeIssue, message } from './util';

export const ID = 'empty-article';

export const emptyArticle: Rule = {
  id: ID,
  defaultSeverity: 'error',
  description: message('文章只有标题（和署名），没有正文', 'An article with a headline (and byline) but no body'),
  examples: [{ bad: '履职尽责勇担当 真抓实干作表率\n程相朝\n\n抢抓发展机遇 积极主动作为\n曾丹梅\n\n近期，我认真学习了……', good: null }],
  check(ctx: RuleContext): Issue[] {
    const issues: Issue[] = [];
    for (const article of ctx.articles) {
      if (!article.title || article.paragraphs.length > 0) continue;
      const byline = article.authors.length > 0 ? { zh: `（署名：${article.authors.join('、')}）`, en: ` (by ${article.authors.join(', ')})` } : { zh: '', en: '' };
      issues.push(
        makeIssue(
          ID,
          article.title.span,
          message(
            `文章“${article.title.text}”${byline.zh}没有正文：正文可能在分页或剪裁时丢失`,
            `The article “${article.title.text}”${byline.en} has no body: the text may have been lost at a page break or cut`,
          ),
        ),
      );
    }
    return issues;
  },
};
