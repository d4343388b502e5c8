import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, applyFixes, checkHanPreserved, intendedDeletions } from '../../../server/src/core/fixes';
import { Issue } from '../../../server/src/core/rules/types';

const edit = (start: number, end: number, newText: string) => ({ span: { start, end }, newText });
const issue = (rule: string, start: number, edits: ReturnType<typeof edit>[], safe = true): Issue => ({
  rule,
  span: { start, end: start + 1 },
  message: { zh: '', en: '' },
  fixes: [{ title: { zh: '', en: rule }, edits, safe }],
});

describe('applyEdits', () => {
  it('applies edits in any order, merging duplicates', () => {
    const r = applyEdits('甲乙丙丁', [edit(3, 4, 'D'), edit(0, 1, 'A'), edit(0, 1, 'A'), edit(2, 2, '+')]);
    assert.equal(r.text, 'A乙+丙D');
    assert.equal(r.applied.length, 3);
    assert.deepEqual(r.dropped, []);
  });

  it('drops overlapping edits deterministically, whatever order they come in', () => {
    const a = edit(1, 3, 'x');
    const b = edit(2, 4, 'y');
    const c = edit(5, 5, 'i');
    const d = edit(5, 5, 'j');
    for (const edits of [[a, b, c, d], [d, c, b, a]]) {
      const r = applyEdits('0123456', edits);
      assert.equal(r.text, '0x34i56');
      assert.deepEqual(r.dropped.map((e) => e.newText).sort(), ['j', 'y']);
    }
  });

  it('drops edits outside the text', () => {
    const r = applyEdits('abc', [edit(2, 9, ''), edit(-1, 0, 'x')]);
    assert.equal(r.text, 'abc');
    assert.equal(r.dropped.length, 2);
  });
});

describe('applyFixes', () => {
  const text = '甲,乙 丙丙丁';
  const issues = [
    issue('halfwidth-punctuation', 1, [edit(1, 2, '，')]),
    issue('cjk-space', 3, [edit(3, 4, '')]),
    issue('duplicate-text', 5, [edit(5, 6, '')], false),
  ];

  it('applies safe fixes only by default and records what it changed', () => {
    const r = applyFixes(text, issues);
    assert.equal(r.text, '甲，乙丙丙丁');
    assert.deepEqual(r.applied, [
      { rule: 'halfwidth-punctuation', span: { start: 1, end: 2 }, before: ',', after: '，' },
      { rule: 'cjk-space', span: { start: 3, end: 4 }, before: ' ', after: '' },
    ]);
  });

  it('applies unsafe fixes when asked, and filters by rule', () => {
    assert.equal(applyFixes(text, issues, { safeOnly: false }).text, '甲，乙丙丁');
    assert.equal(applyFixes(text, issues, { rules: ['cjk-space'] }).text, '甲,乙丙丙丁');
  });

  it('makes an edit shared by a file-level fix and a per-place fix once', () => {
    const shared = [issue('halfwidth-punctuation', 1, [edit(1, 2, '，'), edit(3, 4, '')]), issue('halfwidth-punctuation', 1, [edit(1, 2, '，')])];
    const r = applyFixes(text, shared);
    assert.equal(r.text, '甲，乙丙丙丁');
    assert.equal(r.applied.length, 2);
  });

  it('takes a fix whole or not at all when it overlaps one taken before it', () => {
    const clash = [issue('cjk-space', 0, [edit(0, 2, '甲')]), issue('halfwidth-punctuation', 1, [edit(1, 2, '，'), edit(3, 4, '')])];
    const r = applyFixes(text, clash);
    assert.equal(r.text, '甲乙 丙丙丁');
    assert.equal(r.skipped.length, 1);
    assert.equal(r.skipped[0].rule, 'halfwidth-punctuation');
  });

  it('lists the deletions of rules that delete on purpose', () => {
    const r = applyFixes(text, issues, { safeOnly: false });
    assert.deepEqual(intendedDeletions(r.applied), [{ start: 5, end: 6 }]);
  });
});

describe('checkHanPreserved', () => {
  it('accepts changes to anything but Han characters', () => {
    assert.deepEqual(checkHanPreserved('甲, 乙\n\n丙', '甲，乙丙'), { ok: true });
  });
  it('rejects a lost, added or reordered Han character', () => {
    assert.equal(checkHanPreserved('甲乙丙', '甲丙').ok, false);
    assert.equal(checkHanPreserved('甲乙丙', '甲乙丙丁').ok, false);
    const swapped = checkHanPreserved('甲乙丙', '甲丙乙');
    assert.equal(swapped.ok, false);
    assert.match(swapped.detail!, /乙/);
  });
  it('allows deletions inside the given spans, and counts supplementary-plane ideographs', () => {
    assert.equal(checkHanPreserved('甲乙乙丙', '甲乙丙', [{ start: 2, end: 3 }]).ok, true);
    assert.equal(checkHanPreserved('𠀀甲', '甲').ok, false);
  });
});
