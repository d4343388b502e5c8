#!/usr/bin/env node
/**
 * Precision of the OCR-artefact rules on clean news.
 *
 *   node scripts/eval-precision.mjs <corpus.tsv> [--review FILE] [--sample N] [--write-review]
 *
 * The corpus is one article per line, `label<TAB>text` (e.g. ../shared/corpora/thucnews-dev.tsv;
 * never copy it into the repository). Each article is analysed as a document of its own with
 * the built code (server/out; run `npx tsc -b` first) and every rule runs over it.
 *
 * Prints findings per 10,000 characters for each rule, a sample of findings to review, and
 * the false-positive rate. Whether a finding is a genuine problem of that text is a human
 * judgement, kept in a review file (default scripts/data/thucnews-precision-review.json):
 * entries keyed by article line, rule and a hash of a short excerpt (no corpus text is kept in
 * the repository), each with verdict "genuine" or "false".
 * A finding nobody has judged yet counts as false in the worst-case rate. `--write-review`
 * adds the unjudged findings to the review file with verdict "?" and lists them with their
 * excerpts and keys, so they can be judged.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, RULES, createLinter } from './lib/linter.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const corpus = args.find((a, i) => !a.startsWith('--') && !['--review', '--sample'].includes(args[i - 1]));
if (!corpus) {
  console.error('usage: node scripts/eval-precision.mjs <corpus.tsv> [--review FILE] [--sample N] [--write-review]');
  process.exit(2);
}
const reviewPath = path.resolve(option('--review', path.join(ROOT, 'scripts/data/thucnews-precision-review.json')));
const sampleSize = Number(option('--sample', '40'));
const TARGET = 1; // false findings per 10,000 characters

const review = fs.existsSync(reviewPath) ? JSON.parse(fs.readFileSync(reviewPath, 'utf8')) : { entries: [] };
const verdicts = new Map(review.entries.map((e) => [e.key, e.verdict]));

const { lint } = createLinter();

const lines = fs.readFileSync(corpus, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
let chars = 0;
const findings = [];
lines.forEach((line, n) => {
  const tab = line.indexOf('\t');
  const text = tab >= 0 ? line.slice(tab + 1) : line;
  chars += text.length;
  for (const issue of lint(text)) {
    const excerpt = text.slice(Math.max(0, issue.span.start - 4), Math.min(text.length, issue.span.end + 4));
    // The review file keeps a hash of the excerpt, never the corpus's text itself.
    const key = `${n + 1}|${issue.rule}|${createHash('sha256').update(excerpt).digest('hex').slice(0, 16)}`;
    findings.push({ line: n + 1, rule: issue.rule, severity: issue.severity, key, excerpt, message: issue.message.en, verdict: verdicts.get(key) ?? null });
  }
});

const per10k = (k) => ((k * 10000) / chars).toFixed(2);
console.log(`${lines.length} articles, ${chars} characters, ${findings.length} findings\n`);
console.log('rule                    findings  per 10k  genuine  false  unjudged');
let totalFalse = 0;
let totalUnjudged = 0;
for (const rule of RULES) {
  const mine = findings.filter((f) => f.rule === rule.id);
  const genuine = mine.filter((f) => f.verdict === 'genuine').length;
  const falsePos = mine.filter((f) => f.verdict === 'false').length;
  const unjudged = mine.length - genuine - falsePos;
  totalFalse += falsePos;
  totalUnjudged += unjudged;
  console.log(
    `${rule.id.padEnd(24)}${String(mine.length).padStart(8)}${per10k(mine.length).padStart(9)}${String(genuine).padStart(9)}${String(falsePos).padStart(7)}${String(unjudged).padStart(10)}`,
  );
}

// A fixed-seed sample, so two runs list the same findings.
let seed = 20240601;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const sample = findings.length <= sampleSize ? findings : [...findings].sort(() => random() - 0.5).slice(0, sampleSize).sort((a, b) => a.line - b.line);
console.log(`\nSample of findings (${sample.length} of ${findings.length}):`);
for (const f of sample) console.log(`  [${f.verdict ?? 'unjudged'}] line ${f.line} ${f.rule} (${f.severity}): …${f.excerpt}… — ${f.message}`);
const unjudged = findings.filter((f) => f.verdict === null);
if (unjudged.length > 0 && args.includes('--write-review')) {
  console.log(`\nUnjudged findings (set their verdict in the review file by key):`);
  for (const f of unjudged) console.log(`  ${f.key}  …${f.excerpt}… — ${f.message}`);
}

const falseRate = (totalFalse * 10000) / chars;
const worstRate = ((totalFalse + totalUnjudged) * 10000) / chars;
console.log(`\nFalse positives: ${totalFalse} judged false (${falseRate.toFixed(2)} per 10,000 characters), ${totalUnjudged} unjudged`);
console.log(`Worst case (unjudged counted as false): ${worstRate.toFixed(2)} per 10,000 characters; target at most ${TARGET}`);
console.log(worstRate <= TARGET ? 'PASS' : falseRate <= TARGET ? 'PASS on judged findings (judge the rest)' : 'FAIL');

if (args.includes('--write-review')) {
  const known = new Set(review.entries.map((e) => e.key));
  for (const f of findings) {
    if (known.has(f.key)) continue;
    known.add(f.key);
    review.entries.push({ key: f.key, verdict: '?' });
  }
  fs.mkdirSync(path.dirname(reviewPath), { recursive: true });
  fs.writeFileSync(reviewPath, JSON.stringify(review, null, 1) + '\n');
  console.log(`review file updated: ${path.relative(process.cwd(), reviewPath)}`);
}
