// Confusions observed in real OCR, for the ocr-confusion tables and their evaluation.
//
//   faspellLines(file)        the lines of FASPell's OCR set (n<TAB>ocr<TAB>correct)
//   faspellHalf(lines, half)  the deterministic split by line: 'A' (train) or 'B' (held out)
//   faspellPairs(lines)       Han-for-Han substitutions ocr → correct, with counts
//   engineDisagreements(a, b) single aligned characters where two OCR engines of the same
//                             pages disagree (one of them is wrong), with counts
//
// The corpora stay where they are (../shared/corpora/): only counts of character pairs are
// derived from them, never their text.
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;
export const isHan = (ch) => HAN.test(ch);

export function faspellLines(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [n, ocr, correct] = line.split('\t');
      return { n: Number(n), ocr, correct };
    })
    .filter((l) => l.ocr && l.correct && l.ocr.length === l.correct.length);
}

/** A line's half, decided by a hash of its OCR text: the same split on every run and machine. */
export function halfOf(line) {
  return createHash('sha1').update(line.ocr).digest()[0] % 2 === 0 ? 'A' : 'B';
}

export function faspellHalf(lines, half) {
  return lines.filter((l) => halfOf(l) === half);
}

export function faspellPairs(lines) {
  const pairs = new Map();
  for (const { ocr, correct } of lines) {
    for (let i = 0; i < ocr.length; i++) {
      if (ocr[i] !== correct[i] && isHan(ocr[i]) && isHan(correct[i])) bump(pairs, ocr[i], correct[i]);
    }
  }
  return pairs;
}

function bump(pairs, a, b, n = 1) {
  let m = pairs.get(a);
  if (!m) pairs.set(a, (m = new Map()));
  m.set(b, (m.get(b) ?? 0) + n);
}

/** Pages of a raw OCR file, split at its page markers (=====第N页===== and the like). */
export function pages(text) {
  const out = new Map();
  let page = 0;
  let buf = [];
  for (const line of text.split('\n')) {
    const m = /^\s*=+第(\d+)页=+\s*$/.exec(line);
    if (m) {
      out.set(page, (out.get(page) ?? '') + buf.join(''));
      page = Number(m[1]);
      buf = [];
    } else buf.push(line.replace(/\s+/g, ''));
  }
  out.set(page, (out.get(page) ?? '') + buf.join(''));
  return out;
}

/**
 * Character pairs where two OCRs of the same page disagree on exactly one character between
 * agreeing context (at least `context` equal characters on each side), counted both ways.
 */
export function engineDisagreements(textA, textB, context = 3) {
  const pairs = new Map();
  const a = pages(textA);
  const b = pages(textB);
  for (const [page, pa] of a) {
    const pb = b.get(page);
    if (!pb || page === 0) continue;
    for (const [x, y] of singleSubstitutions(pa, pb, context)) {
      if (isHan(x) && isHan(y)) {
        bump(pairs, x, y);
        bump(pairs, y, x);
      }
    }
  }
  return pairs;
}

/** Myers' diff (O(ND)) of two strings as runs of equal / deleted / inserted characters. */
function diff(a, b) {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) break outer;
    }
    if (d > 4000) return null;
  }
  const ops = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vv[max + k - 1] < vv[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vv[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(['=', a[x - 1]]);
      x--;
      y--;
    }
    if (x === prevX) ops.push(['+', b[y - 1]]);
    else ops.push(['-', a[x - 1]]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push(['=', a[x - 1]]);
    x--;
    y--;
  }
  return ops.reverse();
}

function* singleSubstitutions(a, b, context) {
  const ops = diff(a, b);
  if (!ops) return;
  // Group into runs: equal, then a change block of deletions and insertions.
  for (let i = 0; i < ops.length; i++) {
    if (ops[i][0] === '=') continue;
    let j = i;
    const del = [];
    const ins = [];
    while (j < ops.length && ops[j][0] !== '=') {
      (ops[j][0] === '-' ? del : ins).push(ops[j][1]);
      j++;
    }
    let before = 0;
    for (let k = i - 1; k >= 0 && ops[k][0] === '='; k--) before++;
    let after = 0;
    for (let k = j; k < ops.length && ops[k][0] === '='; k++) after++;
    if (del.length === 1 && ins.length === 1 && before >= context && after >= context) yield [del[0], ins[0]];
    i = j - 1;
  }
}
