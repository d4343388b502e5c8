/**
 * A document's regions: one per article, from the line where the article starts to the line
 * where the next one does (page furniture and blank lines in between go with the article
 * above), and one for whatever stands before the first article. A region is parsed on its own,
 * with offsets relative to its start, so that its results (parse, speakers, findings) can be
 * kept for as long as its text and the roles of its lines stay the same.
 */
import { Line } from '../text';
import { Article, PageMark, PlacedLine, assemble } from './assemble';
import { LineRole } from './walker';

export interface RegionSpan {
  /** Offset of the region's first character in the document. */
  start: number;
  end: number;
  /** The document's line number of the region's first line. */
  firstLine: number;
  /** The range of the document's non-blank lines in the region: [from, to). */
  from: number;
  to: number;
}

/** Where the regions of a walked document are. */
export function regionSpans(text: string, lines: Line[], placed: PlacedLine[], roles: LineRole[]): RegionSpan[] {
  const starts: number[] = [0];
  roles.forEach((role, k) => {
    if (role.articleStart && k > 0) starts.push(k);
  });
  const spans: RegionSpan[] = [];
  for (let r = 0; r < starts.length; r++) {
    const from = starts[r];
    const to = r + 1 < starts.length ? starts[r + 1] : placed.length;
    const firstLine = r === 0 ? 0 : placed[from].line;
    const start = r === 0 ? 0 : lines[firstLine].start;
    const end = r + 1 < starts.length ? lines[placed[to].line].start : text.length;
    spans.push({ start, end, firstLine, from, to });
  }
  return spans;
}

/** A region as the parser reads it: its text, lines and roles, relative to its start. */
export interface RegionInput {
  text: string;
  /** The document's lines of the region, shifted to the region's start. */
  lines: Line[];
  placed: PlacedLine[];
  roles: LineRole[];
  /** The date of the last page-date line above the region, which dates its article. */
  pageDateBefore: string | null;
}

export function regionInput(text: string, lines: Line[], placed: PlacedLine[], roles: LineRole[], span: RegionSpan, pageDateBefore: string | null): RegionInput {
  const lastLine = span.to < placed.length ? placed[span.to].line : lines.length;
  const shiftLine = (line: Line): Line => ({ index: line.index - span.firstLine, start: line.start - span.start, end: line.end - span.start, text: line.text });
  return {
    text: text.slice(span.start, span.end),
    lines: lines.slice(span.firstLine, lastLine).map(shiftLine),
    placed: placed.slice(span.from, span.to).map((p) => ({ ...p, line: p.line - span.firstLine, span: { start: p.span.start - span.start, end: p.span.end - span.start } })),
    roles: roles.slice(span.from, span.to),
    pageDateBefore,
  };
}

/** What a region's text, roles and the page date above it give: the key of its results. */
export function regionKey(input: RegionInput): string {
  let key = `${input.pageDateBefore ?? ''}\u0000`;
  for (let k = 0; k < input.placed.length; k++) {
    const p = input.placed[k];
    const r = input.roles[k];
    key += `${p.line}:${r.role}${r.articleStart ? '*' : ''}${r.mark ?? ''}${r.guessed ? '?' : ''}:${p.wrapWidth ?? ''}:${p.shape.kind === 'page-mark' ? p.shape.mark : p.shape.kind}|`;
  }
  return key + '\u0000' + input.text;
}

export interface RegionParse {
  pageMarks: PageMark[];
  /** The region's article, if it has one (the region before the first article has none). */
  articles: Article[];
  pageDateAfter: string | null;
}

export function parseRegion(input: RegionInput): RegionParse {
  return assemble(input.placed, input.roles, input.text, input.pageDateBefore);
}
