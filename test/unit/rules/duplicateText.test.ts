import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged } from './helpers';

const lead = '会议指出，';

describe('duplicate-text', () => {
  it('flags a doubled 的 and deletes the copy with a safe fix', () => {
    const text = `${lead}要推动经济高质量的的发展。`;
    const issues = check('duplicate-text', text);
    assert.deepEqual(flagged(text, issues), ['的']);
    assert.equal(issues[0].fixes[0].safe, true);
    assert.equal(fixWith('duplicate-text', text), `${lead}要推动经济高质量的发展。`);
  });

  it('flags other doubled function characters with an unsafe fix', () => {
    const text = `${lead}之后也也会陆续讨论，这是是第一要务。`;
    const issues = check('duplicate-text', text);
    assert.deepEqual(flagged(text, issues), ['也', '是']);
    assert.ok(issues.every((i) => !i.fixes[0].safe));
  });

  it('flags a repeated word or phrase; the fix deletes the second copy but is not safe', () => {
    const text = `${lead}要推动推动高质量发展，文化界在文化界在频密交流。`;
    const issues = check('duplicate-text', text);
    assert.deepEqual(flagged(text, issues), ['推动', '文化界在']);
    assert.equal(fixWith('duplicate-text', text), text);
    assert.equal(fixWith('duplicate-text', text, true), `${lead}要推动高质量发展，文化界在频密交流。`);
  });

  it('sees a copy across a line break in a paragraph and deletes it on its own line', () => {
    const text = `${lead}要坚持以人民为中心，扎实推动\n推动高质量发展，切实增强群众获得感。`;
    const issues = check('duplicate-text', text);
    assert.equal(issues.length, 1);
    assert.match(issues[0].message.en, /across a line break/);
    assert.equal(fixWith('duplicate-text', text, true), `${lead}要坚持以人民为中心，扎实推动\n高质量发展，切实增强群众获得感。`);
  });

  it('flags a partial repeat (落地落实落地) without a fix', () => {
    const text = `${lead}推动各项决策部署落地落实落地。`;
    const issues = check('duplicate-text', text);
    assert.deepEqual(flagged(text, issues), ['落地落实落地']);
    assert.deepEqual(issues[0].fixes, []);
  });

  it('leaves reduplication and rhetorical repetition alone', () => {
    for (const phrase of [
      '我们要好好研究研究这个问题',
      '他常常去看看老人',
      '天天锻炼身体',
      '一个一个地解决问题',
      '一步一步向前走',
      '把情况说得清清楚楚',
      '要落实落实再落实',
      '要抓落实、抓落实、再抓落实',
      '的的确确是这样',
      '这件事不了了之',
      '要达到目的的手段',
      '说着说着又哭了',
      '观众哈哈哈哈大笑',
      '很多很多人参加',
      '不急不急，慢慢来',
      '对照新发展理念和高质量发展要求',
      '增强落实力执行力穿透力，推动各项措施落地落实',
      '从严从实、对标对表',
      // Emphatic repeats of a degree word (很少很少, 非常非常, 特别特别).
      '这件事非常非常重要',
      '大家特别特别感谢他',
      // Sound words (嘀嗒嘀嗒, 叮当叮当) and reduplicated syllables (天天天天, 人人人人).
      '钟表嘀嗒嘀嗒地走着',
      '他叮当叮当地敲着',
      '他天天天天锻炼身体',
      '人人人人都有责任',
      // A character that ends one word and starts the next (城建|建设, 开工|工作).
      '由洛阳城建建设公司负责施工',
      // Numerals (每每|天不亮), sounds (哈|哈哈大笑) and function characters (和|和平, 的|的确, 在|在场).
      '他每每天不亮就出门',
      '观众哈哈哈大笑',
      '要建设繁荣和和平的世界',
      '像他这样的的确不多',
      '这是在在场的人中最年轻的',
      // Full-width digits and letters of a name doubled on their own (１１月, 熊然然).
      '１１月２０日召开会议',
      '记者 熊然然 报道',
      // Name suffixes that start the next word (国际司|司长, 两市|市值), and a counter after a number (3天|天气).
      '外交部国际司司长出席',
      '两市市值最大的股票',
      '未来3天天气晴好',
      '每10人人均一台',
      // Letters glued into words of Chinese usage (AA|A股).
      'AA股同时上涨',
      // A word and a longer word that starts with it but does not split into it and a word (发展|发展中国家).
      '要帮助发展发展中国家经济',
      // A list item that starts the next item (安全、安全生产), and rhetoric: 落实、落实、再落实.
      '要抓安全、安全生产',
      '这是一个非常、非常重要的机遇',
      '关键在落实、落实、再落实',
      '要学习、学习、再学习',
      // A B A where A and B share no first character: two phrases that end alike (业务水平|服务水平).
      '全面提升业务水平服务水平',
      '要一锤接着一锤敲',
      '推动转型发展高质量发展',
    ]) {
      const text = `${lead}${phrase}。`;
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [], phrase);
    }
  });

  it('leaves a subheading or speaker name that ran into the text', () => {
    for (const text of ['会议指出，要加强。\n\n青岛青岛最近的楼市升温。', '会议指出，要加强。8.青岛青岛最近的楼市升温。', '会议指出，大家好。秘书长刘晨刘晨：各位来宾，下午好！', '会议指出，要加强。理念的缺失理念的缺失既有普遍性。']) {
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [], text);
    }
  });

  it('flags a word repeated as the start or end of a longer word (社会|社会主义, 销售价格|价格)', () => {
    for (const [text, copy] of [
      [`${lead}要加强社会社会主义建设。`, '社会'],
      [`${lead}要稳定销售价格价格。`, '价格'],
    ]) {
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [copy], text);
    }
  });

  it('flags a word repeated with one character more or less (许可|许可证, 无条件|条件), but not before a suffix of people (管理|管理者)', () => {
    for (const [text, copy] of [
      [`${lead}要申请经营许可许可证。`, '许可'],
      [`${lead}实行无条件条件退款。`, '条件'],
    ]) {
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [copy], text);
    }
    // A verb and the people it acts on; a numeral before the repeated word.
    for (const text of [`${lead}要学会管理管理者。`, `${lead}要教育教育者本人。`, `${lead}这项工程用了二十年十年前就已立项。`]) {
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [], text);
    }
  });

  it('flags a doubled connective at a sentence start (no subheading is 而且), and ABAB where it cannot be the tentative verb (据介绍介绍, 介绍介绍说)', () => {
    for (const [text, copy] of [
      ['会议指出，要加强。而且而且，这种做法是无条件的。', '而且'],
      ['会议指出，工程已完工。据介绍介绍，项目已验收。', '介绍'],
      ['会议指出，他向记者介绍介绍说，项目已验收。', '介绍'],
      ['会议指出，大家要准备准备好，迎接检查。', '准备'],
      ['会议指出，我们进入了全面沟通沟通的时代。', '沟通'],
    ]) {
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [copy], text);
    }
    for (const text of [`${lead}我们要研究研究这个问题，再介绍介绍经验。`, `${lead}这件事还得商量商量的。`, `${lead}咱们商量商量好吗？`]) {
      assert.deepEqual(check('duplicate-text', text), [], text);
    }
  });

  it('flags a character printed twice where the second copy starts the next word (执|执行难)', () => {
    const text = `${lead}要切实解决执执行难问题。`;
    assert.deepEqual(flagged(text, check('duplicate-text', text)), ['执']);
    assert.equal(fixWith('duplicate-text', text, true), `${lead}要切实解决执行难问题。`);
  });

  it('flags a list item printed twice (自贸区、自贸区) and deletes the copy with its comma', () => {
    const text = `${lead}要建设自贸区、自贸区、综试区。`;
    assert.deepEqual(flagged(text, check('duplicate-text', text)), ['、自贸区']);
    assert.equal(fixWith('duplicate-text', text, true), `${lead}要建设自贸区、综试区。`);
  });

  it('sees a copy whose first half ends a line, and deletes it line by line, keeping the break', () => {
    for (const text of [`${lead}要坚持以人民为中心，扎实推\n动推动高质量发展。`, `${lead}要坚持以人民为中心，扎实推动推\n动高质量发展。`]) {
      const issues = check('duplicate-text', text);
      assert.equal(issues.length, 1, text);
      assert.match(issues[0].message.en, /across a line break/, text);
    }
    const text = `${lead}要坚持以人民为中心，扎实推动推\n动高质量发展。`;
    assert.equal(fixWith('duplicate-text', text, true), `${lead}要坚持以人民为中心，扎实推动\n高质量发展。`);
  });

  it('leaves a run of three copies whole: the guard holds for the last pair too (团结、团结、团结, A B A B)', () => {
    for (const text of [
      // X、X、X is rhetoric like 落实、落实、再落实.
      `${lead}口号是团结、团结、团结。`,
      // A B A B is an alternation, not A B A with a lost B; here at a sentence start, where the
      // repeat of the whole phrase is left as a glued subheading.
      `${lead}要加强。落地落实落地落实是关键。`,
    ]) {
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [], text);
    }
  });

  // Left to the lead: a doubled function character with a third copy is skipped only at its first
  // pair, so the last pair of 对对对 or 是是是 (speech) is flagged. The fix CLI relies on the same
  // look-ahead to turn 的的的 into 的 in two passes (fixCli.test.ts), so which runs to leave is a choice.
  it.todo('leaves 对对对 and 是是是 (speech), as it leaves the first pair of a run of three', () => {
    for (const text of [`${lead}他连声说：对对对。`, `${lead}他连声说是是是。`]) {
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [], text);
    }
  });
});
