import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged, lintFindings } from './helpers';

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

  it('flags a staff line of two credits or more glued into a sentence', () => {
    const text = HEAD + '会议指出，要以更大的力度 编辑：郭立翔 校对：王敏 开创发展新局面。';
    const issues = check('page-residue', text);
    assert.deepEqual(flagged(text, issues), ['编辑：郭立翔 校对：王敏']);
    assert.equal(fixWith('page-residue', text, true), HEAD + '会议指出，要以更大的力度开创发展新局面。');
  });

  it('keeps a space where the glued residue stood between two Latin words', () => {
    const text = HEAD + '会议指出，新款iPhone 2020年4月30日 星期四 Pro上市。';
    assert.equal(fixWith('page-residue', text, true), HEAD + '会议指出，新款iPhone Pro上市。');
  });

  it('leaves what only looks like glued residue: one credit, dates and numbers of prose, credits at the end', () => {
    for (const body of [
      // One staff credit is prose.
      '会议指出，本书的责任编辑：王敏，为此付出了很多心血。',
      // A number that does not start with 0 is no page number.
      '会议指出，力争到 2025 年实现翻番。',
      // A date is a running head only with its weekday, between spaces.
      '会议指出，会议于 2020年4月30日 在洛阳召开。',
      '会议指出，会议定于2020年4月30日 星期四 召开。',
      // A staff line that ends the paragraph, or inside its closing credit, is a credit.
      '会议指出，要加快发展。编辑：郭立翔 校对：王敏',
      '会议指出，要加快发展。（编辑：郭立翔 校对：王敏）',
      // A running head cut by a line break is the parser's to find, not a glued one.
      '会议指出，要以更大的力度 2020年4月30日\n星期四 开创洛阳发展新局面。',
    ]) {
      const text = HEAD + body;
      assert.deepEqual(flagged(text, check('page-residue', text)), [], body);
    }
  });

  it('leaves a running head between the byline and the first paragraph (no prose before it)', () => {
    const text = HEAD + '2020年4月30日 星期四\n\n会议指出，要发挥自身优势。\n';
    assert.deepEqual(check('page-residue', text), []);
  });

  it('offers, never applies unasked, the deletion of a line taken for a running head only by the words around it', () => {
    // 奋斗 stands between 地 and 位 (地位 runs across it): a running head — or a line of another column
    // in two-column OCR, or a headline at the top of a page. Neither its place nor a page mark next
    // to it makes its deletion safe; only its shape or its recurrence would.
    const body = ['会议指出，洛阳在黄河流域生态保护和高质量发展上地', '奋斗', '位重要、作用突出、责任重大，要坚持新发展理念推动', '高质量发展，加快副中心城市建设各项措施落地落实。'];
    const residue = (lines: string[]) => lintFindings(['洛阳召开推进会', '', ...lines, ''].join('\n'), 'page-residue').map((f) => ({ text: f.message.en.match(/“(.*)”/)![1], safe: f.fixes.map((x) => x.safe) }));
    assert.deepEqual(residue(body), [{ text: '奋斗', safe: [false] }]);
    assert.deepEqual(residue([...body.slice(0, 2), '·12·', ...body.slice(2)]), [
      { text: '奋斗', safe: [false] },
      { text: '·12·', safe: [false] },
    ]);
  });

  it('joins a sentence around page furniture only when nothing else stands between the halves: a footnote stays, a short line between page marks is furniture', () => {
    const before = '政治工作同经济工作相比，政治工作占第一位。毛泽东同志一直强调，政治是经济的集';
    const after = '中表现。政治要统帅经济，而不是经济统帅政治，这是我们一贯的原则。';
    const safeJoins = (between: string[]) =>
      lintFindings(['学习毛泽东思想', '', before, ...between, after, ''].join('\n'), 'page-residue').flatMap((f) => f.fixes.filter((x) => x.safe));
    assert.equal(safeJoins(['(总3)·1', '=====第3页=====']).length, 2, 'a page number and a page marker: the join is safe');
    assert.deepEqual(safeJoins(['①《关于正确处理人民内部矛盾的问题》，人民出版社1957年版，第23页。', '(总3)·1', '=====第3页=====']), [], 'a footnote is the page’s text');
    // A short line between a page number and a page marker is furniture by its place (an issue line the OCR cut short).
    assert.equal(safeJoins(['(总3)·1', '一九五八年', '=====第3页=====']).length, 3, 'the join deletes the page number, the line and the marker');
  });
});
