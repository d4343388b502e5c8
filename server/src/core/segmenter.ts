/**
 * The word segmenter as the core sees it. Implementations live in `src/segment/`; the core
 * never imports a segmenter package.
 */
import { withoutLoneSurrogates } from './text';

export interface Segmenter {
  /** Backend name shown to users, e.g. "@node-rs/jieba". */
  readonly name: string;
  /**
   * Cuts text into words that join back to the input exactly. HMM discovery of unknown words
   * is on unless `hmm: false` asks for dictionary words only.
   */
  cut(text: string, options?: CutOptions): string[];
  /**
   * True for a segmenter without a word dictionary of its own (Intl.Segmenter): checks that
   * trust word boundaries to reject a candidate (is this a name?) are skipped with it.
   */
  readonly approximate?: boolean;
}

export interface CutOptions {
  hmm?: boolean;
}

export interface Token {
  text: string;
  start: number;
  end: number;
}

export class SegmentationError extends Error {}

/**
 * Segments `text` and rebuilds offsets by summing word lengths, relative to `base`.
 * Throws when the words do not join back to the input, so a misbehaving backend can never
 * shift a span silently.
 */
export function tokenize(segmenter: Segmenter, text: string, base = 0, options?: CutOptions): Token[] {
  // Backends take UTF-8 and turn an unpaired surrogate into U+FFFD; cut a text that already
  // has it in its place (same length), and take the words' text from the original.
  const wellFormed = withoutLoneSurrogates(text);
  const words = segmenter.cut(wellFormed, options);
  const tokens: Token[] = [];
  let offset = 0;
  for (const word of words) {
    if (word.length === 0) continue;
    if (wellFormed.startsWith(word, offset) === false) {
      throw new SegmentationError(
        `${segmenter.name} returned "${word}" at ${offset}, which does not match the input`,
      );
    }
    tokens.push({ text: text.slice(offset, offset + word.length), start: base + offset, end: base + offset + word.length });
    offset += word.length;
  }
  if (offset !== text.length) {
    throw new SegmentationError(`${segmenter.name} dropped ${text.length - offset} characters`);
  }
  return tokens;
}

/**
 * True when a dictionary word straddles `boundary` (an offset into `text`): the sign that a
 * line break cut a word in two. HMM guesses are left out: they join anything.
 */
export function wordStraddles(segmenter: Segmenter, text: string, boundary: number): boolean {
  for (const token of tokenize(segmenter, text, 0, { hmm: false })) {
    if (token.start < boundary && token.end > boundary) return true;
    if (token.start >= boundary) return false;
  }
  return false;
}

/**
 * `base` with a few more words kept whole: a project's glossary phrases and user words, or the
 * names and titles one region of a document reveals. The base's dictionary is not touched (analysis never changes shared state): its
 * words are merged afterwards where a layer word covers whole words of the base's cut.
 */
export function withWords(base: Segmenter, words: ReadonlySet<string>): Segmenter {
  if (words.size === 0) return base;
  // Every beginning of a layer word: a join is tried only while it still spells one, so that
  // most words of the base's cut cost one lookup.
  const beginnings = new Set<string>();
  for (const w of words) for (let k = 1; k <= w.length; k++) beginnings.add(w.slice(0, k));
  return {
    get name() {
      return base.name;
    },
    get approximate() {
      return base.approximate;
    },
    cut(text, options) {
      const cut = base.cut(text, options);
      let merged: string[] | null = null;
      for (let i = 0; i < cut.length; i++) {
        let joined = cut[i];
        let best = -1;
        if (beginnings.has(joined)) {
          for (let j = i + 1; j < cut.length; j++) {
            joined += cut[j];
            if (!beginnings.has(joined)) break;
            if (words.has(joined)) best = j;
          }
        }
        if (best < 0) {
          merged?.push(cut[i]);
          continue;
        }
        merged ??= cut.slice(0, i);
        merged.push(cut.slice(i, best + 1).join(''));
        i = best;
      }
      return merged ?? cut;
    },
  };
}

/** A segmenter whose backend is loaded when it is first used (a command that segments nothing never loads one). */
export function lazySegmenter(load: () => Segmenter): Segmenter {
  return {
    get name() {
      return load().name;
    },
    get approximate() {
      return load().approximate;
    },
    cut: (text, options) => load().cut(text, options),
  };
}
