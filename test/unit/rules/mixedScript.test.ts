import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged } from './helpers';

const RULE = 'mixed-script';
const SIMPLIFIED = '我们认真学习了会议精神，这个问题已经解决了，经济发展质量明显提高，对群众关心的问题给予回应，实现新的发展。';
const TRADITIONAL = '我們認真學習了會議精神，這個問題已經解決了，經濟發展質量明顯提高，對群眾關心的問題給予回應，實現新的發展。';

describe('mixed-script', () => {
  it('flags a traditional form in simplified text, with an unsafe fix', () => {
    const text = `${SIMPLIFIED}他們沒有忘记。`;
    const issues = check(RULE, text);
    assert.deepEqual(flagged(text, issues), ['們', '沒']);
    assert.ok(issues.every((i) => i.fixes.length >= 1 && i.fixes.every((f) => !f.safe)));
    assert.match(issues[0].message.en, /traditional form in simplified text/);
    assert.equal(fixWith(RULE, text), text);
    assert.equal(fixWith(RULE, text, true), `${SIMPLIFIED}他们没有忘记。`);
  });

  it('flags a simplified form in traditional text', () => {
    const text = `${TRADITIONAL}他们沒有忘記。`;
    assert.deepEqual(flagged(text, check(RULE, text)), ['们']);
  });

  it('is silent on text in one script, and on text too short or too mixed to tell', () => {
    assert.deepEqual(check(RULE, SIMPLIFIED), []);
    assert.deepEqual(check(RULE, TRADITIONAL), []);
    assert.deepEqual(check(RULE, '我們认真学习了。'), []);
  });
});
