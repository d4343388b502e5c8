import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged } from './helpers';

describe('fullwidth-alnum', () => {
  it('flags runs of full-width letters and digits and converts them', () => {
    const text = '会议指出，２０２０年全市ＧＤＰ增长３．５％，ａｐｐ用户增加。';
    const issues = check('fullwidth-alnum', text);
    assert.deepEqual(flagged(text, issues), ['２０２０', 'ＧＤＰ', '３．５', 'ａｐｐ']);
    assert.ok(issues.every((i) => i.fixes[0].safe));
    assert.equal(fixWith('fullwidth-alnum', text), '会议指出，2020年全市GDP增长3.5％，app用户增加。');
  });

  it('leaves half-width text, full-width punctuation, and the ?Ｋ of GB18030 damage', () => {
    for (const text of ['会议指出，2020年全市GDP增长3.5%。', '会议指出，要（一）加强领导：抓好落实！', '统一销毁行动开始！?Ｋ孀殴?安部副部长']) {
      assert.deepEqual(check('fullwidth-alnum', text), [], text);
    }
  });

  it('takes a full-width point into the run only between digits', () => {
    const text = '会议指出，见附件Ａ．该文件已下发。';
    assert.deepEqual(flagged(text, check('fullwidth-alnum', text)), ['Ａ']);
    assert.equal(fixWith('fullwidth-alnum', text), '会议指出，见附件A．该文件已下发。');
  });
});
