import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTEXT, IgnoreList, anchorOf, ignoreFileData, readIgnoreFile } from '../../../server/src/core/lint/ignore';

const TEXT = '市委理论学习中心组会议指出，要深入领会习 近平总书记重要讲话精神，推动高质量发展。';
const spanOf = (text: string, needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `“${needle}” not in the text`);
  return { start, end: start + needle.length };
};

describe('anchorOf', () => {
  it('keeps the flagged text and up to CONTEXT characters either side', () => {
    const space = TEXT.indexOf(' ');
    const anchor = anchorOf('a.txt', 'cjk-space', TEXT, { start: space, end: space + 1 });
    assert.deepEqual(anchor, { file: 'a.txt', rule: 'cjk-space', text: ' ', before: '理论学习中心组会议指出，要深入领会习'.slice(-CONTEXT), after: '近平总书记重要讲话精神，推动'.slice(0, CONTEXT) });
    const atStart = anchorOf('a.txt', 'r', TEXT, { start: 0, end: 2 })!;
    assert.equal(atStart.before, '');
  });

  it('is null for an empty span', () => assert.equal(anchorOf('a.txt', 'r', TEXT, { start: 3, end: 3 }), null));
});

/** Whether a finding of `rule` at `span` of `text` in `file` is ignored by `list`. */
const ignores = (list: IgnoreList, file: string, text: string) => (rule: string, span: { start: number; end: number }) =>
  list.ignoredIn(file, text, [{ rule, span }]).has(0);

describe('IgnoreList', () => {
  const entry = anchorOf('a.txt', 'cjk-space', TEXT, spanOf(TEXT, ' '))!;
  const list = new IgnoreList([entry]);

  it('ignores the finding it was made for, and not another rule at the same place', () => {
    const ignored = ignores(list, 'a.txt', TEXT);
    assert.equal(ignored('cjk-space', spanOf(TEXT, ' ')), true);
    assert.equal(ignored('halfwidth-punctuation', spanOf(TEXT, ' ')), false);
  });

  it('applies to its own file only', () => {
    assert.equal(ignores(list, 'b.txt', TEXT)('cjk-space', spanOf(TEXT, ' ')), false);
  });

  it('survives an edit elsewhere in the text that moves the finding', () => {
    const edited = '新华社北京电\n\n' + TEXT + '\n另一段文字。';
    assert.equal(ignores(list, 'a.txt', edited)('cjk-space', spanOf(edited, ' ')), true);
  });

  it('survives an edit on one side of the context, not on both', () => {
    const beforeChanged = TEXT.replace('深入领会', '认真学习');
    assert.equal(ignores(list, 'a.txt', beforeChanged)('cjk-space', spanOf(beforeChanged, ' ')), true);
    const afterChanged = TEXT.replace('总书记重要', '同志的重要');
    assert.equal(ignores(list, 'a.txt', afterChanged)('cjk-space', spanOf(afterChanged, ' ')), true);
    const bothChanged = beforeChanged.replace('总书记重要', '同志的重要');
    assert.equal(ignores(list, 'a.txt', bothChanged)('cjk-space', spanOf(bothChanged, ' ')), false);
  });

  it('does not ignore the same text flagged at another place', () => {
    const twice = TEXT + '\n' + '另外，要认真做好各项工作 务求实效。';
    assert.equal(ignores(list, 'a.txt', twice)('cjk-space', spanOf(twice, ' ', TEXT.length)), false);
  });

  it('lets an entry ignore one finding only, the one whose context matches best', () => {
    // The same mark with the same text after it, three times: only the place the entry was made for.
    const text = '甲地说,今天开会。乙地说,今天开会。丙地说,今天开会。';
    const commas = [...text.matchAll(/,/g)].map((m) => ({ rule: 'halfwidth-punctuation', span: { start: m.index!, end: m.index! + 1 } }));
    const entry = anchorOf('a.txt', 'halfwidth-punctuation', text, commas[1].span)!;
    assert.deepEqual([...new IgnoreList([entry]).ignoredIn('a.txt', text, commas)], [1]);
  });

  it('holds when the file changes from LF to CRLF line endings, even for a flagged line break', () => {
    const lf = '第一行文字在这里断\n开了，然后继续。\n下一段。';
    const crlf = lf.replace(/\n/g, '\r\n');
    const lfBreak = { start: lf.indexOf('断'), end: lf.indexOf('断') + 3 };
    const crlfBreak = { start: crlf.indexOf('断'), end: crlf.indexOf('断') + 4 };
    const entry = anchorOf('a.txt', 'broken-line', lf, lfBreak)!;
    assert.equal(ignores(new IgnoreList([entry]), 'a.txt', crlf)('broken-line', crlfBreak), true);
    const fromCrlf = anchorOf('a.txt', 'broken-line', crlf, crlfBreak)!;
    assert.deepEqual(fromCrlf, entry);
  });

  it('knows whether it has an entry', () => {
    assert.equal(list.has({ ...entry }), true);
    assert.equal(list.has({ ...entry, after: 'x' }), false);
  });
});

describe('readIgnoreFile', () => {
  it('reads what ignoreFileData writes', () => {
    const entry = anchorOf('a.txt', 'cjk-space', TEXT, spanOf(TEXT, ' '))!;
    assert.deepEqual(readIgnoreFile(JSON.parse(JSON.stringify(ignoreFileData([entry])))), { entries: [entry], problems: [] });
  });

  it('leaves out and reports broken entries', () => {
    const good = { file: 'a.txt', rule: 'r', text: 't', before: '', after: '' };
    const { entries, problems } = readIgnoreFile({ version: 1, ignore: [good, { file: 'a.txt', rule: 3 }] });
    assert.deepEqual(entries, [good]);
    assert.deepEqual(problems, [{ path: ['ignore', 1], message: 'entry 2 needs text values for rule, text, before, after' }]);
  });

  it('reports a file that is not an ignore file', () => {
    assert.deepEqual(readIgnoreFile([]).problems.map((p) => p.path), [[]]);
    assert.deepEqual(readIgnoreFile({ version: 1 }).problems.map((p) => p.path), [['ignore']]);
  });
});
