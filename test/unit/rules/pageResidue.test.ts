import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged } from './helpers';

const HEAD = '增强落实力执行力穿透力 加快推动各项措施落地落实\n\n刘宛康\n\n';

describe('page-residue', () => {
  it('flags a page number between the halves of a sentence; the safe fix joins them', () => {
    const text = HEAD + '会议指出，洛阳在黄河流域生态保护和高质量发展上地\n\n 0303\n\n位重要、作用突出、责任重大。\n';
    const issues = check('page-residue', text);
    assert.deepEqual(flagged(text, issues), ['0303']);
    assert.equal(issues[0].fixes[0].safe, true);
    assert.equal(fixWith('page-residue', text), HEAD + '会议指出，洛阳在黄河流域生态保护和高质量发展上地位重要、作用突出、责任重大。\n');
  });

  it('flags a running head between two paragraphs; deleting the line is offered, not safe', () => {
    const text = HEAD + '会议指出，要发挥自身优势。\n\n2020年4月30日 星期四\n\n会议强调，要加强党的领导。\n';
    const issues = check('page-residue', text);
    assert.deepEqual(flagged(text, issues), ['2020年4月30日 星期四']);
    assert.equal(issues[0].fixes[0].safe, false);
    assert.equal(fixWith('page-residue', text, true), HEAD + '会议指出，要发挥自身优势。\n\n\n会议强调，要加强党的领导。\n');
  });

  it('flags a running head or page number glued into a sentence', () => {
    const text = HEAD + '会议指出，要以更大的力度 2020年4月30日 星期四 开创洛阳发展新局面，推动洛阳 0303 转型发展。';
    const issues = check('page-residue', text);
    assert.deepEqual(flagged(text, issues), ['2020年4月30日 星期四', '0303']);
    assert.equal(fixWith('page-residue', text, true), HEAD + '会议指出，要以更大的力度开创洛阳发展新局面，推动洛阳转型发展。');
  });

  it('leaves page furniture outside articles, kickers, and credits at the end of an article', () => {
    const text = [
      ' 0303',
      '——市委理论学习中心组集中学习研讨发言摘要',
      '2020年4月30日 星期四',
      '编辑:郭立翔 校对:变鸾 组版:刘涛',
      '',
      '增强落实力执行力穿透力 加快推动各项措施落地落实',
      '',
      '刘宛康',
      '',
      '会议指出，要发挥自身优势，于2020年4月30日召开推进会。(责任编辑：张三)',
    ].join('\n');
    assert.deepEqual(check('page-residue', text), []);
  });
});
