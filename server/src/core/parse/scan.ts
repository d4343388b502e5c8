/**
 * The line model of a document: every non-blank line with its shape, the page furniture found
 * by evidence (tables of contents, running heads that recur) and the layout around it. What
 * the walker reads.
 */
import { Line, displayWidth, endsSentence, splitLines, trimSpaces } from '../text';
import { PlacedLine } from './assemble';
import { KeySighting, recurrenceKey, runningHeadKeys } from './furniture';
import { localWrapWidths } from './layout';
import { classifyLine, isContentsEntry } from './shapes';

export interface ScannedDocument {
  text: string;
  /** Every line of the document, blank ones included. */
  lines: Line[];
  /** The non-blank lines, in order. */
  placed: PlacedLine[];
}

export function scanDocument(text: string): ScannedDocument {
  const lines = splitLines(text);
  const placed = placedLines(lines);
  markContents(placed);
  markRunningHeads(placed, lines.length);
  measureLayout(placed);
  return { text, lines, placed };
}

function placedLines(lines: Line[]): PlacedLine[] {
  const result: PlacedLine[] = [];
  let blanks = 0;
  for (const line of lines) {
    const shape = classifyLine(line.text);
    if (shape.kind === 'blank') {
      blanks++;
      continue;
    }
    const trimmed = trimSpaces(line.text);
    const start = line.start + line.text.indexOf(trimmed);
    result.push({
      line: line.index,
      text: trimmed,
      span: { start, end: start + trimmed.length },
      shape,
      width: displayWidth(trimmed),
      blanksBefore: result.length === 0 ? 0 : blanks,
      wrapWidth: null,
    });
    blanks = 0;
  }
  return result;
}

/** Entries this close together (in lines) belong to one table of contents. */
const CONTENTS_GAP = 6;
const MIN_CONTENTS_ENTRIES = 3;

/**
 * A table of contents: three entries or more (a title or author with its page number), each
 * within a few lines of the next. Every short line from the first entry to the last, and a
 * 目录 heading just above them, is the table's.
 */
function markContents(lines: PlacedLine[]): void {
  const entries: number[] = [];
  lines.forEach((line, k) => {
    const candidate = line.shape.kind === 'text' || line.shape.kind === 'byline' || (line.shape.kind === 'page-mark' && line.shape.mark === 'page-number');
    if (candidate && isContentsEntry(line.text)) entries.push(k);
  });
  let first = 0;
  for (let e = 1; e <= entries.length; e++) {
    if (e < entries.length && entries[e] - entries[e - 1] <= CONTENTS_GAP) continue;
    if (e - first >= MIN_CONTENTS_ENTRIES) {
      const from = contentsStart(lines, entries[first]);
      for (let k = from; k <= entries[e - 1]; k++) {
        const line = lines[k];
        const kicker = line.shape.kind === 'page-mark' && line.shape.mark === 'kicker';
        if (line.width <= 40 && (line.shape.kind === 'text' || line.shape.kind === 'byline' || kicker)) line.shape = { kind: 'page-mark', mark: 'contents' };
      }
    }
    first = e;
  }
}

const CONTENTS_HEADING = /^(?:目\s*录|目|录|日\s*录|本期要目|要目|本期目录)$/;

/**
 * Where a table of contents starts, given its first entry: a title on the line or two above the
 * entry belongs to it when the table's heading (目录), other furniture or the file's start is
 * above that.
 */
function contentsStart(lines: PlacedLine[], entry: number): number {
  let from = entry;
  for (let k = entry - 1; k >= 0 && k >= entry - 6; k--) {
    const line = lines[k];
    if (CONTENTS_HEADING.test(line.text)) {
      from = k;
      continue;
    }
    if (line.shape.kind === 'page-mark' && line.shape.mark !== 'kicker') break;
    if (line.shape.kind !== 'text' || line.width > 30 || endsSentence(line.text) || entry - k > 2) return from;
    from = k;
  }
  return from;
}

const PAGE_SHAPES = new Set(['page-number', 'page-marker', 'running-head']);

function isPageMark(line: PlacedLine | undefined): boolean {
  return !!line && line.shape.kind === 'page-mark' && PAGE_SHAPES.has(line.shape.mark);
}

/** Running heads by recurrence: the lines whose key `runningHeadKeys` accepts become page marks. */
function markRunningHeads(lines: PlacedLine[], lineCount: number): void {
  const sightings = new Map<string, KeySighting[]>();
  const keys: (string | null)[] = lines.map((line) => (line.shape.kind === 'text' ? recurrenceKey(line.text) : null));
  for (let k = 0; k < lines.length; k++) {
    const key = keys[k];
    if (key === null) continue;
    let list = sightings.get(key);
    if (!list) sightings.set(key, (list = []));
    list.push({ line: lines[k].line, interrupts: interrupts(lines, keys, k), nearPageMark: [k - 2, k - 1, k + 1, k + 2].some((j) => isPageMark(lines[j])) });
  }
  const heads = runningHeadKeys(sightings, lineCount);
  if (heads.size === 0) return;
  for (let k = 0; k < lines.length; k++) {
    const key = keys[k];
    if (key !== null && heads.has(key)) lines[k].shape = { kind: 'page-mark', mark: 'running-head' };
  }
}

/** Line `k` stands between a long unfinished line and the text that goes on after it. */
function interrupts(lines: PlacedLine[], keys: (string | null)[], k: number): boolean {
  let p = k - 1;
  while (p >= 0 && (lines[p].shape.kind === 'page-mark' || keys[p] === keys[k])) p--;
  let n = k + 1;
  while (n < lines.length && (lines[n].shape.kind === 'page-mark' || keys[n] === keys[k])) n++;
  const previous = lines[p];
  const next = lines[n];
  return !!previous && !!next && previous.shape.kind === 'text' && next.shape.kind === 'text' && previous.width >= 12 && !endsSentence(previous.text);
}

function measureLayout(lines: PlacedLine[]): void {
  const widths = localWrapWidths(
    lines.map((line, k) => {
      const next = lines[k + 1];
      const prose = line.shape.kind === 'text';
      return { width: line.width, prose, runsOn: prose && !!next && next.blanksBefore === 0 && next.shape.kind === 'text' && !endsSentence(line.text) };
    }),
  );
  lines.forEach((line, k) => (line.wrapWidth = widths[k]));
}

