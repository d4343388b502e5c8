import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Change, diffLines, splitLinesKeepingBreaks, unifiedDiff } from '../../server/src/core/diff';

const labels = { oldLabel: 'a/f.txt', newLabel: 'b/f.txt' };

/** Applies the changes of diffLines(a, b) to a. */
function applyChanges(a: string[], b: string[], changes: Change[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const c of changes) {
    out.push(...a.slice(at, c.oldStart), ...b.slice(c.newStart, c.newEnd));
    at = c.oldEnd;
  }
  return [...out, ...a.slice(at)];
}

/**
 * Applies a unified diff the way patch(1) does, checking every context and removed line byte
 * for byte (its line break included).
 */
function applyUnified(oldText: string, diff: string): string {
  const a = splitLinesKeepingBreaks(oldText);
  const lines = diff.split(/(?<=\n)/).slice(2);
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; ) {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@\n$/.exec(lines[i++]);
    assert.ok(header, `hunk header expected, got ${lines[i - 1]}`);
    const [oldStart, oldCount, , newCount] = header.slice(1).map(Number);
    const start = oldCount === 0 ? oldStart : oldStart - 1;
    out.push(...a.slice(at, start));
    at = start;
    let seenOld = 0;
    let seenNew = 0;
    while (i < lines.length && !lines[i].startsWith('@@')) {
      const line = lines[i++];
      assert.ok(line.endsWith('\n'), 'every line of the diff ends in \\n');
      const noNewline = lines[i] === '\\ No newline at end of file\n';
      if (noNewline) i++;
      const body = noNewline ? line.slice(1, -1) : line.slice(1);
      if (line[0] === ' ' || line[0] === '-') {
        assert.equal(a[at], body, `line ${at + 1} of the old text`);
        if (line[0] === ' ') out.push(a[at]);
        at++;
        seenOld++;
      }
      if (line[0] === ' ' || line[0] === '+') {
        if (line[0] === '+') out.push(body);
        seenNew++;
      }
    }
    assert.equal(seenOld, oldCount);
    assert.equal(seenNew, newCount);
  }
  return [...out, ...a.slice(at)].join('');
}

/** The length of the longest common subsequence, by dynamic programming (small inputs). */
function lcs(a: string[], b: string[]): number {
  const row = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.length];
}

let seed = 42;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

describe('diffLines', () => {
  it('finds nothing between equal sequences', () => {
    assert.deepEqual(diffLines(['a', 'b'], ['a', 'b']), []);
    assert.deepEqual(diffLines([], []), []);
  });

  it('gives insertions, deletions and replacements as line ranges', () => {
    assert.deepEqual(diffLines(['a', 'b', 'c'], ['a', 'x', 'c']), [{ oldStart: 1, oldEnd: 2, newStart: 1, newEnd: 2 }]);
    assert.deepEqual(diffLines(['a', 'c'], ['a', 'b', 'c']), [{ oldStart: 1, oldEnd: 1, newStart: 1, newEnd: 2 }]);
    assert.deepEqual(diffLines(['a', 'b', 'c'], ['a']), [{ oldStart: 1, oldEnd: 3, newStart: 1, newEnd: 1 }]);
    assert.deepEqual(diffLines([], ['a']), [{ oldStart: 0, oldEnd: 0, newStart: 0, newEnd: 1 }]);
  });

  it('finds the shortest edit script of the classic example (Myers 1986)', () => {
    const a = [...'abcabba'];
    const b = [...'cbabac'];
    const changes = diffLines(a, b);
    assert.deepEqual(applyChanges(a, b, changes), b);
    const edits = changes.reduce((n, c) => n + (c.oldEnd - c.oldStart) + (c.newEnd - c.newStart), 0);
    assert.equal(edits, a.length + b.length - 2 * lcs(a, b));
    assert.equal(edits, 5);
  });

  it('reproduces the new lines, with changes in order and never adjacent (random inputs)', () => {
    const alphabet = ['甲', '乙', '丙', '丁', '', '甲'];
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: random(14) }, () => alphabet[random(alphabet.length)]);
      const b = Array.from({ length: random(14) }, () => alphabet[random(alphabet.length)]);
      const changes = diffLines(a, b);
      assert.deepEqual(applyChanges(a, b, changes), b, JSON.stringify({ a, b }));
      for (let k = 1; k < changes.length; k++) {
        assert.ok(changes[k].oldStart >= changes[k - 1].oldEnd && changes[k].newStart >= changes[k - 1].newEnd, 'in order');
        assert.ok(changes[k].oldStart > changes[k - 1].oldEnd || changes[k].newStart > changes[k - 1].newEnd, 'not adjacent');
      }
    }
  });

  it('is shortest when no line is unique (Myers alone), random inputs', () => {
    for (let round = 0; round < 200; round++) {
      // Every line occurs at least twice on each side, so no anchor is taken.
      const half = (n: number) => Array.from({ length: n }, () => ['x', 'y', 'z'][random(3)]);
      const a0 = half(1 + random(6));
      const b0 = half(1 + random(6));
      const a = [...a0, ...a0];
      const b = [...b0, ...b0];
      const changes = diffLines(a, b);
      assert.deepEqual(applyChanges(a, b, changes), b);
      const edits = changes.reduce((n, c) => n + (c.oldEnd - c.oldStart) + (c.newEnd - c.newStart), 0);
      if (!a.some((l) => a.filter((m) => m === l).length === 1)) assert.equal(edits, a.length + b.length - 2 * lcs(a, b), JSON.stringify({ a, b }));
    }
  });

  it('is fast on a long file with scattered changes', () => {
    const a = Array.from({ length: 200_000 }, (_, i) => `第${i}行，正文。\n`);
    const b = [...a];
    for (let k = 0; k < 500; k++) b[random(b.length)] = `改过的一行 ${k}\n`;
    b.splice(1000, 3);
    const started = Date.now();
    const changes = diffLines(a, b);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.deepEqual(applyChanges(a, b, changes), b);
  });

  it('shows a stretch that differs beyond the edit limit as replaced whole', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `x${i % 2}`);
    const b = Array.from({ length: 3000 }, (_, i) => `y${i % 2}`);
    assert.deepEqual(diffLines(a, b), [{ oldStart: 0, oldEnd: 3000, newStart: 0, newEnd: 3000 }]);
  });
});

describe('unifiedDiff', () => {
  const old = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].join('\n') + '\n';

  it('is empty for equal texts', () => assert.equal(unifiedDiff(old, old, labels), ''));

  it('prints headers and a hunk with three lines of context', () => {
    const changed = old.replace('六\n', '陆\n');
    assert.equal(unifiedDiff(old, changed, labels), ['--- a/f.txt', '+++ b/f.txt', '@@ -3,7 +3,7 @@', ' 三', ' 四', ' 五', '-六', '+陆', ' 七', ' 八', ' 九', ''].join('\n'));
  });

  it('joins changes whose context touches and splits distant ones', () => {
    const near = unifiedDiff(old, old.replace('二\n', '贰\n').replace('七\n', '柒\n'), labels);
    assert.equal(near.match(/^@@/gm)?.length, 1);
    const far = unifiedDiff(old, old.replace('一\n', '壹\n').replace('十二\n', '拾贰\n'), labels);
    assert.deepEqual(far.match(/^@@.*$/gm), ['@@ -1,4 +1,4 @@', '@@ -9,4 +9,4 @@']);
  });

  it('names the line before an empty range, as diff(1) does', () => {
    assert.match(unifiedDiff('a\nb\n', 'a\nb\nc\n', labels), /^@@ -1,2 \+1,3 @@$/m);
    assert.match(unifiedDiff('', 'a\n', labels), /^@@ -0,0 \+1,1 @@$/m);
    assert.match(unifiedDiff('a\n', '', labels), /^@@ -1,1 \+0,0 @@$/m);
  });

  it('marks a last line without a line break', () => {
    const diff = unifiedDiff('a\nb', 'a\nc', labels);
    assert.equal(diff, ['--- a/f.txt', '+++ b/f.txt', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+c', '\\ No newline at end of file', ''].join('\n'));
  });

  it('compares and prints lines with their own line breaks (CRLF)', () => {
    const diff = unifiedDiff('甲\r\n乙\r\n丙\r\n', '甲\r\n乙丙\r\n', labels);
    assert.equal(diff, '--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,2 @@\n 甲\r\n-乙\r\n-丙\r\n+乙丙\r\n');
    assert.equal(applyUnified('甲\r\n乙\r\n丙\r\n', diff), '甲\r\n乙丙\r\n');
  });

  it('shows a change of line break alone, and a last CRLF line without one', () => {
    const diff = unifiedDiff('甲\r\n乙\r\n', '甲\r\n乙', labels);
    assert.equal(diff, '--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n 甲\r\n-乙\r\n+乙\n\\ No newline at end of file\n');
    assert.equal(applyUnified('甲\r\n乙\r\n', diff), '甲\r\n乙');
  });

  it('applies with patch(1) to a CRLF file', (t) => {
    if (spawnSync('patch', ['--version']).status !== 0) {
      t.skip('no patch(1) on this machine');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-diff-'));
    try {
      const before = '标题\r\n\r\n会议指出,要推动\r\n高质量发展。\r\n第二段。\r\n末行无换行';
      const after = '标题\r\n\r\n会议指出，要推动高质量发展。\r\n第二段。\r\n末行无换行。';
      fs.writeFileSync(path.join(dir, 'f.txt'), before);
      const result = spawnSync('patch', ['-p1', '--batch', '--silent'], { cwd: dir, input: unifiedDiff(before, after, labels), encoding: 'utf8' });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'f.txt'), 'utf8'), after);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies back to the new text (joined lines, deletions, insertions, random edits)', () => {
    const base = Array.from({ length: 80 }, (_, i) => `第${i % 17}段。`);
    for (let round = 0; round < 60; round++) {
      const lines = [...base];
      for (let k = random(6); k >= 0; k--) {
        const at = random(lines.length);
        const kind = random(3);
        if (kind === 0) lines.splice(at, 2, lines.slice(at, at + 2).join(''));
        else if (kind === 1) lines.splice(at, 1);
        else lines.splice(at, 0, `新${round}`);
      }
      const a = base.join('\n') + '\n';
      const b = lines.join('\n') + (round % 2 ? '\n' : '');
      assert.equal(applyUnified(a, unifiedDiff(a, b, labels)), b);
    }
  });
});
