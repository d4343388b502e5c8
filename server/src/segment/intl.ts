import { Segmenter } from '../core/segmenter';

/** Intl.Segmenter: the pure fallback when no native module can load. It has no dictionary. */
export function createIntlSegmenter(): Segmenter {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return {
    name: 'Intl.Segmenter',
    approximate: true,
    cut: (text) => Array.from(segmenter.segment(text), (s) => s.segment),
  };
}
