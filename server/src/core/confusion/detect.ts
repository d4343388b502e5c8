/**
 * Finds characters that OCR probably misread for a look-alike (己/已, 末/未, 太/大 …): a
 * noisy-channel choice between the character as printed and each of its look-alikes.
 *
 * The language model is the segmenter's own dictionary, read as jieba reads it: the best
 * segmentation of a few characters around the suspect, each word scoring log(freq / total).
 * A look-alike is proposed when it turns a character the dictionary leaves alone into a word
 * (越来赴赖 → 越来越); the score is the log-probability ratio of the window read with the
 * look-alike over the window as printed, plus the log of the pair's visual weight, plus corpus
 * evidence: the proposed word spelled right elsewhere in the document raises it; the printed
 * form recurring elsewhere while the proposal never does (a name, a term) silences it.
 *
 * Cost: near-linear and allocation-free on the common path. A character that is no look-alike
 * of anything, or that sits inside a dictionary word, is skipped in O(1); for the others one
 * bit of a precomputed set says whether any of its look-alikes pairs with a neighbour inside
 * some frequent dictionary word; only then is a window of at most nine characters segmented,
 * through the lexicon's hash table, without building strings. Pure: the lexicon, the tables and
 * the evidence are passed in.
 */
import { isSurnameAt } from '../names';
import { H1, H2, Lexicon, PAIR_ANY, PAIR_END, PAIR_LONG_ANY, PAIR_LONG_END, PAIR_LONG_START, PAIR_MIN_FREQUENCY, PAIR_START, PAIR_WORD, step1, step2 } from '../lexicon';
import { ConfusionTables, forEachConfusable } from './model';

export interface Candidate {
  char: string;
  /** Log-likelihood gain of reading `char` instead of the printed character (natural log). */
  score: number;
  /** The dictionary word the candidate forms with its neighbours. */
  word: string;
  /** Where that word starts in the text. */
  wordStart: number;
}

export interface Suspect {
  /** Index of the suspect character in the text (a BMP character: one UTF-16 unit). */
  index: number;
  char: string;
  /** The candidates that score at or above the threshold, best first. */
  candidates: Candidate[];
}

export interface Evidence {
  /** How often `form` occurs in the document (or workspace), this place included. */
  count(form: string): number;
}

export interface DetectOptions {
  /** The least score a candidate needs (see `DEFAULT_THRESHOLD`). */
  threshold: number;
  evidence?: Evidence;
  /** True when `[start, end)` of the text must be left alone (a name, a glossary term). */
  isProtected?(start: number, end: number): boolean;
  /** Indexes the caller has already found to be inside multi-character dictionary words. */
  skip?(index: number): boolean;
  /** The same as a mask (1 = inside a word), checked before anything else. */
  inWord?: Uint8Array;
  /** Only these indexes (ascending, the first `count`) are looked at: the characters a segmentation left alone. */
  only?: { indexes: Int32Array; count: number };
}

/** The default threshold on the score; see docs/ACCURACY.md for the precision it gives. */
export const DEFAULT_THRESHOLD = 10;

/**
 * The detector's constants, exported for the evaluation's experiments only: the weight of the
 * visual prior (score += prior · ln(weight)), the least dictionary frequency of a proposed word
 * (PAIR_MIN_FREQUENCY or more: the neighbour filter knows only those words' pairs), and whether
 * a parallel coinage (提速提质提效) is left alone.
 */
export const TUNING = { prior: 4, minWordFrequency: PAIR_MIN_FREQUENCY, parallel: true };
/** Characters on each side that the language model reads. */
const WINDOW = 4;
const MAX_WORD = 6;
/** Characters less common than this rank are taken as part of a name after a surname. */
const NAME_CHARACTER_RANK = 2500;
/** The most the proposed word found elsewhere in the document adds to a score. */
const MAX_BONUS = 4;

const bit = (bits: Uint8Array, h: number) => (bits[h >>> 3] & (1 << (h & 7))) !== 0;

const isHan = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);

/** The tables in arrays indexed by UTF-16 unit, built once per table set. */
interface Compiled {
  /** Candidates of unit x: codes[start[x] .. start[x + 1]). */
  start: Int32Array;
  codes: Uint16Array;
  /** ln(weight) of each candidate. */
  prior: Float64Array;
  /** Rank among the common characters (0 = most common), or a large number. */
  rank: Int32Array;
}

const compiledTables = new WeakMap<ConfusionTables, Compiled>();

function compile(tables: ConfusionTables): Compiled {
  let c = compiledTables.get(tables);
  if (c) return c;
  const rank = new Int32Array(0x10000).fill(0x7fffffff);
  let k = 0;
  for (const ch of tables.common) if (ch.length === 1) rank[ch.charCodeAt(0)] = k++;
  const lists: [number, number[], number[]][] = [];
  let n = 0;
  forEachConfusable(tables, (x, alternatives) => {
    if (x.length !== 1) return;
    const codes: number[] = [];
    const prior: number[] = [];
    for (const [y, weight] of alternatives) {
      // Only a common character is proposed; a traditional form and its simplified one are the mixed-script rule's.
      if (y.length !== 1 || !tables.common.has(y) || y === x) continue;
      if (tables.traditional.get(x)?.includes(y) || tables.simplified.get(x)?.includes(y)) continue;
      codes.push(y.charCodeAt(0));
      prior.push(Math.log(Math.max(weight, 1e-6)));
    }
    if (codes.length) {
      lists.push([x.charCodeAt(0), codes, prior]);
      n += codes.length;
    }
  });
  lists.sort((p, q) => p[0] - q[0]);
  const start = new Int32Array(0x10001);
  const codes = new Uint16Array(n);
  const prior = new Float64Array(n);
  let at = 0;
  let li = 0;
  for (let x = 0; x <= 0xffff; x++) {
    start[x] = at;
    if (li < lists.length && lists[li][0] === x) {
      for (let j = 0; j < lists[li][1].length; j++) {
        codes[at] = lists[li][1][j];
        prior[at] = lists[li][2][j];
        at++;
      }
      li++;
    }
  }
  start[0x10000] = at;
  c = { start, codes, prior, rank };
  compiledTables.set(tables, c);
  return c;
}

/**
 * Bits per (neighbour, printed character): whether some look-alike of the printed character
 * could form, with that neighbour, a word that gains enough (see `gainBound`): on the left as
 * the end of a word (LE), on the right as its start (RS), or inside a word of three units or more
 * (LA and RA: the look-alike in the middle). A word of three units or more sets its bits (what
 * it gains depends on the printed characters around it); a word of two units only when it gains
 * enough over the two printed characters it would replace, which the lexicon knows: ln P(word) −
 * the two characters read one by one, plus the pair's prior, at least the least score evidence
 * could lift to the threshold. Clear bits rule a character out before any lookup. Built per
 * lexicon, table set and that least score (the threshold less MAX_BONUS); user words the lexicon
 * gains later are added as they come.
 */
/** 2^25 bits (4 MiB), about one in ten set: twice the bits of 2^24 take a quarter off the characters examined on news text. */
const FILTER_SHIFT = 7;
const FILTER_BITS = 2 ** (32 - FILTER_SHIFT);
interface Filter {
  bits: Uint8Array;
  pairsSeen: number;
}
const filters = new WeakMap<Lexicon, WeakMap<Compiled, Map<string, Filter>>>();

const LA = (left: number, x: number) => ((Math.imul(left, 0x9e3779b1) ^ Math.imul(x, 0x85ebca77)) >>> FILTER_SHIFT) & (FILTER_BITS - 1);
const LE = (left: number, x: number) => ((Math.imul(left, 0x2545f491) ^ Math.imul(x, 0x68e31da4) ^ 0x1b873593) >>> FILTER_SHIFT) & (FILTER_BITS - 1);
const RA = (x: number, right: number) => ((Math.imul(x, 0xc2b2ae35) ^ Math.imul(right, 0x27d4eb2f) ^ 0x5bd1e995) >>> FILTER_SHIFT) & (FILTER_BITS - 1);
const RS = (x: number, right: number) => ((Math.imul(x, 0x165667b1) ^ Math.imul(right, 0xd3a2646c) ^ 0x7feb352d) >>> FILTER_SHIFT) & (FILTER_BITS - 1);

/** Float32 rounding of the lexicon's logarithms must never rule out what `gainBound` would keep. */
const BOUND_SLACK = 1e-3;

function filterOf(lexicon: Lexicon, c: Compiled, floor: number): Filter {
  let byTables = filters.get(lexicon);
  if (!byTables) filters.set(lexicon, (byTables = new WeakMap()));
  let byFloor = byTables.get(c);
  if (!byFloor) byTables.set(c, (byFloor = new Map()));
  const priorWeight = TUNING.prior;
  const minFrequency = Math.max(PAIR_MIN_FREQUENCY, TUNING.minWordFrequency);
  const key = `${floor}|${priorWeight}|${minFrequency}`;
  let f = byFloor.get(key);
  if (!f) {
    f = { bits: new Uint8Array(FILTER_BITS >>> 3), pairsSeen: 0 };
    byFloor.set(key, f);
  }
  const pairs = lexicon.frequentPairs;
  if (f.pairsSeen < pairs.length) {
    const kinds = lexicon.frequentPairKinds;
    // Which printed characters each candidate stands in for (the inverse of the tables), with
    // the index of the pair in the tables (its prior).
    const inverse = new Map<number, number[]>();
    for (let x = 0; x < 0x10000; x++) {
      for (let j = c.start[x]; j < c.start[x + 1]; j++) {
        const y = c.codes[j];
        let list = inverse.get(y);
        if (!list) inverse.set(y, (list = []));
        list.push(x, j);
      }
    }
    const bits = f.bits;
    const mark = (h: number) => {
      bits[h >>> 3] |= 1 << (h & 7);
    };
    const logTotal = lexicon.logTotal;
    const single = lexicon.singleLog;
    for (let k = f.pairsSeen; k < pairs.length; k++) {
      const left = Math.floor(pairs[k] / 65536);
      const right = pairs[k] % 65536;
      const kind = kinds[k];
      // ln P of the pair as a word of two units (when it is one, frequent enough to propose).
      let wordLog = -Infinity;
      if (kind & PAIR_WORD) {
        const slot = lexicon.find(step1(step1(H1, left), right), step2(step2(H2, left), right));
        if (slot >= 0 && lexicon.frequencyAt(slot) >= minFrequency) wordLog = lexicon.logFrequencyAt(slot) - logTotal;
      }
      // (left, y): the printed look-alikes x of y get (left, x) on the left side …
      const xs = inverse.get(right);
      if (xs) {
        for (let q = 0; q < xs.length; q += 2) {
          const x = xs[q];
          if (kind & PAIR_LONG_ANY) mark(LA(left, x));
          if (kind & PAIR_LONG_END) mark(LE(left, x));
          else if (wordLog > -Infinity && wordLog - (single[left] - logTotal) - (single[x] - logTotal) + priorWeight * c.prior[xs[q + 1]] + BOUND_SLACK >= floor) mark(LE(left, x));
        }
      }
      // … and (y, right) gives (x, right) on the right side.
      const ys = inverse.get(left);
      if (ys) {
        for (let q = 0; q < ys.length; q += 2) {
          const x = ys[q];
          if (kind & PAIR_LONG_ANY) mark(RA(x, right));
          if (kind & PAIR_LONG_START) mark(RS(x, right));
          else if (wordLog > -Infinity && wordLog - (single[x] - logTotal) - (single[right] - logTotal) + priorWeight * c.prior[ys[q + 1]] + BOUND_SLACK >= floor) mark(RS(x, right));
        }
      }
    }
    f.pairsSeen = pairs.length;
  }
  return f;
}

// Scratch space of the window segmentation (one detector runs at a time: JavaScript is single-threaded).
const BUF = 2 * WINDOW + 1;
const buf = new Uint16Array(BUF);
const best = new Float64Array(BUF + 1);
const next = new Int32Array(BUF + 1);
const wordFreq = new Float64Array(BUF + 1);
const keepBest = new Float64Array(BUF + 1);
const keepNext = new Int32Array(BUF + 1);
const keepFreq = new Float64Array(BUF + 1);

/**
 * jieba's route over buf[0, n): the segmentation with the best sum of log(freq / total),
 * unknown characters at frequency 1. Fills `next` (the end of the word starting at each index)
 * and `wordFreq` from index `from` down (those above it are taken as they are); returns the
 * route's score.
 */
function route(lexicon: Lexicon, n: number, from: number): number {
  const logTotal = lexicon.logTotal;
  best[n] = 0;
  for (let p = from; p >= 0; p--) {
    let top = -Infinity;
    let end = p + 1;
    let topFreq = 0;
    let h1 = H1;
    let h2 = H2;
    const last = Math.min(n, p + MAX_WORD);
    for (let q = p + 1; q <= last; q++) {
      const c = buf[q - 1];
      h1 = step1(h1, c);
      h2 = step2(h2, c);
      const slot = lexicon.find(h1, h2);
      if (slot < 0) {
        if (q === p + 1) {
          const v = -logTotal + best[q];
          if (v > top) {
            top = v;
            end = q;
            topFreq = 0;
          }
        }
        break;
      }
      const f = lexicon.frequencyAt(slot);
      if (f > 0 || q === p + 1) {
        const v = lexicon.logFrequencyAt(slot) - logTotal + best[q];
        if (v > top) {
          top = v;
          end = q;
          topFreq = f;
        }
      }
      if (!lexicon.continuesAt(slot)) break;
    }
    best[p] = top;
    next[p] = end;
    wordFreq[p] = topFreq;
  }
  return best[0];
}

// The starts before the suspect whose characters up to it begin some dictionary word, with the
// hash state there: shared by every look-alike tried at the suspect.
const startAt = new Int32Array(MAX_WORD);
const startH1 = new Int32Array(MAX_WORD);
const startH2 = new Int32Array(MAX_WORD);

/** Fills the start tables for index `at` of buf; returns how many starts there are. */
function prefixStarts(lexicon: Lexicon, at: number): number {
  let count = 0;
  for (let s = Math.max(0, at - MAX_WORD + 1); s < at; s++) {
    let h1 = H1;
    let h2 = H2;
    let alive = true;
    for (let q = s; q < at; q++) {
      const c = buf[q];
      h1 = step1(h1, c);
      h2 = step2(h2, c);
      const slot = lexicon.find(h1, h2);
      if (slot < 0 || !lexicon.continuesAt(slot)) {
        alive = false;
        break;
      }
    }
    if (!alive) continue;
    startAt[count] = s;
    startH1[count] = h1;
    startH2[count] = h2;
    count++;
  }
  return count;
}

/** ln P of each printed character of buf as a word of its own (unknown ones at frequency 1). */
const single = new Float64Array(BUF);

function singles(lexicon: Lexicon, n: number): void {
  const singleLog = lexicon.singleLog;
  for (let k = 0; k < n; k++) single[k] = singleLog[buf[k]] - lexicon.logTotal;
}

/**
 * With `y` at index `at` of buf[0, n): the most the window's log-probability can gain over the
 * printed text through a dictionary word of `minFrequency` or more, two units or longer, over
 * `at` (-Infinity when there is none). A route that reads such a word w over [s, e) scores at
 * most ln P(w) − (the best route of the printed [s, e)) more than the printed text's best route,
 * and that best route scores at least the printed characters read one by one (`single`): so
 * ln P(w) − Σ single is a bound, and a look-alike whose bound cannot reach the threshold needs
 * no segmentation. The starts before `at` come from `prefixStarts`.
 */
function gainBound(lexicon: Lexicon, n: number, at: number, y: number, starts: number, minFrequency: number): number {
  let top = -Infinity;
  const logTotal = lexicon.logTotal;
  for (let k = 0; k <= starts; k++) {
    const s = k < starts ? startAt[k] : at;
    let h1 = k < starts ? startH1[k] : H1;
    let h2 = k < starts ? startH2[k] : H2;
    let printed = 0;
    for (let q = s; q < at; q++) printed += single[q];
    const last = Math.min(n, s + MAX_WORD);
    for (let q = at; q < last; q++) {
      const c = q === at ? y : buf[q];
      h1 = step1(h1, c);
      h2 = step2(h2, c);
      printed += single[q];
      const slot = lexicon.find(h1, h2);
      if (slot < 0) break;
      if (q > s && lexicon.frequencyAt(slot) >= minFrequency) {
        const gain = lexicon.logFrequencyAt(slot) - logTotal - printed;
        if (gain > top) top = gain;
      }
      if (!lexicon.continuesAt(slot)) break;
    }
  }
  return top;
}

/** The start of the word of the last route that holds index k. */
function wordStartAt(n: number, k: number): number {
  let p = 0;
  while (p < n) {
    if (next[p] > k) return p;
    p = next[p];
  }
  return k;
}

// Scratch space of the paragraph route (grown as needed).
let runBest = new Float64Array(1024);
let runNext = new Int32Array(1024);
/** Words longer than this are not looked for in the paragraph route (the dictionary's longest are idioms and names). */
const MAX_RUN_WORD = 16;

/**
 * The indexes of the characters that stand alone in the best segmentation of `text` (jieba's
 * route over the dictionary, without its guesses at unknown words), written into `out` (grown
 * when too short); returns them and their count. Each run of Han characters is segmented on its
 * own, through the lexicon's hash table: a few probes per character, no strings built. The
 * detector looks at these characters only.
 */
export function aloneIndexes(text: string, lexicon: Lexicon, out: Int32Array): { indexes: Int32Array; count: number } {
  if (out.length < text.length) out = new Int32Array(Math.max(text.length, 2 * out.length));
  let count = 0;
  const logTotal = lexicon.logTotal;
  let r0 = 0;
  while (r0 < text.length) {
    if (!isHan(text.charCodeAt(r0))) {
      r0++;
      continue;
    }
    let r1 = r0 + 1;
    while (r1 < text.length && isHan(text.charCodeAt(r1))) r1++;
    const n = r1 - r0;
    if (runBest.length <= n) {
      runBest = new Float64Array(2 * n + 1);
      runNext = new Int32Array(2 * n + 1);
    }
    runBest[n] = 0;
    const singleLog = lexicon.singleLog;
    for (let p = n - 1; p >= 0; p--) {
      // The character alone (from an array), then the words that start with it and the next
      // one, walked only when some word starts with that pair (a bit).
      const c0 = text.charCodeAt(r0 + p);
      let top = singleLog[c0] - logTotal + runBest[p + 1];
      let end = p + 1;
      if (p + 1 < n && lexicon.startsWord(c0, text.charCodeAt(r0 + p + 1))) {
        let h1 = step1(H1, c0);
        let h2 = step2(H2, c0);
        const last = Math.min(n, p + MAX_RUN_WORD);
        for (let q = p + 2; q <= last; q++) {
          const c = text.charCodeAt(r0 + q - 1);
          h1 = step1(h1, c);
          h2 = step2(h2, c);
          const slot = lexicon.find(h1, h2);
          if (slot < 0) break;
          if (lexicon.frequencyAt(slot) > 0) {
            const v = lexicon.logFrequencyAt(slot) - logTotal + runBest[q];
            if (v > top) {
              top = v;
              end = q;
            }
          }
          if (!lexicon.continuesAt(slot)) break;
        }
      }
      runBest[p] = top;
      runNext[p] = end;
    }
    for (let p = 0; p < n; p = runNext[p]) if (runNext[p] === p + 1) out[count++] = r0 + p;
    r0 = r1;
  }
  return { indexes: out, count };
}

/** A candidate before evidence: its score from the dictionary and the prior alone. */
export interface RawCandidate {
  char: string;
  score: number;
  word: string;
  wordStart: number;
  /** The printed characters where the word would stand. */
  printed: string;
}

export interface RawSuspect {
  index: number;
  char: string;
  candidates: RawCandidate[];
}

/**
 * Every candidate that evidence could lift to `threshold` (score ≥ threshold − MAX_BONUS), not
 * yet judged by the document's evidence: `settle` does that, so a caller can count the forms
 * of a whole document in one pass (`countForms`).
 */
export function findCandidates(text: string, lexicon: Lexicon, tables: ConfusionTables, options: Omit<DetectOptions, 'evidence'>): RawSuspect[] {
  const c = compile(tables);
  const filter = filterOf(lexicon, c, options.threshold - MAX_BONUS).bits;
  const cstart = c.start;
  const suspects: RawSuspect[] = [];
  const inWord = options.inWord;
  const only = options.only;
  const length = text.length;
  // The hot loop: an array lookup or two per character (or per index of `only`); the rest in `examine`.
  const count = only ? only.count : length;
  for (let k = 0; k < count; k++) {
    const i = only ? only.indexes[k] : k;
    const code = text.charCodeAt(i);
    if (cstart[code] === cstart[code + 1]) continue;
    if (inWord !== undefined && inWord[i] === 1) continue;
    // A look-alike must pair with a neighbour inside a frequent word: a bit or two per side.
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const after = i + 1 < length ? text.charCodeAt(i + 1) : 0;
    const hanPrev = isHan(prev);
    const hanAfter = isHan(after);
    if (!hanPrev && !hanAfter) continue;
    if (!((hanAfter && bit(filter, RS(code, after))) || (hanPrev && bit(filter, LE(prev, code))) || (hanPrev && hanAfter && bit(filter, LA(prev, code)) && bit(filter, RA(code, after))))) continue;
    const suspect = examine(text, i, code, prev, after, lexicon, c, options);
    if (suspect) suspects.push(suspect);
  }
  return suspects;
}

/** The candidates at index i, whose character passed the neighbour filter. */
function examine(text: string, i: number, code: number, prev: number, after: number, lexicon: Lexicon, c: Compiled, options: Omit<DetectOptions, 'evidence'>): RawSuspect | null {
  const { start: cstart, codes, prior, rank } = c;
  const first = cstart[code];
  const end = cstart[code + 1];
  const length = text.length;
  const floor = options.threshold - MAX_BONUS;
  const priorWeight = TUNING.prior;
  const minFrequency = Math.max(PAIR_MIN_FREQUENCY, TUNING.minWordFrequency);
  if (options.skip?.(i)) return null;
  // A parallel coinage of newspaper style (提速提质提效, 稳就业保民生): the character pairs
  // with the same lead as its neighbours; the dictionary knows neither pair.
  if (TUNING.parallel && i >= 1 && ((i >= 3 && prev === text.charCodeAt(i - 3)) || prev === after)) return null;
  // A less common character just after a surname is most likely part of a given name (王珏林, 丁祖昱).
  if (rank[code] > NAME_CHARACTER_RANK) {
    if ((i >= 1 && isSurnameAt(text, i - 1)) || (i >= 2 && isSurnameAt(text, i - 2))) return null;
  }
  // The run of Han characters around i: words do not cross punctuation.
  let a = i;
  while (a > 0 && i - a < WINDOW && isHan(text.charCodeAt(a - 1))) a--;
  let b = i + 1;
  while (b < length && b - i <= WINDOW && isHan(text.charCodeAt(b))) b++;
  const n = b - a;
  if (n < 2) return null;
  const at = i - a;
  for (let k = 0; k < n; k++) buf[k] = text.charCodeAt(a + k);
  // Which look-alikes form a frequent word with their neighbours that could gain enough (a few
  // probes each): only then is the window segmented, as printed and with each of them.
  let forming = 0;
  let starts = -1;
  let singlesDone = false;
  const l = at > 0;
  const r = at + 1 < n;
  for (let j = first; j < end && j - first < 32; j++) {
    const y = codes[j];
    // A word holding y and the character before it needs that pair somewhere in a word; without
    // it only the words that start at y count (no walk from the starts before).
    const leftAny = l && lexicon.hasPair(prev, y, PAIR_ANY);
    if (!((r && lexicon.hasPair(y, after, PAIR_START)) || (leftAny && lexicon.hasPair(prev, y, PAIR_END)) || (leftAny && r && lexicon.hasPair(y, after, PAIR_ANY)))) continue;
    if (!singlesDone) {
      singles(lexicon, n);
      singlesDone = true;
    }
    if (leftAny && starts < 0) starts = prefixStarts(lexicon, at);
    if (gainBound(lexicon, n, at, y, leftAny ? starts : 0, minFrequency) + priorWeight * prior[j] >= floor) forming |= 1 << (j - first);
  }
  if (forming === 0) return null;
  // The printed character must stand alone in the best segmentation (else it is in a word).
  const original = route(lexicon, n, n - 1);
  const own = wordStartAt(n, at);
  if (next[own] - own !== 1) return null;
  // Words that start after i do not change with it: keep their part of the route.
  for (let k = at + 1; k <= n; k++) {
    keepBest[k] = best[k];
    keepNext[k] = next[k];
    keepFreq[k] = wordFreq[k];
  }
  let candidates: RawCandidate[] | null = null;
  for (let j = first; j < end && j - first < 32; j++) {
    if ((forming & (1 << (j - first))) === 0) continue;
    const y = codes[j];
    buf[at] = y;
    for (let k = at + 1; k <= n; k++) {
      best[k] = keepBest[k];
      next[k] = keepNext[k];
      wordFreq[k] = keepFreq[k];
    }
    const score = route(lexicon, n, at) - original + priorWeight * prior[j];
    const ws = wordStartAt(n, at);
    const we = next[ws];
    const freq = wordFreq[ws];
    buf[at] = code;
    if (we - ws < 2 || freq < minFrequency || score < floor) continue;
    const wordStart = a + ws;
    const wordEnd = a + we;
    if (options.isProtected?.(wordStart, wordEnd)) continue;
    const char = String.fromCharCode(y);
    const word = text.slice(wordStart, i) + char + text.slice(i + 1, wordEnd);
    (candidates ??= []).push({ char, score, word, wordStart, printed: text.slice(wordStart, wordEnd) });
  }
  return candidates ? { index: i, char: text[i], candidates } : null;
}

/**
 * The candidates' final scores by the document's evidence, those at `threshold` or above, best
 * first: the proposed word spelled right elsewhere raises a score (up to MAX_BONUS); the
 * printed form recurring silences the candidate (a name, a term the dictionary lacks).
 */
export function settle(raw: RawSuspect[], threshold: number, evidence?: Evidence): Suspect[] {
  const out: Suspect[] = [];
  for (const s of raw) {
    const candidates: Candidate[] = [];
    for (const c of s.candidates) {
      let score = c.score;
      if (evidence) {
        if (evidence.count(c.printed) > 1) continue;
        const right = evidence.count(c.word);
        if (right > 0) score += Math.min(MAX_BONUS, 2 + Math.log(1 + right));
      }
      if (score >= threshold) candidates.push({ char: c.char, score, word: c.word, wordStart: c.wordStart });
    }
    if (candidates.length === 0) continue;
    candidates.sort((p, q) => q.score - p.score);
    out.push({ index: s.index, char: s.char, candidates });
  }
  return out;
}

export function detectConfusions(text: string, lexicon: Lexicon, tables: ConfusionTables, options: DetectOptions): Suspect[] {
  return settle(findCandidates(text, lexicon, tables, options), options.threshold, options.evidence);
}

/**
 * How often each of `forms` (two characters or more) occurs in `text`, overlaps included: one
 * pass over the text, a lookup only where a form's first two units stand.
 */
export function countForms(text: string, forms: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const heads = new Set<number>();
  let longest = 0;
  for (const f of forms) {
    if (f.length < 2 || counts.has(f)) continue;
    counts.set(f, 0);
    heads.add(f.charCodeAt(0) * 65536 + f.charCodeAt(1));
    longest = Math.max(longest, f.length);
  }
  if (counts.size === 0) return counts;
  const firsts = new Uint8Array(0x10000);
  for (const f of counts.keys()) firsts[f.charCodeAt(0)] = 1;
  for (let i = 0; i + 1 < text.length; i++) {
    if (firsts[text.charCodeAt(i)] === 0 || !heads.has(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1))) continue;
    for (let len = 2; len <= longest && i + len <= text.length; len++) {
      const form = text.slice(i, i + len);
      const n = counts.get(form);
      if (n !== undefined) counts.set(form, n + 1);
    }
  }
  return counts;
}

interface Segmentation {
  score: number;
  /** The word of the segmentation that holds index `k`. */
  wordAt(k: number): { start: number; end: number };
}

/** jieba's route over a string (for tests and tools): the best sum of log(freq / total). */
export function bestSegmentation(s: string, lexicon: Lexicon): Segmentation {
  const n = Math.min(s.length, BUF);
  for (let k = 0; k < n; k++) buf[k] = s.charCodeAt(k);
  const score = route(lexicon, n, n - 1);
  const ends = Array.from(next.subarray(0, n));
  return {
    score,
    wordAt(k) {
      let p = 0;
      while (p < n) {
        if (ends[p] > k) return { start: p, end: ends[p] };
        p = ends[p];
      }
      return { start: k, end: k + 1 };
    },
  };
}
