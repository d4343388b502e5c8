#!/usr/bin/env node
// Learns an OCR engine's confusions from your own data, for the ocr-confusion rule.
//
//   node scripts/confusion/learn.mjs [--pairs FILE]… [--engines A B]… [--min N] [--write DIR | --out FILE]
//
//   --pairs FILE     corrected OCR, one line per line of text: `ocr<TAB>correct` (or
//                    `n<TAB>ocr<TAB>correct`, FASPell's layout); both sides of the same length,
//                    so a character stands over the one it should be. Every Han-for-Han
//                    substitution counts once.
//   --engines A B    two OCR outputs of the same pages (split at `=====第N页=====` markers):
//                    where they disagree on one character between agreeing context, one of them
//                    is wrong; each such pair counts half, both ways.
//   --min N          keep pairs seen at least N times (default 1: the rule itself lets a pair
//                    the character shapes do not give in only when seen twice or more).
//   --write DIR      put them into DIR/.corpus-lens/config.json as "ocrConfusion": {"observed": …}
//                    (the file is created, or only that key is replaced: comments and the other
//                    settings stay); the editor and `corpus-lens lint` read it from there.
//   --out FILE       write the {"<printed><right>": count} object as JSON to FILE instead.
//
// Only counts of character pairs leave your data; none of its text does. What you may do with
// the result is what your data's licence says: derived statistics of copyleft or research-only
// text may not be yours to redistribute, which is why Corpus Lens ships none (README).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { engineDisagreements, isHan } from './ocr-pairs.mjs';

const require = createRequire(import.meta.url);

/** Han-for-Han substitutions of corrected lines (`ocr<TAB>correct`, the last two columns). */
export function pairsOfCorrectedLines(text) {
  const pairs = new Map();
  for (const line of text.split(/\r?\n/)) {
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    const ocr = Array.from(cols[cols.length - 2]);
    const correct = Array.from(cols[cols.length - 1]);
    if (ocr.length !== correct.length) continue;
    for (let i = 0; i < ocr.length; i++) if (ocr[i] !== correct[i] && isHan(ocr[i]) && isHan(correct[i])) add(pairs, ocr[i] + correct[i], 1);
  }
  return pairs;
}

function add(pairs, key, n) {
  pairs.set(key, (pairs.get(key) ?? 0) + n);
}

/** The observed object of the config: `"<printed><right>": count`, sorted, counts rounded to halves. */
export function observedObject(pairs, min = 1) {
  const out = {};
  for (const [key, n] of [...pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) if (n >= min) out[key] = Math.round(n * 2) / 2;
  return out;
}

/** Counts from the named sources, as one Map of "<printed><right>" → count. */
export function learn({ pairs = [], engines = [] }) {
  const all = new Map();
  for (const file of pairs) for (const [k, n] of pairsOfCorrectedLines(fs.readFileSync(file, 'utf8'))) add(all, k, n);
  for (const [a, b] of engines) {
    for (const [x, m] of engineDisagreements(fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8'))) for (const [y, n] of m) add(all, x + y, n * 0.5);
  }
  return all;
}

/** Sets "ocrConfusion.observed" of DIR/.corpus-lens/config.json, creating the file if need be. */
export function writeIntoConfig(dir, observed) {
  const { applyEdits, modify, parse } = require('jsonc-parser');
  const file = path.join(dir, '.corpus-lens', 'config.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '{}\n';
  const errors = [];
  parse(text, errors, { allowTrailingComma: true });
  if (errors.length) throw new Error(`${file} is not valid JSON: mend it first`);
  text = applyEdits(text, modify(text, ['ocrConfusion', 'observed'], observed, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
  fs.writeFileSync(file, text.endsWith('\n') ? text : text + '\n');
  return file;
}

function main() {
  const args = process.argv.slice(2);
  const pairs = [];
  const engines = [];
  let min = 1;
  let write = null;
  let out = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--pairs') pairs.push(args[++i]);
    else if (args[i] === '--engines') engines.push([args[++i], args[++i]]);
    else if (args[i] === '--min') min = Number(args[++i]);
    else if (args[i] === '--write') write = args[++i];
    else if (args[i] === '--out') out = args[++i];
    else {
      console.error(`learn: unknown argument ${args[i]}`);
      process.exit(2);
    }
  }
  if (pairs.length === 0 && engines.length === 0) {
    console.error('learn: give --pairs FILE or --engines A B (see the header of scripts/confusion/learn.mjs)');
    process.exit(2);
  }
  const observed = observedObject(learn({ pairs, engines }), min);
  const n = Object.keys(observed).length;
  if (write) console.error(`${writeIntoConfig(write, observed)}: ${n} observed confusions`);
  else if (out) {
    fs.writeFileSync(out, JSON.stringify(observed, null, 1) + '\n');
    console.error(`${out}: ${n} observed confusions`);
  } else console.log(JSON.stringify(observed, null, 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
