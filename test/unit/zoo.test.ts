/**
 * Regression floors on the layout zoo the project owns (test/fixtures/zoo/, built by
 * `node scripts/eval/index.mjs --build-fixtures` from the seeds' bodies under headlines
 * written for the tests, every layout of scripts/eval/layouts.mjs, gold recorded as each
 * document was written). The same metrics as `npm run eval` (docs/ACCURACY.md), computed by
 * `node scripts/eval/index.mjs --fixtures --json`.
 *
 * The floors are the figures the code reaches: they catch regressions, and are raised as the
 * parser improves (run the script, read the figures, raise the numbers here). Ratios are
 * floors (at least), counts and the false-finding rate are ceilings (at most); null: the
 * layout has nothing to measure there.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/paths';

interface LayoutFloor {
  f1: number;
  titles: number;
  authors: number;
  joinPrecision: number;
  joinRecall: number | null;
  /** At most this many joins of breaks that must not be joined. */
  wrongJoins: number;
  furnitureRecall: number | null;
  /** At most this many furniture lines glued into prose by the safe fixes. */
  furnitureGlued: number | null;
  /** At most this many false findings per 10,000 characters of clean text. */
  cleanPer10k: number;
}

// The figures the code reaches on these fixtures (raise them when the parser improves; a
// lower figure is a regression). The zoo built from third-party text (`npm run eval`) is the
// larger measure: docs/ACCURACY.md.
const PERFECT: LayoutFloor = { f1: 1, titles: 1, authors: 1, joinPrecision: 0, joinRecall: null, wrongJoins: 0, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 0 };
const WRAPPED: LayoutFloor = { ...PERFECT, joinPrecision: 1, joinRecall: 1 };
const LAYOUTS: Record<string, LayoutFloor> = {
  L1: PERFECT,
  L2: PERFECT,
  L3: PERFECT,
  L4: PERFECT,
  L5: PERFECT,
  L6: WRAPPED,
  L7: { ...WRAPPED, furnitureRecall: 1, furnitureGlued: 0 },
  L8: WRAPPED,
  L9: PERFECT,
};

// Per rule on the injected artefacts (hints excluded), as measured: labels injected, labels
// found (at least) and false findings (at most). One artefact more missed, or one false finding
// more, fails.
const RULES: Record<string, { labels: number; found: number; false: number }> = {
  'broken-line': { labels: 3, found: 3, false: 0 },
  'cjk-space': { labels: 11, found: 10, false: 0 },
  'duplicate-text': { labels: 10, found: 9, false: 0 },
  'empty-article': { labels: 6, found: 5, false: 1 },
  'fullwidth-alnum': { labels: 11, found: 11, false: 0 },
  'halfwidth-punctuation': { labels: 9, found: 9, false: 0 },
  mojibake: { labels: 8, found: 8, false: 0 },
  'page-residue': { labels: 6, found: 4, false: 0 },
  'slogan-variant': { labels: 9, found: 9, false: 0 },
  'split-paragraph': { labels: 7, found: 7, false: 0 },
  'stray-latin': { labels: 11, found: 10, false: 0 },
  'unbalanced-pair': { labels: 5, found: 5, false: 0 },
};

const SCRIPT = path.join(ROOT, 'scripts', 'eval', 'index.mjs');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'zoo');

function run(args: string[]): string {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('the layout zoo (test/fixtures/zoo)', () => {
  it('is what the zoo builder makes of the project’s own text (deterministic, gold and documents in step)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-zoo-'));
    try {
      run(['--build-fixtures', '--out', dir]);
      const built = fs.readdirSync(dir).sort();
      assert.deepEqual(built, fs.readdirSync(FIXTURES).sort());
      for (const f of built) assert.ok(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(FIXTURES, f))), `${f} differs: rebuild with node scripts/eval/index.mjs --build-fixtures`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const figures = JSON.parse(run(['--fixtures', '--json']));
  const ratio = (x: number | null) => (x === null ? 'none' : x.toFixed(3));

  for (const [layout, floor] of Object.entries(LAYOUTS)) {
    it(`${layout}: article F1 ≥ ${floor.f1}, titles ≥ ${floor.titles}, join P ≥ ${floor.joinPrecision} / R ≥ ${floor.joinRecall ?? '–'}, wrong joins ≤ ${floor.wrongJoins}, furniture ≥ ${floor.furnitureRecall ?? '–'}`, () => {
      const f = figures.layouts[layout];
      assert.ok(f, `${layout} is in the zoo`);
      assert.ok(f.f1 >= floor.f1, `${layout} article F1 ${ratio(f.f1)} < ${floor.f1}`);
      assert.ok(f.titles >= floor.titles, `${layout} exact titles ${ratio(f.titles)} < ${floor.titles}`);
      assert.ok((f.authors ?? 0) >= floor.authors, `${layout} authors ${ratio(f.authors)} < ${floor.authors}`);
      assert.ok((f.joinPrecision ?? 0) >= floor.joinPrecision, `${layout} join precision ${ratio(f.joinPrecision)} < ${floor.joinPrecision}`);
      if (floor.joinRecall !== null) assert.ok(f.joinRecall >= floor.joinRecall, `${layout} join recall ${ratio(f.joinRecall)} < ${floor.joinRecall}`);
      assert.ok(f.wrongJoins <= floor.wrongJoins, `${layout} wrong joins ${f.wrongJoins} > ${floor.wrongJoins}`);
      if (floor.furnitureRecall !== null) assert.ok(f.furnitureRecall >= floor.furnitureRecall, `${layout} furniture recall ${ratio(f.furnitureRecall)} < ${floor.furnitureRecall}`);
      if (floor.furnitureGlued !== null) assert.ok(f.furnitureGlued <= floor.furnitureGlued, `${layout} furniture glued ${f.furnitureGlued} > ${floor.furnitureGlued}`);
      assert.ok(f.cleanPer10k <= floor.cleanPer10k, `${layout} false findings per 10k ${f.cleanPer10k.toFixed(2)} > ${floor.cleanPer10k}`);
    });
  }

  it('keeps every rule’s recall and precision on the injected artefacts at today’s figures', () => {
    assert.deepEqual(Object.keys(figures.rules).sort(), Object.keys(RULES).sort(), 'every rule is measured');
    for (const [rule, floor] of Object.entries(RULES)) {
      const r = figures.rules[rule];
      assert.equal(r.labels, floor.labels, `${rule}: the zoo changed (${r.labels} labels, expected ${floor.labels}): read the figures again`);
      assert.ok(r.found >= floor.found, `${rule} recall ${r.found}/${r.labels} < ${floor.found}/${floor.labels}`);
      assert.ok(r.false <= floor.false, `${rule} false findings ${r.false} > ${floor.false} (precision ${r.correct}/${r.findings})`);
    }
  });
});
