import { Lexicon } from '../core/lexicon';

/**
 * The word frequencies of a jieba dictionary (`word freq [tag]` per line), parsed on first use
 * into the core's hash table (`core/lexicon.ts`). The user words a backend adds join it as user
 * words at `userFrequency` (they have no real frequency), on first use and as they come.
 */
export function lazyLexicon(readDictionary: () => string, userWords: ReadonlySet<string>, userFrequency: number): () => Lexicon {
  let lexicon: Lexicon | null = null;
  let added = 0;
  return () => {
    lexicon ??= Lexicon.parseJieba(readDictionary());
    if (userWords.size !== added) {
      for (const w of userWords) lexicon.addUserWord(w, userFrequency);
      added = userWords.size;
    }
    return lexicon;
  };
}
