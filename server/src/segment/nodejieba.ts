import { Segmenter } from '../core/segmenter';
import * as fs from 'node:fs';
import { lazyLexicon } from './lexicon';

/** nodejieba: the original C++ binding (compiled at install). */
export function createNodejieba(): Segmenter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodejieba = require('nodejieba') as {
    load(options?: object): void;
    cut(text: string, hmm: boolean): string[];
    DEFAULT_DICT: string;
  };
  nodejieba.load();
  // The dictionary nodejieba loads (its DEFAULT_DICT), read again for the frequencies.
  const lexicon = lazyLexicon(() => fs.readFileSync(nodejieba.DEFAULT_DICT, 'utf8'));
  return {
    name: 'nodejieba',
    lexicon,
    cut: (text, options) => nodejieba.cut(text, options?.hmm ?? true),
  };
}
