import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Segmenter, SegmentationError, tokenize, withWords, wordStraddles } from '../../server/src/core/segmenter';
import { chooseSegmenter } from '../../server/src/segment';

const SAMPLE = '省委书记王国生在推进会讲话中指出，洛阳要实现全方位开放 3 月 27 日😀𠀀abc\r\n';

describe('tokenize', () => {
  const fake = (words: string[]): Segmenter => ({ name: 'fake', cut: () => words });
  it('rebuilds offsets from word lengths', () => {
    const tokens = tokenize(fake(['中国', '人']), '中国人', 10);
    assert.deepEqual(tokens.map((t) => [t.text, t.start, t.end]), [['中国', 10, 12], ['人', 12, 13]]);
  });
  it('refuses words that do not join back to the input', () => {
    assert.throws(() => tokenize(fake(['中', '人']), '中国人'), SegmentationError);
    assert.throws(() => tokenize(fake(['中国']), '中国人'), SegmentationError);
  });
});

for (const backend of ['node-rs-jieba', 'nodejieba', 'intl'] as const) {
  describe(`segmenter backend ${backend}`, () => {
    const choice = chooseSegmenter(backend);
    it('loads without falling back', () => {
      assert.equal(choice.fallbackReason, null);
    });
    const segmenter = choice.segmenter;
    it('returns words that join back to the input, surrogates and CRLF included', () => {
      const tokens = tokenize(segmenter, SAMPLE);
      assert.equal(tokens.map((t) => t.text).join(''), SAMPLE);
    });
    it('keeps the words of a layer whole, and leaves the backend as it was', () => {
      const layer = withWords(segmenter, new Set(['刘宛康', '落实力']));
      const words = layer.cut('刘宛康强调增强落实力执行力');
      assert.ok(words.includes('刘宛康'), words.join('/'));
      assert.ok(words.includes('落实力'), words.join('/'));
      assert.ok(!segmenter.cut('刘宛康强调增强落实力执行力').includes('落实力'));
    });
    if (backend !== 'intl') {
      it('sees a word cut in two by a line break', () => {
        assert.ok(wordStraddles(segmenter, '展上地位重要', 3));
        assert.ok(!wordStraddles(segmenter, '战略机遇加快', 4));
      });
    }
  });
}

describe('chooseSegmenter', () => {
  it('defaults to @node-rs/jieba', () => {
    assert.equal(chooseSegmenter('auto').segmenter.name, '@node-rs/jieba');
  });
});
