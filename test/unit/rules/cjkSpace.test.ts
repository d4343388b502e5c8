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

  // The texts below put the space past the paragraph's opening (its first sentence, at most 40
  // characters), where a lone space between Han characters is flagged.
  const opened = '会议指出，要加快进度。';

  it('flags a lone space inside a sentence past the opening, a space after 、 or before a digit after a comma', () => {
    for (const [text, fixed] of [
      [`${opened}施工单位按时完成配套 工程，确保项目顺利推进。`, `${opened}施工单位按时完成配套工程，确保项目顺利推进。`],
      // Past 40 characters a long first sentence is past the opening too.
      ['会议指出，要以更加坚定的信心、更加务实的作风、更加有力的举措推动各项工作落实落细 落到实处。', '会议指出，要以更加坚定的信心、更加务实的作风、更加有力的举措推动各项工作落实落细落到实处。'],
      [`${lead}参会的有科技公司、 教育公司和研究机构。`, `${lead}参会的有科技公司、教育公司和研究机构。`],
      [`${lead}而去年同期， 50只基金参与分红。`, `${lead}而去年同期，50只基金参与分红。`],
      // 请 大 家 放心: a single character spaced out at either end of the run.
      [`${lead}请 大 家 放心。`, `${lead}请大家放心。`],
      // A function word standing on its own: 买 了.
      ['会议指出，他买 了一些水果。', '会议指出，他买了一些水果。'],
    ]) {
      assert.equal(fixWith('cjk-space', text), fixed, text);
    }
  });

  it('leaves a space in the opening sentence, spaces that recur in a sentence, and two spaces (a lost line break)', () => {
    for (const text of [
      // The opening of a paragraph, where glued headlines and datelines live.
      `${lead}施工单位完成配套 工程。`,
      `${opened}今年，重点是产业 交通 民生三个方面。`,
      `${opened}展区分为过去 现在 未来三个部分。`,
      `${opened}网页提供论坛 新闻 地图等栏目。`,
      `${opened}据分析，这是对房地产行业  整个投资的展望。`,
      '会议指出，全市共有120  个社区参加评比。',
    ]) {
      assert.deepEqual(flagged(text, check('cjk-space', text)), [], text);
    }
    // Only past the opening: in the first sentence of the paragraph the same space is left.
    assert.equal(check('cjk-space', `${opened}施工单位完成配套 工程。`).length, 1);
  });

  it('leaves a subheading glued at a sentence start (a few words, no clause mark, no function word at the space)', () => {
    for (const text of [
      `${opened}城区面貌焕然一新 老街改造全面完成。`,
      `${opened}一是加强领导。二 完善机制，推动工作落实。`,
      '会议指出，他说：“我们一定会成功。”群星亮相 现场气氛热烈。',
    ]) {
      assert.deepEqual(flagged(text, check('cjk-space', text)), [], text);
    }
    // No glued subheading: a clause mark or more than 16 characters before the space, a
    // function word at it (的, 了解, 并), or a word across it (中国|移动).
    for (const text of [
      `${opened}在抓好大方向的同时，拿出 具体可行的办法。`,
      `${opened}记者了解到：项目进展顺利 各方积极配合。`,
      `${opened}全市各级各部门要在认真总结经验的基础上 持续完善工作机制。`,
      `${opened}我们的最终目的 就是让群众满意。`,
      `${opened}各级干部深入基层 了解群众诉求。`,
      `${opened}各地积极推进改革 并取得明显成效。`,
      `${opened}中国 移动用户可以免费参加。`,
    ]) {
      assert.equal(check('cjk-space', text).length, 1, text);
    }
  });

  it('leaves names and credits: the name check comes before the word check (刘明/文 王军/图 is no 文王)', () => {
    for (const text of [
      `${opened}旅途愉快。刘明/文 王军/图`,
      `${opened}会上，刘洋 张亚晨作了发言。`,
      `${opened}会上，秘书长 张亚晨说，要抓好落实。`,
      `${opened}施工单位完成配套工程。（来源：中国 新闻网）`,
    ]) {
      assert.deepEqual(flagged(text, check('cjk-space', text)), [], text);
    }
  });

  it('past the opening, leaves only names in a list or beside a credit word or title: a run that merely looks like a name does not protect a space', () => {
    for (const [text, fixed] of [
      // 时间相 and 来门 have the shape of names; so does 权利 (权 is a surname).
      [`${opened}同时，与赎回资金到账 时间相比，速度更快。`, `${opened}同时，与赎回资金到账时间相比，速度更快。`],
      [`${opened}据了解，来门 店购房的人很多。`, `${opened}据了解，来门店购房的人很多。`],
      [`${opened}请大家尊重权利人之 权利。`, `${opened}请大家尊重权利人之权利。`],
    ]) {
      assert.equal(fixWith('cjk-space', text), fixed, text);
    }
    for (const text of [`${opened}会上，通讯员 马斌 记者 赵雨文作了介绍。`, `${opened}会上，秘书长 张亚晨说，要抓好落实。`, `${opened}会上，刘洋 张亚晨作了发言。`]) {
      assert.deepEqual(flagged(text, check('cjk-space', text)), [], text);
    }
  });

  it('in the opening, a name-shaped run protects a space only before the first comma; a dateline ends the opening', () => {
    // Before the comma 关中独 could be a glued byline; after it the word 独生女 is cut.
    assert.equal(fixWith('cjk-space', '据报道，关中独 生女儿昨日回国。'), '据报道，关中独生女儿昨日回国。');
    assert.deepEqual(check('cjk-space', '关中独 生女儿昨日回国。'), []);
    // Past the dateline and its credit the paragraph's prose begins, well within 40 characters.
    const dated = '【本市讯】（记者 张三）新平台仅 提供信息存储空间服务，其内容均由用户提供。';
    assert.equal(fixWith('cjk-space', dated), '【本市讯】（记者 张三）新平台仅提供信息存储空间服务，其内容均由用户提供。');
  });

  it('a space is lone in its clause: another clause\'s space, or a glued subheading before a clause, does not hide it', () => {
    // 楼市降温 is a subheading glued at the sentence start; 心理 警示 is in another clause.
    const text = `${opened}楼市降温 成交回落，购房者产生较强的心理 警示。`;
    assert.equal(fixWith('cjk-space', text), `${opened}楼市降温 成交回落，购房者产生较强的心理警示。`);
    // 业界看法 is a glued subheading and 银行对这些 reads as a clause: the second space is lone.
    const glued = `${opened}业界看法 银行对这些 客户区别对待。`;
    assert.equal(fixWith('cjk-space', glued), `${opened}业界看法 银行对这些客户区别对待。`);
  });

  it('a glued subheading is a phrase: a preposition, conjunction or adverb standing alone in it makes it a clause', () => {
    for (const [text, fixed] of [
      [`${opened}“这是我们的符号。”目前在斯坦福 做博士后研究。`, `${opened}“这是我们的符号。”目前在斯坦福做博士后研究。`],
      [`${opened}第一稿中有所体现。但从第二 稿内容中看，已删去。`, `${opened}第一稿中有所体现。但从第二稿内容中看，已删去。`],
    ]) {
      assert.equal(fixWith('cjk-space', text), fixed, text);
    }
  });

  it('leaves a standalone section heading whole, even a spaced-out one (一、概 况)', () => {
    const text = '会议指出，要加快进度。\n\n一、概 况\n\n各地要抓好落实。';
    assert.deepEqual(check('cjk-space', text), []);
  });

  it('spaces around numbers: percent, a number after 为/于/在, numbers set off throughout, the first clause, units', () => {
    assert.equal(fixWith('cjk-space', '会议指出，城镇化率达到60 %。'), '会议指出，城镇化率达到60%。');
    assert.equal(fixWith('cjk-space', '会议指出，城镇化率达到60 %。', false, { spacing: 'copywriting' }), '会议指出，城镇化率达到60 %。');
    assert.equal(fixWith('cjk-space', '会议指出，项目总投资为 12.3亿元。'), '会议指出，项目总投资为12.3亿元。');
    // One number set off by a space is not the file's style: left after a word that takes no number.
    assert.deepEqual(check('cjk-space', '会议指出，今年共配售政策性住房 4.1万套。'), []);
    // In the first clause (a glued headline: 京沪德比 90分钟…), even after 比.
    assert.deepEqual(check('cjk-space', '中超迎来京沪德比 90分钟激战难分胜负，双方最终握手言和。'), []);
    // A title mark opens the first clause: 《意见》 ends it.
    assert.equal(fixWith('cjk-space', '《意见》出台后共有 12个项目落地，投资额创新高。'), '《意见》出台后共有12个项目落地，投资额创新高。');
    // A number with no Chinese unit after it (1/3) keeps its space.
    assert.deepEqual(check('cjk-space', '会议指出，制造业占比超过 1/3。'), []);
  });

  it('leaves a space before an opening mark, a dash or an ellipsis', () => {
    for (const text of [`${lead}他主演了 《大闹天宫》等作品。`, `${lead}这是他的心愿 ——回到家乡。`, `${lead}故事还在继续 ……未完待续。`]) {
      assert.deepEqual(flagged(text, check('cjk-space', text)), [], text);
    }
  });
});
