/**
 * Malformed forms of fixed phrases: a wrong number in a numbered slogan (三个自信 for 四个自信)
 * and near-misses of canonical long forms (a character missing, extra or swapped). Precision
 * first: only forms that are close to one entry and are no glossary form themselves.
 */
import { Span } from '../text';
import { GlossaryEntry } from './entries';
import { Glossary } from './matcher';

export interface VariantMatch {
  entry: GlossaryEntry;
  span: Span;
  found: string;
  expected: string;
  kind: 'number' | 'edit';
}

// 一个 is ordinary counting (一个全面的计划), never a misnumbered slogan.
const NUMERALS = '两二三四五六七八九十';
const NUMBERED_AT = /[两二三四五六七八九十]个/g;
/** Particles prose may put inside a phrase without malforming it (中国特色的社会主义). */
const PARTICLES = /[的之和与]/g;
const NUMBERED = /^([一两二三四五六七八九十])个([\u4e00-\u9fff]{2,6})$/;
/** Characters a canonical phrase may contain besides Han characters. */
const PHRASE_PUNCTUATION = /[、·]/;

/**
 * Variants of the glossary's phrases in `text`. `brokenWords` tells whether a phrase falls
 * apart into fragments rather than words (四个自心 → 四个/自/心, but 四个方面 → 四个/方面): a
 * quoted near-miss counts only when it does, so that an ordinary quoted phrase is left alone.
 */
export function findVariants(glossary: Glossary, text: string, brokenWords: (phrase: string) => boolean = () => false): VariantMatch[] {
  const matches = numberVariants(glossary, text);
  matches.push(...numeralPatternVariants(glossary, text));
  matches.push(...editVariants(glossary, text));
  matches.push(...quotedVariants(glossary, text, brokenWords));
  return dropOverlaps(matches.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end));
}

const NUMERAL_CHAR = /[一两二三四五六七八九十]/;

/** A phrase with its numerals set aside: 三严三实 → #严#实. */
function numeralKey(phrase: string): string {
  return phrase.replace(/[一两二三四五六七八九十]/g, '#');
}

/** Slogans by their numeral key, for those with a numeral and at least two other characters. */
const numeralIndex = new WeakMap<Glossary, Map<string, GlossaryEntry>>();

function numeralEntries(glossary: Glossary): Map<string, GlossaryEntry> {
  let index = numeralIndex.get(glossary);
  if (!index) {
    index = new Map();
    for (const entry of glossary.entries) {
      for (const form of [entry.term, ...entry.aliases]) {
        const key = numeralKey(form);
        if (key !== form && key.replace(/#/g, '').length >= 2 && !index.has(key)) index.set(key, entry);
      }
    }
    numeralIndex.set(glossary, index);
  }
  return index;
}

/**
 * A slogan with its numbers changed: 三严四实 for 三严三实, “四大攻坚战” for 三大攻坚战. With two
 * numbers (三严三实, 两学一做) the pattern is distinctive wherever it stands; with one, only in
 * quotation marks, since 三项规定 is ordinary counting and 八项规定 a slogan. (N个X is
 * `numberVariants`'s.)
 */
function numeralPatternVariants(glossary: Glossary, text: string): VariantMatch[] {
  const index = numeralEntries(glossary);
  const matches: VariantMatch[] = [];
  if (index.size === 0) return matches;
  for (const hit of text.matchAll(/[一两二三四五六七八九十]/g)) {
    const at = hit.index!;
    if (NUMERAL_CHAR.test(text[at - 1] ?? '') || text[at - 1] === '第' || text[at + 1] === '个') continue;
    for (let length = 8; length >= 3; length--) {
      const form = text.slice(at, at + length);
      const entry = index.get(numeralKey(form));
      if (!entry) continue;
      if (glossary.lookup(form)) break;
      const numerals = form.split('').filter((ch) => NUMERAL_CHAR.test(ch)).length;
      const quoted = text[at - 1] === '“' && text[at + length] === '”';
      if (numerals >= 2 || quoted) matches.push({ entry, span: { start: at, end: at + length }, found: form, expected: entry.term, kind: 'number' });
      break;
    }
  }
  return matches;
}

/**
 * A quoted phrase one edit from a slogan (two for long ones) that falls apart into fragments:
 * “四个自心”, “绿水青山就是金山银”, “社会主义核心价观”.
 */
function quotedVariants(glossary: Glossary, text: string, brokenWords: (phrase: string) => boolean): VariantMatch[] {
  const matches: VariantMatch[] = [];
  const forms = quotedForms(glossary);
  for (const m of text.matchAll(/“([^“”\n]{3,16})”/g)) {
    const found = m[1];
    if (glossary.lookup(found) || !isPhraseLike(found, found)) continue;
    let best: { form: string; entry: GlossaryEntry; distance: number } | null = null;
    for (const { form, entry } of forms) {
      if (Math.abs(form.length - found.length) > 1 || (form[0] !== found[0] && form[form.length - 1] !== found[found.length - 1])) continue;
      const distance = editDistance(found, form);
      const limit = form.length >= 8 ? 2 : 1;
      if (distance > 0 && distance <= limit && (!best || distance < best.distance)) best = { form, entry, distance };
    }
    if (!best || found.replace(PARTICLES, '') === best.form.replace(PARTICLES, '') || !brokenWords(found)) continue;
    const start = m.index! + 1;
    matches.push({ entry: best.entry, span: { start, end: start + found.length }, found, expected: best.entry.term, kind: 'edit' });
  }
  return matches;
}

const quotedIndex = new WeakMap<Glossary, { form: string; entry: GlossaryEntry }[]>();

/** The glossary's terms and aliases of four characters or more. */
function quotedForms(glossary: Glossary): { form: string; entry: GlossaryEntry }[] {
  let forms = quotedIndex.get(glossary);
  if (!forms) {
    forms = glossary.entries.flatMap((entry) => [entry.term, ...entry.aliases].filter((f) => f.length >= 4).map((form) => ({ form, entry })));
    quotedIndex.set(glossary, forms);
  }
  return forms;
}

/** Numbered slogans by what follows 个 (意识 → 四个意识), built once per glossary. */
const numberedIndex = new WeakMap<Glossary, Map<string, GlossaryEntry>>();

function numberedEntries(glossary: Glossary): Map<string, GlossaryEntry> {
  let index = numberedIndex.get(glossary);
  if (!index) {
    index = new Map();
    for (const entry of glossary.entries) {
      const m = NUMBERED.exec(entry.term);
      if (m && !index.has(m[2])) index.set(m[2], entry);
    }
    numberedIndex.set(glossary, index);
  }
  return index;
}

/** One pass over the text: at each “N个”, the longest numbered slogan whose rest follows. */
function numberVariants(glossary: Glossary, text: string): VariantMatch[] {
  const index = numberedEntries(glossary);
  const matches: VariantMatch[] = [];
  if (index.size === 0) return matches;
  NUMBERED_AT.lastIndex = 0;
  for (let hit = NUMBERED_AT.exec(text); hit; hit = NUMBERED_AT.exec(text)) {
    const at = hit.index;
    // 十四个意识 is not 四个意识 with a wrong number; neither is 第三个自信.
    if (/[一两二三四五六七八九十第几]/.test(text[at - 1] ?? '')) continue;
    for (let length = 6; length >= 2; length--) {
      const entry = index.get(text.slice(at + 2, at + 2 + length));
      if (!entry) continue;
      const form = text.slice(at, at + 2 + length);
      if (form !== entry.term && NUMERALS.includes(form[0]) && !glossary.lookup(form)) {
        matches.push({ entry, span: { start: at, end: at + form.length }, found: form, expected: entry.term, kind: 'number' });
      }
      break;
    }
  }
  return matches;
}

/** The edits a near-miss of a canonical phrase of `n` characters may have. */
const maxDistanceOf = (n: number) => (n >= 12 ? 3 : n >= 8 ? 2 : 1);

/** A trie node of canonical phrases; `budget` is the most edits any phrase below it allows. */
interface PhraseNode {
  /** By UTF-16 code unit. */
  children: Map<number, PhraseNode>;
  /** Indexes (in `PhraseIndex.entries`) of the phrases ending here. */
  ends: number[];
  budget: number;
  /**
   * The code units the phrases below end with (in the text's direction: the last character
   * forward, the first backward), and the lengths they span: a near-miss must have one of them
   * within reach, which rules most starts out before any distance is computed.
   */
  last: Set<number>;
  shortest: number;
  longest: number;
}

interface PhraseIndex {
  entries: GlossaryEntry[];
  /** The phrases forward, for near-misses that keep the first two characters. */
  forward: PhraseNode;
  /** The phrases backward, for near-misses that keep only the last two. */
  backward: PhraseNode;
  maxLength: number;
}

const phraseIndexes = new WeakMap<Glossary, PhraseIndex>();

/** Canonical phrases of six characters or more in two tries, built once per glossary. */
function phraseIndex(glossary: Glossary): PhraseIndex {
  let index = phraseIndexes.get(glossary);
  if (index) return index;
  const node = (): PhraseNode => ({ children: new Map(), ends: [], budget: 0, last: new Set(), shortest: Infinity, longest: 0 });
  index = { entries: [], forward: node(), backward: node(), maxLength: 0 };
  for (const entry of glossary.entries) {
    if (!entry.canonical || entry.term.length < 6) continue;
    const at = index.entries.push(entry) - 1;
    const term = entry.term;
    const n = term.length;
    const budget = maxDistanceOf(n);
    index.maxLength = Math.max(index.maxLength, n);
    for (const [root, code] of [
      [index.forward, (k: number) => term.charCodeAt(k)],
      [index.backward, (k: number) => term.charCodeAt(n - 1 - k)],
    ] as const) {
      let current = root;
      const mark = (at: PhraseNode) => {
        at.budget = Math.max(at.budget, budget);
        at.last.add(code(n - 1));
        at.shortest = Math.min(at.shortest, n);
        at.longest = Math.max(at.longest, n);
      };
      mark(current);
      for (let k = 0; k < n; k++) {
        let child = current.children.get(code(k));
        if (!child) current.children.set(code(k), (child = node()));
        mark(child);
        current = child;
      }
      current.ends.push(at);
    }
  }
  phraseIndexes.set(glossary, index);
  return index;
}

/**
 * The text as a phrase walk reads it: `width` code units from `origin`, forward (`step` 1) or
 * backward (`step` -1), with one row of edit distances per trie depth, reused from walk to walk.
 */
class PhraseWalk {
  origin = 0;
  step = 1;
  width = 0;
  private rows: Int32Array[] = [];
  private others: Int32Array[] = [];

  constructor(
    private readonly text: string,
    private readonly maxWidth: number,
  ) {}

  at(j: number): number {
    return this.text.charCodeAt(this.origin + this.step * j);
  }

  /** The row for trie depth `depth` (a second one, `other`, for the children the text lacks). */
  row(depth: number, other = false): Int32Array {
    const pool = other ? this.others : this.rows;
    while (pool.length <= depth) pool.push(new Int32Array(this.maxWidth + 1));
    return pool[depth];
  }

  /** Whether the text read holds the code unit `c`. */
  holds(c: number): boolean {
    for (let j = 0; j < this.width; j++) if (this.at(j) === c) return true;
    return false;
  }

  /**
   * Fills `next` with the distances of the phrase one character (`c`) longer than `row`'s,
   * against the text's first 0…width characters; -1 stands for a character the text does not
   * have. Returns the least of them.
   */
  advance(row: Int32Array, c: number, next: Int32Array): number {
    next[0] = row[0] + 1;
    let min = next[0];
    for (let j = 1; j <= this.width; j++) {
      const v = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (this.at(j - 1) === c ? 0 : 1));
      next[j] = v;
      if (v < min) min = v;
    }
    return min;
  }
}

/**
 * Walks a phrase trie along the text `walk` reads, the first two characters exactly, the rest
 * within the edits each subtree allows (at most `cap`). Calls `found(phrase, row)` at each phrase
 * reached, where row[j] is the edit distance between the phrase and the text's first j
 * characters. Rows are shared by the phrases with a common prefix and by the children whose
 * character the text does not have; a node whose edits are spent is left only by the characters
 * that keep a distance. The work depends on the text and the trie's branching, not on the number
 * of phrases.
 */
function walkPhrases(root: PhraseNode, walk: PhraseWalk, cap: number, found: (phrase: number, row: Int32Array) => void): void {
  if (walk.width < 2) return;
  const second = root.children.get(walk.at(0))?.children.get(walk.at(1));
  if (!second) return;
  // The phrase's last character must be read somewhere a near-miss of it could end.
  const reachable = Math.min(walk.width, second.longest + Math.min(cap, second.budget));
  let ends = false;
  for (let j = Math.max(1, second.shortest - Math.min(cap, second.budget) - 1); j < reachable && !ends; j++) ends = second.last.has(walk.at(j));
  if (!ends) return;
  const start = walk.row(0);
  for (let j = 0; j <= walk.width; j++) start[j] = j;
  walk.advance(start, walk.at(0), walk.row(1));
  const min = walk.advance(walk.row(1), walk.at(1), walk.row(2));
  descend(second, walk.row(2), min, 2, walk, cap, found);
}

function descend(node: PhraseNode, row: Int32Array, min: number, depth: number, walk: PhraseWalk, cap: number, found: (phrase: number, row: Int32Array) => void): void {
  for (const phrase of node.ends) found(phrase, row);
  const budget = Math.min(cap, node.budget);
  if (min > budget || node.children.size === 0) return;
  const next = walk.row(depth + 1);
  if (min === budget) {
    // No edit left: a child must continue a diagonal of the least distance.
    for (let j = 0; j < walk.width; j++) {
      if (row[j] !== min) continue;
      const c = walk.at(j);
      let seen = false;
      for (let k = 0; k < j && !seen; k++) seen = row[k] === min && walk.at(k) === c;
      const child = seen ? undefined : node.children.get(c);
      if (!child) continue;
      const least = walk.advance(row, c, next);
      if (least <= Math.min(cap, child.budget)) descend(child, next, least, depth + 1, walk, cap, found);
    }
    return;
  }
  let other = -1;
  for (const [c, child] of node.children) {
    if (walk.holds(c)) {
      const least = walk.advance(row, c, next);
      if (least <= Math.min(cap, child.budget)) descend(child, next, least, depth + 1, walk, cap, found);
    } else {
      const otherRow = walk.row(depth + 1, true);
      if (other < 0) other = walk.advance(row, -1, otherRow);
      if (other <= Math.min(cap, child.budget)) descend(child, otherRow, other, depth + 1, walk, cap, found);
    }
  }
}

/**
 * Near-misses of canonical phrases. A candidate keeps the phrase's first and last character
 * and its first two or last two characters: with both pairs, up to `maxDistance` edits are
 * allowed; with one pair (a character lost at the other end), one edit. Of the candidates from
 * one start, the closest (then the shortest) is taken.
 */
function editVariants(glossary: Glossary, text: string): VariantMatch[] {
  const index = phraseIndex(glossary);
  if (index.entries.length === 0) return [];
  /** The best end for each phrase and start, keyed phrase × (text length + 1) + start. */
  const best = new Map<number, { phrase: number; start: number; end: number; distance: number }>();
  const key = (phrase: number, start: number) => phrase * (text.length + 1) + start;
  const offer = (phrase: number, start: number, end: number, distance: number) => {
    const k = key(phrase, start);
    const known = best.get(k);
    if (!known || distance < known.distance || (distance === known.distance && end < known.end)) best.set(k, { phrase, start, end, distance });
  };
  /** Whether text[start, end) may be a near-miss of `term` at all (the distance aside). */
  const candidate = (term: string, start: number, end: number) => {
    if (end > text.length || start < 0 || text[end - 1] !== term[term.length - 1] || text[start] !== term[0]) return null;
    const found = text.slice(start, end);
    // The phrase itself with a neighbouring character (学习 + 习近平… ) is no variant.
    if (found.includes(term) || !isPhraseLike(found, term)) return null;
    return found;
  };
  const reach = index.maxLength + 3;
  const walk = new PhraseWalk(text, reach);
  for (let start = 0; start + 1 < text.length; start++) {
    walk.origin = start;
    walk.step = 1;
    walk.width = Math.min(text.length - start, reach);
    walkPhrases(index.forward, walk, 3, (phrase, row) => {
      const term = index.entries[phrase].term;
      const n = term.length;
      if (text.startsWith(term, start)) return;
      const maxDistance = maxDistanceOf(n);
      for (let end = start + n - maxDistance; end <= start + n + maxDistance; end++) {
        const found = candidate(term, start, end);
        if (found === null) continue;
        const distance = row[end - start];
        const limit = found.endsWith(term.slice(-2)) ? maxDistance : 1;
        if (distance > 0 && distance <= limit) offer(phrase, start, end, distance);
      }
    });
  }
  for (let end = text.length; end >= 2; end--) {
    walk.origin = end - 1;
    walk.step = -1;
    walk.width = Math.min(end, reach);
    walkPhrases(index.backward, walk, 1, (phrase, row) => {
      const term = index.entries[phrase].term;
      const n = term.length;
      for (let start = end - n - 1; start <= end - n + 1; start++) {
        // A start that keeps the first two characters is the forward walk's.
        if (start < 0 || text.startsWith(term.slice(0, 2), start)) continue;
        const found = candidate(term, start, end);
        if (found === null) continue;
        const distance = row[end - start];
        if (distance > 0 && distance <= 1) offer(phrase, start, end, distance);
      }
    });
  }
  const matches: (VariantMatch & { phrase: number })[] = [];
  for (const { phrase, start, end } of best.values()) {
    const entry = index.entries[phrase];
    const found = text.slice(start, end);
    if (glossary.lookup(found) || found.replace(PARTICLES, '') === entry.term.replace(PARTICLES, '')) continue;
    matches.push({ phrase, entry, span: { start, end }, found, expected: entry.term, kind: 'edit' });
  }
  // In glossary order, then by start (the order the matches of equal spans are kept in).
  return matches.sort((a, b) => a.phrase - b.phrase || a.span.start - b.span.start).map(({ phrase: _, ...match }) => match);
}

/** Han characters only, plus the punctuation the phrase itself uses. */
function isPhraseLike(candidate: string, term: string): boolean {
  for (const ch of candidate) {
    const code = ch.codePointAt(0)!;
    const han = (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
    if (!han && !(PHRASE_PUNCTUATION.test(ch) && term.includes(ch))) return false;
  }
  return true;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function dropOverlaps(sorted: VariantMatch[]): VariantMatch[] {
  const result: VariantMatch[] = [];
  for (const match of sorted) {
    const last = result[result.length - 1];
    if (last && match.span.start < last.span.end) continue;
    result.push(match);
  }
  return result;
}
