/**
 * Artefacts injected into the zoo's documents, each recorded with its rule and span as it is
 * made: the kinds OCR of Chinese print produces (generalised from scripts/eval-labelled.mjs).
 *
 * Point artefacts change a body paragraph's text (`POINT` below): a space inside Chinese or
 * a date, an ASCII mark for a full-width one, full-width digits, a stray English word, a word
 * or 的 printed twice, a lost closing quote or title mark, encoding damage, a policy slogan
 * with the wrong number or a character missing.
 *
 * Break artefacts cut a paragraph inside a sentence (`cutPoint` below): an extra line break
 * (broken-line; only in paragraph-per-line text, where a line break inside a paragraph is
 * damage), a blank line (split-paragraph), a furniture line with or without blank lines
 * around it (page-residue). An article can also lose its body (empty-article).
 *
 * Words come from `Intl.Segmenter` (built into Node), not from the product's segmenter.
 */
import { endsSentence, hanSeams, isHan, FULLWIDTH_DIGITS } from './text.mjs';
import { wrapParagraph } from './layouts.mjs';

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words of two to four Han characters, with their offsets. */
function hanWords(text) {
  return [...WORDS.segment(text)].filter((s) => s.isWordLike && /^[\u4e00-\u9fff]{2,4}$/.test(s.segment)).map((s) => ({ text: s.segment, start: s.index, end: s.index + s.segment.length }));
}

/** A seam between two Han characters that is not at a sentence end, 8 characters in or more. */
function seam(text, rng) {
  const seams = hanSeams(text, 8).filter((i) => !endsSentence(text.slice(0, i)));
  return seams.length ? rng.pick(seams) : null;
}

const replace = (text, start, end, by) => text.slice(0, start) + by + text.slice(end);

/**
 * A malformed policy slogan: the canonical form, the damaged form a reader would call wrong,
 * and a verb it goes with. Written for the harness (the glossary only tells the product).
 */
const SLOGANS = [
  ['四个意识', '五个意识', '增强'],
  ['两个维护', '三个维护', '做到'],
  ['四个全面', '五个全面', '协调推进'],
  ['两个一百年', '三个一百年', '实现'],
  ['三严三实', '三严四实', '践行'],
  ['社会主义核心价值观', '社会主义核心价观', '培育和践行'],
  ['绿水青山就是金山银山', '绿水青山就是金山银', '牢固树立'],
  ['不忘初心、牢记使命', '不忘初心、牢使命', '坚持'],
  ['三大攻坚战', '四大攻坚战', '打好'],
  ['四个自信', '四个自心', '坚定'],
];

/** Degree adverbs that Chinese doubles for emphasis (非常非常, 特别特别): no artefact when doubled. */
const EMPHATIC = new Set(['非常', '特别', '十分', '格外', '极其', '尤其', '真的', '好好', '很多', '很少', '好久', '多么', '越来越']);

const MOJIBAKE = ['\ufffd', '\ufffd\ufffd', '锟斤拷', 'ä¸­å›½', '??', '?Ｋ孀殴', '\ue5e5'];

/**
 * Each takes a paragraph's text (and the document's { encoding }) and returns { text, start,
 * end } (the artefact's span in the new text) or null when the paragraph does not suit it.
 */
export const POINT = {
  'cjk-space': (p, rng) => {
    if (rng.chance(0.35)) {
      const m = rng.pick([...p.matchAll(/\d+(?=[年月日亿万个%])/g)]);
      if (m) {
        const at = m.index + m[0].length;
        return { text: replace(p, at, at, ' '), start: at, end: at + 1 };
      }
    }
    const at = seam(p, rng);
    if (at === null) return null;
    return { text: replace(p, at, at, ' '), start: at, end: at + 1 };
  },
  'halfwidth-punctuation': (p, rng) => {
    const marks = [...p.matchAll(/[，：；！？]/g)].map((m) => m.index).filter((i) => i > 0 && isHan(p[i - 1]));
    if (marks.length === 0) return null;
    const at = rng.pick(marks);
    const ascii = { '，': ',', '：': ':', '；': ';', '！': '!', '？': '?' }[p[at]];
    return { text: replace(p, at, at + 1, ascii), start: at, end: at + 1 };
  },
  'fullwidth-alnum': (p, rng) => {
    const m = rng.pick([...p.matchAll(/[0-9]+/g)]);
    if (m) return { text: replace(p, m.index, m.index + m[0].length, FULLWIDTH_DIGITS(m[0])), start: m.index, end: m.index + m[0].length };
    const at = p.indexOf('，') + 1;
    if (at <= 0) return null;
    const year = FULLWIDTH_DIGITS(String(1990 + rng.int(30)));
    return { text: replace(p, at, at, `${year}年`), start: at, end: at + 4 };
  },
  'stray-latin': (p, rng) => {
    const form = rng.weighted({ and: 2, word: 1, letter: 1 });
    const m = rng.pick([...p.matchAll(/[\u4e00-\u9fff]{2}和[\u4e00-\u9fff]{2}/g)]);
    if (form === 'and' && m) {
      // 和 read (or translated) as a stray English word.
      const at = m.index + 2;
      return { text: replace(p, at, at + 1, ' and '), start: at + 1, end: at + 4 };
    }
    const at = seam(p, rng);
    if (at === null) return null;
    if (form === 'letter') {
      // A Han character read as a Latin letter, as real OCR does (H思想, 展F了).
      const letter = rng.pick(['H', 't', 'F', 'l', 'I', 'T']);
      return { text: replace(p, at, at + 1, letter), start: at, end: at + 1 };
    }
    const word = rng.pick(['the', 'of', 'and', 'ing']);
    return { text: replace(p, at, at, word), start: at, end: at + word.length };
  },
  'duplicate-text': (p, rng) => {
    if (rng.chance(0.3)) {
      const m = rng.pick([...p.matchAll(/[\u4e00-\u9fff]的[\u4e00-\u9fff]/g)].filter((x) => x.index > 4));
      if (m) {
        const at = m.index + 2;
        return { text: replace(p, at, at, '的'), start: at - 1, end: at + 1 };
      }
    }
    // Not a degree adverb: doubled, it is emphasis (非常非常有吸引力), which an editor leaves.
    const w = rng.pick(hanWords(p).filter((t) => t.start > 6 && !/^[一二三四五六七八九十两]/.test(t.text) && !/^(.)\1/.test(t.text) && !EMPHATIC.has(t.text)));
    if (!w) return null;
    return { text: replace(p, w.end, w.end, w.text), start: w.start, end: w.end + w.text.length };
  },
  'unbalanced-pair': (p, rng) => {
    const closers = [...p.matchAll(/[”》]/g)].filter((m) => p.lastIndexOf(p[m.index] === '”' ? '“' : '《', m.index) >= 0);
    const m = rng.pick(closers);
    if (!m) return null;
    const opener = p.lastIndexOf(p[m.index] === '”' ? '“' : '《', m.index);
    return { text: replace(p, m.index, m.index + 1, ''), start: opener, end: opener + 1 };
  },
  mojibake: (p, rng, { encoding } = {}) => {
    const at = seam(p, rng);
    if (at === null) return null;
    // A private-use character does not survive GB18030 (U+E5E5 is written as A3A0, which reads back as U+3000).
    const damage = rng.pick(encoding === 'gb18030' ? MOJIBAKE.filter((m) => !/[\ue000-\uf8ff]/.test(m)) : MOJIBAKE);
    return { text: replace(p, at, at + 1, damage), start: at, end: at + damage.length };
  },
  'slogan-variant': (p, rng) => {
    const commas = [...p.matchAll(/，/g)].map((m) => m.index + 1).filter((i) => i > 4 && i < p.length - 4);
    if (commas.length === 0) return null;
    const at = rng.pick(commas);
    const [, variant, verb] = rng.pick(SLOGANS);
    const clause = `${verb}“${variant}”，`;
    const start = at + verb.length + 1;
    return { text: replace(p, at, at, clause), start, end: start + variant.length };
  },
};

export const POINT_RULES = Object.keys(POINT);
export const BREAK_RULES = ['broken-line', 'split-paragraph', 'page-residue'];

/**
 * Where a break artefact cuts a paragraph: inside a sentence, never inside another
 * artefact. In a hard-wrapped paragraph it falls on one of the wrap breaks (a page break in
 * print falls between printed lines); a broken-line is not injected there (every line of a
 * hard-wrapped paragraph already is one).
 */
export function cutPoint(rule, par, mode, indent, keep, rng) {
  const text = par.text;
  const free = (i) => !keep.some(([s, e]) => s <= i && i <= e) && !endsSentence(text.slice(0, i)) && i > 6 && i < text.length - 4;
  if (mode.kind === 'wrap') {
    if (rule === 'broken-line') return null;
    const options = wrapParagraph(text, mode.width, indent, keep).filter(free);
    return options.length ? rng.pick(options) : null;
  }
  const options = hanSeams(text, 8).filter(free);
  return options.length ? rng.pick(options) : null;
}
