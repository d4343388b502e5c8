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
import { Article, Heading, PageMark, PlacedLine } from './assemble';
import { RegionSpan, parseRegion, regionInput, regionSpans } from './regions';
import { scanDocument } from './scan';
import { LineRole, Walker } from './walker';

export type { Article, Byline, Heading, PageMark, PlacedLine, Section } from './assemble';
export { parseRegion, regionInput, regionKey } from './regions';
export type { RegionInput, RegionParse, RegionSpan } from './regions';
export { trailingAttribution } from './credits';
export { isFullLine } from './layout';
export { Paragraph } from './paragraph';
export type { LinePiece, ParagraphBreak } from './paragraph';
export { classifyLine, isoDate, pageDate, parseByline, sectionMarker } from './shapes';
export type { LineShape, PageMarkKind, SectionMarker } from './shapes';

export interface LayoutProfile {
  /** True when most prose lines are hard-wrapped text (rather than one paragraph per line). */
  hardWrapped: boolean;
  /** The most common wrap width of the hard-wrapped text, in ideograph cells. */
  wrapWidth: number | null;
}

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

/** A document read line by line: its lines, their roles, the layout, and where its regions are. */
export interface WalkedDocument {
  text: string;
  lines: Line[];
  placed: PlacedLine[];
  roles: LineRole[];
  spans: RegionSpan[];
  profile: LayoutProfile;
  /** The wrap width around each line (by line number), or null. */
  wrapWidths: (number | null)[];
}

export function walkDocument(text: string, options: ParseOptions = {}): WalkedDocument {
  const { lines, placed } = scanDocument(text);
  const { roles } = new Walker(placed, options.segmenter).walk();
  const wrapWidths: (number | null)[] = new Array(lines.length).fill(null);
  for (const line of placed) wrapWidths[line.line] = line.wrapWidth;
  return { text, lines, placed, roles, spans: regionSpans(text, lines, placed, roles), profile: profileOf(placed, roles), wrapWidths };
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

function profileOf(lines: PlacedLine[], roles: LineRole[]): LayoutProfile {
  const counts = new Map<number, number>();
  let prose = 0;
  let wrapped = 0;
  lines.forEach((line, k) => {
    const role = roles[k].role;
    if (role !== 'paragraph' && role !== 'continuation' && role !== 'section') return;
    prose++;
    if (line.wrapWidth === null) return;
    wrapped++;
    counts.set(line.wrapWidth, (counts.get(line.wrapWidth) ?? 0) + 1);
  });
  if (prose === 0 || wrapped < prose / 2) return { hardWrapped: false, wrapWidth: null };
  const [width] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return { hardWrapped: true, wrapWidth: width };
}
