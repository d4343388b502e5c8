import { Lexicon } from '../core/lexicon';

/**
 * The word frequencies of a jieba dictionary (`word freq [tag]` per line), parsed on first use
 * into the core's hash table (`core/lexicon.ts`). The backend's own dictionary only: the words a
 * project or a region layers over the backend (`withWords`) are not added to it.
 */
export function lazyLexicon(readDictionary: () => string): () => Lexicon {
  let lexicon: Lexicon | null = null;
  return () => (lexicon ??= Lexicon.parseJieba(readDictionary()));
}
