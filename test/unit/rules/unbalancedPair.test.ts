import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WRAPPED_BODY, check, flagged } from './helpers';

const lead = '会议指出，';

describe('unbalanced-pair', () => {
  it('flags an unclosed quote, title mark or bracket, and a closer without an opener', () => {
    const cases: [string, string[]][] = [
      [`${lead}要克服“自满”心态、“等靠”心态、“安逸心态。`, ['“']],
      [`${lead}出台了《关于支持洛阳加快建设副中心城市的若干意见。`, ['《']],
      [`${lead}市委召开常委会（扩大会议，研究贯彻意见。`, ['（']],
      [`${lead}习近平总书记强调：中部地区要有打开大门开放的自信。”`, ['”']],
      [`${lead}他们来自移民顾问委员会”将取消其资质。`, ['”']],
    ];
    for (const [text, marks] of cases) {
      const issues = check('unbalanced-pair', text);
      assert.deepEqual(flagged(text, issues), marks, text);
      assert.deepEqual(issues[0].fixes, []);
    }
  });

  it('reads a paragraph whole, so a quote may span lines and page breaks', () => {
    const text = [
      '解放思想 提高站位 为副中心城市建设贡献力量',
      '张生伟',
      '',
      WRAPPED_BODY,
      '',
      '要教育引导广大非公经济人士克服“自满”“等靠”',
      '',
      '“安逸”心态，提高标准、拉高标杆，向先进地区学习。',
    ].join('\n');
    assert.deepEqual(check('unbalanced-pair', text), []);
  });

  it('accepts a quotation over several paragraphs, nested quotes, mixed-width brackets and list markers', () => {
    for (const text of [
      `${lead}李亚强调：“要把牢发展方向。\n“要强化开放引领，跳出洛阳看洛阳。”`,
      `${lead}他说：“只有始终恪守“诚信”这个原则才能立于不败之地。”`,
      `${lead}推动“十四五”规划编制，见《意见》（2020年）和【附件】。`,
      `${lead}引导优质项目向中欧(洛阳）科创国际合作产业园布局。`,
      `${lead}主要手段：1)骗子冒充客服；2)骗子以能退款为由行骗。`,
    ]) {
      assert.deepEqual(flagged(text, check('unbalanced-pair', text)), [], text);
    }
  });

  it('accepts list markers a) and 一), and a quotation reopened after a sentence end in the same paragraph', () => {
    for (const text of [
      `${lead}选项有：a)同意；b)反对。`,
      `${lead}具体有：一)加强领导；二)完善机制。`,
      `${lead}李亚强调：“要把牢发展方向。“要强化开放引领。”`,
    ]) {
      assert.deepEqual(flagged(text, check('unbalanced-pair', text)), [], text);
    }
  });

  it('still flags an unclosed quote that a later quote does not reopen, an unclosed title mark, or a quote the next article opens', () => {
    const cases: [string, string[]][] = [
      // The later “ follows 、, not a sentence end.
      [`${lead}要克服“自满心态、“等靠”心态。`, ['“']],
      // Only quotations run over paragraphs: 《 is not excused by the next paragraph’s “.
      [`${lead}出台了《若干意见。\n\n“要强化开放引领。”`, ['《']],
      // The next paragraph is another article's.
      [
        ['增强落实力执行力穿透力 加快推动各项措施落地落实', '', '刘宛康', '', `${lead}李亚强调：“要把牢发展方向。`, '', '加快建设副中心 奋力实现新跨越', '', '安石柱', '', '“新时代，新使命。”他说。'].join('\n'),
        ['“'],
      ],
    ];
    for (const [text, marks] of cases) {
      assert.deepEqual(flagged(text, check('unbalanced-pair', text)), marks, text);
    }
  });
});
