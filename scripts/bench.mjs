#!/usr/bin/env node
// Benchmarks of the analysis, run on the built server (npm run build first).
//
//   node scripts/bench.mjs [--mb 10] [--backend node-rs-jieba|nodejieba|intl] [file…]
//
// Without files it builds a corpus of about --mb megabytes from seeds/. With files (for
// example ../shared/corpora/*.tsv) it measures those. Targets: outline of a 10 MB file in
// under 1 s of server time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { analyzeDocument } = require(path.join(root, 'server/out/core/analysis.js'));
const { decodeBytes } = require(path.join(root, 'server/out/core/encoding.js'));
const { chooseSegmenter } = require(path.join(root, 'server/out/segment/index.js'));
const { AnalysisCache } = require(path.join(root, 'server/out/workspace/documents.js'));
const { documentSymbols, foldingRanges } = require(path.join(root, 'server/out/lsp/features/symbols.js'));
const { lintDocument } = require(path.join(root, 'server/out/core/lint/lint.js'));
const { DEFAULT_LINT_CONFIG } = require(path.join(root, 'server/out/core/lint/config.js'));
const { loadGlossaries } = require(path.join(root, 'server/out/workspace/glossaries.js'));
const { applyFixes } = require(path.join(root, 'server/out/core/fixes.js'));
const { TextDocument } = require('vscode-languageserver-textdocument');

const args = process.argv.slice(2);
let megabytes = 10;
let backend = 'node-rs-jieba';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--mb') megabytes = Number(args[++i]);
  else if (args[i] === '--backend') backend = args[++i];
  else files.push(args[i]);
}

const OUTLINE_TARGET_MS = 1000;
/** Diagnostics of a 10 MB file; the editor asks again after each edit. */
const LINT_TARGET_MS = 3000;

function syntheticCorpus(mb) {
  const seeds = fs
    .readdirSync(path.join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1024 * 1024; i++) {
    const seed = seeds[i % seeds.length];
    parts.push(seed);
    bytes += Buffer.byteLength(seed);
  }
  return parts.join('\n\n');
}

function time(fn) {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const loaded = time(() => chooseSegmenter(backend));
if (loaded.value.fallbackReason) console.log(`note: ${loaded.value.fallbackReason}`);
const segmenter = loaded.value.segmenter;
console.log(`segmenter ${segmenter.name}: loaded in ${loaded.ms.toFixed(0)} ms`);
const { glossary } = loadGlossaries([]);
segmenter.addWords(glossary.words());

const inputs = files.length
  ? files.map((f) => ({ name: f, text: decodeBytes(fs.readFileSync(f)).text }))
  : [{ name: `synthetic ${megabytes} MB from seeds/`, text: syntheticCorpus(megabytes) }];

let failed = false;
for (const { name, text } of inputs) {
  const mb = Buffer.byteLength(text) / 1048576;
  // Warm up once on a small slice so JIT compilation is not billed to the measurement.
  analyzeDocument(text.slice(0, 20000), { segmenter });
  const analysis = time(() => analyzeDocument(text, { segmenter }));
  const cache = new AnalysisCache(segmenter, { plaintext: true });
  const document = TextDocument.create('file:///bench.corpus.txt', 'zh-corpus', 1, text);
  const outline = time(() => {
    const doc = cache.get(document);
    return { symbols: documentSymbols(doc), folds: foldingRanges(doc) };
  });
  // A keystroke in the middle of the file: only the touched article is analysed again.
  const middle = text.indexOf('。', text.length >> 1) + 1;
  const edited = TextDocument.create('file:///bench.corpus.txt', 'zh-corpus', 2, text.slice(0, middle) + '好' + text.slice(middle));
  const afterEdit = time(() => documentSymbols(cache.get(edited)));
  const articles = analysis.value.articles.length;
  const speakers = analysis.value.articles.reduce((n, a) => n + a.speakers.length, 0);
  const cut = time(() => segmenter.cut(text.slice(0, 1_000_000)));
  const lint = time(() => lintDocument(analysis.value, segmenter, { config: DEFAULT_LINT_CONFIG, glossary }));
  const fix = time(() => applyFixes(text, lint.value.findings));
  const ok = outline.ms < OUTLINE_TARGET_MS || mb < 9;
  const lintOk = lint.ms < LINT_TARGET_MS || mb < 9;
  if (!ok || !lintOk) failed = true;
  console.log(`\n${name}: ${mb.toFixed(1)} MB, ${articles} articles, ${speakers} speakers`);
  console.log(`  analysis (parse + speakers):   ${analysis.ms.toFixed(0)} ms`);
  console.log(`  outline request (server time): ${outline.ms.toFixed(0)} ms  ${mb >= 9 ? (ok ? 'OK' : 'OVER') + ` (target < ${OUTLINE_TARGET_MS} ms for 10 MB)` : ''}`);
  console.log(`  outline after a one-character edit: ${afterEdit.ms.toFixed(0)} ms`);
  console.log(`  lint (every rule):             ${lint.ms.toFixed(0)} ms, ${lint.value.findings.length} findings  ${mb >= 9 ? (lintOk ? 'OK' : 'OVER') + ` (target < ${LINT_TARGET_MS} ms for 10 MB)` : ''}`);
  console.log(`  fix-all (apply safe fixes):    ${fix.ms.toFixed(0)} ms, ${fix.value.applied.length} edits`);
  console.log(`  segmentation of 1 M chars:     ${cut.ms.toFixed(0)} ms (${(1 / (cut.ms / 1000)).toFixed(1)} M chars/s)`);
}
console.log(`\nRSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
process.exitCode = failed ? 1 : 0;
