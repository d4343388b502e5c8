import { Segmenter } from '../core/segmenter';
import * as fs from 'node:fs';
import { lazyLexicon } from './lexicon';
import { USER_WORD_FREQUENCY, isDictionaryWord } from './nodeRsJieba';

/** nodejieba: the original C++ binding (compiled at install). */
export function createNodejieba(): Segmenter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodejieba = require('nodejieba') as {
    load(options?: object): void;
    cut(text: string, hmm: boolean): string[];
    insertWord(word: string): boolean;
    DEFAULT_DICT: string;
  };
  nodejieba.load();
  const known = new Set<string>();
  // The dictionary nodejieba loads (its DEFAULT_DICT), read again for the frequencies.
  const lexicon = lazyLexicon(() => fs.readFileSync(nodejieba.DEFAULT_DICT, 'utf8'), known, USER_WORD_FREQUENCY);
  return {
    name: 'nodejieba',
    lexicon,
    cut: (text, options) => nodejieba.cut(text, options?.hmm ?? true),
    addWords(words) {
      for (const w of words) {
        if (!isDictionaryWord(w) || known.has(w)) continue;
        known.add(w);
        nodejieba.insertWord(w);
      }
    },
  };
}
