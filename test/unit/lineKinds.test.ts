import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyLine, sectionMarker } from '../../server/src/core/parse';

describe('classifyLine', () => {
  const kinds: [string, string][] = [
    [' 0303', 'page-mark:page-number'],
    ['第3版', 'page-mark:page-number'],
    ['2020年4月30日 星期四', 'page-mark:page-date'],
    ['编辑:郭立翔 校对:变鸾 组版:刘涛', 'page-mark:staff'],
    ['——市委理论学习中心组“强使命、找差距、明举措、勇担当”集中学习研讨发言摘要', 'page-mark:kicker'],
    ['《洛阳日报》2020年4月1日（01版）', 'source'],
    ['来源:洛阳日报', 'source'],
    ['刘宛康', 'byline'],
    ['本报记者 张三 李四', 'byline'],
    ['李亚出席并讲话 刘宛康、赵会生等出席', 'attendance'],
    ['增强落实力执行力穿透力 加快推动副中心城市建设各项措施落地落实', 'text'],
    ['', 'blank'],
    ['　 ', 'blank'],
  ];
  for (const [line, expected] of kinds) {
    it(JSON.stringify(line), () => {
      const kind = classifyLine(line);
      const label = kind.kind === 'page-mark' ? `page-mark:${kind.mark}` : kind.kind;
      assert.equal(label, expected);
    });
  }
  it('reads the paper and date of a source line', () => {
    assert.deepEqual(classifyLine('《河南日报》2020年3月28日（01、03版）'), { kind: 'source', source: '河南日报', date: '2020-03-28' });
  });
});

describe('sectionMarker', () => {
  it('knows level-1 and level-2 markers', () => {
    assert.deepEqual(sectionMarker('一、充分认识重大意义。'), { marker: '一、', level: 1 });
    assert.deepEqual(sectionMarker('（三）加强领导'), { marker: '（三）', level: 1 });
    assert.deepEqual(sectionMarker('二是抢抓发展机遇。'), { marker: '二是', level: 2 });
    assert.deepEqual(sectionMarker('一要坚持以人民为中心'), { marker: '一要', level: 2 });
  });
  it('ignores text that merely starts with a numeral', () => {
    assert.equal(sectionMarker('一个时期以来'), null);
    assert.equal(sectionMarker('一、'), null);
  });
});
