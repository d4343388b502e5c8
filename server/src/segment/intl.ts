import { Segmenter } from '../core/segmenter';

const MAX_USER_WORD = 12;

/**
 * Intl.Segmenter: the pure fallback when no native module can load. It has no user
 * dictionary, so user words are restored by merging adjacent segments that spell one.
 */
export function createIntlSegmenter(): Segmenter {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const userWords = new Set<string>();
  return {
    name: 'Intl.Segmenter',
    approximate: true,
    cut(text) {
      const pieces = Array.from(segmenter.segment(text), (s) => s.segment);
      return userWords.size === 0 ? pieces : mergeUserWords(pieces, userWords);
    },
    addWords(words) {
      for (const w of words) if (w.length >= 2 && w.length <= MAX_USER_WORD) userWords.add(w);
    },
  };
}

/** Greedily merges runs of pieces whose concatenation is a user word (longest first). */
export function mergeUserWords(pieces: string[], userWords: Set<string>): string[] {
  const result: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    let joined = pieces[i];
    let best = -1;
    for (let j = i + 1; j < pieces.length && joined.length < MAX_USER_WORD; j++) {
      joined += pieces[j];
      if (userWords.has(joined)) best = j;
    }
    if (best < 0) {
      result.push(pieces[i]);
      i++;
    } else {
      result.push(pieces.slice(i, best + 1).join(''));
      i = best + 1;
    }
  }
  return result;
}
