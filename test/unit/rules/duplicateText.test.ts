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
    ]) {
      const text = `${lead}${phrase}。`;
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [], phrase);
    }
  });

  it('leaves a subheading or speaker name that ran into the text', () => {
    for (const text of ['会议指出，要加强。8.青岛青岛最近的楼市升温。', '会议指出，大家好。秘书长刘晨刘晨：各位来宾，下午好！', '会议指出，要加强。理念的缺失理念的缺失既有普遍性。']) {
      assert.deepEqual(flagged(text, check('duplicate-text', text)), [], text);
    }
  });
});
