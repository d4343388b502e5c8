import { Lexicon } from '../core/segmenter';

/**
 * The word frequencies of a jieba dictionary (`word freq [tag]` per line), parsed on first use:
 * about 350,000 entries. The user words a backend adds are kept apart (they have no real
 * frequency; they count as user words, and as dictionary words of `userFrequency`).
 */
export function lazyLexicon(readDictionary: () => string, userWords: ReadonlySet<string>, userFrequency: number): () => Lexicon {
  let lexicon: Lexicon | null = null;
  return () => {
    if (lexicon) return lexicon;
    const text = readDictionary();
    const frequencies = new Map<string, number>();
    let total = 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const space = text.indexOf(' ', start);
      if (space > start && space < end) {
        const next = text.indexOf(' ', space + 1);
        const freq = Number(text.slice(space + 1, next > space && next < end ? next : end));
        if (freq > 0) {
          const word = text.slice(start, space);
          frequencies.set(word, (frequencies.get(word) ?? 0) + freq);
          total += freq;
        }
      }
      start = end + 1;
    }
    lexicon = {
      frequency: (word) => frequencies.get(word) ?? (userWords.has(word) ? userFrequency : 0),
      total,
      isUserWord: (word) => userWords.has(word),
    };
    return lexicon;
  };
}
