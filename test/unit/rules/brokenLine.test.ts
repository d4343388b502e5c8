import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { severityOf } from '../../../server/src/core/rules/index';
import { WRAPPED_BODY, check, fixWith, flagged, lintFindings } from './helpers';

describe('broken-line', () => {
  it('flags a line break that cuts a word, and the fix joins the lines', () => {
    const text = '会议指出，洛阳在黄河流域生态保护和高质量发展上地\n位重要、作用突出、责任重大。\n';
    const issues = check('broken-line', text);
    assert.equal(issues.length, 1);
    assert.deepEqual(flagged(text, issues), ['地\n位']);
    assert.match(issues[0].message.zh, /地位/);
    assert.match(issues[0].message.en, /地位/);
    assert.equal(issues[0].fixes[0].safe, true);
    assert.equal(fixWith('broken-line', text), '会议指出，洛阳在黄河流域生态保护和高质量发展上地位重要、作用突出、责任重大。\n');
  });

  it('removes spaces around the break when it joins', () => {
    const text = '会议强调，要强化开放引领，以国际视野谋划推动洛阳副中心  \n  城市建设各项工作落地见效。';
    assert.equal(fixWith('broken-line', text), '会议强调，要强化开放引领，以国际视野谋划推动洛阳副中心城市建设各项工作落地见效。');
  });

  it('groups a hard-wrapped file into one finding (information) for the file and hints per place, each with its fix', () => {
    const text = ['解放思想 提高站位 为副中心城市建设贡献力量', '张生伟', '', WRAPPED_BODY, ''].join('\n');
    const findings = lintFindings(text, 'broken-line');
    const warnings = findings.filter((f) => f.severity === 'information');
    const hints = findings.filter((f) => f.severity === 'hint');
    assert.equal(warnings.length, 1);
    assert.ok(warnings[0].fileLevel, 'the finding stands for the file');
    assert.deepEqual(warnings[0].fixes, [], 'its fix is the rule’s fix-all: it copies no edits');
    assert.match(warnings[0].message.en, /hard-wrapped at about 19 characters a line: 9 line breaks/);
    assert.equal(hints.length, 9, 'one hint per line break inside the paragraph');
    assert.ok(hints.every((h) => h.fixes[0].safe && h.fixes[0].edits.length === 1));
    const fixed = fixWith('broken-line', text);
    assert.equal(fixed, ['解放思想 提高站位 为副中心城市建设贡献力量', '张生伟', '', WRAPPED_BODY.split('\n').join(''), ''].join('\n'));
  });

  it('never flags the breaks around a headline, byline, deck or section heading', () => {
    const text = [
      '全市领导干部会议召开，传达学习贯彻省委省政府加快洛阳',
      '副中心城市建设工作推进会精神',
      '',
      '李亚出席并讲话 刘宛康、赵会生等出席',
      '',
      '刘宛康',
      '',
      '一、加快建设副中心，机遇意识是前提',
      '一是提升政治站位。加快洛阳副中心城市建设，是河洛儿女的共同梦想。',
    ].join('\n');
    assert.deepEqual(check('broken-line', text), []);
  });

  it('leaves a line that ends a sentence, and a new paragraph that opens like one', () => {
    const text = ['会议指出，要发挥自身优势。', '会议强调，要加强党的领导。', '', '区领导和相关单位负责人参加会议', '何武周强调，相关企业要及时梳理总结前期招商引资工作。'].join('\n');
    assert.deepEqual(check('broken-line', text), []);
  });

  it('leaves blank-line breaks to split-paragraph', () => {
    const text = '会议指出，洛阳在黄河流域生态保护和高质量发展上地\n\n位重要、作用突出、责任重大。';
    assert.deepEqual(check('broken-line', text), []);
  });

  it('tells the evidence: a comma or an opening mark ends the line, punctuation starts the next, or no sentence end', () => {
    const cases: [string, RegExp][] = [
      ['会议指出，要发挥自身优势，\n加快推进各项工作落实。', /punctuation around it/],
      ['会议指出，要发挥自身优势\n，加快推进各项工作落实。', /punctuation around it/],
      ['会议指出，要发挥自身优势\n加快推进各项工作落实。', /does not end the sentence/],
    ];
    for (const [text, why] of cases) {
      const issues = check('broken-line', text);
      assert.equal(issues.length, 1, text);
      assert.match(issues[0].message.en, why, text);
    }
  });

  it('leaves a break before a line that opens like a paragraph: a speaker, a date, a section marker', () => {
    for (const next of ['何武周强调，相关企业要及时梳理总结。', '11月24日，河南省召开会议。', '一是加快推进各项工作落实。']) {
      const text = `会议指出，要发挥自身优势\n${next}`;
      assert.deepEqual(check('broken-line', text), [], next);
    }
  });

  it('keeps a space where joining would run two Latin words together', () => {
    assert.equal(fixWith('broken-line', '会议指出，设计师Tom\nFord的作品很受欢迎。'), '会议指出，设计师Tom Ford的作品很受欢迎。');
  });

  it('in a hard-wrapped file: a full line is evidence, a full line ending a sentence is none, one ending with a colon is', () => {
    const wrapped = check('broken-line', ['解放思想 提高站位 为副中心城市建设贡献力量', '张生伟', '', WRAPPED_BODY, ''].join('\n'));
    assert.ok(wrapped.some((i) => /full line of hard-wrapped text/.test(i.message.en)));
    const body = [
      '近期，按照市委理论学习中心组要求，我',
      '深入学习了习近平新时代中国特色社会主义',
      '思想，特别是习近平总书记对河南工作的重',
      '要指示、在推动中部地区崛起工作座谈会及',
      '黄河流域生态保护和高质量发展座谈会精神。',
      '同时学习了省委省政府加快洛阳副中心城市',
      '建设工作推进会精神，深刻领会其中的要求：',
      '加快推进副中心城市建设，全市上下要凝心',
      '聚力、真抓实干，谋划发展更有信心。下面',
      '我结合分管工作实际，谈几点认识和体会。',
    ].join('\n');
    const text = ['解放思想 提高站位 为副中心城市建设贡献力量', '张生伟', '', body, ''].join('\n');
    const flaggedBreaks = flagged(text, check('broken-line', text));
    assert.ok(!flaggedBreaks.includes('。\n同'), 'a full line that ends a sentence');
    assert.ok(flaggedBreaks.includes('：\n加'), 'a colon at the end of a full line');
  });

  it('groups only a hard-wrapped file, and only from five breaks on', () => {
    const warnings = (text: string) => lintFindings(text, 'broken-line').filter((f) => f.severity === 'information');
    // Five breaks, but not hard-wrapped: each its own finding.
    const unwrapped = ['会议指出，要发挥自身优势', '加快推进各项工作落实，要强化开放引领，以国际视野谋划推动洛阳副中心城市建设', '各项工作', '落地见效，要坚持以人民为中心，扎实推动高质量发展', '切实增强群众', '获得感和幸福感。'].join('\n');
    assert.equal(check('broken-line', unwrapped).length, 5);
    assert.equal(warnings(unwrapped).filter((w) => !w.fileLevel).length, 5);
    // Hard-wrapped, but four breaks: each its own finding.
    const short = ['解放思想 提高站位 为副中心城市建设贡献力量', '张生伟', '', WRAPPED_BODY.split('\n').slice(0, 5).join('\n'), ''].join('\n');
    assert.ok(warnings(short).every((w) => !w.fileLevel));
  });
});

describe('a dated list, one entry a line (a headline index)', () => {
  // Entries as long as a real index's (2 to 96 characters), none ending a sentence, some recurring (图片).
  const lengths = [71, 31, 27, 19, 24, 2, 43, 16, 12, 13, 2, 13, 16, 19, 15, 10, 11, 16, 8, 12, 13, 15, 12, 15, 8, 11, 13, 96, 19, 23, 17, 7, 24, 20, 8, 14, 16, 13, 31, 33];
  const words = '国务院召开常务会议研究秋粮收购工作全国科技工作者座谈会在京举行首都各界青年欢迎日本青年代表团'.repeat(3);
  const entry = (n: number, k: number) => (n === 2 ? '图片' : words.slice(k % 17, (k % 17) + n));
  const text = ['### 1984年10月', ...lengths.map((n, k) => `1984-10-${String(1 + Math.floor(k / 8)).padStart(2, '0')} ${entry(n, k)}`), ''].join('\n');

  it('is no hard-wrapped text: no line is joined to the next, and no recurring entry is taken for a running head', () => {
    const findings = lintFindings(text);
    assert.deepEqual(findings.filter((f) => ['broken-line', 'split-paragraph', 'page-residue'].includes(f.rule)).map((f) => f.message.en), []);
  });
});
