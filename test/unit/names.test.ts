import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPersonName, parseNameList, splitRoleAndName } from '../../server/src/core/names';

describe('isPersonName', () => {
  it('accepts names with a known surname', () => {
    for (const name of ['李亚', '刘宛康', '王国生', '欧阳修文', '习近平']) assert.ok(isPersonName(name), name);
  });
  it('rejects words and non-names', () => {
    for (const word of ['会议', '我们', '李', '中国人民', 'abc', '明确']) assert.ok(!isPersonName(word), word);
  });
});

describe('splitRoleAndName', () => {
  const cases: [string, { name: string; role: string | null } | null][] = [
    ['李亚', { name: '李亚', role: null }],
    ['省委书记王国生', { name: '王国生', role: '省委书记' }],
    ['王国生书记', { name: '王国生', role: '书记' }],
    ['省委王国生书记', { name: '王国生', role: '省委书记' }],
    ['尹弘省长', { name: '尹弘', role: '省长' }],
    ['习近平总书记', { name: '习近平', role: '总书记' }],
    ['区党工委书记何武周', { name: '何武周', role: '区党工委书记' }],
    ['省委常委、市委书记李亚', { name: '李亚', role: '省委常委、市委书记' }],
    ['市人大常委会副主任李钢锤', { name: '李钢锤', role: '市人大常委会副主任' }],
    ['学习了省委书记王国生', null],
    ['各级领导', null],
  ];
  for (const [phrase, expected] of cases) {
    it(phrase, () => assert.deepEqual(splitRoleAndName(phrase), expected));
  }
});

describe('parseNameList', () => {
  it('reads names separated by spaces or 、', () => {
    assert.deepEqual(parseNameList('阮现武 董浩'), ['阮现武', '董浩']);
    assert.deepEqual(parseNameList('张晓晨、倪睿'), ['张晓晨', '倪睿']);
    assert.deepEqual(parseNameList('买买提·艾力'), ['买买提·艾力']);
  });
  it('rejects text that is not names', () => {
    assert.equal(parseNameList('来源:人民日报'), null);
    assert.equal(parseNameList('加快建设副中心'), null);
  });
});
