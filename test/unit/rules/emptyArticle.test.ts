import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WRAPPED_BODY, check, flagged } from './helpers';

describe('empty-article', () => {
  it('flags a headline and byline with no body before the next article', () => {
    const text = ['履职尽责勇担当 真抓实干作表率', '程相朝', '', '曾丹梅', '', '抢抓发展机遇 积极主动作为', '', WRAPPED_BODY].join('\n');
    const issues = check('empty-article', text);
    assert.deepEqual(flagged(text, issues), ['履职尽责勇担当 真抓实干作表率']);
    assert.match(issues[0].message.zh, /程相朝/);
    assert.deepEqual(issues[0].fixes, []);
  });

  it('leaves articles with a body and untitled items', () => {
    const text = ['加快建设副中心 奋力实现新跨越', '安石柱', '', WRAPPED_BODY, '', '11月24日，河南省洛阳市万安山，山上的自行车赛道在初雪的装扮下分外妖娆。(来源:人民日报)'].join('\n');
    assert.deepEqual(check('empty-article', text), []);
  });

  it('leaves an item with neither headline nor body (bylines alone)', () => {
    assert.deepEqual(check('empty-article', ['刘宛康', '', '张三', ''].join('\n')), []);
  });
});
