import { Segmenter } from '../core/segmenter';

/** @node-rs/jieba: the default backend (fast start, no compiler needed). */
export function createNodeRsJieba(): Segmenter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  return {
    name: '@node-rs/jieba',
    cut: (text, options) => jieba.cut(text, options?.hmm ?? true),
  };
}
