import { Lexicon } from '../core/segmenter';

/**
 * The word frequencies of a jieba dictionary (`word freq [tag]` per line), parsed on first use:
 * about 350,000 entries. The user words a backend adds are kept apart (they have no real
 * frequency; they count as user words, and as dictionary words of `userFrequency`).
 */
const PAIR_BITS = 1 << 25;

function pairHash(left: number, right: number): number {
  return (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) >>> 7 & (PAIR_BITS - 1);
}

export function lazyLexicon(readDictionary: () => string, userWords: ReadonlySet<string>, userFrequency: number): () => Lexicon {
  let lexicon: Lexicon | null = null;
  return () => {
    if (lexicon) return lexicon;
    const text = readDictionary();
    const frequencies = new Map<string, number>();
    // Adjacent pairs of characters inside dictionary words, hashed into 2^25 bits (4 MiB).
    const pairs = new Uint8Array(PAIR_BITS >>> 3);
    const markPairs = (word: string) => {
      for (let k = 0; k + 1 < word.length; k++) {
        const h = pairHash(word.charCodeAt(k), word.charCodeAt(k + 1));
        pairs[h >>> 3] |= 1 << (h & 7);
      }
    };
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
          markPairs(word);
        }
      }
      start = end + 1;
    }
    // User words join the table (and the pairs) as they come: one lookup per word asked.
    let addedUsers = 0;
    const catchUp = () => {
      if (userWords.size === addedUsers) return;
      for (const w of userWords) {
        if (!frequencies.has(w)) frequencies.set(w, userFrequency);
        markPairs(w);
      }
      addedUsers = userWords.size;
    };
    lexicon = {
      frequency: (word) => {
        catchUp();
        return frequencies.get(word) ?? 0;
      },
      total,
      isUserWord: (word) => userWords.has(word),
      mayPair: (left, right) => {
        catchUp();
        const h = pairHash(left, right);
        return (pairs[h >>> 3] & (1 << (h & 7))) !== 0;
      },
    };
    return lexicon;
  };
}
