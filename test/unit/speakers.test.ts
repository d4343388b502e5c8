import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegionCache, analyzeDocument } from '../../server/src/core/analysis';
import { defaultSegmenter } from '../support/segmenters';

function speakersOf(body: string) {
  const text = `测试标题甲 测试标题乙\n\n${body}`;
  const analysis = analyzeDocument(text, { segmenter: defaultSegmenter() });
  return {
    text,
    speakers: analysis.articles.flatMap((a) => a.speakers),
  };
}
const summary = (body: string) =>
  speakersOf(body).speakers.map((s) => `${s.role ?? ''}|${s.name}|${s.statements.map((st) => st.verb).join(',')}`);

describe('findSpeakers', () => {
  it('finds a bare name with a statement verb', () => {
    assert.deepEqual(summary('李亚强调，学习宣传贯彻推进会精神是重要政治任务。'), ['|李亚|强调']);
  });
  it('splits a title before the name into the role', () => {
    assert.deepEqual(summary('省委书记王国生在推进会讲话中指出，洛阳要实现全方位开放。'), ['省委书记|王国生|指出']);
  });
  it('reads titles after the name and adverbs before the verb', () => {
    assert.deepEqual(summary('李亚书记反复强调，今天的投资结构就是明天的产业结构。尹弘省长也指出了短板。'), [
      '书记|李亚|强调',
      '省长|尹弘|指出',
    ]);
  });
  it('finds bodies as speakers', () => {
    assert.deepEqual(summary('会议指出，要发挥自身优势。市委市政府强调，要围绕创优补短。'), ['|会议|指出', '|市委市政府|强调']);
  });
  it('attributes a pronoun statement to the last person named', () => {
    assert.deepEqual(summary('区党工委书记何武周来到项目现场。当得知混凝土短缺时，他指出，要全力提供服务。'), ['区党工委书记|何武周|指出']);
  });
  it('drops a pronoun statement when no person was named before it', () => {
    assert.deepEqual(summary('他指出，要全力提供服务。'), []);
  });
  it('recognises a name cut in two by a line break or a page break', () => {
    assert.deepEqual(summary('项目建设稳步推进，何武\n周强调，要抢工期保质量。'), ['|何武周|强调']);
    assert.deepEqual(summary('在推进会上，省委书记王国\n\n生指出，洛阳要实现全方位开放。'), ['省委书记|王国生|指出']);
  });
  it('groups all statements of one speaker in order', () => {
    const { speakers } = speakersOf('李亚指出，要强化开放引领。\n\n李亚强调，要发挥自身优势。\n\n李亚要求，各地要狠抓落实。');
    assert.equal(speakers.length, 1);
    assert.deepEqual(speakers[0].statements.map((s) => s.verb), ['指出', '强调', '要求']);
  });
  it('spans a statement from the subject to the end of the sentence or quotation', () => {
    const { text, speakers } = speakersOf('习近平总书记强调：“要坚持先规划后建设的原则。”这是根本遵循。');
    const span = speakers[0].statements[0].span;
    assert.equal(text.slice(span.start, span.end), '习近平总书记强调：“要坚持先规划后建设的原则。”');
  });
  it('gives a clause with no subject of its own the subject that opens the sentence', () => {
    assert.deepEqual(summary('赵会生来到工程建设现场,检查扬尘污染防治措施落实情况,要求施工企业统筹好项目建设。'), ['|赵会生|要求']);
    assert.deepEqual(summary('各级各部门要提升政治站位,认清严峻形势,要求各单位抓好落实。'), []);
  });
  it('does not take nouns and non-speech uses for statements', () => {
    assert.deepEqual(summary('贯彻落实县域治理“三起来”的重要要求，对洛阳来说意义重大。李亚书记提出的要求十分明确。'), []);
    assert.deepEqual(summary('我们要求各单位认真落实，有关部门表示支持。'), []);
  });
});

describe('RegionCache', () => {
  it('reuses the speakers of untouched articles after an edit elsewhere, at their new offsets', () => {
    const before = '第一篇 标题\n\n李亚强调，要抓落实。\n\n《洛阳日报》2020年4月1日（01版）\n\n第二篇 标题\n\n何武周指出，要抢工期。\n';
    const after = before.replace('要抓落实', '要狠抓落实');
    const cache = new RegionCache();
    analyzeDocument(before, { segmenter: defaultSegmenter(), cache });
    cache.hits = 0;
    const analysis = analyzeDocument(after, { segmenter: defaultSegmenter(), cache });
    assert.equal(cache.hits, 1, 'only the edited article is analysed again');
    const span = analysis.articles[1].speakers[0].statements[0].span;
    assert.equal(after.slice(span.start, span.end), '何武周指出，要抢工期。');
    const fresh = analyzeDocument(after, { segmenter: defaultSegmenter() });
    assert.deepEqual(analysis.articles.map((a) => a.speakers), fresh.articles.map((a) => a.speakers));
  });
});
