import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged } from './helpers';

describe('stray-latin', () => {
  it('flags an English function word set off between Chinese words, with an unsafe fix', () => {
    const text = '会议指出，要对照新发展理念 and 高质量发展要求，深入学习。';
    const issues = check('stray-latin', text);
    assert.deepEqual(flagged(text, issues), ['and']);
    assert.equal(issues[0].fixes.length, 1);
    assert.equal(issues[0].fixes[0].safe, false);
    assert.equal(fixWith('stray-latin', text), text, 'not applied by fix-all');
    assert.equal(fixWith('stray-latin', text, true), '会议指出，要对照新发展理念和高质量发展要求，深入学习。');
  });

  it('offers no fix for a function word it cannot translate', () => {
    const issues = check('stray-latin', '会议指出，要对照新发展理念 the 高质量发展要求，深入学习。');
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0].fixes, []);
  });

  it('flags a letter glued inside a Chinese word, with an unsafe fix that deletes it', () => {
    const text = '会议指出，要推动经济高质量发l展。';
    const issues = check('stray-latin', text);
    assert.deepEqual(flagged(text, issues), ['l']);
    assert.equal(fixWith('stray-latin', text, true), '会议指出，要推动经济高质量发展。');
  });

  it('leaves acronyms, units, model numbers, brands, URLs and Latin phrases alone', () => {
    for (const text of [
      '会议指出，2019年全市GDP达到5035亿元，CPI上涨2%，IT产业和5G网络发展迅速，PM2.5浓度下降。',
      '会议指出，全程42km，重5kg，搭建IT产业合作平台。',
      '会议指出，新款iPhone手机和尼康S230相机上市，Tom Ford最爱的单品。',
      '会议指出，访问it7t.com或www.example.com了解详情。',
      '会议指出，中国A股市场和B超检查，卡拉OK厅，T恤衫。',
      '会议指出，当玩家在ID内存在角色时可以对话。',
      '会议指出，时尚街拍：搞怪or潮流？',
      '会议指出，他演唱了Hello World这首歌。',
    ]) {
      assert.deepEqual(flagged(text, check('stray-latin', text)), [], text);
    }
  });
});
