#!/usr/bin/env node
// Evaluation of the ocr-confusion and mixed-script rules (built code: run `npx tsc -b` first).
// `npm run eval` runs it with the rest (scripts/eval/index.mjs) and writes its section of
// docs/ACCURACY.md; alone:
//
//   node scripts/eval/ocr-confusion.mjs [--corpora ../shared/corpora] [--samples N] [--tables FILE.json]
//                                       [--write-review]
//
// 1. FASPell's real OCR lines (3,575 lines with their corrections), split by line into two halves
//    by a hash of each line (scripts/confusion/ocr-pairs.mjs): the user-built OCR table is learned
//    on half A (and from the two OCR engines of the 红旗 pages), detection is measured on half B,
//    never on what a table was built from. Character level: a finding is a true detection when
//    the OCR character differs from the correction, a true correction when its first suggestion
//    is the correction. Recall counts every Han-for-Han substitution of half B. Two
//    configurations: the shipped tables (character shapes only), and the shipped tables with the
//    OCR confusions learned on half A folded in exactly as a user's `ocrConfusion.observed` is
//    (core/confusion/model.ts withObserved). The recall bound: the share of the substitutions
//    whose right character is among the candidates at all.
// 2. Clean modern news (THUCNews, 500 articles, each a document): findings of both rules per
//    10,000 characters, each judged in scripts/eval/data/ocr-review.json (verdicts keyed by rule
//    and a hash of the excerpt, no corpus text); unjudged findings count as false.
// 3. mixed-script recall: traditional forms (OpenCC: a simplified character whose traditional
//    form differs and is never simplified text) swapped into the clean articles, a few per
//    article, through the real lint.
// 4. The seeds: every finding of either rule, for review.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { engineDisagreements, faspellHalf, faspellLines, faspellPairs, isHan } from '../confusion/ocr-pairs.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = (p) => require(path.join(ROOT, 'server/out', p));

export const THRESHOLDS = [4, 6, 7, 8, 9, 10, 11, 12, 14, 16, 20];
export const REVIEW_FILE = path.join(ROOT, 'scripts/eval/data/ocr-review.json');

/** The review key of a finding: rule and the SHA-256 (16 hex digits) of its text with 4 characters either side. */
export function reviewKey(rule, text, start, end) {
  const excerpt = text.slice(Math.max(0, start - 4), end + 4);
  return `${rule}|${createHash('sha256').update(excerpt).digest('hex').slice(0, 16)}`;
}

function documentEvidence(text) {
  const cache = new Map();
  return {
    count(form) {
      let n = cache.get(form);
      if (n === undefined) {
        n = 0;
        for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) n++;
        cache.set(form, n);
      }
      return n;
    },
  };
}

/** The observed object of the config ("<printed><right>": count) from FASPell half A and the 红旗 engines. */
function learnedObserved(train, corpora) {
  const observed = {};
  const add = (x, y, n) => (observed[x + y] = (observed[x + y] ?? 0) + n);
  for (const [x, m] of faspellPairs(train)) for (const [y, n] of m) add(x, y, n);
  const hongqi = path.join(corpora, 'hongqi-ocr');
  if (fs.existsSync(hongqi)) {
    for (const f of fs.readdirSync(hongqi).filter((f) => f.endsWith('.paddleocr-v5.txt')).sort()) {
      const baidu = path.join(hongqi, f.replace('.paddleocr-v5.txt', '.baidu-ocr.txt'));
      if (!fs.existsSync(baidu)) continue;
      for (const [x, m] of engineDisagreements(fs.readFileSync(path.join(hongqi, f), 'utf8'), fs.readFileSync(baidu, 'utf8'))) for (const [y, n] of m) add(x, y, n * 0.5);
    }
  }
  return observed;
}

export function evaluateOcrConfusion({ corpora, tablesFile = null, samples = 0, log = () => {} }) {
  const { detectConfusions, DEFAULT_THRESHOLD } = out('core/confusion/detect.js');
  const { confusionTables, decodeTables, withObserved } = out('core/confusion/model.js');
  const { chooseSegmenter } = out('segment/index.js');
  const { analyzeDocument } = out('core/analysis.js');
  const { lintDocument } = out('core/lint/lint.js');
  const { DEFAULT_LINT_CONFIG } = out('core/lint/config.js');
  const { RULES } = out('core/rules/index.js');

  const segmenter = chooseSegmenter('node-rs-jieba').segmenter;
  const lexicon = segmenter.lexicon();
  const report = { threshold: DEFAULT_THRESHOLD, lexicon: loadCost() };

  let shipped = confusionTables();
  if (tablesFile) {
    const t = JSON.parse(fs.readFileSync(tablesFile, 'utf8'));
    shipped = decodeTables(t.CONFUSABLE, t.TRADITIONAL, t.SIMPLIFIED, t.COMMON_CHARACTERS);
    report.tablesFile = path.basename(tablesFile);
  }
  const lines = faspellLines(path.join(corpora, 'faspell-ocr-train.tsv'));
  const train = faspellHalf(lines, 'A');
  const test = faspellHalf(lines, 'B');
  const observed = learnedObserved(train, corpora);
  const learned = withObserved(shipped, observed);
  report.split = { train: train.length, test: test.length, observedPairs: Object.keys(observed).length };

  // Lines of the held-out half, each a document or all one document.
  const faspellRun = (tables, useEvidence) => {
    const doc = test.map((l) => l.ocr).join('\n');
    const evidence = useEvidence ? documentEvidence(doc) : undefined;
    const found = [];
    let errors = 0;
    let chars = 0;
    for (const line of test) {
      chars += line.ocr.length;
      for (let i = 0; i < line.ocr.length; i++) if (line.ocr[i] !== line.correct[i] && isHan(line.ocr[i]) && isHan(line.correct[i])) errors++;
      for (const s of detectConfusions(line.ocr, lexicon, tables, { threshold: THRESHOLDS[0], evidence })) found.push({ line, index: s.index, best: s.candidates[0] });
    }
    return { found, errors, chars };
  };
  // The ceiling of recall: the right character among the printed one's candidates (and, tighter, the printed one alone in the dictionary's segmentation too).
  const bound = (tables) => {
    let n = 0;
    let covered = 0;
    let alone = 0;
    for (const l of test) {
      let inWord = null;
      for (let i = 0; i < l.ocr.length; i++) {
        if (l.ocr[i] === l.correct[i] || !isHan(l.ocr[i]) || !isHan(l.correct[i])) continue;
        n++;
        if (!tables.confusable.get(l.ocr[i])?.some((a) => a.char === l.correct[i])) continue;
        covered++;
        if (!inWord) {
          inWord = new Uint8Array(l.ocr.length);
          let p = 0;
          for (const w of segmenter.cut(l.ocr, { hmm: false })) {
            if (w.length > 1) inWord.fill(1, p, p + w.length);
            p += w.length;
          }
        }
        if (!inWord[i]) alone++;
      }
    }
    return { candidates: covered / n, alone: alone / n };
  };
  const curve = (run) =>
    THRESHOLDS.map((t) => {
      const hits = run.found.filter((f) => f.best.score >= t);
      const tp = hits.filter((f) => f.line.correct[f.index] !== f.line.ocr[f.index]);
      const corrected = tp.filter((f) => f.best.char === f.line.correct[f.index]);
      return {
        threshold: t,
        findings: hits.length,
        detectionPrecision: hits.length ? tp.length / hits.length : 1,
        detectionRecall: tp.length / run.errors,
        correctionPrecision: hits.length ? corrected.length / hits.length : 1,
        correctionRecall: corrected.length / run.errors,
        top1: tp.length ? corrected.length / tp.length : 0,
      };
    });
  for (const [name, tables] of [['shipped', shipped], ['learned', learned]]) {
    const b = bound(tables);
    for (const ev of [true, false]) {
      const run = faspellRun(tables, ev);
      report[`${name}${ev ? '' : '-alone'}`] = { errors: run.errors, chars: run.chars, curve: curve(run), bound: b };
      if (samples && ev) {
        const at = run.found.filter((f) => f.best.score >= DEFAULT_THRESHOLD);
        log(`\n${name}: false detections at ${DEFAULT_THRESHOLD} (sample):`);
        for (const f of at.filter((f) => f.line.correct[f.index] === f.line.ocr[f.index]).slice(0, samples)) log(`  ${f.line.ocr}  ${f.line.ocr[f.index]}→${f.best.char} (${f.best.word}, ${f.best.score.toFixed(1)})`);
        log(`${name}: true detections (sample):`);
        for (const f of at.filter((f) => f.line.correct[f.index] !== f.line.ocr[f.index]).slice(0, samples)) log(`  ${f.line.ocr}  ${f.line.ocr[f.index]}→${f.best.char} [${f.line.correct[f.index]}] (${f.best.word}, ${f.best.score.toFixed(1)})`);
      }
    }
  }

  // Clean news, through the real lint (each article a document), both rules; every finding judged.
  const review = fs.existsSync(REVIEW_FILE) ? JSON.parse(fs.readFileSync(REVIEW_FILE, 'utf8')) : { about: '', entries: [] };
  const verdicts = new Map(review.entries.map((e) => [e.key, e.verdict]));
  const only = (ids) => ({ ...DEFAULT_LINT_CONFIG, rules: Object.fromEntries(RULES.map((r) => [r.id, ids.includes(r.id) ? 'information' : 'off'])) });
  const thuc = path.join(corpora, 'thucnews-dev.tsv');
  const articles = fs.readFileSync(thuc, 'utf8').split('\n').filter(Boolean).map((l) => l.slice(l.indexOf('\t') + 1));
  report.clean = { chars: 0, byThreshold: [], findings: [] };
  {
    const config = only(['ocr-confusion', 'mixed-script']);
    const low = { ...config, ocrConfusion: { threshold: THRESHOLDS[0] } };
    const scored = [];
    for (const text of articles) {
      report.clean.chars += text.length;
      const analysis = analyzeDocument(text, { segmenter });
      for (const f of lintDocument(analysis, segmenter, { config: low }).findings) {
        const key = reviewKey(f.rule, text, f.span.start, f.span.end);
        const score = f.rule === 'ocr-confusion' ? ocrScore(text, f, lexicon, shipped, detectConfusions) : Infinity;
        scored.push({ rule: f.rule, key, score, verdict: verdicts.get(key) ?? '?', excerpt: `${text.slice(Math.max(0, f.span.start - 8), f.span.start)}[${text.slice(f.span.start, f.span.end)}]${text.slice(f.span.end, f.span.end + 8)}`, message: f.message?.zh ?? '' });
      }
    }
    for (const t of THRESHOLDS) {
      const hits = scored.filter((s) => s.rule === 'ocr-confusion' && s.score >= t);
      report.clean.byThreshold.push({ threshold: t, findings: hits.length, per10k: (hits.length / report.clean.chars) * 1e4 });
    }
    report.clean.findings = scored.filter((s) => s.rule === 'mixed-script' || s.score >= DEFAULT_THRESHOLD);
  }
  const judged = (rule) => {
    const list = report.clean.findings.filter((f) => f.rule === rule);
    const genuine = list.filter((f) => f.verdict === 'genuine').length;
    return { findings: list.length, genuine, false: list.length - genuine, unjudged: list.filter((f) => f.verdict === '?').length, falsePer10k: ((list.length - genuine) / report.clean.chars) * 1e4 };
  };
  report.clean.ocr = judged('ocr-confusion');
  report.clean.mixed = judged('mixed-script');

  // mixed-script recall on traditional forms swapped into clean text.
  report.mixedRecall = mixedScriptRecall(articles, { analyzeDocument, lintDocument, config: only(['mixed-script']), segmenter, tables: confusionTables() });

  // The seeds, through the real rule (lint with every rule, as the editor runs it).
  report.seeds = [];
  const seedsDir = path.join(ROOT, 'seeds');
  for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(seedsDir, f), 'utf8');
    for (const finding of lintDocument(analyzeDocument(text, { segmenter }), segmenter, { config: DEFAULT_LINT_CONFIG }).findings) {
      if (finding.rule !== 'ocr-confusion' && finding.rule !== 'mixed-script') continue;
      report.seeds.push(`${f}: ${finding.rule} ${text.slice(finding.span.start - 6, finding.span.start)}[${text.slice(finding.span.start, finding.span.end)}]${text.slice(finding.span.end, finding.span.end + 6)}`);
    }
  }
  return { report, review };
}

/**
 * What the rule costs to start, in a fresh process (this one has loaded everything already): the
 * dictionary's word frequencies, then the tables and the neighbour filter on a first text; time
 * and resident memory after a garbage collection.
 */
function loadCost() {
  const script = `
    const { chooseSegmenter } = require(${JSON.stringify(path.join(ROOT, 'server/out/segment/index.js'))});
    const { detectConfusions } = require(${JSON.stringify(path.join(ROOT, 'server/out/core/confusion/detect.js'))});
    const { confusionTables } = require(${JSON.stringify(path.join(ROOT, 'server/out/core/confusion/model.js'))});
    const s = chooseSegmenter('node-rs-jieba').segmenter; s.cut('预热');
    gc(); const r0 = process.memoryUsage().rss;
    let t = performance.now(); const lexicon = s.lexicon(); const ms = performance.now() - t;
    gc(); const r1 = process.memoryUsage().rss;
    t = performance.now(); detectConfusions('我们己经完成', lexicon, confusionTables(), { threshold: 0 }); const tablesMs = performance.now() - t;
    gc(); const r2 = process.memoryUsage().rss;
    console.log(JSON.stringify({ ms: Math.round(ms), mib: Math.round((r1 - r0) / 1048576), tablesMs: Math.round(tablesMs), tablesMib: Math.round((r2 - r1) / 1048576) }));`;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' }).trim());
}

/** The score of an ocr-confusion finding of the lint (its best candidate), by the detector on the same paragraph. */
function ocrScore(text, finding, lexicon, tables, detectConfusions) {
  // The finding's paragraph: the line it is on (THUCNews articles are one line).
  const start = text.lastIndexOf('\n', finding.span.start) + 1;
  let end = text.indexOf('\n', finding.span.start);
  if (end < 0) end = text.length;
  const para = text.slice(start, end);
  const s = detectConfusions(para, lexicon, tables, { threshold: -Infinity, evidence: documentEvidence(text) }).find((x) => start + x.index === finding.span.start);
  return s ? s.candidates[0].score : Infinity;
}

/** A small deterministic generator. */
function generator(seed) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
}

/**
 * Swaps up to three simplified characters per article for their traditional form (one that
 * simplified text never uses, so the rule may flag it) and lints: recall is the share of the
 * swapped places flagged; findings elsewhere are counted too.
 */
function mixedScriptRecall(articles, { analyzeDocument, lintDocument, config, segmenter, tables }) {
  const random = generator(20240611);
  let injected = 0;
  let found = 0;
  let elsewhere = 0;
  let right = 0;
  for (const original of articles) {
    const places = [];
    for (let i = 0; i < original.length; i++) {
      const forms = tables.simplified.get(original[i]);
      const t = forms?.find((f) => tables.traditional.get(f)?.includes(original[i]));
      if (t) places.push([i, t]);
    }
    if (places.length === 0) continue;
    const chosen = new Map();
    for (let k = 0; k < 3 && places.length; k++) {
      const [i, t] = places.splice(Math.floor(random() * places.length), 1)[0];
      chosen.set(i, t);
    }
    let text = '';
    for (let i = 0; i < original.length; i++) text += chosen.get(i) ?? original[i];
    injected += chosen.size;
    for (const f of lintDocument(analyzeDocument(text, { segmenter }), segmenter, { config }).findings) {
      if (chosen.has(f.span.start) && f.span.end === f.span.start + 1) {
        found++;
        if (f.fixes?.[0]?.edits?.[0]?.newText === original[f.span.start]) right++;
      } else elsewhere++;
    }
  }
  return { injected, found, recall: found / injected, firstFixRight: found ? right / found : 0, elsewhere };
}

const pct = (x) => (100 * x).toFixed(1);

function table(r, threshold) {
  const rows = r.curve.map((c) => `| ${c.threshold}${c.threshold === threshold ? ' (default)' : ''} | ${c.findings} | ${pct(c.detectionPrecision)} | ${pct(c.detectionRecall)} | ${pct(c.correctionPrecision)} | ${pct(c.correctionRecall)} | ${pct(c.top1)} |`);
  return ['| threshold | findings | detection P % | detection R % | correction P % | correction R % | top-1 right % |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The figures for the terminal. */
export function printOcrConfusion(report, log = console.log) {
  log(`\nocr-confusion: lexicon loaded in ${report.lexicon.ms} ms (+${report.lexicon.mib} MiB RSS), tables and filter in ${report.lexicon.tablesMs} ms (+${report.lexicon.tablesMib} MiB); FASPell split: ${report.split.train} lines to learn from (${report.split.observedPairs} observed pairs with 红旗), ${report.split.test} held out${report.tablesFile ? `; candidate tables from ${report.tablesFile}` : ''}`);
  for (const [key, title] of [
    ['shipped', 'shipped tables (shapes only)'],
    ['learned', 'shipped + user-built OCR table (FASPell half A, 红旗 engines)'],
    ['shipped-alone', 'shipped tables, each line alone'],
    ['learned-alone', 'shipped + user-built OCR table, each line alone'],
  ]) {
    const r = report[key];
    log(`\nFASPell held-out half, ${title}: ${r.errors} Han substitutions in ${r.chars} characters; recall bound ${pct(r.bound.candidates)} % (right character among the candidates), ${pct(r.bound.alone)} % (and the printed one alone in the dictionary's segmentation)`);
    log('  threshold  findings  det.P   det.R   corr.P  corr.R  top-1');
    for (const c of r.curve) log(`  ${String(c.threshold).padStart(9)} ${String(c.findings).padStart(9)}  ${pct(c.detectionPrecision).padStart(5)}  ${pct(c.detectionRecall).padStart(5)}   ${pct(c.correctionPrecision).padStart(5)}  ${pct(c.correctionRecall).padStart(5)}  ${pct(c.top1).padStart(5)}`);
  }
  const c = report.clean;
  log(`\nTHUCNews (${c.chars} characters, each article a document): ocr-confusion findings per 10,000 characters by threshold`);
  for (const r of c.byThreshold) log(`  ${String(r.threshold).padStart(9)} ${String(r.findings).padStart(6)}  ${r.per10k.toFixed(2)}`);
  for (const [name, j] of [['ocr-confusion', c.ocr], ['mixed-script', c.mixed]]) log(`  ${name} at the default: ${j.findings} findings, ${j.genuine} genuine, ${j.false} false (${j.unjudged} unjudged, counted false): ${j.falsePer10k.toFixed(2)} false per 10,000`);
  for (const f of c.findings) log(`    ${f.verdict.padEnd(7)} ${f.rule} ${f.excerpt} ${Number.isFinite(f.score) ? f.score.toFixed(1) : ''}`);
  const m = report.mixedRecall;
  log(`\nmixed-script on ${m.injected} traditional forms swapped into the clean articles: recall ${pct(m.recall)} %, first fix right ${pct(m.firstFixRight)} %, ${m.elsewhere} findings elsewhere`);
  log(`\nseeds: ${report.seeds.length} findings of ocr-confusion or mixed-script${report.seeds.map((x) => `\n  ${x}`).join('')}`);
}

/** Adds the clean-text findings nobody judged to the review file (verdict "?"). */
export function writeOcrReview(report, review) {
  const known = new Set(review.entries.map((e) => e.key));
  let added = 0;
  for (const f of report.clean.findings) {
    if (known.has(f.key)) continue;
    known.add(f.key);
    review.entries.push({ key: f.key, verdict: '?' });
    added++;
  }
  review.about ||= 'Verdicts on ocr-confusion and mixed-script findings on clean THUCNews (scripts/eval/ocr-confusion.mjs): "genuine" (the source has the error) or "false"; keyed by rule and the SHA-256 (16 hex digits) of the finding with 4 characters either side, so no corpus text is stored.';
  review.entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  fs.writeFileSync(REVIEW_FILE, JSON.stringify(review, null, 1) + '\n');
  return added;
}

/** The targets of the two rules that are not met, as lines. */
export function ocrGaps(report) {
  const gaps = [];
  const T = report.threshold;
  for (const [key, name] of [['shipped', 'shipped tables'], ['learned', 'with a user-built OCR table']]) {
    const r = report[key];
    const best = r.curve.filter((x) => x.detectionPrecision >= 0.85).sort((a, b) => b.detectionRecall - a.detectionRecall)[0];
    const reach = best ? best.detectionRecall : 0;
    if (reach < 0.4) gaps.push(`ocr-confusion recall at precision ≥ 0.85 (${name}): ${reach.toFixed(3)} (target ≥ 0.40; gap ${(0.4 - reach).toFixed(3)}; the candidates bound it at ${r.bound.candidates.toFixed(3)})`);
    const d = r.curve.find((x) => x.threshold === T);
    if (d.top1 < 0.9) gaps.push(`ocr-confusion top-1 at the default threshold (${name}): ${d.top1.toFixed(3)} (target ≥ 0.90)`);
  }
  if (report.clean.ocr.falsePer10k > 0.5) gaps.push(`ocr-confusion false findings per 10,000 characters of clean text: ${report.clean.ocr.falsePer10k.toFixed(2)} (target ≤ 0.5)`);
  if (report.seeds.length) gaps.push(`ocr-confusion / mixed-script findings on the seeds: ${report.seeds.length} (target 0)`);
  return gaps;
}

/** The section of docs/ACCURACY.md. */
export function ocrConfusionMarkdown(report, bench = null) {
  const T = report.threshold;
  const at = (r) => r.curve.find((c) => c.threshold === T);
  const s = at(report.shipped);
  const l = at(report.learned);
  const c = report.clean;
  const m = report.mixedRecall;
  const news = c.byThreshold.find((x) => x.threshold === T);
  const best85 = (r) => r.curve.filter((x) => x.detectionPrecision >= 0.85).sort((a, b) => b.detectionRecall - a.detectionRecall)[0];
  const b85s = best85(report.shipped);
  const b85l = best85(report.learned);
  const gaps = ocrGaps(report);
  return `## ocr-confusion and mixed-script

Measured by \`scripts/eval/ocr-confusion.mjs\`, which \`npm run eval\` runs after the zoo (alone: \`npm run eval:ocr\`).
Scores are natural-log likelihood ratios (see the README); the default threshold is ${T}. Targets:
detection precision ≥ 0.85 at recall ≥ 0.40 on real OCR, the first suggestion right ≥ 90 %, ≤ 0.5 false
findings per 10,000 characters of clean text, none on the seeds. ${gaps.length ? `${gaps.length} not met:\n\n${gaps.map((g) => `- ${g}`).join('\n')}` : 'All are met.'}

**FASPell OCR, held-out half** (${report.split.test} lines; the other ${report.split.train} lines, split by a hash of each line,
are only learned from): ${report.shipped.errors} Han-for-Han substitutions in ${report.shipped.chars} characters, the held-out lines read as one
document (the file's evidence counts). At the default threshold:

| configuration | detection P % | detection R % | top-1 right % | recall bound % | best recall at P ≥ 85 % |
|---|---|---|---|---|---|
| shipped tables (character shapes + dictionary) | ${pct(s.detectionPrecision)} | ${pct(s.detectionRecall)} | ${pct(s.top1)} | ${pct(report.shipped.bound.candidates)} | ${b85s ? `${pct(b85s.detectionRecall)} % (threshold ${b85s.threshold})` : '—'} |
| shipped + user-built OCR table (FASPell half A, 红旗 engines; ${report.split.observedPairs} pairs) | ${pct(l.detectionPrecision)} | ${pct(l.detectionRecall)} | ${pct(l.top1)} | ${pct(report.learned.bound.candidates)} | ${b85l ? `${pct(b85l.detectionRecall)} % (threshold ${b85l.threshold})` : '—'} |

The recall bound is the share of the held-out substitutions whose right character is among the printed
one's candidates at all; the rule also needs the printed character to stand alone in the dictionary's
segmentation (a misreading that makes another word, 人口/入口, is invisible to it), which leaves
${pct(report.shipped.bound.alone)} % (shipped) and ${pct(report.learned.bound.alone)} % (with the OCR table) of the substitutions within reach. **Recall ≥ 0.40 is not
reachable with these candidates**: FASPell's engine (video subtitles) confuses many characters that share
little shape (大/六, 一/会, 应/时), and the dictionary model proposes only what makes a frequent word.

Shipped tables, by threshold:

${table(report.shipped, T)}

Shipped + user-built OCR table:

${table(report.learned, T)}

Each line alone (no evidence from other lines), shipped tables:

${table(report['shipped-alone'], T)}

**Clean modern news** (THUCNews, ${c.chars} characters, each article a document, through the real lint; every
finding judged in \`scripts/eval/data/ocr-review.json\`, unjudged ones counted false):
- ocr-confusion: ${c.ocr.findings} findings at the default threshold (${news.per10k.toFixed(2)} per 10,000 characters), ${c.ocr.genuine} of them
  genuine typos of the source, so **${c.ocr.falsePer10k.toFixed(2)} false findings per 10,000 characters** (target ≤ 0.5);
- mixed-script: ${c.mixed.findings} findings, ${c.mixed.genuine} genuine, **${c.mixed.falsePer10k.toFixed(2)} false per 10,000** (precision ${c.mixed.findings ? pct(c.mixed.genuine / c.mixed.findings) + ' %' : '— (no findings)'}).

ocr-confusion findings per 10,000 characters by threshold (before judging):

| threshold | findings | per 10,000 |
|---|---|---|
${c.byThreshold.map((r) => `| ${r.threshold} | ${r.findings} | ${r.per10k.toFixed(2)} |`).join('\n')}

**mixed-script recall**: ${m.injected} traditional forms (simplified characters whose OpenCC traditional form differs
and never appears in simplified text) swapped into the clean articles, up to three per article: **${pct(m.recall)} %**
flagged, the first fix restoring the original for ${pct(m.firstFixRight)} %; ${m.elsewhere} findings elsewhere.

**Seeds**: ${report.seeds.length} findings of ocr-confusion or mixed-script${report.seeds.length ? ':\n' + report.seeds.map((x) => `- ${x}`).join('\n') : ''}.

**Cost** (a fresh process): the dictionary's word frequencies load on first use in ${report.lexicon.ms} ms and take about ${report.lexicon.mib} MiB
of RSS (once per process); the tables and the neighbour filter take ${report.lexicon.tablesMs} ms and ${report.lexicon.tablesMib} MiB more on the first document.${bench ? ` ${bench}` : ''}
\`npm run bench\` prints the lint time with and without the two rules on the seeds repeated and on 10 MB of
THUCNews sentences shuffled so that no paragraph repeats (target ≤ 20 % of the other rules' time).`;
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const corpora = path.resolve(opt('--corpora', path.join(ROOT, '..', 'shared', 'corpora')));
  const { report, review } = evaluateOcrConfusion({ corpora, tablesFile: opt('--tables', null), samples: Number(opt('--samples', 0)), log: console.log });
  printOcrConfusion(report);
  if (args.includes('--write-review')) console.log(`\n${writeOcrReview(report, review)} unjudged findings added to ${path.relative(ROOT, REVIEW_FILE)}`);
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
