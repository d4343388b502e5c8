import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { discoverSlogans } from '../../server/src/core/glossary/discovery';
import { validateGlossary } from '../../server/src/core/glossary/entries';
import { Glossary } from '../../server/src/core/glossary/matcher';
import { editDistance, findVariants } from '../../server/src/core/glossary/variants';
import { SEEDS_DIR } from '../support/paths';

const entry = (term: string, extra: Record<string, unknown> = {}) => ({
  term,
  definition: { zh: '释义', en: 'gloss' },
  since: { date: '2017', event: '党的十九大' },
  scope: { level: 'national' },
  source: { title: '报告', publisher: '新华社', date: '2017-10-27' },
  ...extra,
});

const glossary = new Glossary(
  validateGlossary(
    {
      entries: [
        entry('四个意识', { components: ['政治意识', '大局意识', '核心意识', '看齐意识'] }),
        entry('四个自信', { components: ['道路自信', '理论自信', '制度自信', '文化自信'] }),
        entry('两个维护', { components: ['坚决维护习近平总书记党中央的核心、全党的核心地位', '坚决维护党中央权威和集中统一领导'] }),
        entry('习近平新时代中国特色社会主义思想', { canonical: true }),
        entry('不忘初心、牢记使命', { canonical: true }),
        entry('放管服'),
      ],
    },
    'bundled',
  ).entries,
);
const variants = (text: string) => findVariants(glossary, text).map((v) => `${v.found}→${v.expected}`);

describe('findVariants', () => {
  it('flags a wrong number in a numbered slogan', () => {
    assert.deepEqual(variants('坚定“三个自信”，增强“四个意识”'), ['三个自信→四个自信']);
  });
  it('flags a canonical long form with a word missing, extra or swapped', () => {
    assert.deepEqual(variants('以习近平新时代中国特色主义思想为指导'), ['习近平新时代中国特色主义思想→习近平新时代中国特色社会主义思想']);
    assert.deepEqual(variants('深入开展不忘初心、牢使命主题教育'), ['不忘初心、牢使命→不忘初心、牢记使命']);
    assert.deepEqual(variants('以习近平新时代中国特色社会主意思想为指导'), ['习近平新时代中国特色社会主意思想→习近平新时代中国特色社会主义思想']);
  });
  it('flags a character lost next to either end of a canonical form, keeping its first and last character', () => {
    assert.deepEqual(variants('以习近平新时代中国特色社会主义想为指导'), ['习近平新时代中国特色社会主义想→习近平新时代中国特色社会主义思想']);
    assert.deepEqual(variants('以习平新时代中国特色社会主义思想为指导'), ['习平新时代中国特色社会主义思想→习近平新时代中国特色社会主义思想']);
    assert.deepEqual(variants('不忘初心、牢记嘱托，牢记使命'), []);
  });
  it('leaves correct forms and ordinary prose alone', () => {
    assert.deepEqual(variants('以习近平新时代中国特色社会主义思想为指导，增强“四个意识”、坚定“四个自信”、做到“两个维护”'), []);
    assert.deepEqual(variants('第三个自信心来自实践，十四个意识形态问题'), []);
    assert.deepEqual(variants('这是一个自信的城市，坚持习近平新时代中国特色的社会主义思想'), []);
    assert.deepEqual(variants('习近平总书记强调，要坚持中国特色社会主义思想'), []);
  });
  it('does not flag any correct form in the seeds, only the one non-standard form there', () => {
    // Seed 002 writes 习近平总书记新时代中国特色社会主义思想: the standard name has no 总书记
    // inside it, a correction copy editors make.
    const found = fs.readdirSync(SEEDS_DIR).flatMap((file) => variants(fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8')));
    assert.deepEqual(found, ['习近平总书记新时代中国特色社会主义思想→习近平新时代中国特色社会主义思想']);
  });
  it('measures edit distance', () => {
    assert.equal(editDistance('四个自信', '三个自信'), 1);
    assert.equal(editDistance('牢使命', '牢记使命'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });
});

describe('discoverSlogans', () => {
  it('lists numbered slogans and quoted enumerations that no glossary knows, with contexts', () => {
    const text = '推动“三服务”工作高质量。以“三服务”工作高质量助力建设。开展“强使命、找差距、明举措、勇担当”集中学习。增强“四个意识”。深化“放管服”改革。我们一起“努力”。';
    const found = discoverSlogans(text, glossary);
    assert.deepEqual(found.map((s) => [s.term, s.occurrences.length]), [
      ['三服务', 2],
      ['强使命、找差距、明举措、勇担当', 1],
    ]);
    assert.equal(found[0].occurrences[0].context, '推动“三服务”工作高质量。');
    assert.deepEqual(found[1].components, ['强使命', '找差距', '明举措', '勇担当']);
  });
  it('finds a slogan that a hard wrap cuts, with its context joined, but not across a blank line', () => {
    const found = discoverSlogans('优化“一中心\n六组团”空间布局。推动“三服\n\n务”。', glossary);
    assert.deepEqual(found.map((s) => [s.term, s.occurrences[0].context]), [['一中心六组团', '优化“一中心六组团”空间布局。']]);
  });
  it('proposes the components spelled out next to a slogan also in hard-wrapped text', () => {
    const text = '推进县域治理“三起来”，把强县和富民统一起\n来，把改革和发展结合起来，把城镇和乡村贯\n通起来。\n\n另一段。';
    const found = discoverSlogans(text, glossary).find((s) => s.term === '三起来');
    assert.deepEqual(found?.components, ['把强县和富民统一起来', '把改革和发展结合起来', '把城镇和乡村贯通起来']);
  });
  it('proposes the components the corpus spells out next to a numbered slogan (seed 000)', () => {
    const text = fs.readFileSync(path.join(SEEDS_DIR, '000_c507521ed4d42cd6.txt'), 'utf8');
    const sanqilai = discoverSlogans(text, glossary).find((s) => s.term === '三起来');
    assert.ok(sanqilai);
    assert.deepEqual(sanqilai.components, ['把强县和富民统一起来', '把改革和发展结合起来', '把城镇和乡村贯通起来']);
  });
});
