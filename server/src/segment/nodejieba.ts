import { Segmenter } from '../core/segmenter';

/** nodejieba: the original C++ binding (compiled at install). */
export function createNodejieba(): Segmenter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodejieba = require('nodejieba') as {
    load(options?: object): void;
    cut(text: string, hmm: boolean): string[];
  };
  nodejieba.load();
  return {
    name: 'nodejieba',
    cut: (text, options) => nodejieba.cut(text, options?.hmm ?? true),
  };
}
