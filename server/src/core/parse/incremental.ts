/**
 * A document's walk kept up to date through edits: an edit re-reads the lines it touched,
 * re-decides the shapes and layout of the lines near them, and walks again from a little
 * before the edit until the walk falls back into step with the one before — the rest of the
 * document keeps its roles. The result is always what a fresh walk of the new text gives (a
 * fuzz test holds it to that).
 *
 * What bounds the work: a line's final shape depends on the tables of contents around it (a
 * few lines), its layout on the lines within `LAYOUT_WINDOW`, a decision of the walker on the
 * lines up to `LOOKAHEAD` ahead; only the set of running heads is the whole document's, and
 * when an edit changes it the document is walked again from the start.
 */
import { Segmenter } from '../segmenter';
import { Line, splitLines } from '../text';
import { PlacedLine } from './assemble';
import { LayoutProfile, WalkedDocument, profileOf } from './walked';
import { LAYOUT_WINDOW } from './layout';
import { RegionSpan, regionSpans } from './regions';
import { RunningHeads, SIGHT_MARGIN, contentsBounds, finishShapes, measureLayout, placedLines, scanDocument } from './scan';
import { INITIAL_STATE, LOOKAHEAD, LineRole, PackedState, Walker } from './walker';

/** What an update walked again: the non-blank lines [from, to) of the new text, or all of them. */
export interface WalkChange {
  full: boolean;
  from: number;
  to: number;
  /** Non-blank lines added (negative: removed) before `to`. */
  delta: number;
}

export class IncrementalWalk implements WalkedDocument {
  text = '';
  lines: Line[] = [];
  placed: PlacedLine[] = [];
  roles: LineRole[] = [];
  spans: RegionSpan[] = [];
  profile: LayoutProfile = { hardWrapped: false, wrapWidth: null };
  wrapWidths: (number | null)[] = [];
  private states: PackedState[] = [];
  /** How many lines past each line its step read (relative, so that it holds as lines move). */
  private reaches: number[] = [];
  private heads = new RunningHeads();

  constructor(
    text: string,
    private readonly segmenter: Segmenter | undefined,
  ) {
    this.rebuild(text);
  }

  private rebuild(text: string): WalkChange {
    const scanned = scanDocument(text);
    this.text = text;
    this.lines = scanned.lines;
    this.placed = scanned.placed;
    this.heads = scanned.heads;
    const { roles, states, reaches } = new Walker(this.placed, this.segmenter).walk();
    this.roles = roles;
    this.states = states;
    this.reaches = reaches;
    this.finish();
    return { full: true, from: 0, to: this.placed.length, delta: 0 };
  }

  private finish(): void {
    this.wrapWidths = new Array(this.lines.length).fill(null);
    for (const line of this.placed) this.wrapWidths[line.line] = line.wrapWidth;
    this.spans = regionSpans(this.text, this.lines, this.placed, this.roles);
    this.profile = profileOf(this.placed, this.roles);
  }

  /**
   * Brings the walk to `text`, re-reading only what the change can reach. `ends`, when the
   * caller knows them (an editor's change events), are the lengths of the start and end that
   * the change left as they were; otherwise they are found by comparing the texts.
   */
  update(text: string, ends?: { prefix: number; suffix: number }): WalkChange {
    const old = this.text;
    if (text === old) return { full: false, from: 0, to: 0, delta: 0 };
    const { prefix, suffix } = ends ?? commonEnds(old, text);
    const delta = text.length - old.length;

    // The lines the change touches, with a line's margin on each side (a CRLF pair may join).
    const first = Math.max(0, lineAt(this.lines, Math.max(0, prefix - 2)));
    const last = lineAt(this.lines, Math.min(old.length, old.length - suffix + 2));
    const tailStart = last + 1 < this.lines.length ? this.lines[last + 1].start : old.length;
    const segmentStart = this.lines[first].start;
    const segment = text.slice(segmentStart, tailStart + delta);
    const fresh = splitLines(segment);
    // Ending where the next line starts, the segment's last piece is that line's, not a line.
    if (last + 1 < this.lines.length) fresh.pop();
    const lineDelta = fresh.length - (last + 1 - first);
    const newLines: Line[] = fresh.map((l, k) => ({ index: first + k, start: l.start + segmentStart, end: l.end + segmentStart, text: l.text }));
    for (let i = last + 1; i < this.lines.length; i++) {
      const line = this.lines[i];
      line.index += lineDelta;
      line.start += delta;
      line.end += delta;
    }
    replaceRange(this.lines, first, last + 1, newLines);
    this.text = text;

    // The non-blank lines among them, read again.
    const pa = lowerBound(this.placed, (p) => p.line >= first);
    const pb = lowerBound(this.placed, (p) => p.line > last);
    const before = pa > 0 ? this.placed[pa - 1] : null;
    const blanks = before ? first - before.line - 1 : first;
    const added = placedLines(this.lines, first, first + fresh.length, blanks, before === null);
    const removed = this.placed.slice(pa, pb);
    const placedDelta = added.length - removed.length;
    for (let k = pb; k < this.placed.length; k++) {
      const p = this.placed[k];
      p.line += lineDelta;
      p.span.start += delta;
      p.span.end += delta;
    }
    this.heads.forget(removed);
    replaceRange(this.placed, pa, pb, added);
    const n = added.length;
    // The line after the new ones may now have other blank lines before it.
    const after = this.placed[pa + n];
    if (after) {
      const previous = pa + n > 0 ? this.placed[pa + n - 1] : null;
      after.blanksBefore = previous ? after.line - previous.line - 1 : 0;
    }

    // Running heads: sight the new lines and their neighbourhood again.
    this.heads.forget(this.placed.slice(Math.max(0, pa - SIGHT_MARGIN), Math.min(this.placed.length, pa + n + SIGHT_MARGIN + 1)));
    this.heads.sight(this.placed, pa - SIGHT_MARGIN, pa + n + SIGHT_MARGIN + 1);
    if (this.heads.settle(this.lines.length)) return this.rebuild(text);

    // Final shapes of the lines whose tables of contents the change can reach.
    const bounds = contentsBounds(this.placed, pa, pa + n);
    const shapesBefore = this.placed.slice(bounds.from, bounds.to).map((p) => shapeKey(p));
    finishShapes(this.placed, bounds.from, bounds.to, this.heads);
    let dirtyFrom = pa;
    let dirtyTo = pa + n + 1;
    for (let k = bounds.from; k < bounds.to; k++) {
      if (shapeKey(this.placed[k]) === shapesBefore[k - bounds.from]) continue;
      dirtyFrom = Math.min(dirtyFrom, k);
      dirtyTo = Math.max(dirtyTo, k + 1);
    }

    // Layout of the lines whose window holds a changed line.
    const layoutFrom = Math.max(0, dirtyFrom - LAYOUT_WINDOW - 2);
    const layoutTo = Math.min(this.placed.length, dirtyTo + LAYOUT_WINDOW + 2);
    const widthsBefore = this.placed.slice(layoutFrom, layoutTo).map((p) => p.wrapWidth);
    measureLayout(this.placed, layoutFrom, layoutTo);
    for (let k = layoutFrom; k < layoutTo; k++) {
      if (this.placed[k].wrapWidth === widthsBefore[k - layoutFrom] && (k < pa || k >= pa + n)) continue;
      dirtyFrom = Math.min(dirtyFrom, k);
      dirtyTo = Math.max(dirtyTo, k + 1);
    }

    // Walk again from before the first decision that can read a changed line, until the walk
    // is in the state it was in at the same line before the change.
    const oldStates = this.states;
    const oldRoles = this.roles;
    const oldIndex = (k: number) => k - placedDelta;
    const mapOpen = (open: number) => (open < pa ? open : open >= pb ? open + placedDelta : Number.NaN);
    // The first step that read as far as a changed line; the state before it is as it was.
    let restart = dirtyFrom;
    for (let k = Math.max(0, dirtyFrom - LOOKAHEAD); k < dirtyFrom; k++) {
      if (k + this.reaches[k] >= dirtyFrom) {
        restart = k;
        break;
      }
    }
    if (restart >= pa) restart = Math.max(0, pa - 1);
    const start = restart < pa ? oldStates[restart] : INITIAL_STATE;
    const walked = new Walker(this.placed, this.segmenter).walkFrom(restart, start, (i, state) => {
      if (i <= dirtyTo + 1) return false;
      const o = oldStates[oldIndex(i)];
      return !!o && o.bits === state.bits && mapOpen(o.open) === state.open;
    });
    const keepFrom = oldIndex(walked.until);
    if (placedDelta !== 0) {
      for (let k = keepFrom; k < oldStates.length; k++) {
        const state = oldStates[k];
        if (state.open >= pb) oldStates[k] = { open: state.open + placedDelta, bits: state.bits };
      }
    }
    replaceRange(oldStates, restart, keepFrom, walked.states);
    replaceRange(oldRoles, restart, keepFrom, walked.roles);
    replaceRange(this.reaches, restart, keepFrom, walked.reaches);
    this.finish();
    return { full: false, from: restart, to: walked.until, delta: placedDelta };
  }
}

function shapeKey(line: PlacedLine): string {
  const s = line.shape;
  return s.kind === 'page-mark' ? `page-mark:${s.mark}` : s.kind;
}

/** Characters compared at once when looking for where two texts part. */
const CHUNK = 4096;

/**
 * The lengths of the longest common prefix and suffix (not overlapping): compared a chunk at a
 * time (the engine compares strings natively), then by halving inside the chunk that differs.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  const prefix = commonLength(max, (from, to) => a.slice(from, to) === b.slice(from, to));
  const suffix = commonLength(max - prefix, (from, to) => a.slice(a.length - to, a.length - from) === b.slice(b.length - to, b.length - from));
  return { prefix, suffix };
}

/** The largest n ≤ max for which `same(0, n)` holds, `same(from, to)` comparing [from, to). */
function commonLength(max: number, same: (from: number, to: number) => boolean): number {
  let done = 0;
  while (done + CHUNK <= max && same(done, done + CHUNK)) done += CHUNK;
  let lo = done;
  let hi = Math.min(max, done + CHUNK);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (same(done, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The line holding offset `offset` (the last line that starts at or before it). */
function lineAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * `items` in place of `array[from, to)`. A spread into `splice` passes every item as an
 * argument, which overflows the stack for large pastes: those are copied instead.
 */
function replaceRange<T>(array: T[], from: number, to: number, items: T[]): void {
  if (items.length < 10000) {
    array.splice(from, to - from, ...items);
    return;
  }
  const tail = array.slice(to);
  array.length = from;
  for (const item of items) array.push(item);
  for (const item of tail) array.push(item);
}

/** The first index whose element satisfies `test` (which holds for a suffix of the array). */
function lowerBound<T>(items: T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
