import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Segmenter, SegmentationError, layerWordOverlaps, lazySegmenter, tokenize, withWords, wordStraddles } from '../../server/src/core/segmenter';
import { chooseSegmenter } from '../../server/src/segment';
import { createIntlSegmenter } from '../../server/src/segment/intl';

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

describe('word layers', () => {
  const base: Segmenter = { name: 'fake', cut: (text) => Array.from(text) };
  it('stack their words, the outermost first, over a backend that has none', () => {
    const project = new Set(['放管服']);
    const region = new Set(['刘宛康']);
    const layered = withWords(withWords(base, project), region);
    assert.deepEqual(layered.layers, [region, project]);
    assert.equal(base.layers, undefined);
    assert.equal(withWords(base, new Set()), base, 'an empty layer is the base itself');
  });
  it('pass the base’s word frequencies through, a lazy backend’s too', () => {
    const lexicon = { marker: true } as never;
    const withLexicon: Segmenter = { ...base, lexicon: () => lexicon };
    let loads = 0;
    const lazy = lazySegmenter(() => {
      loads++;
      return withLexicon;
    });
    assert.equal(loads, 0);
    assert.equal(withWords(lazy, new Set(['刘宛康'])).lexicon?.(), lexicon);
    assert.equal(withWords(base, new Set(['刘宛康'])).lexicon?.(), null, 'none when the backend has none');
  });
  it('tell where one of their words overlaps a span', () => {
    const layered = withWords(withWords(base, new Set(['放管服'])), new Set(['刘宛康']));
    const text = '刘宛康说，推进放管服改革';
    assert.ok(layerWordOverlaps(layered, text, 2, 3), 'the end of 刘宛康');
    assert.ok(layerWordOverlaps(layered, text, 8, 10), '放管服 from the project layer');
    assert.ok(!layerWordOverlaps(layered, text, 3, 7));
    assert.ok(!layerWordOverlaps(base, text, 0, text.length), 'a backend alone has no layer words');
  });
});

describe('chooseSegmenter', () => {
  it('defaults to @node-rs/jieba', () => {
    assert.equal(chooseSegmenter('auto').segmenter.name, '@node-rs/jieba');
  });
});

describe('the Intl.Segmenter backend on long texts', () => {
  it('cuts in pieces at marks, and a text with none at a code-point boundary, its words joining back to the text', () => {
    const segmenter = createIntlSegmenter();
    // 7,999 Han characters and then an astral one across the hard cut at 8,000; then prose with marks.
    const text = '中'.repeat(7999) + '𠮷' + '国'.repeat(3000) + '。会议指出，要推动高质量发展。\n'.repeat(500);
    const words = segmenter.cut(text);
    assert.equal(words.join(''), text);
    assert.ok(words.every((w) => !/^[\udc00-\udfff]/.test(w) && !/[\ud800-\udbff]$/.test(w)), 'no word starts or ends inside a surrogate pair');
    assert.ok(words.includes('会议'));
  });
});
