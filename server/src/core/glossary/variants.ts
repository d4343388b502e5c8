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
  for (const entry of glossary.entries) {
    if (entry.canonical && entry.term.length >= 6) matches.push(...editVariants(entry, glossary, text));
  }
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

/**
 * Near-misses of a canonical phrase. A candidate keeps the phrase's first and last character
 * and its first two or last two characters: with both pairs, up to `maxDistance` edits are
 * allowed; with one pair (a character lost at the other end), one edit.
 */
function editVariants(entry: GlossaryEntry, glossary: Glossary, text: string): VariantMatch[] {
  const term = entry.term;
  const n = term.length;
  const maxDistance = n >= 12 ? 3 : n >= 8 ? 2 : 1;
  const head = term.slice(0, 2);
  const tail = term.slice(-2);
  const starts = new Set<number>();
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) starts.add(at);
  for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) {
    for (let start = at + 2 - n - 1; start <= at + 2 - n + 1; start++) if (start >= 0 && text[start] === term[0]) starts.add(start);
  }
  const matches: VariantMatch[] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    if (text.startsWith(term, start)) continue;
    let best: { end: number; distance: number } | null = null;
    for (let end = start + n - maxDistance; end <= start + n + maxDistance; end++) {
      if (end > text.length || text[end - 1] !== term[n - 1]) continue;
      const candidate = text.slice(start, end);
      // The phrase itself with a neighbouring character (学习 + 习近平… ) is no variant.
      if (candidate.includes(term)) continue;
      const anchors = (candidate.startsWith(head) ? 1 : 0) + (candidate.endsWith(tail) ? 1 : 0);
      if (anchors === 0 || !isPhraseLike(candidate, term)) continue;
      const distance = editDistance(candidate, term);
      const limit = anchors === 2 ? maxDistance : 1;
      if (distance > 0 && distance <= limit && (!best || distance < best.distance)) best = { end, distance };
    }
    if (!best) continue;
    const found = text.slice(start, best.end);
    if (glossary.lookup(found) || found.replace(PARTICLES, '') === term.replace(PARTICLES, '')) continue;
    matches.push({ entry, span: { start, end: best.end }, found, expected: term, kind: 'edit' });
  }
  return matches;
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
