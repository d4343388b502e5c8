import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged } from './helpers';

describe('split-paragraph', () => {
  it('flags a blank line inside a sentence and joins the halves', () => {
    const text = '会议指出，洛阳在黄河流域生态保护和高质量发展上地\n\n位重要、作用突出、责任重大。\n';
    const issues = check('split-paragraph', text);
    assert.equal(issues.length, 1);
    assert.deepEqual(flagged(text, issues), ['地\n\n位']);
    assert.match(issues[0].message.en, /地位/);
    assert.equal(fixWith('split-paragraph', text), '会议指出，洛阳在黄河流域生态保护和高质量发展上地位重要、作用突出、责任重大。\n');
  });

  it('joins across several blank lines and spaces', () => {
    const head = '增强落实力执行力穿透力 加快推动各项措施落地落实\n\n刘宛康\n\n';
    const text = head + '作为市委常委班子成员，我会在市委坚强领导下，对标对表、把握 \n\n\n 方向，埋头苦干、奋勇争先。';
    assert.equal(check('split-paragraph', text).length, 1);
    assert.equal(fixWith('split-paragraph', text), head + '作为市委常委班子成员，我会在市委坚强领导下，对标对表、把握方向，埋头苦干、奋勇争先。');
  });

  it('flags a line that ends with a comma before the blank line', () => {
    const text = '会议部署了抓好洛阳副中心城市建设的重点任务。在高水平建设自贸区、跨境电商综试区的同时，加强历史文化遗产创新，\n\n提升洛阳国际文化旅游名城的知名度。';
    assert.equal(check('split-paragraph', text).length, 1);
  });

  it('leaves blank lines between sentences, and after a headline or byline', () => {
    const text = ['加快建设副中心 奋力实现新跨越', '', '安石柱', '', '新时代，新使命，新担当，新作为。', '', '本人认真学习了习近平新时代中国特色社会主义思想。'].join('\n');
    assert.deepEqual(check('split-paragraph', text), []);
  });

  it('leaves a blank line before a paragraph that opens like one', () => {
    const text = '区领导张志强、焦连飞参加调研\n\n何武周强调，相关企业要及时梳理总结前期招商引资工作。';
    assert.deepEqual(check('split-paragraph', text), []);
  });

  it('leaves a break that holds a page number to page-residue', () => {
    const text = '会议指出，洛阳在黄河流域生态保护和高质量发展上地\n\n0303\n\n位重要、作用突出、责任重大。';
    assert.deepEqual(check('split-paragraph', text), []);
    assert.equal(check('page-residue', text).length, 1);
  });
});

describe('split-paragraph: the half after the break', () => {
  it('flags a break before a particle even when the line reads like speech after it (的…来说，)', () => {
    const text = '房租和水电逐年上涨，这笔费用对于普通\n\n的上班族来说，是一笔不小的开支。\n';
    assert.deepEqual(flagged(text, check('split-paragraph', text)), ['通\n\n的']);
  });
});
