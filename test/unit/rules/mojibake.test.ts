import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../../server/src/core/analysis';
import { DEFAULT_LINT_CONFIG } from '../../../server/src/core/lint/config';
import { lintDocument } from '../../../server/src/core/lint/lint';
import { defaultSegmenter } from '../../support/segmenters';
import { check, flagged } from './helpers';

const lead = '会议指出，';

describe('mojibake', () => {
  it('flags replacement characters, runs of ?, GB18030 damage, Latin-1 mojibake and private-use characters', () => {
    const cases: [string, string][] = [
      [`${lead}徐若\ufffd入围百花奖。`, '\ufffd'],
      [`${lead}感情线索??几乎每位演员都有。`, '??'],
      [`${lead}全国统一销毁行动开始！?Ｋ孀殴安部副部长到场。`, '?Ｋ'],
      [`${lead}2020å¹´3æœˆ召开推进会。`, 'å¹´3æœ'],
      [`${lead}欧洲设计学院\ue000马兰欧尼学院。`, '\ue000'],
    ];
    for (const [text, mark] of cases) {
      const issues = check('mojibake', text);
      assert.ok(flagged(text, issues).some((f) => f.includes(mark) || mark.includes(f)), `${text}: ${flagged(text, issues)}`);
      assert.ok(issues.every((i) => i.fixes.length === 0));
      assert.match(issues[0].message.en, /cannot be recovered/);
    }
  });

  it('flags a meaningless run of rare characters', () => {
    const text = `${lead}刘绍武：打击枪支犯罪跎芪洌捍蚧髌瓢赴括涉枪案件。`;
    const issues = check('mojibake', text);
    assert.equal(issues.length, 1);
    assert.match(flagged(text, issues)[0], /芪洌捍蚧髌/);
  });

  it('flags a ? that stands for a lost character', () => {
    const text = `${lead}今日徐若?都是珠光宝气，修订赤?角分区计划。`;
    assert.deepEqual(flagged(text, check('mojibake', text)), ['?', '?']);
  });

  it('leaves question marks, rare words of the dictionary, repeated sounds and URLs', () => {
    for (const text of [
      `${lead}你准备好了吗?我们出发吧。`,
      `${lead}为什么要这样做?因为这是责任。`,
      `${lead}他有机会与嫦娥邂逅，小猫喵喵喵地叫。`,
      `${lead}详见http://www.example.com/a?b=1。`,
      `${lead}羟基丙酮和醛类化合物。`,
    ]) {
      assert.deepEqual(flagged(text, check('mojibake', text)), [], text);
    }
  });
});

describe('the ? of GB18030 damage before full-width symbols', () => {
  // Made up in the shape of the Sogou corpus's damage: a ? after a sentence's end, before
  // full-width forms (the bytes A3xx) and meaningless characters.
  const text = '会议取得圆满成功。?＃玻埃保蹦甑纳缁峁ぷ鳌２⑶乙要继续推进。?：衫迹好教育工作。';
  it('is mojibake, and halfwidth-punctuation leaves it alone', () => {
    const result = lintDocument(analyzeDocument(text, { segmenter: defaultSegmenter() }), defaultSegmenter(), { config: DEFAULT_LINT_CONFIG, glossary: null });
    const at = (rule: string) => result.findings.filter((f) => f.rule === rule).map((f) => text.slice(f.span.start, f.span.end));
    assert.ok(at('mojibake').some((t) => t.startsWith('?＃')), JSON.stringify(at('mojibake')));
    assert.ok(at('mojibake').some((t) => t.startsWith('?：')), JSON.stringify(at('mojibake')));
    assert.deepEqual(at('halfwidth-punctuation'), []);
    assert.ok(!result.findings.some((f) => f.fixes.some((fix) => fix.edits.some((e) => e.newText === '？'))));
  });

  it('leaves a question mark before a full-width mark that may follow one', () => {
    const result = lintDocument(analyzeDocument('你们到底去不去?！我们等着回答。', { segmenter: defaultSegmenter() }), defaultSegmenter(), { config: DEFAULT_LINT_CONFIG, glossary: null });
    assert.ok(!result.findings.some((f) => f.rule === 'mojibake'), JSON.stringify(result.findings.map((f) => f.rule)));
  });
});
