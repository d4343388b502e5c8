#!/usr/bin/env node
// Evaluation of the ocr-confusion rule (built code: run `npx tsc -b` first).
//
//   node scripts/eval/ocr-confusion.mjs [--corpora ../shared/corpora] [--write-docs] [--samples N]
//
// 1. FASPell's real OCR lines (3,575 lines with their corrections), split by line into two halves
//    by a hash of each line (scripts/confusion/ocr-pairs.mjs): OCR confusion weights are learned
//    on half A (and from the two OCR engines of the 红旗 pages), detection is measured on half B,
//    never on what a table was built from. Character level: a finding is a true detection when
//    the OCR character differs from the correction, a true correction when its first suggestion
//    is the correction. Recall counts every Han-for-Han substitution of half B.
//    Measured twice: with the shipped tables (structure only), and with the learned weights.
// 2. Clean modern news (THUCNews, 500 articles): false ocr-confusion findings per 10,000
//    characters, each article a document; findings on genuine typos are listed for judgement.
// 3. The seeds: every finding, for review (none may flag a character their own text confirms).
// With --write-docs the figures replace the section between the ocr-confusion markers of
// docs/ACCURACY.md; the rest of the file is left alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { engineDisagreements, faspellHalf, faspellLines, faspellPairs, isHan } from '../confusion/ocr-pairs.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = (p) => require(path.join(ROOT, 'server/out', p));
const { detectConfusions, DEFAULT_THRESHOLD } = out('core/confusion/detect.js');
const { confusionTables } = out('core/confusion/model.js');
const { chooseSegmenter } = out('segment/index.js');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const CORPORA = path.resolve(opt('--corpora', path.join(ROOT, '..', 'shared', 'corpora')));
const SAMPLES = Number(opt('--samples', 0));
const WRITE_DOCS = args.includes('--write-docs');
const THRESHOLDS = [4, 6, 7, 8, 9, 10, 11, 12, 14, 16, 20];

const segmenter = chooseSegmenter('node-rs-jieba').segmenter;
const t0 = performance.now();
const rss0 = process.memoryUsage().rss;
const lexicon = segmenter.lexicon();
const lexiconMs = performance.now() - t0;
const lexiconMiB = (process.memoryUsage().rss - rss0) / 1048576;

const shipped = confusionTables();

/** The shipped tables with pair weights raised by the confusions observed in `observed`. */
function withObserved(observed) {
  const confusable = new Map();
  for (const [x, list] of shipped.confusable) confusable.set(x, list.map((a) => [a.char, a.weight]));
  return import('../confusion/build-tables.mjs').then(({ mergeObserved }) => {
    const merged = mergeObserved(confusable, observed, shipped.common);
    const decoded = new Map([...merged].map(([x, list]) => [x, list.map(([char, weight]) => ({ char, weight }))]));
    return { ...shipped, confusable: decoded };
  });
}

function addInto(target, pairs, weight = 1) {
  for (const [x, m] of pairs) {
    let t = target.get(x);
    if (!t) target.set(x, (t = new Map()));
    for (const [y, n] of m) t.set(y, (t.get(y) ?? 0) + n * weight);
  }
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

/** Every candidate above the lowest threshold, per held-out line. */
function faspellRun(lines, tables, useEvidence) {
  const doc = lines.map((l) => l.ocr).join('\n');
  const evidence = useEvidence ? documentEvidence(doc) : undefined;
  const found = [];
  let errors = 0;
  let allDiffs = 0;
  let chars = 0;
  for (const line of lines) {
    chars += line.ocr.length;
    for (let i = 0; i < line.ocr.length; i++) {
      if (line.ocr[i] !== line.correct[i]) {
        allDiffs++;
        if (isHan(line.ocr[i]) && isHan(line.correct[i])) errors++;
      }
    }
    for (const s of detectConfusions(line.ocr, lexicon, tables, { threshold: THRESHOLDS[0], evidence })) {
      found.push({ line, index: s.index, best: s.candidates[0] });
    }
  }
  return { found, errors, allDiffs, chars };
}

/** Share of the held-out substitutions whose correction is among the OCR character's candidates: the ceiling of recall. */
function coverage(lines, tables) {
  let n = 0;
  let covered = 0;
  for (const l of lines) {
    for (let i = 0; i < l.ocr.length; i++) {
      if (l.ocr[i] === l.correct[i] || !isHan(l.ocr[i]) || !isHan(l.correct[i])) continue;
      n++;
      if (tables.confusable.get(l.ocr[i])?.some((a) => a.char === l.correct[i])) covered++;
    }
  }
  return covered / n;
}

function curve(run) {
  return THRESHOLDS.map((t) => {
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
}

const report = { lexicon: { ms: Math.round(lexiconMs), mib: Math.round(lexiconMiB) } };
const faspellFile = path.join(CORPORA, 'faspell-ocr-train.tsv');
const lines = faspellLines(faspellFile);
const train = faspellHalf(lines, 'A');
const test = faspellHalf(lines, 'B');
const observed = new Map();
addInto(observed, faspellPairs(train));
const hongqi = path.join(CORPORA, 'hongqi-ocr');
if (fs.existsSync(hongqi)) {
  for (const f of fs.readdirSync(hongqi).filter((f) => f.endsWith('.paddleocr-v5.txt')).sort()) {
    const baidu = path.join(hongqi, f.replace('.paddleocr-v5.txt', '.baidu-ocr.txt'));
    if (fs.existsSync(baidu)) addInto(observed, engineDisagreements(fs.readFileSync(path.join(hongqi, f), 'utf8'), fs.readFileSync(baidu, 'utf8')), 0.5);
  }
}
const learned = await withObserved(observed);
report.split = { train: train.length, test: test.length };
for (const [name, tables] of [['shipped', shipped], ['learned', learned]]) {
  for (const ev of [true, false]) {
    const run = faspellRun(test, tables, ev);
    report[`${name}${ev ? '' : '-no-evidence'}`] = { errors: run.errors, allDiffs: run.allDiffs, chars: run.chars, curve: curve(run), coverage: coverage(test, tables) };
    if (SAMPLES && name === 'learned' && ev) {
      const bad = run.found.filter((f) => f.best.score >= DEFAULT_THRESHOLD && f.line.correct[f.index] === f.line.ocr[f.index]);
      console.log(`\nfalse detections at ${DEFAULT_THRESHOLD} (sample):`);
      for (const f of bad.slice(0, SAMPLES)) console.log(`  ${f.line.ocr}  ${f.line.ocr[f.index]}→${f.best.char} (${f.best.word}, ${f.best.score.toFixed(1)})`);
      const good = run.found.filter((f) => f.best.score >= DEFAULT_THRESHOLD && f.line.correct[f.index] !== f.line.ocr[f.index]);
      console.log(`true detections (sample):`);
      for (const f of good.slice(0, SAMPLES)) console.log(`  ${f.line.ocr}  ${f.line.ocr[f.index]}→${f.best.char} [${f.line.correct[f.index]}] (${f.best.word}, ${f.best.score.toFixed(1)})`);
    }
  }
}

// Clean news.
const thuc = path.join(CORPORA, 'thucnews-dev.tsv');
if (fs.existsSync(thuc)) {
  const articles = fs.readFileSync(thuc, 'utf8').split('\n').filter(Boolean).map((l) => l.slice(l.indexOf('\t') + 1));
  let chars = 0;
  const findings = [];
  const t = performance.now();
  for (const text of articles) {
    chars += text.length;
    for (const s of detectConfusions(text, lexicon, shipped, { threshold: THRESHOLDS[0], evidence: documentEvidence(text) })) {
      findings.push({ text, index: s.index, best: s.candidates[0] });
    }
  }
  const ms = performance.now() - t;
  report.thucnews = {
    chars,
    ms: Math.round(ms),
    per10k: THRESHOLDS.map((th) => ({ threshold: th, findings: findings.filter((f) => f.best.score >= th).length, per10k: (findings.filter((f) => f.best.score >= th).length / chars) * 10000 })),
  };
  if (SAMPLES) {
    console.log(`\nTHUCNews findings at ${DEFAULT_THRESHOLD}:`);
    for (const f of findings.filter((f) => f.best.score >= DEFAULT_THRESHOLD).slice(0, SAMPLES)) {
      console.log(`  …${f.text.slice(Math.max(0, f.index - 8), f.index)}[${f.text[f.index]}→${f.best.char}]${f.text.slice(f.index + 1, f.index + 9)}… (${f.best.word}, ${f.best.score.toFixed(1)})`);
    }
  }
}

// The seeds, through the real rule (lint with every rule, as the editor runs it).
{
  const { analyzeDocument } = out('core/analysis.js');
  const { lintDocument } = out('core/lint/lint.js');
  const { DEFAULT_LINT_CONFIG } = out('core/lint/config.js');
  const seedsDir = path.join(ROOT, 'seeds');
  report.seeds = [];
  for (const f of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(seedsDir, f), 'utf8');
    const analysis = analyzeDocument(text, { segmenter });
    for (const finding of lintDocument(analysis, segmenter, { config: DEFAULT_LINT_CONFIG }).findings) {
      if (finding.rule !== 'ocr-confusion' && finding.rule !== 'mixed-script') continue;
      report.seeds.push(`${f}: ${finding.rule} ${text.slice(finding.span.start - 6, finding.span.start)}[${text.slice(finding.span.start, finding.span.end)}]${text.slice(finding.span.end, finding.span.end + 6)}`);
    }
  }
}

const pct = (x) => (100 * x).toFixed(1);
function printCurve(title, r) {
  console.log(`\n${title}: ${r.errors} Han substitutions in ${r.chars} characters; the right character is a candidate for ${pct(r.coverage)} % of them`);
  console.log('  threshold  findings  det.P   det.R   corr.P  corr.R  top-1');
  for (const c of r.curve) {
    console.log(`  ${String(c.threshold).padStart(9)} ${String(c.findings).padStart(9)}  ${pct(c.detectionPrecision).padStart(5)}  ${pct(c.detectionRecall).padStart(5)}   ${pct(c.correctionPrecision).padStart(5)}  ${pct(c.correctionRecall).padStart(5)}  ${pct(c.top1).padStart(5)}`);
  }
}
console.log(`lexicon: loaded in ${report.lexicon.ms} ms, +${report.lexicon.mib} MiB RSS; FASPell split: ${report.split.train} lines to learn from, ${report.split.test} held out`);
printCurve('FASPell held-out half, shipped tables (shapes only), document evidence', report.shipped);
printCurve('FASPell held-out half, shapes + OCR weights learned on half A and 红旗, document evidence', report.learned);
printCurve('FASPell held-out half, shipped tables, each line alone', report['shipped-no-evidence']);
if (report.thucnews) {
  console.log(`\nTHUCNews (${report.thucnews.chars} characters, ${report.thucnews.ms} ms): findings per 10,000 characters`);
  for (const r of report.thucnews.per10k) console.log(`  ${String(r.threshold).padStart(9)} ${String(r.findings).padStart(6)}  ${r.per10k.toFixed(2)}`);
}
console.log(`\nseeds: ${report.seeds.length} findings${report.seeds.map((x) => `\n  ${x}`).join('')}`);

if (WRITE_DOCS) writeDocs();

function table(r) {
  const rows = r.curve.map((c) => `| ${c.threshold}${c.threshold === DEFAULT_THRESHOLD ? ' (default)' : ''} | ${c.findings} | ${pct(c.detectionPrecision)} | ${pct(c.detectionRecall)} | ${pct(c.correctionPrecision)} | ${pct(c.correctionRecall)} | ${pct(c.top1)} |`);
  return ['| threshold | findings | detection P % | detection R % | correction P % | correction R % | top-1 right % |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function writeDocs() {
  const file = path.join(ROOT, 'docs', 'ACCURACY.md');
  const at = (r) => r.curve.find((c) => c.threshold === DEFAULT_THRESHOLD);
  const s = at(report.shipped);
  const l = at(report.learned);
  const news = report.thucnews?.per10k.find((x) => x.threshold === DEFAULT_THRESHOLD);
  const section = `<!-- ocr-confusion:start -->
## ocr-confusion (look-alike characters)

Generated by \`node scripts/eval/ocr-confusion.mjs --write-docs\` (\`npm run eval:ocr\`); the corpora stay in
\`../shared/corpora/\`. Scores are natural-log likelihood ratios (see the README); the default
threshold is ${DEFAULT_THRESHOLD}.

**FASPell OCR, held-out half** (${report.split.test} lines; the other ${report.split.train} lines, split by a hash of each
line, are only learned from): ${s.errors ?? report.shipped.errors} Han-for-Han substitutions in ${report.shipped.chars} characters. At the default
threshold the shipped tables give detection precision **${pct(s.detectionPrecision)} %** at recall **${pct(s.detectionRecall)} %**, the first
suggestion right for **${pct(s.top1)} %** of true detections; with OCR weights learned from half A and the 红旗
engine disagreements (not shipped: see below), ${pct(l.detectionPrecision)} % at ${pct(l.detectionRecall)} %.

Shipped tables (character shapes only), the file's own evidence:

${table(report.shipped)}

With OCR confusion weights learned on half A and the two OCR engines of the 红旗 pages:

${table(report.learned)}

Each line alone (no evidence from the rest of the file), shipped tables:

${table(report['shipped-no-evidence'])}

**The gap to the target** (precision ≥ 0.85 at recall ≥ 0.40) is bounded by the candidates: the right
character is among the OCR character's look-alikes for only ${pct(report.shipped.coverage)} % of the held-out substitutions
(${pct(report.learned.coverage)} % with the learned weights). FASPell's engine, run on video subtitles, often confuses
characters that share little shape (大/六, 一/会, 应/时); no recall above that share is possible, and a
dictionary model also cannot see a substitution that makes another valid word (人口/入口). Among the
substitutions it can see, the rule trades recall for precision on purpose.

**Clean modern news** (THUCNews, ${report.thucnews?.chars ?? '—'} characters, each article a document): ${news ? `${news.findings} findings at the default threshold, ${news.per10k.toFixed(2)} per 10,000 characters` : '—'}
before judging; read one by one, three of them are genuine typos of the source (独挡一面, 试目以待,
另辟蹊经) and the rest false (names and brand names the dictionary lacks, one colloquial phrase), about
0.14 false findings per 10,000 characters (target ≤ 0.5). Findings per 10,000 characters by threshold:

| threshold | findings | per 10,000 |
|---|---|---|
${(report.thucnews?.per10k ?? []).map((r) => `| ${r.threshold} | ${r.findings} | ${r.per10k.toFixed(2)} |`).join('\n')}

**Seeds**: ${report.seeds.length} findings of ocr-confusion or mixed-script${report.seeds.length ? ':\n' + report.seeds.map((x) => `- ${x}`).join('\n') : ''}.

**Cost**: the word frequencies load on first use in ${report.lexicon.ms} ms here and take about ${report.lexicon.mib} MiB of RSS (once per
process). \`npm run bench\` prints lint time with and without ocr-confusion and mixed-script: on its synthetic
10 MB corpus (the seeds repeated) they add about 13 %, since a paragraph that recurs is read once; on text
that does not repeat (\`npm run bench -- ../shared/corpora/thucnews-dev.tsv\`, 1.3 MB) they add about 1 s per
MB, several times the other rules together: **over the 20 % target** there. What bounds it is the number of
look-alikes tried per character (up to ten for every character the segmenter leaves alone); a filter on the
dictionary's character pairs already rules out most of them before any lookup.
<!-- ocr-confusion:end -->`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Accuracy\n\nMeasured figures of the analysis, each section written by its evaluation script.\n';
  const start = text.indexOf('<!-- ocr-confusion:start -->');
  const end = text.indexOf('<!-- ocr-confusion:end -->');
  if (start >= 0 && end > start) text = text.slice(0, start) + section + text.slice(end + '<!-- ocr-confusion:end -->'.length);
  else text = text.replace(/\s*$/, '\n\n') + section + '\n';
  fs.writeFileSync(file, text);
  console.log(`\nwrote the ocr-confusion section of ${path.relative(ROOT, file)}`);
}

export { report };
