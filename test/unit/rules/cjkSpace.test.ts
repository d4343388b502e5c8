import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged } from './helpers';

/** A paragraph with something before it, so that a test sentence is not its first clause. */
const lead = '会议指出，';

describe('cjk-space', () => {
  it('flags a space that cuts a word (习 近平) and deletes it', () => {
    const text = `${lead}要深入领会、准确把握习 近平总书记重要讲话精神。`;
    const issues = check('cjk-space', text);
    assert.equal(issues.length, 1);
    assert.deepEqual(flagged(text, issues), [' ']);
    assert.match(issues[0].message.en, /习近平/);
    assert.equal(issues[0].fixes[0].safe, true);
    assert.equal(fixWith('cjk-space', text), `${lead}要深入领会、准确把握习近平总书记重要讲话精神。`);
  });

  it('flags spaces around numbers with Chinese units in the newspaper profile', () => {
    const text = '一、充分认识重大意义。3 月 27 日，在全省上下深入学习贯彻讲话精神的关键时期召开推进会。';
    assert.equal(check('cjk-space', text).length, 3);
    assert.equal(fixWith('cjk-space', text), '一、充分认识重大意义。3月27日，在全省上下深入学习贯彻讲话精神的关键时期召开推进会。');
  });

  it('keeps spaces between Chinese and numbers in the copywriting profile, but not between Han', () => {
    const text = `${lead}3 月 27 日召开推进会，习 近平总书记作出重要指示。`;
    const issues = check('cjk-space', text, { spacing: 'copywriting' });
    assert.deepEqual(flagged(text, issues), [' ']);
    assert.equal(fixWith('cjk-space', text, false, { spacing: 'copywriting' }), `${lead}3 月 27 日召开推进会，习近平总书记作出重要指示。`);
  });

  it('flags numbers set off by spaces throughout a file (力争到 2025 年 … 突破 350 万人)', () => {
    const text = '会议提出，力争到 2025 年，地区生产总值达到 8000 亿元，常住人口突破 350 万人，城镇化率突破 70%。';
    assert.equal(fixWith('cjk-space', text), '会议提出，力争到2025年，地区生产总值达到8000亿元，常住人口突破350万人，城镇化率突破70%。');
  });

  it('flags spaced-out characters, a space beside a function word, and spaces around full-width punctuation', () => {
    assert.equal(fixWith('cjk-space', `${lead}水 泥 用 量逐年增加。`), `${lead}水泥用量逐年增加。`);
    assert.equal(fixWith('cjk-space', `${lead}这是与雄鹿的 比赛。`), `${lead}这是与雄鹿的比赛。`);
    assert.equal(fixWith('cjk-space', `${lead}要加强统筹协调 ，细化支持措施， 健全工作推进机制。`), `${lead}要加强统筹协调，细化支持措施，健全工作推进机制。`);
  });

  it('leaves headlines, decks, bylines and reporter credits alone', () => {
    const text = [
      '增强落实力执行力穿透力 加快推动副中心城市建设各项措施落地落实',
      '',
      '李亚出席并讲话 刘宛康、赵会生等出席',
      '',
      '本报记者 张三 李四',
      '',
      '区领导张志强、焦连飞，相关区直部门负责人参加会议。(阮现武 董浩)',
    ].join('\n');
    assert.deepEqual(check('cjk-space', text), []);
  });

  it('leaves names padded to three cells, datelines, credits and separators', () => {
    for (const text of [
      `${lead}责任到人。(张 哲)`,
      `${lead}实习生 景 雪 文`,
      '新浪娱乐讯 9月24日，电影节开幕。',
      `${lead}中新社发 董乃德 摄`,
      `${lead}楼市接近尾声。  楼市热带来新机遇。`,
      `${lead}工程进展顺利　项目按期完工。`,
    ]) {
      assert.deepEqual(flagged(text, check('cjk-space', text)), [], text);
    }
  });

  it('leaves spaces between Latin words and numbers, and the glued headline of a news item', () => {
    for (const text of [
      `${lead}尼康 S230 数码相机的感光度最高可以达到 ISO 2000，使用 iPhone 6 Plus 拍摄。`,
      '湖人消息比赢球开心10倍 小拜膝伤无碍季后赛复出新浪体育讯北京时间4月12日，湖人获胜。',
      '基金领衔减持债券 1月减债近千亿。',
      `${lead}两个词都是词：今年 以来的变化。`,
    ]) {
      assert.deepEqual(flagged(text, check('cjk-space', text)), [], text);
    }
  });
});
