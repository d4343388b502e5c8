import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, countHan, displayWidth, endsSentence, isHanAt, splitLines } from '../../server/src/core/text';

describe('splitLines', () => {
  it('splits on LF, CRLF and CR and keeps offsets of the text without breaks', () => {
    const text = 'a\r\nbc\nd\re';
    const lines = splitLines(text);
    assert.deepEqual(
      lines.map((l) => [l.text, l.start, l.end]),
      [['a', 0, 1], ['bc', 3, 5], ['d', 6, 7], ['e', 8, 9]],
    );
  });
  it('gives an empty last line after a final break', () => {
    assert.equal(splitLines('一\n').length, 2);
  });
});

describe('LineIndex', () => {
  const text = '第一行\r\n𠀀二\n三';
  const index = new LineIndex(text);
  it('converts offsets to UTF-16 positions', () => {
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 1, character: 0 });
    // The supplementary-plane character counts two UTF-16 units.
    assert.deepEqual(index.positionAt(8), { line: 1, character: 3 });
    assert.deepEqual(index.positionAt(text.length), { line: 2, character: 1 });
  });
  it('maps an offset inside CRLF to the end of the line', () => {
    assert.deepEqual(index.positionAt(4), { line: 0, character: 3 });
  });
  it('round-trips offsets', () => {
    for (let i = 0; i <= text.length; i++) {
      if (i === 4) continue;
      assert.equal(index.offsetAt(index.positionAt(i)), i);
    }
  });
  it('clamps positions past a line end', () => {
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
  });
});

describe('character classes', () => {
  it('recognises Han characters including extension B', () => {
    assert.ok(isHanAt('中', 0));
    assert.ok(isHanAt('𠀀', 0));
    assert.ok(!isHanAt('a', 0));
    assert.equal(countHan('中文abc𠀀，'), 3);
  });
  it('measures printed width with ASCII at half width', () => {
    assert.equal(displayWidth('洛阳2020'), 4);
  });
  it('knows sentence ends, with closing quotes', () => {
    assert.ok(endsSentence('他说：“好。”'));
    assert.ok(endsSentence('谈以下三方面体会：'));
    assert.ok(endsSentence('工程进度如何?'));
    assert.ok(!endsSentence('会议指出，洛阳在黄河流域'));
    assert.ok(!endsSentence('“十四五”规划'));
  });
});
