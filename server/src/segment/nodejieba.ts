import { Segmenter } from '../core/segmenter';
import { isDictionaryWord } from './nodeRsJieba';

/** nodejieba: the original C++ binding (compiled at install). */
export function createNodejieba(): Segmenter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodejieba = require('nodejieba') as {
    load(options?: object): void;
    cut(text: string, hmm: boolean): string[];
    insertWord(word: string): boolean;
  };
  nodejieba.load();
  const known = new Set<string>();
  return {
    name: 'nodejieba',
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
