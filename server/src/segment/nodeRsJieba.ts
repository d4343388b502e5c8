import { Segmenter } from '../core/segmenter';
import { lazyLexicon } from './lexicon';

/** @node-rs/jieba: the default backend (fast start, no compiler needed). */
export function createNodeRsJieba(): Segmenter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  // The dictionary the backend cuts with, read again for its word frequencies (on first use).
  const lexicon = lazyLexicon(() => Buffer.from(dict).toString('utf8'));
  return {
    name: '@node-rs/jieba',
    lexicon,
    cut: (text, options) => jieba.cut(text, options?.hmm ?? true),
  };
}
