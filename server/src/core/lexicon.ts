/**
 * A dictionary's word frequencies in a compact open-addressing table keyed by a 64-bit hash of
 * the word's UTF-16 units: every word and every proper prefix of a word has a slot, so a
 * segmentation can walk a text character by character without building a string (jieba's
 * prefix dictionary). Pure: the segment layer reads the dictionary and hands its text over.
 *
 * About 500,000 slots for jieba's 349,000 words (13 MiB), parsed in a few hundred ms.
 */

/** Words at least this frequent are the ones whose character pairs `frequentPairs` lists. */
export const PAIR_MIN_FREQUENCY = 20;
/** Kinds of a pair of adjacent units in a word: anywhere, the word's first two, its last two. */
export const PAIR_ANY = 1;
export const PAIR_START = 2;
export const PAIR_END = 4;
/** The same three kinds in words of three units or more (`frequentPairKinds` only; `hasPair` knows the three above). */
export const PAIR_LONG_ANY = 8;
export const PAIR_LONG_START = 16;
export const PAIR_LONG_END = 32;
/** The pair is a word of two units of its own (`frequentPairKinds` only). */
export const PAIR_WORD = 64;

const EMPTY = 0;
const WORD = 1 << 24;
const PREFIX = 2 << 24;
const TAKEN = 4 << 24;
const FREQUENCY = (1 << 24) - 1;

/** The two halves of the hash: start values and one step per UTF-16 unit. */
export const H1 = 0x811c9dc5 | 0;
export const H2 = 0x27d4eb2f | 0;
export function step1(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
export function step2(h: number, c: number): number {
  return Math.imul((h ^ (h >>> 15)) + c, 0x85ebca77);
}

function pairHash(left: number, right: number): number {
  return (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) >>> 10;
}

export class Lexicon {
  private mask: number;
  /**
   * Four 32-bit cells per slot, side by side (one cache line per probe): hash 1, hash 2, the
   * flags (top byte) and frequency (low 24 bits), and ln(max(frequency, 1)) as a float32.
   */
  private slots: Int32Array;
  private logs: Float32Array;
  private used = 0;
  /** The sum of all dictionary frequencies (user words are not counted). */
  total = 0;
  logTotal = 0;
  private readonly users = new Set<string>();
  /** User words in the order they came (consumers that derive tables catch up by index). */
  readonly userList: string[] = [];
  /** Distinct pairs of adjacent units (left << 16 | right) inside words of PAIR_MIN_FREQUENCY or more. */
  private pairKinds = new Map<number, number>();
  private pairList: number[] = [];
  private kindList: number[] = [];
  /** ln(max(frequency, 1)) of each UTF-16 unit as a word of its own (0: no such word). */
  readonly singleLog = new Float32Array(0x10000);
  /** The first two units of every word (any frequency), hashed into 2^22 bits, for `startsWord`. */
  private startBits = new Uint8Array(1 << 19);
  /** The same pairs hashed into 2^22 bits per kind, for `hasPair`. */
  private pairBits = [new Uint8Array(1 << 19), new Uint8Array(1 << 19), new Uint8Array(1 << 19)];

  constructor(expected = 1024) {
    let size = 1024;
    while (size * 0.6 < expected) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4);
    this.logs = new Float32Array(this.slots.buffer);
  }

  /** Parses a jieba dictionary (`word freq [tag]` per line). */
  static parseJieba(text: string): Lexicon {
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const lexicon = new Lexicon(lines * 1.5 + 16);
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const space = text.indexOf(' ', start);
      if (space > start && space < end) {
        const next = text.indexOf(' ', space + 1);
        const f = Number(text.slice(space + 1, next > space && next < end ? next : end));
        if (f > 0) lexicon.addRange(text, start, space, f, true);
      }
      start = end + 1;
    }
    lexicon.logTotal = Math.log(lexicon.total);
    return lexicon;
  }

  /** A lexicon of the given words (tests, small tools); `total` defaults to the sum. */
  static of(words: Iterable<[string, number]>, total?: number): Lexicon {
    const lexicon = new Lexicon();
    for (const [w, f] of words) lexicon.addRange(w, 0, w.length, f, true);
    if (total !== undefined) lexicon.total = total;
    lexicon.logTotal = Math.log(Math.max(lexicon.total, 1));
    return lexicon;
  }

  /** A word added by the segmenter's user (a name, a title, a glossary term) at `frequency`. */
  addUserWord(word: string, frequency: number): void {
    if (this.users.has(word)) return;
    this.users.add(word);
    this.userList.push(word);
    if (this.frequency(word) <= 0) this.addRange(word, 0, word.length, frequency, false);
    else this.markPairs(word, 0, word.length);
  }

  isUserWord(word: string): boolean {
    return this.users.has(word);
  }

  /** The word's frequency; 0 when it is no word. */
  frequency(word: string): number {
    return this.frequencyOf(word, 0, word.length);
  }

  /** The frequency of `s[start, end)`; 0 when it is no word. */
  frequencyOf(s: string, start: number, end: number): number {
    let h1 = H1;
    let h2 = H2;
    for (let k = start; k < end; k++) {
      const c = s.charCodeAt(k);
      h1 = step1(h1, c);
      h2 = step2(h2, c);
    }
    const slot = this.find(h1, h2);
    return slot >= 0 ? this.frequencyAt(slot) : 0;
  }

  /** The slot of a hashed unit sequence, or -1 when it is neither a word nor a prefix of one. */
  find(h1: number, h2: number): number {
    const slots = this.slots;
    let slot = (h1 ^ (h2 >>> 11)) & this.mask;
    for (;;) {
      const at = slot << 2;
      if (slots[at + 2] === EMPTY) return -1;
      if (slots[at] === h1 && slots[at + 1] === h2) return at;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The frequency at a slot `find` returned (0: a prefix only). */
  frequencyAt(slot: number): number {
    const cell = this.slots[slot + 2];
    return cell & WORD ? cell & FREQUENCY : 0;
  }

  /** ln(max(frequency, 1)) at a slot `find` returned. */
  logFrequencyAt(slot: number): number {
    return this.logs[slot + 3];
  }

  /** True when a longer word starts with the sequence at `slot`. */
  continuesAt(slot: number): boolean {
    return (this.slots[slot + 2] & PREFIX) !== 0;
  }

  /**
   * False when no word of PAIR_MIN_FREQUENCY or more has the two units next to each other
   * (`kind` PAIR_ANY), as its first two (PAIR_START) or as its last two (PAIR_END); true may
   * be a false alarm (a hashed bit set).
   */
  hasPair(left: number, right: number, kind: number = PAIR_ANY): boolean {
    const h = pairHash(left, right);
    return (this.pairBits[kind >> 1][h >>> 3] & (1 << (h & 7))) !== 0;
  }

  /** False when no word (of any frequency) starts with the two units; true may be a false alarm. */
  startsWord(first: number, second: number): boolean {
    const h = pairHash(first, second);
    return (this.startBits[h >>> 3] & (1 << (h & 7))) !== 0;
  }

  /**
   * The adjacent pairs of frequent words, `left * 65536 + right`, with their kinds in
   * `frequentPairKinds` (PAIR_ANY | PAIR_START | PAIR_END bits, the same in words of three units
   * or more as PAIR_LONG_*, and PAIR_WORD for a two-unit word). A pair comes again when a
   * later word (a user word) gives it a new kind, so a consumer can catch up by index.
   */
  get frequentPairs(): readonly number[] {
    return this.pairList;
  }

  get frequentPairKinds(): readonly number[] {
    return this.kindList;
  }

  private addRange(s: string, start: number, end: number, f: number, counts: boolean): void {
    if (end <= start) return;
    if (this.used + (end - start) > (this.mask + 1) * 0.7) this.grow();
    let h1 = H1;
    let h2 = H2;
    for (let k = start; k < end; k++) {
      const c = s.charCodeAt(k);
      h1 = step1(h1, c);
      h2 = step2(h2, c);
      const at = this.slotFor(h1, h2);
      const cell = this.slots[at + 2];
      if (k + 1 < end) this.slots[at + 2] = cell | PREFIX;
      else {
        const freq = Math.min(FREQUENCY, (cell & FREQUENCY) + Math.round(f));
        this.slots[at + 2] = (cell & ~FREQUENCY) | WORD | freq;
        this.logs[at + 3] = Math.log(Math.max(freq, 1));
        if (end - start === 1) this.singleLog[s.charCodeAt(start)] = this.logs[at + 3];
      }
    }
    if (end - start >= 2) {
      const h = pairHash(s.charCodeAt(start), s.charCodeAt(start + 1));
      this.startBits[h >>> 3] |= 1 << (h & 7);
    }
    if (counts) this.total += f;
    if (f >= PAIR_MIN_FREQUENCY || !counts) this.markPairs(s, start, end);
  }

  private markPairs(s: string, start: number, end: number): void {
    for (let k = start; k + 1 < end; k++) {
      const left = s.charCodeAt(k);
      const right = s.charCodeAt(k + 1);
      const p = left * 65536 + right;
      const first = k === start;
      const last = k + 2 === end;
      let kind = PAIR_ANY | (first ? PAIR_START : 0) | (last ? PAIR_END : 0);
      if (end - start === 2) kind |= PAIR_WORD;
      else kind |= PAIR_LONG_ANY | (first ? PAIR_LONG_START : 0) | (last ? PAIR_LONG_END : 0);
      const had = this.pairKinds.get(p) ?? 0;
      if ((had | kind) === had) continue;
      this.pairKinds.set(p, had | kind);
      this.pairList.push(p);
      this.kindList.push(had | kind);
      const h = pairHash(left, right);
      for (const bit of [PAIR_ANY, PAIR_START, PAIR_END]) if (kind & bit) this.pairBits[bit >> 1][h >>> 3] |= 1 << (h & 7);
    }
  }

  /** The slot (its index in `slots`) of a hash, taken if it was free. */
  private slotFor(h1: number, h2: number): number {
    const slots = this.slots;
    let slot = (h1 ^ (h2 >>> 11)) & this.mask;
    for (;;) {
      const at = slot << 2;
      if (slots[at + 2] === EMPTY) {
        slots[at] = h1;
        slots[at + 1] = h2;
        slots[at + 2] = TAKEN;
        this.used++;
        return at;
      }
      if (slots[at] === h1 && slots[at + 1] === h2) return at;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4);
    this.logs = new Float32Array(this.slots.buffer);
    this.used = 0;
    for (let i = 0; i < old.length; i += 4) {
      if (old[i + 2] === EMPTY) continue;
      const at = this.slotFor(old[i], old[i + 1]);
      this.slots[at + 2] = old[i + 2];
      this.slots[at + 3] = old[i + 3];
    }
  }
}
