#!/usr/bin/env node
/**
 * Precision and recall of the OCR-artefact rules on a labelled set.
 *
 *   node scripts/eval-labelled.mjs            evaluate test/fixtures/labelled/
 *   node scripts/eval-labelled.mjs --build    rebuild the set (deterministic), then evaluate
 *   node scripts/eval-labelled.mjs --verbose  also list every miss and false finding
 *   node scripts/eval-labelled.mjs --json     the figures as JSON (for the regression test)
 *
 * How the set is built (--build): clean paragraphs come from the project's seeds, after every
 * safe fix (ASCII punctuation converted, split sentences joined, spaces removed); only
 * paragraphs on which no rule fires at all are kept. Documents of a headline, a byline and
 * three or four such paragraphs are then damaged by injecting artefacts at known places, the
 * kinds OCR of Chinese print produces (FASPell's real OCR pairs show full-width marks read as
 * ASCII ones, which is how halfwidth-punctuation is injected): a line break or a blank line
 * inside a sentence (half the time inside a word, half the time at any seam between two Han
 * characters, which may fall between two words), a space at such a place or inside a date,
 * ASCII punctuation, full-width
 * digits, a stray English word, a doubled word or character, a lost closing quote or title
 * mark, a page number between the halves of a sentence, encoding damage, a numbered slogan with
 * the wrong number or a canonical phrase missing a character (where the paragraph has one), and
 * a headline whose body is missing. Each injection records its rule and span in labels.json.
 *
 *   node scripts/eval-labelled.mjs --corpus ../shared/corpora/thucnews-dev.tsv
 *
 * builds the same kind of set, in a temporary folder, from a third-party corpus of
 * `label<TAB>text` lines instead of the seeds (text the rules were not developed on; it is
 * never copied into the repository) and evaluates it.
 *
 * A finding matches a label when the rule is the same and the spans overlap (touching counts);
 * a finding matching no label is a false positive (the base text raises none), a label no
 * finding matches is a miss. Hints (per-place markers of a file-level issue) are not counted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, RULES, applyFixes, createLinter, tokenize } from './lib/linter.mjs';

const args = process.argv.slice(2);
const corpusArg = args.indexOf('--corpus');
const CORPUS = corpusArg >= 0 ? args[corpusArg + 1] : null;
// A set built from a third-party corpus lives in a temporary folder: that text is never committed.
const DIR = CORPUS ? fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-labelled-')) : path.join(ROOT, 'test/fixtures/labelled');
const { segmenter, glossary, lint } = createLinter();

const findingsOf = (text) => lint(text).filter((i) => i.severity !== 'hint');

// ---------------------------------------------------------------------------------------
// Building the set.

let seed = 20201231;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = (list) => list[random(list.length)];
const isHan = (ch) => !!ch && /[\u4e00-\u9fff]/.test(ch);

/** The seeds' texts, or the articles of a `label<TAB>text` corpus given with --corpus. */
function sourceTexts() {
  if (CORPUS) {
    return fs
      .readFileSync(CORPUS, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l) => paragraphsOf(l.slice(l.indexOf('\t') + 1)));
  }
  return fs
    .readdirSync(path.join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
}

/** An article whose paragraph breaks were removed, cut again into paragraphs of 80 characters or more. */
function paragraphsOf(text) {
  const out = [];
  let current = '';
  for (const sentence of text.match(/[^。！？]*[。！？]+”?|[^。！？]+$/g) ?? []) {
    current += sentence.trim();
    if (current.length >= 80) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out.join('\n');
}

function cleanParagraphs() {
  const paragraphs = [];
  for (const raw of sourceTexts()) {
    const fixed = applyFixes(raw, lint(raw)).text;
    for (const line of fixed.split('\n')) {
      const p = line.trim();
      if (p.length < 60 || !p.endsWith('。') || p.length > 400) continue;
      // Short enough to keep the set small: cut after the first sentence past 60 characters.
      const cut = p.indexOf('。', 60);
      const text = cut > 0 && cut < p.length - 1 ? p.slice(0, cut + 1) : p;
      paragraphs.push(text);
    }
  }
  // Only paragraphs on which no rule fires, alone under a headline and a byline.
  return paragraphs.filter((p) => findingsOf(`标题 测试\n\n张三\n\n${p}\n`).length === 0 && findingsOf(p).length === 0);
}

const HEADLINES = [
  ['加快建设副中心 致力打造增长极', '刘宛康'],
  ['增强落实力执行力穿透力 推动各项措施落地落实', '赵会生'],
  ['解放思想 提高站位 为副中心城市建设贡献力量', '张生伟'],
  ['抢抓发展机遇 积极主动作为', '曾丹梅'],
  ['忠诚履职尽责 创树工作标杆', '姜会峰'],
  ['推动三服务工作高质量 助力副中心建设高水平', '王敬林'],
];

/** Positions i (0 < i < len) between two Han characters of `text`. */
function hanSeams(text) {
  const out = [];
  for (let i = 1; i < text.length; i++) if (isHan(text[i - 1]) && isHan(text[i])) out.push(i);
  return out;
}

/**
 * Where to cut a paragraph: half the time inside a dictionary word (地|位), half the time at
 * any seam between two Han characters, which may fall between two words (the hard case).
 */
function cutPoint(p) {
  if (random(2) === 0) {
    const w = pick(words(p).filter((t) => t.start > 10));
    if (w) return w.start + 1 + random(w.text.length - 1);
  }
  const seams = hanSeams(p).filter((i) => i > 10);
  return seams.length ? pick(seams) : null;
}

/** Dictionary words of two to four Han characters, with their offsets. */
function words(text) {
  return tokenize(segmenter, text, 0, { hmm: false }).filter((t) => t.text.length >= 2 && t.text.length <= 4 && /^[\u4e00-\u9fff]+$/.test(t.text));
}

/**
 * Injections: each takes a paragraph and returns { text, label: { rule, start, end } } with
 * the label's span relative to the paragraph, or null when the paragraph does not suit.
 */
const INJECTIONS = {
  'broken-line': (p) => {
    const at = cutPoint(p);
    if (at === null) return null;
    return { text: p.slice(0, at) + '\n' + p.slice(at), label: { start: at - 1, end: at + 2 } };
  },
  'split-paragraph': (p) => {
    const at = cutPoint(p);
    if (at === null) return null;
    return { text: p.slice(0, at) + '\n\n' + p.slice(at), label: { start: at - 1, end: at + 3 } };
  },
  'cjk-space': (p) => {
    if (random(3) === 0) {
      // A date or amount written with spaces: 3 月 27 日.
      const m = pick([...p.matchAll(/\d+(?=[年月日亿万个%])/g)]);
      if (m) return { text: p.slice(0, m.index) + m[0] + ' ' + p.slice(m.index + m[0].length), label: { start: m.index + m[0].length, end: m.index + m[0].length + 1 } };
    }
    const at = cutPoint(p);
    if (at === null) return null;
    return { text: p.slice(0, at) + ' ' + p.slice(at), label: { start: at, end: at + 1 } };
  },
  'halfwidth-punctuation': (p) => {
    const commas = [...p.matchAll(/[，：；]/g)].map((m) => m.index).filter((i) => i > 0);
    if (commas.length === 0) return null;
    const at = pick(commas);
    const ascii = { '，': ',', '：': ':', '；': ';' }[p[at]];
    return { text: p.slice(0, at) + ascii + p.slice(at + 1), label: { start: at, end: at + 1 } };
  },
  'fullwidth-alnum': (p) => {
    const m = pick([...p.matchAll(/\d+/g)]);
    if (!m) {
      // No number to damage: a full-width year before a clause.
      const at = p.indexOf('，') + 1;
      if (at <= 0) return null;
      return { text: p.slice(0, at) + '２０２０年' + p.slice(at), label: { start: at, end: at + 4 } };
    }
    const full = m[0].replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    return { text: p.slice(0, m.index) + full + p.slice(m.index + m[0].length), label: { start: m.index, end: m.index + m[0].length } };
  },
  'stray-latin': (p) => {
    const m = pick([...p.matchAll(/[\u4e00-\u9fff]{2}和[\u4e00-\u9fff]{2}/g)]);
    if (!m) return null;
    const at = m.index + 2;
    return { text: p.slice(0, at) + ' and ' + p.slice(at + 1), label: { start: at + 1, end: at + 4 } };
  },
  'duplicate-text': (p) => {
    if (random(3) === 0) {
      const m = pick([...p.matchAll(/[\u4e00-\u9fff]的[\u4e00-\u9fff]/g)]);
      if (!m) return null;
      const at = m.index + 2;
      return { text: p.slice(0, at) + '的' + p.slice(at), label: { start: at - 1, end: at + 1 } };
    }
    const w = pick(words(p).filter((t) => t.start > 8 && !/^[一二三四五六七八九十]/.test(t.text)));
    if (!w) return null;
    return { text: p.slice(0, w.end) + w.text + p.slice(w.end), label: { start: w.start, end: w.end + w.text.length } };
  },
  'unbalanced-pair': (p) => {
    const m = pick([...p.matchAll(/[”》]/g)]);
    if (!m) return null;
    const opener = p.lastIndexOf(p[m.index] === '”' ? '“' : '《', m.index);
    return { text: p.slice(0, m.index) + p.slice(m.index + 1), label: { start: opener, end: opener + 1 } };
  },
  'page-residue': (p) => {
    const at = cutPoint(p);
    if (at === null) return null;
    const mark = pick(['0303', '0404', '2020年4月30日 星期四', '02']);
    const inserted = `\n\n${mark}\n\n`;
    return { text: p.slice(0, at) + inserted + p.slice(at), label: { start: at + 2, end: at + 2 + mark.length } };
  },
  'slogan-variant': (p) => {
    // A numbered slogan with the wrong number, or a canonical phrase missing a character.
    const found = glossary.findAll(p).filter((m) => /^[两二三四五六七八九十]个/.test(m.form) || (m.entry.canonical && m.form === m.entry.term && m.form.length >= 6));
    const m = pick(found);
    if (!m) return null;
    let variant;
    if (/^[两二三四五六七八九十]个/.test(m.form)) {
      const numerals = [...'三四五六七八九'].filter((n) => n !== m.form[0] && !glossary.lookup(n + m.form.slice(1)));
      variant = pick(numerals) + m.form.slice(1);
    } else {
      const at = 2 + random(m.form.length - 4);
      variant = m.form.slice(0, at) + m.form.slice(at + 1);
    }
    const start = m.span.start;
    return { text: p.slice(0, start) + variant + p.slice(m.span.end), label: { start, end: start + variant.length } };
  },
  mojibake: (p) => {
    const seams = hanSeams(p).filter((i) => i > 8);
    if (seams.length === 0) return null;
    const at = pick(seams);
    const damage = pick(['\ufffd', '??', '跎芪洌捍蚧髌', 'å¹´', '\ue000']);
    return { text: p.slice(0, at) + damage + p.slice(at + 1), label: { start: at, end: at + damage.length } };
  },
};

function build() {
  const clean = cleanParagraphs();
  if (clean.length < 20) throw new Error(`only ${clean.length} clean paragraphs`);
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const docs = [];
  const kinds = Object.keys(INJECTIONS);
  const DOCS = 66;
  for (let d = 0; d < DOCS; d++) {
    const [headline, byline] = HEADLINES[d % HEADLINES.length];
    let text = `${headline}\n\n${byline}\n\n`;
    const labels = [];
    // Every fourth document starts with an article that lost its body.
    if (d % 4 === 3) {
      const [h2, b2] = HEADLINES[(d + 1) % HEADLINES.length];
      labels.push({ rule: 'empty-article', start: 0, end: headline.length });
      text = `${headline}\n${byline}\n\n${b2}\n\n${h2}\n\n`;
    }
    const count = 3 + random(2);
    // Two injections per document, of different kinds, in different paragraphs; one clean paragraph.
    const chosen = [kinds[(2 * d) % kinds.length], kinds[(2 * d + 1) % kinds.length]];
    for (let k = 0; k < count; k++) {
      const kind = chosen[k];
      // A paragraph that suits the injection (not every one has a number, a quote or a slogan).
      let p = clean[random(clean.length)];
      let injected = kind ? INJECTIONS[kind](p) : null;
      for (let attempt = 0; kind && !injected && attempt < 50; attempt++) {
        p = clean[random(clean.length)];
        injected = INJECTIONS[kind](p);
      }
      if (injected) {
        labels.push({ rule: kind, start: text.length + injected.label.start, end: text.length + injected.label.end });
        text += injected.text + '\n\n';
      } else {
        text += p + '\n\n';
      }
    }
    const name = `doc${String(d).padStart(2, '0')}.txt`;
    fs.writeFileSync(path.join(DIR, name), text);
    docs.push({ file: name, labels: labels.map((l) => ({ ...l, text: text.slice(l.start, l.end) })) });
  }
  fs.writeFileSync(path.join(DIR, 'labels.json'), JSON.stringify({ built: 'node scripts/eval-labelled.mjs --build', docs }, null, 1) + '\n');
  if (!args.includes('--json')) console.log(`built ${docs.length} documents from ${clean.length} clean paragraphs in ${path.relative(ROOT, DIR)}`);
}

// ---------------------------------------------------------------------------------------
// Evaluating.

function evaluate() {
  const { docs } = JSON.parse(fs.readFileSync(path.join(DIR, 'labels.json'), 'utf8'));
  const stats = new Map(RULES.map((r) => [r.id, { labels: 0, found: 0, findings: 0, correct: 0 }]));
  const misses = [];
  const falses = [];
  for (const doc of docs) {
    const text = fs.readFileSync(path.join(DIR, doc.file), 'utf8');
    const findings = findingsOf(text);
    const overlaps = (f, l) => f.rule === l.rule && f.span.start <= l.end && l.start <= f.span.end;
    for (const l of doc.labels) {
      const s = stats.get(l.rule);
      s.labels++;
      if (findings.some((f) => overlaps(f, l))) s.found++;
      else misses.push(`${doc.file} ${l.rule} “${l.text}”`);
    }
    for (const f of findings) {
      const s = stats.get(f.rule);
      s.findings++;
      if (doc.labels.some((l) => overlaps(f, l))) s.correct++;
      else falses.push(`${doc.file} ${f.rule} “${text.slice(f.span.start, f.span.end)}” — ${f.message.en}`);
    }
  }
  if (args.includes('--json')) {
    const total = [...stats.values()].reduce((t, s) => ({ labels: t.labels + s.labels, found: t.found + s.found, findings: t.findings + s.findings, correct: t.correct + s.correct }), { labels: 0, found: 0, findings: 0, correct: 0 });
    console.log(JSON.stringify({ rules: Object.fromEntries(stats), total, misses, falses }, null, 1));
    return;
  }
  const pct = (a, b) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
  console.log(`${docs.length} documents, ${docs.reduce((n, d) => n + d.labels.length, 0)} injected artefacts\n`);
  console.log('rule                    labels  found  recall  findings  correct  precision');
  let L = 0, Fo = 0, Fi = 0, C = 0;
  for (const [id, s] of stats) {
    L += s.labels; Fo += s.found; Fi += s.findings; C += s.correct;
    console.log(`${id.padEnd(24)}${String(s.labels).padStart(6)}${String(s.found).padStart(7)}  ${pct(s.found, s.labels)}${String(s.findings).padStart(10)}${String(s.correct).padStart(9)}     ${pct(s.correct, s.findings)}`);
  }
  console.log(`${'all'.padEnd(24)}${String(L).padStart(6)}${String(Fo).padStart(7)}  ${pct(Fo, L)}${String(Fi).padStart(10)}${String(C).padStart(9)}     ${pct(C, Fi)}`);
  if (args.includes('--verbose') || misses.length + falses.length <= 20) {
    if (misses.length) console.log(`\nMissed:\n  ${misses.join('\n  ')}`);
    if (falses.length) console.log(`\nFalse findings:\n  ${falses.join('\n  ')}`);
  } else {
    console.log(`\n${misses.length} missed, ${falses.length} false findings (--verbose lists them)`);
  }
}

if (args.includes('--build') || CORPUS) build();
evaluate();
if (CORPUS) fs.rmSync(DIR, { recursive: true, force: true });
