/**
 * The article parser: turns the lines of a corpus file into page marks and articles.
 *
 * 1. Each line is classified by its shape (`shapes.ts`).
 * 2. Short lines that recur through the file modulo numbers become running heads (`furniture.ts`).
 * 3. The layout around each line is measured: hard-wrapped at which width, or not (`layout.ts`).
 * 4. The walker gives every line its role and marks where articles start (`walker.ts`).
 * 5. The document is cut into regions, one per article (`regions.ts`), and each region's roles
 *    are assembled into its article and page marks (`assemble.ts`).
 */
import { Segmenter } from '../segmenter';
import { Line, Span } from '../text';
import { Article, Heading, PageMark } from './assemble';
import { parseRegion, regionInput } from './regions';
import { LayoutProfile, walkDocument } from './walked';
export { walkDocument } from './walked';
export type { LayoutProfile, WalkedDocument } from './walked';
export { IncrementalWalk } from './incremental';
export type { WalkChange } from './incremental';

export type { Article, Byline, Heading, PageMark, PlacedLine, Section } from './assemble';
export { parseRegion, regionInput, regionKey } from './regions';
export type { RegionInput, RegionParse, RegionSpan } from './regions';
export { trailingAttribution } from './credits';
export { isFullLine } from './layout';
export { Paragraph } from './paragraph';
export type { LinePiece, ParagraphBreak } from './paragraph';
export { classifyLine, isoDate, pageDate, parseByline, sectionMarker, startsRecord } from './shapes';
export type { LineShape, PageMarkKind, SectionMarker } from './shapes';

export interface ParsedDocument {
  text: string;
  lines: Line[];
  /** A summary of the layout; each line's own is in `wrapWidths`. */
  profile: LayoutProfile;
  /** The wrap width of the hard-wrapped text around each line (by line number), or null. */
  wrapWidths: (number | null)[];
  pageMarks: PageMark[];
  articles: Article[];
}

export interface ParseOptions {
  /** Used to see whether a line break cuts a word in two; without it that test is skipped. */
  segmenter?: Segmenter;
}

export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const walked = walkDocument(text, options);
  const pageMarks: PageMark[] = [];
  const articles: Article[] = [];
  let pageDate: string | null = null;
  for (const span of walked.spans) {
    const input = regionInput(text, walked.lines, walked.placed, walked.roles, span, pageDate);
    const region = parseRegion(input);
    pageDate = region.pageDateAfter;
    for (const mark of region.pageMarks) pageMarks.push(shiftMark(mark, span.start));
    for (const article of region.articles) articles.push(shiftArticle(article, span.start, span.firstLine, text));
  }
  return { text, lines: walked.lines, profile: walked.profile, wrapWidths: walked.wrapWidths, pageMarks, articles };
}

export function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

export function shiftMark(mark: PageMark, delta: number): PageMark {
  return { ...mark, span: shiftSpan(mark.span, delta) };
}

/** An article of a region, moved to the region's place in the document. */
export function shiftArticle(article: Article, delta: number, lineDelta: number, documentText: string): Article {
  if (delta === 0 && lineDelta === 0) return article;
  const heading = (h: Heading) => ({ text: h.text, span: shiftSpan(h.span, delta) });
  return {
    ...article,
    title: article.title ? heading(article.title) : null,
    decks: article.decks.map(heading),
    bylines: article.bylines.map((b) => ({ names: b.names, line: b.line + lineDelta, span: shiftSpan(b.span, delta) })),
    span: shiftSpan(article.span, delta),
    paragraphs: article.paragraphs.map((p) => p.shifted(delta, lineDelta, documentText)),
    sections: article.sections.map((s) => ({ ...s, span: shiftSpan(s.span, delta) })),
  };
}

