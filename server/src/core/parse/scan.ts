/**
 * The line model of a document: every non-blank line with its shape, the page furniture found
 * by evidence (tables of contents, running heads that recur) and the layout around it. What
 * the walker reads.
 *
 * A line's final shape comes from its own shape (`classified`), the tables of contents around
 * it, and the set of running-head keys of the whole document; its wrap width from the lines
 * around it. The functions below work on a range of lines, so that an edit recomputes only the
 * lines near it (see `incremental.ts`).
 */
import { Line, displayWidth, endsSentence, splitLines, trimSpaces } from '../text';
import { PlacedLine } from './assemble';
import { KeySighting, recurrenceKey, runningHeadKeys } from './furniture';
import { LAYOUT_WINDOW, localWrapWidths } from './layout';
import { LineShape, classifyLine, isContentsEntry, startsRecord } from './shapes';

export interface ScannedDocument {
  text: string;
  /** Every line of the document, blank ones included. */
  lines: Line[];
  /** The non-blank lines, in order. */
  placed: PlacedLine[];
  heads: RunningHeads;
}

export function scanDocument(text: string): ScannedDocument {
  const lines = splitLines(text);
  const placed = placedLines(lines, 0, lines.length, 0);
  const heads = new RunningHeads();
  heads.sight(placed, 0, placed.length);
  heads.settle(lines.length);
  finishShapes(placed, 0, placed.length, heads);
  measureLayout(placed, 0, placed.length);
  return { text, lines, placed, heads };
}

/**
 * The non-blank lines among `lines[from, to)`, each with its own shape; `blanksBefore` is the
 * number of blank lines just before `from`, and `first` says whether a non-blank line comes
 * before `from` at all (the first line of a document has no blank lines before it).
 */
export function placedLines(lines: Line[], from: number, to: number, blanksBefore: number, first = from === 0): PlacedLine[] {
  const result: PlacedLine[] = [];
  let blanks = blanksBefore;
  let atStart = first;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const classified = classifyLine(line.text);
    if (classified.kind === 'blank') {
      blanks++;
      continue;
    }
    const trimmed = trimSpaces(line.text);
    const start = line.start + line.text.indexOf(trimmed);
    result.push({
      line: line.index,
      text: trimmed,
      span: { start, end: start + trimmed.length },
      classified,
      shape: classified,
      key: classified.kind === 'text' ? recurrenceKey(trimmed) : null,
      width: displayWidth(trimmed),
      blanksBefore: atStart ? 0 : blanks,
      wrapWidth: null,
    });
    atStart = false;
    blanks = 0;
  }
  return result;
}

/** Entries this close together (in lines) belong to one table of contents. */
const CONTENTS_GAP = 6;
const MIN_CONTENTS_ENTRIES = 3;
/** A table's first entry may take its title from up to this many lines above it. */
export const CONTENTS_REACH = 6;

/** True for a line that can be an entry of a table of contents. */
function isEntry(line: PlacedLine): boolean {
  const shape = line.classified;
  const candidate = shape.kind === 'text' || shape.kind === 'byline' || (shape.kind === 'page-mark' && shape.mark === 'page-number');
  return candidate && isContentsEntry(line.text);
}

/**
 * The final shapes of lines [from, to): a table of contents' lines become page marks (three
 * entries or more, each within a few lines of the next: every short line from the first entry
 * to the last, and a 目录 heading above), then the running heads. The range must hold the whole
 * tables it touches (see `contentsBounds`).
 */
export function finishShapes(lines: PlacedLine[], from: number, to: number, heads: RunningHeads): void {
  for (let k = from; k < to; k++) lines[k].shape = lines[k].classified;
  const entries: number[] = [];
  for (let k = from; k < to; k++) if (isEntry(lines[k])) entries.push(k);
  let first = 0;
  for (let e = 1; e <= entries.length; e++) {
    if (e < entries.length && entries[e] - entries[e - 1] <= CONTENTS_GAP) continue;
    if (e - first >= MIN_CONTENTS_ENTRIES) {
      for (let k = contentsStart(lines, entries[first], from); k <= entries[e - 1]; k++) {
        const line = lines[k];
        const kicker = line.shape.kind === 'page-mark' && line.shape.mark === 'kicker';
        if (line.width <= 40 && (line.shape.kind === 'text' || line.shape.kind === 'byline' || kicker)) line.shape = { kind: 'page-mark', mark: 'contents' };
      }
    }
    first = e;
  }
  for (let k = from; k < to; k++) {
    const line = lines[k];
    if (line.shape.kind === 'text' && line.key !== null && heads.isHead(line.key)) line.shape = RUNNING_HEAD;
  }
}

const RUNNING_HEAD: LineShape = { kind: 'page-mark', mark: 'running-head' };

/**
 * A range around [from, to) that holds every table of contents reaching into it: entries chain
 * within `CONTENTS_GAP` of each other, and a table's first entry may take lines up to
 * `CONTENTS_REACH` above it.
 */
export function contentsBounds(lines: PlacedLine[], from: number, to: number): { from: number; to: number } {
  const step = CONTENTS_GAP + CONTENTS_REACH + 1;
  let lo = Math.max(0, Math.min(from, lines.length));
  for (;;) {
    let earliest = -1;
    for (let k = lo - 1; k >= Math.max(0, lo - step); k--) if (isEntry(lines[k])) earliest = k;
    if (earliest < 0) break;
    lo = earliest;
  }
  let hi = Math.max(lo, Math.min(to, lines.length));
  for (;;) {
    let latest = -1;
    for (let k = hi; k < Math.min(lines.length, hi + step); k++) if (isEntry(lines[k])) latest = k;
    if (latest < 0) break;
    hi = latest + 1;
  }
  return { from: Math.max(0, lo - CONTENTS_REACH - 1), to: Math.min(lines.length, hi + 1) };
}

const CONTENTS_HEADING = /^(?:目\s*录|目|录|日\s*录|本期要目|要目|本期目录)$/;

/**
 * Where a table of contents starts, given its first entry: a title on the line or two above the
 * entry belongs to it when the table's heading (目录), other furniture or the file's start is
 * above that.
 */
function contentsStart(lines: PlacedLine[], entry: number, floor: number): number {
  let from = entry;
  for (let k = entry - 1; k >= floor && k >= entry - CONTENTS_REACH; k--) {
    const line = lines[k];
    if (CONTENTS_HEADING.test(line.text)) {
      from = k;
      continue;
    }
    if (line.classified.kind === 'page-mark' && line.classified.mark !== 'kicker') break;
    if (line.classified.kind !== 'text' || line.width > 30 || endsSentence(line.text) || entry - k > 2) return from;
    from = k;
  }
  return from;
}

const PAGE_SHAPES = new Set(['page-number', 'page-marker', 'running-head']);
/** Lines looked past on each side to see what a running head stands between. */
const SIGHT_REACH = 32;
/** A sighting's neighbourhood: lines this far away may change it. */
export const SIGHT_MARGIN = SIGHT_REACH + 2;

function isPageMark(line: PlacedLine | undefined): boolean {
  return !!line && line.classified.kind === 'page-mark' && PAGE_SHAPES.has(line.classified.mark);
}

/**
 * The sightings of every line that may be a running head (short, recurring modulo numbers),
 * and the keys that qualify. Lines are remembered by object, so they survive edits elsewhere.
 */
export class RunningHeads {
  private readonly sightings = new Map<string, Map<PlacedLine, KeySighting>>();
  private heads = new Set<string>();

  isHead(key: string): boolean {
    return this.heads.has(key);
  }

  /** Sights (again) the lines [from, to) of `lines`. */
  sight(lines: PlacedLine[], from: number, to: number): void {
    for (let k = Math.max(0, from); k < Math.min(lines.length, to); k++) {
      const line = lines[k];
      if (line.key === null) continue;
      let seen = this.sightings.get(line.key);
      if (!seen) this.sightings.set(line.key, (seen = new Map()));
      seen.set(line, {
        line: line.line,
        interrupts: interrupts(lines, k),
        nearPageMark: [k - 2, k - 1, k + 1, k + 2].some((j) => isPageMark(lines[j])),
        atPageFoot: isPageMark(lines[k + 1]) && lines[k + 1].classified.kind === 'page-mark' && (lines[k + 1].classified as { mark: string }).mark !== 'running-head',
      });
    }
  }

  /** Forgets lines that are gone. */
  forget(lines: Iterable<PlacedLine>): void {
    for (const line of lines) {
      if (line.key === null) continue;
      const seen = this.sightings.get(line.key);
      seen?.delete(line);
      if (seen && seen.size === 0) this.sightings.delete(line.key);
    }
  }

  /** Decides the keys anew; true when the set of running heads changed. */
  settle(lineCount: number): boolean {
    const candidates = new Map<string, KeySighting[]>();
    for (const [key, seen] of this.sightings) {
      if (seen.size < 2) continue;
      // Sightings keep the line number they had when seen: read the current one.
      const list = [...seen.entries()].map(([line, s]) => ({ ...s, line: line.line })).sort((a, b) => a.line - b.line);
      candidates.set(key, list);
    }
    const heads = runningHeadKeys(candidates, lineCount);
    const changed = heads.size !== this.heads.size || [...heads].some((k) => !this.heads.has(k));
    this.heads = heads;
    return changed;
  }
}

/** Line `k` stands between a long unfinished line and the text that goes on after it. */
function interrupts(lines: PlacedLine[], k: number): boolean {
  const key = lines[k].key;
  const skip = (j: number) => lines[j].classified.kind === 'page-mark' || lines[j].key === key;
  let p = k - 1;
  while (p >= 0 && p >= k - SIGHT_REACH && skip(p)) p--;
  let n = k + 1;
  while (n < lines.length && n <= k + SIGHT_REACH && skip(n)) n++;
  const previous = p >= k - SIGHT_REACH ? lines[p] : undefined;
  const next = n <= k + SIGHT_REACH ? lines[n] : undefined;
  return !!previous && !!next && previous.classified.kind === 'text' && next.classified.kind === 'text' && previous.width >= 12 && !endsSentence(previous.text) && !startsRecord(next.text);
}

/**
 * The wrap width of lines [from, to), measured from the lines within the layout window of
 * each. The prose flags read the final shapes, so shapes come first.
 */
export function measureLayout(lines: PlacedLine[], from: number, to: number): void {
  const lo = Math.max(0, from - LAYOUT_WINDOW - 2);
  const hi = Math.min(lines.length, to + LAYOUT_WINDOW + 2);
  const widths = localWrapWidths(
    lines.slice(lo, hi).map((line, j) => {
      const next = lines[lo + j + 1];
      const prose = line.shape.kind === 'text';
      return { width: line.width, prose, runsOn: prose && !!next && next.blanksBefore === 0 && next.shape.kind === 'text' && !endsSentence(line.text) && !startsRecord(next.text) };
    }),
  );
  for (let k = Math.max(0, from); k < Math.min(lines.length, to); k++) lines[k].wrapWidth = widths[k - lo];
}
