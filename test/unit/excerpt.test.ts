/**
 * Excerpts for people to read: contexts around a slogan (hovers, `corpus-lens slogans`) and what a
 * speaker said (the outline), cut at a clause mark or a word boundary, with an ellipsis where
 * text was left out, never inside a surrogate pair or a Latin word.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis';
import { ELLIPSIS, clipEnd, contextAround, splitsUnit } from '../../server/src/core/excerpt';
import { discoverSlogans } from '../../server/src/core/glossary/discovery';
import { Glossary } from '../../server/src/core/glossary/matcher';
import { statementName } from '../../server/src/lsp/features/symbols';
import { defaultSegmenter } from '../support/segmenters';

const spanOf = (text: string, needle: string) => {
  const start = text.indexOf(needle);
  return { start, end: start + needle.length };
};

describe('contextAround', () => {
  it('is the whole sentence, its end mark and closing quote included, when it fits', () => {
    const text = '前一句。他说：“推动“三服务”工作高质量。”后一句。';
    assert.equal(contextAround(text, spanOf(text, '三服务')), '他说：“推动“三服务”工作高质量。”');
  });

  it('cuts a long sentence after a clause mark before the slogan and before one after it, with ellipses', () => {
    const text = '全市上下要认真学习领会会议精神，坚持问题导向和目标导向，聚焦“三服务”工作高质量，持续推进各项工作落地见效，奋力谱写新篇章。';
    const context = contextAround(text, spanOf(text, '三服务'), { before: 20, after: 20 });
    assert.equal(context, '…坚持问题导向和目标导向，聚焦“三服务”工作高质量，持续推进各项工作落地见效…');
    assert.ok(context.startsWith(ELLIPSIS) && context.endsWith(ELLIPSIS));
  });

  it('cuts at a word boundary of the segmenter where no clause mark is near', () => {
    const text = '我们必须毫不动摇地坚持和完善社会主义基本经济制度推动“三服务”工作高质量发展迈上新台阶取得新成效';
    const span = spanOf(text, '三服务');
    const segmenter = defaultSegmenter();
    const context = contextAround(text, span, { before: 9, after: 9, segmenter });
    assert.match(context, /^….*“三服务”.*…$/);
    const inner = context.slice(1, -1);
    const start = text.indexOf(inner);
    const words = new Set<number>();
    let at = 0;
    for (const word of segmenter.cut(text)) words.add((at += word.length));
    assert.ok(words.has(start), `starts after a word: ${context}`);
    assert.ok(words.has(start + inner.length), `ends after a word: ${context}`);
  });

  it('never cuts a surrogate pair or a Latin word, even without a segmenter', () => {
    const text = '𠀀𠀀𠀀𠀀𠀀𠀀推动“三服务”工作 Information Technology 产业';
    const context = contextAround(text, spanOf(text, '三服务'), { before: 7, after: 12 });
    assert.ok(!/[\ud800-\udbff]$|^…[\udc00-\udfff]/.test(context), context);
    assert.doesNotMatch(context, /Informatio…|Technolog…/);
    for (let i = 0; i <= text.length; i++) if (splitsUnit(text, i)) assert.ok(i > 0 && i < text.length);
  });

  it('joins hard wraps and stops at a blank line (a paragraph end)', () => {
    const text = '上一段的最后一句话\n\n推动“三服\n务”工作高质量，\n持续推进。';
    assert.equal(contextAround(text, spanOf(text, '三服\n务')), '推动“三服务”工作高质量，持续推进。');
  });

  it('gives the slogans that discovery finds their cut contexts', () => {
    const glossary = new Glossary([]);
    const long = '全市上下要认真学习领会会议精神，坚持问题导向和目标导向，聚焦主责主业，'.repeat(3) + '推动“三服务”工作高质量。';
    const [slogan] = discoverSlogans(long, glossary, defaultSegmenter());
    assert.equal(slogan.term, '三服务');
    assert.match(slogan.occurrences[0].context, /^…[^，]/);
    assert.ok(slogan.occurrences[0].context.endsWith('推动“三服务”工作高质量。'));
  });
});

describe('clipEnd', () => {
  it('keeps a short text whole and cuts a long one before a clause mark past the middle', () => {
    assert.equal(clipEnd('要抢工期', 18), '要抢工期');
    assert.equal(clipEnd('要明确节点、加快工期、注重质量，确保项目早日建成投用', 18), '要明确节点、加快工期、注重质量…');
  });

  it('cuts at a word boundary when no clause mark is in reach', () => {
    const said = 'IT产业对促进地方传统优势产业的转型升级具有重要作用';
    // 17 characters end inside 转型: the segmenter's words keep it whole.
    assert.equal(clipEnd(said, 17, defaultSegmenter()), 'IT产业对促进地方传统优势产业的…');
    assert.equal(clipEnd(said, 18, defaultSegmenter()), 'IT产业对促进地方传统优势产业的转型…');
    assert.equal(clipEnd('The Information Technology industry grows', 18), 'The Information…');
  });
});

describe('statements in the outline', () => {
  const speakers = (body: string) => analyzeDocument(`测试标题甲 测试标题乙\n\n${body}`, { segmenter: defaultSegmenter() }).articles.flatMap((a) => a.speakers);

  it('keep what was said after the verb and its colon or quote, without the end mark', () => {
    const [speaker] = speakers('何武周指出，要抢工期。何武周强调：“要保质量。”');
    assert.deepEqual(speaker.statements.map((s) => s.said), ['要抢工期', '要保质量']);
  });

  it('are named by the verb and a short excerpt, so that six 指出 read apart', () => {
    const [speaker] = speakers('何武周指出，要抢工期。何武周指出，要明确节点、加快工期、注重质量，确保项目早日建成投用。');
    assert.deepEqual(
      speaker.statements.map((s) => statementName(s, defaultSegmenter())),
      ['指出：要抢工期', '指出：要明确节点、加快工期、注重质量…'],
    );
  });
});
