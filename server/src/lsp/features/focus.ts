/**
 * Where the user is looking in each open document, for the cap on diagnostics
 * (`corpusLens.maxProblems`, see core/rules/cap.ts): what the editor shows, or else where the
 * cursor is.
 *
 * LSP has no message for the visible ranges, so the VS Code client sends them in the custom
 * notification `corpusLens/visibleRanges` (protocol.ts) as the user scrolls. A client that does
 * not (Neovim, Emacs …) still tells the server where the cursor is, without knowing it: it asks
 * for code actions where the cursor is (VS Code and most clients do on every move, for the light
 * bulb), hovers and document highlights; the last of those positions stands for the view then.
 * The server does not guess from the last edit: a view follows the cursor, not the edit.
 *
 * The focus is kept in lines (they move less than offsets as the user types) and widened by a
 * screen above and below, so that scrolling a little or typing nearby keeps the findings the
 * cap chose; only when what is seen leaves that window do the diagnostics of a document over
 * the cap change.
 */
import { CapFocus } from '../../core/rules/cap';
import { LineIndex } from '../../core/text';
import { VISIBLE_RANGES_NOTIFICATION } from '../../protocol';
import { ServerContext } from '../context';
import { invalidParams, objectParam, rangeParam, stringField } from '../params';

/** Lines [first, last], both included. */
export interface LineRange {
  first: number;
  last: number;
}

/** The window around a cursor, in lines each way, when no visible ranges are known. */
export const CURSOR_MARGIN = 40;
/** The least margin around visible ranges, in lines. */
export const MIN_MARGIN = 20;
/** The most visible ranges read from one notification. */
const MAX_RANGES = 32;

export class Focus {
  private readonly visible = new Map<string, LineRange[]>();
  private readonly cursor = new Map<string, number>();
  /** The window each document's diagnostics were last capped with (or null: with none). */
  private readonly used = new Map<string, LineRange[] | null>();

  /** `moved` hears of a document whose focus left the window its diagnostics were capped with. */
  constructor(private readonly moved: (uri: string) => void) {}

  setVisible(uri: string, ranges: LineRange[]): void {
    if (ranges.length === 0) this.visible.delete(uri);
    else this.visible.set(uri, ranges);
    this.check(uri);
  }

  noteCursor(uri: string, line: number): void {
    this.cursor.set(uri, line);
    if (!this.visible.has(uri)) this.check(uri);
  }

  forget(uri: string): void {
    this.visible.delete(uri);
    this.cursor.delete(uri);
    this.used.delete(uri);
  }

  /** The diagnostics of `uri` are all shown (it is not over the cap): where the user looks does not matter. */
  uncapped(uri: string): void {
    this.used.delete(uri);
  }

  /** What the user sees of `uri`, in lines (null when the server knows nothing of it). */
  seenLines(uri: string): LineRange[] | null {
    const visible = this.visible.get(uri);
    if (visible) return visible;
    const line = this.cursor.get(uri);
    return line === undefined ? null : [{ first: line, last: line }];
  }

  /** Around what is seen: a screen (at least MIN_MARGIN lines) more each way, or CURSOR_MARGIN around a cursor. */
  nearLines(uri: string): LineRange[] | null {
    const visible = this.visible.get(uri);
    if (visible) {
      return visible.map((r) => {
        const margin = Math.max(MIN_MARGIN, r.last - r.first + 1);
        return { first: Math.max(0, r.first - margin), last: r.last + margin };
      });
    }
    const line = this.cursor.get(uri);
    return line === undefined ? null : [{ first: Math.max(0, line - CURSOR_MARGIN), last: line + CURSOR_MARGIN }];
  }

  /** The cap's focus in `uri` as offsets of its text, noted as the window its (capped) diagnostics use. */
  capFocus(uri: string, lineIndex: LineIndex): CapFocus | null {
    const seen = this.seenLines(uri);
    const near = this.nearLines(uri);
    this.used.set(uri, near);
    if (!seen || !near) return null;
    const spans = (ranges: LineRange[]) => ranges.map((r) => spanOfLines(r, lineIndex)).filter((s) => s.start <= s.end);
    return { seen: spans(seen), near: spans(near) };
  }

  /** Only a document whose diagnostics were capped can need new ones when the user looks elsewhere. */
  private check(uri: string): void {
    const seen = this.seenLines(uri);
    const used = this.used.get(uri);
    if (!seen || used === undefined) return;
    if (used && seen.every((r) => used.some((u) => u.first <= r.first && r.last <= u.last))) return;
    this.moved(uri);
  }
}

/** The offsets of lines [first, last] (clamped to the text). */
function spanOfLines(range: LineRange, lineIndex: LineIndex): { start: number; end: number } {
  return { start: lineIndex.offsetAt({ line: range.first, character: 0 }), end: lineIndex.offsetAt({ line: range.last, character: Number.MAX_SAFE_INTEGER }) };
}

/** The ranges of a visibleRanges notification, checked, as lines. */
export function visibleLines(params: unknown): { uri: string; ranges: LineRange[] } {
  const what = 'the parameters of corpusLens/visibleRanges';
  const object = objectParam(params, what);
  const uri = stringField(object, 'uri', what);
  const raw = object.ranges;
  if (!Array.isArray(raw)) throw invalidParams(`${what}: ranges must be a list of ranges`);
  const ranges = raw.slice(0, MAX_RANGES).map((r: unknown, k) => {
    const range = rangeParam(r, `${what}.ranges[${k}]`);
    return { first: Math.min(range.start.line, range.end.line), last: Math.max(range.start.line, range.end.line) };
  });
  return { uri, ranges };
}

/** Listens for the client's visible ranges; the cursor positions come from the features that see them. */
export function registerFocus(ctx: ServerContext): void {
  ctx.connection.onNotification(VISIBLE_RANGES_NOTIFICATION, (params: unknown) => {
    try {
      const { uri, ranges } = visibleLines(params);
      ctx.focus.setVisible(uri, ranges);
    } catch (error) {
      // A notification has no answer to carry the error: it is logged.
      ctx.connection.console.warn(`Ignored ${VISIBLE_RANGES_NOTIFICATION}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
