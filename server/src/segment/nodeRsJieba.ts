import { Segmenter } from '../core/segmenter';
import { lazyLexicon } from './lexicon';

/** @node-rs/jieba: the default backend (fast start, no compiler needed). */
export function createNodeRsJieba(): Segmenter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const known = new Set<string>();
  const lexicon = lazyLexicon(() => Buffer.from(dict).toString('utf8'), known, USER_WORD_FREQUENCY);
  return {
    name: '@node-rs/jieba',
    lexicon,
    cut: (text, options) => jieba.cut(text, options?.hmm ?? true),
    addWords(words) {
      const fresh = [...words].filter((w) => isDictionaryWord(w) && !known.has(w));
      if (fresh.length === 0) return;
      for (const w of fresh) known.add(w);
      jieba.loadDict(Buffer.from(fresh.map((w) => `${w} ${USER_WORD_FREQUENCY}\n`).join(''), 'utf8'));
    },
  };
}

/** High enough that a user word beats the dictionary's split of it. */
export const USER_WORD_FREQUENCY = 2000;

/** A dictionary line cannot hold spaces or line breaks. */
export function isDictionaryWord(word: string): boolean {
  return word.length >= 2 && word.length <= 32 && !/\s/.test(word);
}
