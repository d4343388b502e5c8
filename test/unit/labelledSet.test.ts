/**
 * Regression gate on the labelled set (test/fixtures/labelled/, built by
 * scripts/eval-labelled.mjs --build from clean seed paragraphs with injected artefacts): every
 * rule keeps finding what it finds today and nothing else. The figures below are the ones
 * `node scripts/eval-labelled.mjs` measures (and the README quotes): a single artefact missed
 * or a single false finding fails the gate. When a rule gets better, run the script and raise
 * the figures here (and in the README).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/paths';

interface Figures {
  labels: number;
  found: number;
  findings: number;
  correct: number;
}

/** What each rule finds today: labels injected, labels found, findings made, findings correct. */
const MEASURED: Record<string, Figures> = {
  'broken-line': { labels: 12, found: 12, findings: 12, correct: 12 },
  'split-paragraph': { labels: 12, found: 12, findings: 12, correct: 12 },
  'cjk-space': { labels: 12, found: 12, findings: 12, correct: 12 },
  'halfwidth-punctuation': { labels: 12, found: 12, findings: 12, correct: 12 },
  'fullwidth-alnum': { labels: 12, found: 12, findings: 12, correct: 12 },
  'stray-latin': { labels: 12, found: 12, findings: 12, correct: 12 },
  'duplicate-text': { labels: 12, found: 12, findings: 12, correct: 12 },
  'unbalanced-pair': { labels: 12, found: 12, findings: 12, correct: 12 },
  // doc09.txt: the half sentence before the page number (…项目现场，何 / 0303 / 武周边走边问…) is
  // read as the headline of a new article, so the page number stands between two articles.
  'page-residue': { labels: 12, found: 11, findings: 11, correct: 11 },
  mojibake: { labels: 12, found: 12, findings: 12, correct: 12 },
  'slogan-variant': { labels: 12, found: 12, findings: 12, correct: 12 },
  'empty-article': { labels: 16, found: 16, findings: 16, correct: 16 },
};

const sum = (key: keyof Figures) => Object.values(MEASURED).reduce((n, f) => n + f[key], 0);
const TOTAL: Figures = { labels: sum('labels'), found: sum('found'), findings: sum('findings'), correct: sum('correct') };
const percent = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;

describe('the labelled set', () => {
  const recall = `${TOTAL.found}/${TOTAL.labels} (${percent(TOTAL.found, TOTAL.labels)})`;
  const precision = `${TOTAL.correct}/${TOTAL.findings} (${percent(TOTAL.correct, TOTAL.findings)})`;
  it(`holds recall at ${recall} and precision at ${precision}, rule by rule as measured`, () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'eval-labelled.mjs'), '--json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const { rules, total, misses, falses } = JSON.parse(run.stdout) as { rules: Record<string, Figures>; total: Figures; misses: string[]; falses: string[] };
    const why = `misses: ${misses.join('; ') || 'none'} | false: ${falses.join('; ') || 'none'}`;
    assert.deepEqual(Object.keys(rules).sort(), Object.keys(MEASURED).sort(), 'every rule is measured');
    for (const [rule, want] of Object.entries(MEASURED)) {
      const got = rules[rule];
      assert.equal(got.labels, want.labels, `${rule}: the set changed (${got.labels} labels, expected ${want.labels}): rebuild the figures`);
      assert.ok(got.found >= want.found, `${rule} recall fell: ${got.found}/${got.labels}, was ${want.found}/${want.labels}; ${why}`);
      assert.ok(got.findings - got.correct <= want.findings - want.correct, `${rule} precision fell: ${got.correct}/${got.findings} correct, was ${want.correct}/${want.findings}; ${why}`);
    }
    assert.equal(total.labels, TOTAL.labels);
    assert.ok(total.found >= TOTAL.found, `recall ${total.found}/${total.labels} < ${recall}; ${why}`);
    assert.ok(total.findings - total.correct <= TOTAL.findings - TOTAL.correct, `precision ${total.correct}/${total.findings} < ${precision}; ${why}`);
  });
});
