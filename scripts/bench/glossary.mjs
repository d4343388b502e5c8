#!/usr/bin/env node
// Glossary matching on a hostile workspace glossary, run on the built server (npm run build first).
//
//   node scripts/bench/glossary.mjs [--entries 20000] [--kb 648] [--mb 10] [--canonical]
//
// The glossary has --entries entries sharing the prefix 我们 (我们 + four Han characters), as a
// cloned repository's .corpus-lens/glossary.json may; --canonical marks them canonical, so
// that slogan-variant looks for near-misses of each. It measures building the matcher, lint of
// a --kb KB file with that glossary, and on a hard-wrapped --mb MB LF-only text: finding every
// term (what the first hover on a slogan does to count its occurrences) and a hover's findAt.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { analyzeDocument } = require(path.join(root, 'server/out/core/analysis.js'));
const { chooseSegmenter } = require(path.join(root, 'server/out/segment/index.js'));
const { lintDocument } = require(path.join(root, 'server/out/core/lint/lint.js'));
const { DEFAULT_LINT_CONFIG } = require(path.join(root, 'server/out/core/lint/config.js'));
const { validateGlossary } = require(path.join(root, 'server/out/core/glossary/entries.js'));
const { Glossary } = require(path.join(root, 'server/out/core/glossary/matcher.js'));
const { BUNDLED_GLOSSARY } = require(path.join(root, 'server/out/workspace/glossaries.js'));
const { withWords } = require(path.join(root, 'server/out/core/segmenter.js'));

const args = process.argv.slice(2);
let entries = 20000;
let kilobytes = 648;
let megabytes = 10;
let canonical = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--canonical') canonical = true;
  if (args[i] === '--entries') entries = Number(args[++i]);
  else if (args[i] === '--kb') kilobytes = Number(args[++i]);
  else if (args[i] === '--mb') megabytes = Number(args[++i]);
}

/** A deterministic generator (mulberry32). */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
function glossaryOf(n) {
  const next = random(1);
  const terms = new Set();
  while (terms.size < n) {
    let term = '我们';
    for (let k = 0; k < 4; k++) term += HAN[Math.floor(next() * HAN.length)];
    terms.add(term);
  }
  const data = {
    entries: [...terms].map((term) => ({
      term,
      definition: { zh: '测试释义', en: 'a test entry' },
      since: { date: '2020', event: 'bench' },
      scope: { level: 'national' },
      source: { title: '测试', publisher: 'bench', date: '2020' },
      ...(canonical ? { canonical: true } : {}),
    })),
  };
  return { data, terms: [...terms] };
}

function seedsText() {
  return fs
    .readdirSync(path.join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'))
    .join('\n\n');
}

/** Seeds repeated to `bytes`, with 我们 (and now and then a glossary term) sown in. */
function corpus(bytes, terms, wrapAt = 0) {
  const next = random(2);
  const seeds = seedsText().replace(/，/g, () => (next() < 0.2 ? (next() < 0.5 ? `，${terms[Math.floor(next() * terms.length)]}` : '，我们') : '，'));
  const parts = [];
  let size = 0;
  while (size < bytes) {
    parts.push(seeds);
    size += Buffer.byteLength(seeds);
  }
  let text = parts.join('\n\n');
  if (wrapAt > 0) text = text.split('\n').map((line) => line.replace(new RegExp(`(.{${wrapAt}})`, 'g'), '$1\n').replace(/\n$/, '')).join('\n');
  return text;
}

function time(fn) {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const bundled = JSON.parse(fs.readFileSync(BUNDLED_GLOSSARY, 'utf8'));
const { data, terms } = glossaryOf(entries);
const all = [...validateGlossary(bundled, 'bundled').entries, ...validateGlossary(data, 'bench').entries];
const build = time(() => new Glossary(all));
const glossary = build.value;
console.log(`glossary: ${glossary.size} entries (${entries}${canonical ? ' canonical' : ''} sharing the prefix 我们), built in ${build.ms.toFixed(0)} ms`);

const { segmenter } = chooseSegmenter('auto');
const words = withWords(segmenter, new Set(glossary.words()));
const small = corpus(kilobytes * 1024, terms);
const analysis = analyzeDocument(small, { segmenter: words });
const lint = time(() => lintDocument(analysis, words, { config: DEFAULT_LINT_CONFIG, glossary }));
const smallFind = time(() => new Glossary(all).findAll(small).length);
console.log(`${(Buffer.byteLength(small) / 1024).toFixed(0)} KB: lint with the glossary ${lint.ms.toFixed(0)} ms (${lint.value.findings.length} findings); findAll ${smallFind.ms.toFixed(0)} ms (${smallFind.value} matches)`);

const big = corpus(megabytes * 1024 * 1024, terms, 22);
const fresh = new Glossary(all);
const bigFind = time(() => fresh.findAll(big).length);
const offset = big.indexOf('四个意识') + 1;
const hover = time(() => fresh.findAt(big, offset)?.entry.term);
console.log(
  `${(Buffer.byteLength(big) / 1048576).toFixed(1)} MB, hard-wrapped, LF only: findAll (first hover's counts) ${bigFind.ms.toFixed(0)} ms (${bigFind.value} matches); findAt ${hover.ms.toFixed(2)} ms (${hover.value})`,
);
