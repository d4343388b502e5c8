/**
 * Finds characters that OCR probably misread for a look-alike (己/已, 末/未, 太/大 …): a
 * noisy-channel choice between the character as printed and each of its look-alikes.
 *
 * The language model is the segmenter's own dictionary, read as jieba reads it: the best
 * segmentation of a few characters around the suspect, each word scoring log(freq / total).
 * A look-alike is proposed when it turns a character the dictionary leaves alone into a word
 * (越来赴赖 → 越来越), and by how much the text then gains is the score, plus the log of the
 * pair's visual weight, plus corpus evidence: the proposed word spelled right elsewhere in the
 * document raises it; the printed form recurring elsewhere while the proposal never does (a
 * name, a term) silences it. Pure: the lexicon, the tables and the evidence are passed in.
 */
import { isSurnameAt } from '../names';
import { Lexicon } from '../segmenter';
import { Alternative, ConfusionTables } from './model';

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
}

/** The default threshold on the score; see docs/ACCURACY.md for the precision it gives. */
export const DEFAULT_THRESHOLD = 10;

/** Weight of the visual prior: score += PRIOR * ln(weight). */
const PRIOR = 4;
/** A proposed word must be at least this frequent in the dictionary. */
const MIN_WORD_FREQUENCY = 20;
/** Characters on each side that the language model reads. */
const WINDOW = 4;
const MAX_WORD = 6;
/** Characters less common than this rank are taken as part of a name after a surname. */
const NAME_CHARACTER_RANK = 2500;

const ranks = new WeakMap<ConfusionTables, Map<string, number>>();
function rankOf(tables: ConfusionTables, ch: string): number {
  let map = ranks.get(tables);
  if (!map) {
    map = new Map();
    let k = 0;
    for (const c of tables.common) map.set(c, k++);
    ranks.set(tables, map);
  }
  return map.get(ch) ?? Infinity;
}

/** The most the proposed word found elsewhere in the document adds to a score. */
const MAX_BONUS = 4;

const isHan = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);

export function detectConfusions(text: string, lexicon: Lexicon, tables: ConfusionTables, options: DetectOptions): Suspect[] {
  const suspects: Suspect[] = [];
  const logTotal = Math.log(lexicon.total);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHan(code)) continue;
    const x = text[i];
    const alternatives = tables.confusable.get(x);
    if (!alternatives) continue;
    if (options.skip?.(i)) continue;
    // The run of Han characters around i: words do not cross punctuation.
    let a = i;
    while (a > 0 && i - a < WINDOW && isHan(text.charCodeAt(a - 1))) a--;
    let b = i + 1;
    while (b < text.length && b - i <= WINDOW && isHan(text.charCodeAt(b))) b++;
    if (b - a < 2) continue;
    // A parallel coinage of newspaper style (提速提质提效, 稳就业保民生): the character pairs
    // with the same lead as its neighbours; the dictionary knows neither pair.
    if (i >= 1 && ((i >= 3 && text[i - 1] === text[i - 3]) || text[i - 1] === text[i + 1])) continue;
    // A less common character just after a surname is most likely part of a given name (王珏林, 丁祖昱).
    if (!tables.common.has(x) || rankOf(tables, x) > NAME_CHARACTER_RANK) {
      if ((i >= 1 && isSurnameAt(text, i - 1)) || (i >= 2 && isSurnameAt(text, i - 2))) continue;
    }
    // The printed character must stand alone in the best segmentation (else it is in a word);
    // that costs a segmentation, so it is asked only once a look-alike forms a word.
    let original: Segmentation | null = null;
    let alone = true;
    const candidates: Candidate[] = [];
    for (const alt of alternatives) {
      if (!tables.common.has(alt.char) || !formsWord(text, i, a, b, alt.char, lexicon)) continue;
      if (!original) {
        original = bestSegmentation(text.slice(a, b), lexicon, logTotal);
        const own = original.wordAt(i - a);
        alone = own.end - own.start === 1;
      }
      if (!alone) break;
      const candidate = scoreAlternative(text, i, a, b, alt, original.score, lexicon, logTotal, tables, options);
      if (candidate && candidate.score >= options.threshold) candidates.push(candidate);
    }
    if (candidates.length === 0) continue;
    candidates.sort((p, q) => q.score - p.score);
    suspects.push({ index: i, char: x, candidates });
  }
  return suspects;
}

function scoreAlternative(
  text: string,
  i: number,
  a: number,
  b: number,
  alt: Alternative,
  originalScore: number,
  lexicon: Lexicon,
  logTotal: number,
  tables: ConfusionTables,
  options: DetectOptions,
): Candidate | null {
  const y = alt.char;
  // A traditional form and its simplified one are the mixed-script rule's finding.
  if (tables.traditional.get(text[i])?.includes(y) || tables.simplified.get(text[i])?.includes(y)) return null;
  const window = text.slice(a, i) + y + text.slice(i + 1, b);
  const seg = bestSegmentation(window, lexicon, logTotal);
  const word = seg.wordAt(i - a);
  if (word.end - word.start < 2) return null;
  const wordText = window.slice(word.start, word.end);
  if (lexicon.frequency(wordText) < MIN_WORD_FREQUENCY) return null;
  const wordStart = a + word.start;
  const wordEnd = a + word.end;
  if (options.isProtected?.(wordStart, wordEnd)) return null;
  let score = seg.score - originalScore + PRIOR * Math.log(alt.weight);
  // Evidence only matters near the threshold (it is the costly part: a search of the document).
  if (options.evidence && score + MAX_BONUS >= options.threshold) {
    const printed = text.slice(wordStart, wordEnd);
    const right = options.evidence.count(wordText);
    const same = options.evidence.count(printed) - 1;
    // The printed form recurs: the text confirms it (a name, a term the dictionary lacks).
    if (same > 0) return null;
    if (right > 0) score += Math.min(MAX_BONUS, 2 + Math.log(1 + right));
  }
  return { char: y, score, word: wordText, wordStart };
}

/** True when y at i and a neighbour (two to four characters) are a dictionary word frequent enough to propose. */
function formsWord(text: string, i: number, a: number, b: number, y: string, lexicon: Lexicon): boolean {
  // Two lookups in a bit set, no string built: most look-alikes stop here.
  if (lexicon.mayPair) {
    const c = y.charCodeAt(0);
    if (!((i > a && lexicon.mayPair(text.charCodeAt(i - 1), c)) || (i + 1 < b && lexicon.mayPair(c, text.charCodeAt(i + 1))))) return false;
  }
  const at = (k: number) => (k === i ? y.charCodeAt(0) : text.charCodeAt(k));
  for (let len = 2; len <= 4; len++) {
    for (let s = Math.max(a, i - len + 1); s <= i && s + len <= b; s++) {
      if (lexicon.mayPair) {
        let possible = true;
        for (let k = s; k + 1 < s + len && possible; k++) possible = lexicon.mayPair(at(k), at(k + 1));
        if (!possible) continue;
      }
      if (lexicon.frequency(text.slice(s, i) + y + text.slice(i + 1, s + len)) >= MIN_WORD_FREQUENCY) return true;
    }
  }
  return false;
}

interface Segmentation {
  score: number;
  /** The word of the segmentation that holds index `k`. */
  wordAt(k: number): { start: number; end: number };
}

/** jieba's route: the segmentation with the best sum of log(freq / total), unknown characters at freq 1. */
export function bestSegmentation(s: string, lexicon: Lexicon, logTotal = Math.log(lexicon.total)): Segmentation {
  const n = s.length;
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  best[n] = 0;
  for (let p = n - 1; p >= 0; p--) {
    let top = -Infinity;
    let end = p + 1;
    for (let q = p + 1; q <= Math.min(n, p + MAX_WORD); q++) {
      // A longer word needs every pair of neighbours it holds to occur in some dictionary word.
      if (q > p + 1 && lexicon.mayPair && !lexicon.mayPair(s.charCodeAt(q - 2), s.charCodeAt(q - 1))) break;
      const f = lexicon.frequency(s.slice(p, q));
      if (f <= 0 && q > p + 1) continue;
      const v = Math.log(Math.max(f, 1)) - logTotal + best[q];
      if (v > top) {
        top = v;
        end = q;
      }
    }
    best[p] = top;
    next[p] = end;
  }
  return {
    score: best[0],
    wordAt(k) {
      let p = 0;
      while (p < n) {
        if (next[p] > k) return { start: p, end: next[p] };
        p = next[p];
      }
      return { start: k, end: k + 1 };
    },
  };
}
