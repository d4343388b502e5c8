import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixWith, flagged } from './helpers';

const lead = '会议指出，';

/** `found→expected` for each issue of the rule, with the bundled glossary. */
function variants(text: string): string[] {
  return check('slogan-variant', text).map((i) => `${text.slice(i.span.start, i.span.end)}→${i.fixes[0].edits[0].newText}`);
}

describe('slogan-variant', () => {
  it('flags a numeral pattern with two numerals anywhere (三严四实) and one only in quotes (“九项规定”)', () => {
    assert.deepEqual(variants(`${lead}要践行三严四实的要求。`), ['三严四实→三严三实']);
    assert.deepEqual(variants(`${lead}要严格落实中央“九项规定”精神。`), ['九项规定→八项规定']);
    assert.deepEqual(variants(`${lead}要严格落实九项规定。`), []);
    const text = `${lead}要践行三严四实的要求。`;
    assert.equal(check('slogan-variant', text)[0].fixes[0].safe, false);
    assert.equal(fixWith('slogan-variant', text, true), `${lead}要践行三严三实的要求。`);
  });

  it('leaves numbered forms that are glossary forms themselves (六个坚持) and numbers that are only numerals (三十五)', () => {
    for (const text of [`${lead}要做到“六个坚持”。`, `${lead}今年新开工项目三十五个。`, `${lead}共有“三十五”家企业。`]) {
      assert.deepEqual(variants(text), [], text);
    }
  });

  it('matches unquoted near-misses of canonical phrases only, never the phrase with a neighbouring character', () => {
    for (const text of [
      // 把权力关进制度的笼子里 is in the glossary but not canonical.
      `${lead}要把权力关在制度的笼子里。`,
      // 学习|习近平…: the 习 before the phrase is no extra character of it.
      `${lead}要深入学习习近平新时代中国特色社会主义思想。`,
      // A glossary form (an alias without 、) is no variant.
      `${lead}开展不忘初心牢记使命主题教育。`,
      // Anchored at one end only, a candidate may differ by one edit, not two.
      `${lead}坚持习近平新时代中国特色社会主义的理想。`,
      // A phrase of eight characters allows two edits, not three.
      `${lead}中国传统的社会主义。`,
    ]) {
      assert.deepEqual(variants(text), [], text);
    }
  });

  it('flags a quoted near-miss that falls apart into fragments (“四个自心”), and nothing inside it a second time', () => {
    assert.deepEqual(variants(`${lead}要坚定“四个自心”。`), ['四个自心→四个自信']);
    assert.deepEqual(variants(`${lead}学习“习近平新时代中国特色主义思想”。`), ['习近平新时代中国特色主义思想→习近平新时代中国特色社会主义思想']);
  });

  it('leaves quoted phrases made of words (“共同富足”, “四个全局”), of particles and 及, or with digits', () => {
    for (const text of [`${lead}走向“共同富足”。`, `${lead}要把握“四个全局”。`, `${lead}推动“大众创业及万众创新”。`, `${lead}要增强“4个意识”。`]) {
      assert.deepEqual(variants(text), [], text);
    }
  });

  it('leaves the correct forms', () => {
    const text = `${lead}坚定“四个自信”，增强“四个意识”，做到“两个维护”，践行三严三实，落实中央八项规定精神。`;
    assert.deepEqual(flagged(text, check('slogan-variant', text)), []);
  });
});
