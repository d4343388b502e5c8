#!/usr/bin/env node
/**
 * The accuracy evaluation of Corpus Lens: how well the outline, the rules and the safe fixes
 * do on text nobody on the team wrote, in the layouts real corpora come in.
 *
 *   npm run eval                                   (= the line below)
 *   node scripts/eval/index.mjs [--corpora ../shared/corpora] [--write-docs] [--json] [--verbose [--limit N] [--only TEXT]]
 *                               [--write-review] [--docs N] [--keep DIR] [--labels FILE]
 *   node scripts/eval/index.mjs --fixtures [--json]    the regression zoo in test/fixtures/zoo/
 *   node scripts/eval/index.mjs --build-fixtures [--out DIR]   rebuild it (deterministic)
 *
 * Suites (each module's header says how its gold is built and what it measures):
 * - the layout zoo (zoo.mjs, layouts.mjs, dress.mjs, gold.mjs): real text in nine layouts with
 *   gold recorded as each document is written; article F1, exact titles, authors, joins made
 *   by the safe fixes, furniture recall and furniture glued into prose (metrics.mjs), per
 *   layout and per source;
 * - rules (inject.mjs): the same documents with one injected artefact per article; each
 *   rule's precision and recall, and false findings per 10,000 characters of clean text;
 *   findings on real text are judged in the review (review.mjs);
 * - real OCR (hongqi.mjs): the hand-labelled 《红旗》 file, and the other files by shape;
 * - ocr-confusion and mixed-script (ocr-confusion.mjs): FASPell's real OCR split in halves
 *   (one to learn a user-built OCR table from, one to measure), clean THUCNews with every
 *   finding judged, traditional forms injected into clean text.
 *
 * The corpora (../shared/corpora relative to the repository, or --corpora) are read, never
 * copied: the zoo is built in a temporary folder (--keep DIR keeps it). Only the product's
 * stable interfaces are used (product.mjs). Exit code 0 (figures below target are reported,
 * not failed: this is a measurement), 2 on usage or input errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, createProduct } from './product.mjs';
import { buildInto, corpusStreams, evaluateZoo, ownStreams, summarise, temporaryDir } from './suite.mjs';
import { addUnjudged, loadReview, saveReview } from './review.mjs';
import { evaluateByShape, evaluateLabelled, unlabelledFiles } from './hongqi.mjs';
import { accuracyMarkdown, figures, gaps, printTables, ruleFigures } from './report.mjs';
import { evaluateOcrConfusion, ocrConfusionMarkdown, ocrGaps, printOcrConfusion, writeOcrReview } from './ocr-confusion.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(name);

const DATA = path.join(ROOT, 'scripts/eval/data');
const REVIEW_FILE = path.join(DATA, 'zoo-review.json');
const FIXTURES = path.join(ROOT, 'test/fixtures/zoo');
const LABELLED = 'hongqi-1974-01.paddleocr-v5';
const DOCS_PER_LAYOUT = Number(option('--docs', '6'));

function fail(message) {
  console.error(`eval: ${message}`);
  process.exit(2);
}

const log = (...m) => {
  if (!flag('--json')) console.log(...m);
};

/** The figures in the shape the regression test reads. */
function asJson(summary, ocr) {
  const layouts = Object.fromEntries([...summary.structure.byLayout.entries()].sort().map(([k, v]) => [k, figures(v, summary.docs.byLayout.get(k))]));
  const rules = Object.fromEntries(Object.entries(summary.rules.all.rules).map(([k, v]) => [k, ruleFigures(v)]));
  return { docs: { clean: summary.docs.clean, injected: summary.docs.injected }, all: figures(summary.structure.all, summary.docs.clean), layouts, rules, clean: summary.structure.all.clean, ocr: ocr ? { labelled: ocr.labelled ? { ...ocr.labelled, details: undefined } : null, shapes: ocr.shapes?.map((s) => ({ ...s, details: undefined })) } : null };
}

function verbose(summary, ocr) {
  const d = summary.details;
  const limit = Number(option('--limit', '40'));
  const only = option('--only', null);
  const section = (title, list, n = limit) => {
    if (only) list = list?.filter((x) => (typeof x === 'string' ? x : JSON.stringify(x)).includes(only));
    if (!list?.length) return;
    console.log(`\n${title} (${list.length}${list.length > n ? `, first ${n}` : ''}):`);
    for (const x of list.slice(0, n)) console.log(`  ${typeof x === 'string' ? x : JSON.stringify(x)}`);
  };
  section('Articles missed', d.clean.articleMisses);
  section('Articles found that are none', d.clean.articleExtras);
  section('Titles not exact', d.clean.titleMisses);
  section('Authors not exact', d.clean.authorMisses);
  section('Wrong joins', d.clean.wrongJoins);
  section('Missed joins', d.clean.missedJoins);
  section('Furniture glued into prose', d.clean.glued);
  section('Page marks on lines that are not furniture', d.clean.falsePageMarks);
  section('False findings on clean text (the false/10k figures)', d.clean.cleanFalse);
  section('False findings on clean documents (damaged text included)', d.clean.falseFindings);
  section('Injected artefacts missed', d.injected.missedLabels);
  section('False findings on injected documents', d.injected.falseFindings);
  if (ocr?.labelled) {
    const x = ocr.labelled.details;
    section('Real OCR: mid breaks not joined', x.missed);
    section('Real OCR: wrong joins', x.wrong);
    section('Real OCR: headlines missed', x.headlines);
    section('Real OCR: furniture not recognised', x.furniture);
    section('Real OCR: furniture glued', x.glued);
  }
  for (const s of ocr?.shapes ?? []) section(`${s.file}: furniture glued`, s.details.glued, 10);
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function main() {
  const started = Date.now();
  const product = createProduct();
  const review = loadReview(REVIEW_FILE);

  if (flag('--build-fixtures')) {
    const out = option('--out', null) ? path.resolve(option('--out')) : FIXTURES;
    const n = buildInto(out, ownStreams(ROOT), 2);
    log(`built ${n} documents in ${path.relative(ROOT, out)}`);
    return;
  }

  if (flag('--fixtures')) {
    if (!fs.existsSync(FIXTURES)) fail(`${path.relative(ROOT, FIXTURES)} is missing: run with --build-fixtures`);
    const summary = summarise(evaluateZoo(FIXTURES, product, review.verdicts));
    if (flag('--json')) console.log(JSON.stringify(asJson(summary, null), null, 1));
    else console.log(printTables(summary, null));
    if (flag('--verbose')) verbose(summary, null);
    return;
  }

  const corpora = path.resolve(ROOT, option('--corpora', '../shared/corpora'));
  if (!fs.existsSync(path.join(corpora, 'thucnews-dev.tsv'))) fail(`no corpora in ${corpora} (pass --corpora DIR)`);

  // The layout zoo, built in a temporary folder: corpus text is never written into the repository.
  const dir = option('--keep', null) ? path.resolve(option('--keep')) : temporaryDir('zoo');
  const built = buildInto(dir, corpusStreams(corpora), DOCS_PER_LAYOUT);
  log(`built ${built} zoo documents in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const results = evaluateZoo(dir, product, review.verdicts);
  if (!option('--keep', null)) fs.rmSync(dir, { recursive: true, force: true });
  const summary = summarise(results);
  log(`evaluated (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

  // Real OCR: the annotator's labels (a copy of /work/labels' file, kept with the scripts), and the other files by shape.
  const ocr = { labelled: null, shapes: [] };
  const labelsFile = option('--labels', null) ?? path.join(DATA, `${LABELLED}.labels.json`);
  if (fs.existsSync(path.join(corpora, 'hongqi-ocr'))) {
    if (fs.existsSync(labelsFile)) ocr.labelled = evaluateLabelled(product, corpora, labelsFile);
    else console.warn(`note: no labels at ${labelsFile}: the hand-labelled OCR is not measured`);
    ocr.shapes = unlabelledFiles(corpora, `${LABELLED}.txt`).map((f) => evaluateByShape(product, f));
  }

  // ocr-confusion and mixed-script: FASPell's real OCR, clean THUCNews, injected traditional forms.
  const confusion = evaluateOcrConfusion({ corpora, log });
  log(`ocr-confusion evaluated (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  if (flag('--json')) console.log(JSON.stringify({ ...asJson(summary, ocr), ocrConfusion: confusion.report }, null, 1));
  else {
    console.log(printTables(summary, ocr));
    printOcrConfusion(confusion.report);
    const g = [...gaps(summary, ocr), ...ocrGaps(confusion.report)];
    console.log(`\n${g.length} targets not met${g.length ? ':\n  ' + g.join('\n  ') : ''}`);
  }
  if (flag('--verbose')) verbose(summary, ocr);

  if (flag('--write-review')) {
    const added = addUnjudged(review, [...summary.details.clean.unjudged, ...summary.details.injected.unjudged]);
    saveReview(REVIEW_FILE, review);
    console.log(`\n${added.length} unjudged findings added to ${path.relative(ROOT, REVIEW_FILE)} (verdict "?"):`);
    for (const u of added) console.log(`  ${u.key}  …${u.excerpt}…  (${u.where}: …${u.context}…) — ${u.message}`);
    console.log(`${writeOcrReview(confusion.report, confusion.review)} unjudged ocr-confusion / mixed-script findings added to scripts/eval/data/ocr-review.json (listed above with "?")`);
  }
  if (flag('--write-docs')) {
    fs.writeFileSync(path.join(ROOT, 'docs/ACCURACY.md'), `${accuracyMarkdown(summary, ocr, { commit: commit() }).replace(/\s*$/, '')}\n\n${ocrConfusionMarkdown(confusion.report)}\n`);
    log(`\ndocs/ACCURACY.md written`);
  }
  log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main();
