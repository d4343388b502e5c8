/**
 * page-residue: page furniture (a page number, a running head with the date, a staff line)
 * left inside an article's text. Two shapes: a page-mark line that the parser found between
 * two paragraphs or between the two halves of one sentence, and a page number or running
 * head glued into a sentence on the same line.
 */
import { PageMark, PageMarkKind } from '../parse';
import { Line, Span } from '../text';
import { joinEdit, sentenceBreaks } from './breaks';
import { Issue, Rule, RuleContext, TextEdit } from './types';
import { blockEdit, docSpan, makeFix, makeIssue, message, proseBlocks } from './util';

export const ID = 'page-residue';

const KIND_NAME: Record<Exclude<PageMarkKind, 'kicker' | 'footnote'>, { zh: string; en: string }> = {
  'page-number': { zh: '页码', en: 'page number' },
  'page-date': { zh: '报头日期', en: 'page date' },
  staff: { zh: '编辑署名行', en: 'staff line' },
  'page-marker': { zh: '分页标记', en: 'page marker' },
  'running-head': { zh: '页眉', en: 'running head' },
  contents: { zh: '目录', en: 'table of contents' },
};

// Glued into prose: a running head with spaces on both sides, a zero-led page number between
// spaces, two or more staff credits in a row.
const GLUED_PAGE_DATE = /[ \u3000]+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天][ \u3000]+/g;
const GLUED_PAGE_NUMBER = /(?<=[\u4e00-\u9fff，、])[ \u3000]+0\d{1,3}[ \u3000]+(?=[\u4e00-\u9fff])/g;
const GLUED_STAFF = /[ \u3000]*(?:责任编辑|编辑|责编|校对|组版|美编|排版)\s*[:：]\s*[\u4e00-\u9fff]{2,4}(?:[ \u3000]+(?:责任编辑|编辑|责编|校对|组版|美编|排版)\s*[:：]\s*[\u4e00-\u9fff]{2,4})+[ \u3000]*/g;

export const pageResidue: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  description: message('正文中残留页码、报头或编辑署名', 'A page number, running head or staff line left inside an article'),
  examples: [{ bad: '会议指出，洛阳在黄河流域生态保护和高质量发展上地\n\n0303\n\n位重要、作用突出。', good: '会议指出，洛阳在黄河流域生态保护和高质量发展上地位重要、作用突出。' }],
  check(ctx: RuleContext): Issue[] {
    return [...markResidue(ctx), ...gluedResidue(ctx)];
  },
};

function markResidue(ctx: RuleContext): Issue[] {
  const { text } = ctx;
  const issues: Issue[] = [];
  const breaks = sentenceBreaks(ctx).filter((b) => !b.whitespaceOnly);
  for (const mark of ctx.parsed.pageMarks) {
    // A footnote is the page's text, not residue: no join through it deletes it.
    if (mark.kind === 'kicker' || mark.kind === 'footnote') continue;
    const name = KIND_NAME[mark.kind as Exclude<PageMarkKind, 'kicker' | 'footnote'>];
    // Between the two halves of a sentence: joining them removes the residue and the break.
    const inSentence = breaks.find((b) => b.span.start <= mark.span.start && mark.span.end <= b.span.end);
    if (inSentence) {
      issues.push(
        makeIssue(
          ID,
          mark.span,
          message(`句子中间夹着${name.zh}“${mark.text}”`, `A ${name.en} (“${mark.text}”) sits between the two halves of a sentence`),
          // Applied unasked only when every line the join deletes is sure furniture: a line taken
          // for furniture on the words around it alone may be another column's text, and a
          // footnote or any other line between the halves is the page's text.
          [makeFix(message(`删除${name.zh}并接上句子`, `Delete the ${name.en} and join the sentence`), [joinEdit(text, inSentence.span)], onlySureFurniture(ctx, inSentence.span))],
        ),
      );
      continue;
    }
    if (!hasProseAround(ctx, mark)) continue;
    issues.push(
      makeIssue(
        ID,
        mark.span,
        message(`正文中间残留${name.zh}“${mark.text}”`, `A ${name.en} (“${mark.text}”) left inside the article text`),
        [makeFix(message(`删除这一行${name.zh}`, `Delete the ${name.en} line`), [deleteLine(ctx, mark.span)], false)],
      ),
    );
  }
  return issues;
}

/** Every non-blank line inside `span` (the break between two halves) is a page mark found by its shape or recurrence. */
function onlySureFurniture(ctx: RuleContext, span: Span): boolean {
  const sure = ctx.parsed.pageMarks.filter((m) => !m.guessed && m.kind !== 'footnote' && m.span.start >= span.start && m.span.end <= span.end);
  const lines = ctx.parsed.lines;
  // The first line that starts inside the span (the halves' own lines reach into it at its ends).
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < lines.length && lines[i].end <= span.end; i++) {
    const line = lines[i];
    if (line.text.trim() === '') continue;
    if (!sure.some((m) => m.span.start >= line.start && m.span.end <= line.end)) return false;
  }
  return true;
}

/** The mark lies inside an article, with a paragraph of that article before it and after it. */
function hasProseAround(ctx: RuleContext, mark: PageMark): boolean {
  return ctx.articles.some(
    (a) =>
      a.span.start < mark.span.start &&
      mark.span.end < a.span.end &&
      a.paragraphs.some((p) => p.span.end <= mark.span.start) &&
      a.paragraphs.some((p) => p.span.start >= mark.span.end),
  );
}

function deleteLine(ctx: RuleContext, span: Span): TextEdit {
  const lines = ctx.parsed.lines;
  let line: Line | undefined;
  let next: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].start <= span.start && span.start <= lines[i].end) {
      line = lines[i];
      next = lines[i + 1];
      break;
    }
  }
  if (!line) return { span, newText: '' };
  return { span: { start: line.start, end: next ? next.start : line.end }, newText: '' };
}

function gluedResidue(ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const block of proseBlocks(ctx)) {
    const prose = block.text.slice(0, block.proseEnd);
    for (const [pattern, kind] of [
      [GLUED_PAGE_DATE, 'page-date'],
      [GLUED_PAGE_NUMBER, 'page-number'],
      [GLUED_STAFF, 'staff'],
    ] as const) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(prose); m; m = pattern.exec(prose)) {
        const start = m.index;
        const end = start + m[0].length;
        // Prose on both sides, on the same line.
        if (start === 0 || end >= prose.length) continue;
        if (block.breakIndexes.some((b) => b > start && b < end)) continue;
        const residue = m[0].trim();
        const name = KIND_NAME[kind];
        // Keep one space only where two Latin words would otherwise run together.
        const keep = /[A-Za-z0-9]/.test(prose[start - 1]) && /[A-Za-z0-9]/.test(prose[end]) ? ' ' : '';
        const trimmedStart = start + (m[0].length - m[0].trimStart().length);
        const trimmedEnd = end - (m[0].length - m[0].trimEnd().length);
        issues.push(
          makeIssue(
            ID,
            docSpan(block, trimmedStart, trimmedEnd),
            message(`句子中混入了${name.zh}“${residue}”`, `A ${name.en} (“${residue}”) is glued into the sentence`),
            [makeFix(message(`删除“${residue}”`, `Delete “${residue}”`), [blockEdit(block, start, end, keep)], false)],
          ),
        );
      }
    }
  }
  return issues;
}
