import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { severityOf } from '../../../server/src/core/rules/index';
import { check, fixWith, flagged, lintFindings } from './helpers';

describe('halfwidth-punctuation', () => {
  it('flags ASCII marks in Chinese sentences and replaces them with full-width ones', () => {
    const text = '会议指出，省委省政府召开推进会,研究出台若干意见:支持洛阳(副中心)建设;你准备好了吗?加油!';
    const issues = check('halfwidth-punctuation', text);
    assert.deepEqual(flagged(text, issues), [',', ':', '(', ')', ';', '?', '!']);
    assert.ok(issues.every((i) => severityOf(i) === 'information'));
    assert.equal(fixWith('halfwidth-punctuation', text), '会议指出，省委省政府召开推进会，研究出台若干意见：支持洛阳（副中心）建设；你准备好了吗？加油！');
  });

  it('takes the spaces around a mark with it', () => {
    assert.equal(fixWith('halfwidth-punctuation', '会议指出，对照新发展理念 , 高质量发展要求深入学习。'), '会议指出，对照新发展理念，高质量发展要求深入学习。');
  });

  it('leaves numbers, times, ratios, URLs, Latin text and brackets around Latin alone', () => {
    for (const text of [
      '会议指出，经济增长3.5%，总投资1,000亿元，会议于12:30开始，比分1:2。',
      '会议指出，详见网址http://www.example.com/a?b=1&c=2，欢迎访问。',
      '会议指出，设计师Tom Ford, Gucci的作品很受欢迎。',
      '会议指出，湖人今年还有底气吗？(XWT185)',
      '会议指出，他出演了电视剧(Gossip Girl)中的角色。',
      '会议指出，在2019年全市GDP达到5035亿元。',
      '会议指出，雅虎公司Yahoo!的业务。',
      '会议指出，请看这里：?_?) 开心。',
    ]) {
      assert.deepEqual(flagged(text, check('halfwidth-punctuation', text)), [], text);
    }
  });

  it('leaves staff lines (page marks) and question marks that stand for lost characters', () => {
    const text = ['2020年4月30日 星期四', '', '编辑:郭立翔 校对:变鸾 组版:刘涛', '', '会议指出，今日徐若?都是珠光宝气，备受关注。'].join('\n');
    assert.deepEqual(check('halfwidth-punctuation', text), []);
  });

  it('groups a file whose Chinese punctuation is mostly ASCII: one finding, hints per place, a fix for all', () => {
    const sentence = '自省委、省政府在洛阳召开推进会,研究出台若干意见以来,按照市委部署要求,我认真学习有关资料;深入领会讲话精神。';
    const text = [sentence, sentence, sentence, sentence].join('\n\n');
    const findings = lintFindings(text, 'halfwidth-punctuation');
    const warnings = findings.filter((f) => f.severity === 'information');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message.en, /16 ASCII marks/);
    assert.deepEqual(warnings[0].fixes, [], 'the fix for the file is the rule’s fix-all');
    assert.equal(findings.filter((f) => f.severity === 'hint').length, 16);
    assert.ok(!fixWith('halfwidth-punctuation', text).includes(','));
  });

  it('keeps per-place findings when only a few marks are ASCII', () => {
    const text = '连日来，我认真学习了讲话精神,以及省委省政府推进会精神，深受启发、倍感鼓舞。我结合学习情况，谈几点体会。';
    const issues = check('halfwidth-punctuation', text);
    assert.equal(issues.length, 1);
    assert.equal(severityOf(issues[0]), 'information');
  });

  it('flags a mark with Chinese on one side only, even next to an acronym (GDP, A)', () => {
    for (const [text, mark] of [
      ['会议指出，全市GDP,增速领先。', ','],
      ['会议指出，全市GDP, 增速领先。', ','],
      ['会议指出，经济增长,GDP总量创新高。', ','],
      ['会议指出，补充维生素c,钙和铁。', ','],
      ['会议指出，项目A:投资最多。', ':'],
      ['会议指出，比分为:3比1。', ':'],
      ['会议指出，市委召开常委会(扩大会议，研究贯彻意见。', '('],
    ]) {
      assert.deepEqual(flagged(text, check('halfwidth-punctuation', text)), [mark], text);
    }
  });

  it('leaves , ; : next to an English word, the colon after a staff label, and ? of encoding damage', () => {
    for (const text of [
      '会议指出，这个词可以译作自由, freedom。',
      '会议指出，这个词可以译作freedom, 自由。',
      '会议指出，词典列出两种说法：赊账; on credit。',
      '会议指出，原文注明Note: 仅供参考。',
      '会议指出，本版编辑:张三。',
      '会议指出，这是为什么??',
      '会议指出，行动开始！?Ｋ孀殴安部副部长到场。',
    ]) {
      assert.deepEqual(flagged(text, check('halfwidth-punctuation', text)), [], text);
    }
  });

  it('groups only from ten marks on, and only when they outnumber the full-width ones', () => {
    const sentence = '自省委、省政府在洛阳召开推进会,研究出台若干意见以来,按照市委部署要求,我认真学习有关资料;深入领会讲话精神。';
    const warnings = (text: string) => lintFindings(text, 'halfwidth-punctuation').filter((f) => f.severity === 'information');
    // Three paragraphs: 12 ASCII marks and none full-width, grouped.
    assert.equal(warnings([sentence, sentence, sentence].join('\n\n')).length, 1);
    // Two: 8 ASCII marks, each its own finding.
    assert.equal(warnings([sentence, sentence].join('\n\n')).length, 8);
    // 12 ASCII marks but 15 full-width ones: each its own finding.
    const fullwidth = '会议强调，要加强领导，强化统筹，压实责任，狠抓落实。';
    const text = [sentence, sentence, sentence, fullwidth, fullwidth, fullwidth, fullwidth, fullwidth].join('\n\n');
    assert.equal(warnings(text).length, 12);
  });
});
