/**
 * A logical paragraph: one or more physical lines that belong to one run of prose, joined
 * without the line breaks (and page-break blank lines) that OCR left inside it.
 */
import { Span } from '../text';

export interface LinePiece {
  /** Line number in the document. */
  line: number;
  /** The line's trimmed text as a span of the document. */
  span: Span;
}

/** A line break inside a paragraph; `blankLines` > 0 means a page or column break. */
export interface ParagraphBreak {
  /** From the end of one line's text to the start of the next line's text. */
  span: Span;
  blankLines: number;
}

export class Paragraph {
  /** The paragraph text with the breaks removed. */
  readonly text: string;
  private readonly pieceStarts: number[] = [];

  constructor(
    readonly pieces: LinePiece[],
    documentText: string,
  ) {
    let joined = '';
    for (const piece of pieces) {
      this.pieceStarts.push(joined.length);
      joined += documentText.slice(piece.span.start, piece.span.end);
    }
    this.text = joined;
  }

  get span(): Span {
    return { start: this.pieces[0].span.start, end: this.pieces[this.pieces.length - 1].span.end };
  }

  get firstLine(): number {
    return this.pieces[0].line;
  }

  get lastLine(): number {
    return this.pieces[this.pieces.length - 1].line;
  }

  get breaks(): ParagraphBreak[] {
    const result: ParagraphBreak[] = [];
    for (let i = 1; i < this.pieces.length; i++) {
      const prev = this.pieces[i - 1];
      const next = this.pieces[i];
      result.push({ span: { start: prev.span.end, end: next.span.start }, blankLines: next.line - prev.line - 1 });
    }
    return result;
  }

  /**
   * Maps an index into `text` to a document offset. An index that falls exactly on a break
   * maps to the end of the earlier line (for span ends) or the start of the later line.
   */
  toDocument(index: number, atBreak: 'line-end' | 'line-start' = 'line-end'): number {
    let piece = 0;
    let lo = 0;
    let hi = this.pieceStarts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.pieceStarts[mid] <= index) {
        piece = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (atBreak === 'line-end' && piece > 0 && index === this.pieceStarts[piece]) piece--;
    return this.pieces[piece].span.start + (index - this.pieceStarts[piece]);
  }

  /** The same paragraph with its pieces moved by `delta` characters and `lineDelta` lines. */
  shifted(delta: number, lineDelta: number, documentText: string): Paragraph {
    return new Paragraph(
      this.pieces.map((p) => ({ line: p.line + lineDelta, span: { start: p.span.start + delta, end: p.span.end + delta } })),
      documentText,
    );
  }

  /** Maps a span of `text` to a document span. */
  spanToDocument(start: number, end: number): Span {
    return { start: this.toDocument(start, start === end ? 'line-end' : 'line-start'), end: this.toDocument(end) };
  }
}
