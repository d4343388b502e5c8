/**
 * Line diffs and unified-diff text (what `corpus-lens fix --dry-run` prints). Pure.
 *
 * Lines common to both ends are trimmed first. What is left is anchored on lines that occur
 * exactly once on each side (as patience diff does) and each stretch between two anchors is
 * diffed with Myers' O(ND) algorithm, so a long file with scattered changes stays fast. A
 * stretch that differs in more than MAX_EDIT_DISTANCE lines is shown replaced as a whole:
 * still a correct diff, only not a minimal one.
 *
 * Why not the `diff` package (jsdiff 9, which fix --word-diff uses to compare characters):
 * measured here on the diffs fix --dry-run prints, its createTwoFilesPatch gives the same
 * patch on text whose lines are mostly unique, only far slower — THUCNews hard-wrapped with
 * ASCII commas, 1.4 MB: 2.2 s against 0.2 s; twice that: 9.2 s against 0.3 s — and on a corpus
 * whose paragraphs repeat (the seeds copied to 3 MB, hard-wrapped at 20) it needs 94 s where
 * this takes 0.05 s (for a patch with a quarter more lines). It has no anchoring on unique
 * lines, so its cost grows with the file times the number of changes.
 */

/** Lines [oldStart, oldEnd) of the old text replaced by lines [newStart, newEnd) of the new one. */
export interface Change {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

const MAX_EDIT_DISTANCE = 2000;
const MAX_ANCHOR_DEPTH = 8;

/** The changes that turn `a` into `b`, in order, none adjacent to another. */
export function diffLines(a: readonly string[], b: readonly string[]): Change[] {
  const changes: Change[] = [];
  diffStretch(a, b, 0, a.length, 0, b.length, 0, changes);
  const merged: Change[] = [];
  for (const c of changes) {
    const last = merged[merged.length - 1];
    if (last && last.oldEnd === c.oldStart && last.newEnd === c.newStart) {
      last.oldEnd = c.oldEnd;
      last.newEnd = c.newEnd;
    } else merged.push({ ...c });
  }
  return merged;
}

function diffStretch(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number, depth: number, out: Change[]): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    aLo++;
    bLo++;
  }
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
  }
  if (aLo === aHi && bLo === bHi) return;
  if (aLo === aHi || bLo === bHi) {
    out.push({ oldStart: aLo, oldEnd: aHi, newStart: bLo, newEnd: bHi });
    return;
  }
  const anchors = depth < MAX_ANCHOR_DEPTH ? uniqueAnchors(a, b, aLo, aHi, bLo, bHi) : [];
  if (anchors.length === 0) {
    myers(a, b, aLo, aHi, bLo, bHi, out);
    return;
  }
  let ai = aLo;
  let bi = bLo;
  for (const [x, y] of anchors) {
    diffStretch(a, b, ai, x, bi, y, depth + 1, out);
    ai = x + 1;
    bi = y + 1;
  }
  diffStretch(a, b, ai, aHi, bi, bHi, depth + 1, out);
}

/**
 * Pairs (i, j) with a[i] === b[j] where that line occurs once in each stretch, the longest
 * chain increasing on both sides (patience sorting).
 */
function uniqueAnchors(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number): [number, number][] {
  const seen = new Map<string, { inA: number; aAt: number; inB: number; bAt: number }>();
  for (let i = aLo; i < aHi; i++) {
    const s = seen.get(a[i]);
    if (s) s.inA++;
    else seen.set(a[i], { inA: 1, aAt: i, inB: 0, bAt: -1 });
  }
  for (let j = bLo; j < bHi; j++) {
    const s = seen.get(b[j]);
    if (!s) continue;
    s.inB++;
    s.bAt = j;
  }
  const pairs: [number, number][] = [];
  for (const s of seen.values()) if (s.inA === 1 && s.inB === 1) pairs.push([s.aAt, s.bAt]);
  pairs.sort((p, q) => p[0] - q[0]);
  // Longest increasing subsequence of the b indexes.
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const chain: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) chain.push(pairs[k]);
  return chain.reverse();
}

/** Myers' greedy shortest edit script over one stretch, appended to `out` as changes. */
function myers(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number, out: Change[]): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const limit = Math.min(n + m, MAX_EDIT_DISTANCE);
  // v[k + offset] is the furthest x reached on diagonal k; trace[d] keeps v for k in [-d, d].
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        out.push(...backtrack(trace, d, n, m, aLo, bLo));
        return;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  out.push({ oldStart: aLo, oldEnd: aHi, newStart: bLo, newEnd: bHi });
}

/** Walks the trace back from (n, m) and groups the single-line moves into changes. */
function backtrack(trace: Int32Array[], distance: number, n: number, m: number, aLo: number, bLo: number): Change[] {
  const changes: Change[] = [];
  let x = n;
  let y = m;
  for (let d = distance; d > 0; d--) {
    const previous = trace[d - 1];
    const at = (k: number) => previous[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    // The move: an inserted line b[prevY] (down) or a deleted line a[prevX] (right).
    const move: Change = down
      ? { oldStart: aLo + prevX, oldEnd: aLo + prevX, newStart: bLo + prevY, newEnd: bLo + prevY + 1 }
      : { oldStart: aLo + prevX, oldEnd: aLo + prevX + 1, newStart: bLo + prevY, newEnd: bLo + prevY };
    const next = changes[changes.length - 1];
    if (next && next.oldStart === move.oldEnd && next.newStart === move.newEnd) {
      next.oldStart = move.oldStart;
      next.newStart = move.newStart;
    } else changes.push(move);
    x = prevX;
    y = prevY;
  }
  return changes.reverse();
}

/**
 * The lines of `text` as patch(1) and git apply see them: each up to and including its \n (a
 * \r\n line ends in \r\n; a lone \r is part of its line, as those tools take it); the last
 * may have none.
 */
export function splitLinesKeepingBreaks(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export interface UnifiedDiffOptions {
  /** Labels of the `---` and `+++` lines, e.g. a/seeds/000.txt and b/seeds/000.txt. */
  oldLabel: string;
  newLabel: string;
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
}

/**
 * A unified diff of two texts, '' when they are equal. Lines are split at \n only and printed
 * with their own endings, as patch(1) and git apply read them, so the diff of a CRLF, CR-only
 * or mixed file applies (a CR-only file is one line to them, and to this diff); the diff's own
 * lines (headers, hunk heads) end in \n. A last line without a \n is followed by
 * `\ No newline at end of file`, as diff(1) does.
 */
export function unifiedDiff(oldText: string, newText: string, options: UnifiedDiffOptions): string {
  const body = diffBody(oldText, newText, options.context ?? 3);
  return body === '' ? '' : `--- ${options.oldLabel}\n+++ ${options.newLabel}\n${body}`;
}

/**
 * A unified diff of two files' bytes, in those bytes: lines split at the byte 0x0A, as patch(1)
 * and git apply split them, whatever the encoding (UTF-16, GB18030); the labels in UTF-8. It
 * applies to the file byte for byte, where a diff of the decoded text would not.
 */
export function unifiedByteDiff(oldBytes: Uint8Array, newBytes: Uint8Array, options: UnifiedDiffOptions): Uint8Array {
  const body = diffBody(binary(oldBytes), binary(newBytes), options.context ?? 3);
  if (body === '') return new Uint8Array(0);
  const head = new TextEncoder().encode(`--- ${options.oldLabel}\n+++ ${options.newLabel}\n`);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  for (let i = 0; i < body.length; i++) out[head.length + i] = body.charCodeAt(i);
  return out;
}

/** Bytes as a string of the characters U+0000–U+00FF, one per byte. */
function binary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function diffBody(oldText: string, newText: string, context: number): string {
  const a = splitLinesKeepingBreaks(oldText);
  const b = splitLinesKeepingBreaks(newText);
  const changes = diffLines(a, b);
  if (changes.length === 0) return '';
  const out: string[] = [];
  for (let first = 0; first < changes.length; ) {
    let last = first;
    while (last + 1 < changes.length && changes[last + 1].oldStart - changes[last].oldEnd <= 2 * context) last++;
    out.push(...hunk(a, b, changes.slice(first, last + 1), context));
    first = last + 1;
  }
  return out.join('');
}

function hunk(a: string[], b: string[], changes: Change[], context: number): string[] {
  const head = changes[0];
  const tail = changes[changes.length - 1];
  const oldStart = Math.max(0, head.oldStart - context);
  const oldEnd = Math.min(a.length, tail.oldEnd + context);
  const newStart = oldStart + (head.newStart - head.oldStart);
  const newEnd = oldEnd + (tail.newEnd - tail.oldEnd);
  const lines = [`@@ -${rangeLabel(oldStart, oldEnd)} +${rangeLabel(newStart, newEnd)} @@\n`];
  const show = (prefix: string, line: string) => {
    if (line.endsWith('\n')) lines.push(prefix + line);
    else lines.push(prefix + line + '\n', '\\ No newline at end of file\n');
  };
  let at = oldStart;
  for (const c of changes) {
    for (; at < c.oldStart; at++) show(' ', a[at]);
    for (let i = c.oldStart; i < c.oldEnd; i++) show('-', a[i]);
    for (let j = c.newStart; j < c.newEnd; j++) show('+', b[j]);
    at = c.oldEnd;
  }
  for (; at < oldEnd; at++) show(' ', a[at]);
  return lines;
}

/** `start,count` with 1-based start; an empty range names the line before it, as diff(1) does. */
function rangeLabel(start: number, end: number): string {
  const count = end - start;
  return `${count === 0 ? start : start + 1},${count}`;
}
