/**
 * Regression floors on the layout zoo the project owns (test/fixtures/zoo/, built by
 * `node scripts/eval/index.mjs --build-fixtures` from the seeds' bodies under headlines
 * written for the tests, every layout of scripts/eval/layouts.mjs, gold recorded as each
 * document was written). The same metrics as `npm run eval` (docs/ACCURACY.md), computed by
 * `node scripts/eval/index.mjs --fixtures --json`.
 *
 * The floors are the figures the code reached when the harness was written — far below the
 * targets on several layouts, as expected: they catch regressions, and should be raised as
 * the parser improves (run the script, read the figures, raise the numbers here). Ratios are
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

// Today's figures (harness commit): article F1 0.50–0.95, exact titles 18–82 %, join precision
// 0 where a layout has no break to join (every join made is wrong), furniture recall 27 % with
// 17 furniture lines glued into prose.
const LAYOUTS: Record<string, LayoutFloor> = {
  L1: { f1: 0.526, titles: 0.181, authors: 1, joinPrecision: 0, joinRecall: null, wrongJoins: 2, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 9.84 },
  L2: { f1: 0.952, titles: 0.818, authors: 0.818, joinPrecision: 0, joinRecall: null, wrongJoins: 1, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 1.98 },
  L3: { f1: 0.5, titles: 0.363, authors: 0.454, joinPrecision: 0, joinRecall: null, wrongJoins: 4, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 7.73 },
  L4: { f1: 0.777, titles: 0.5, authors: 0, joinPrecision: 0, joinRecall: null, wrongJoins: 5, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 9.57 },
  L5: { f1: 0.799, titles: 0.363, authors: 0.444, joinPrecision: 0, joinRecall: null, wrongJoins: 5, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 11.55 },
  L6: { f1: 0.705, titles: 0.545, authors: 0.25, joinPrecision: 0.971, joinRecall: 1, wrongJoins: 7, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 7.72 },
  L7: { f1: 0.736, titles: 0.545, authors: 0.555, joinPrecision: 0.819, joinRecall: 0.991, wrongJoins: 26, furnitureRecall: 0.269, furnitureGlued: 17, cleanPer10k: 34.37 },
  L8: { f1: 0.631, titles: 0.444, authors: 0.25, joinPrecision: 0.941, joinRecall: 1, wrongJoins: 5, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 7.8 },
  L9: { f1: 0.777, titles: 0.454, authors: 0.285, joinPrecision: 0, joinRecall: null, wrongJoins: 5, furnitureRecall: null, furnitureGlued: null, cleanPer10k: 9.74 },
};

// Per rule on the injected artefacts (hints excluded), today's figures.
const RULES: Record<string, { recall: number; precision: number }> = {
  'broken-line': { recall: 1, precision: 0.45 },
  'cjk-space': { recall: 0.545, precision: 1 },
  'duplicate-text': { recall: 0.8, precision: 1 },
  'empty-article': { recall: 0.166, precision: 0.125 },
  'fullwidth-alnum': { recall: 1, precision: 1 },
  'halfwidth-punctuation': { recall: 1, precision: 0.529 },
  mojibake: { recall: 0.75, precision: 1 },
  'page-residue': { recall: 0.166, precision: 1 },
  'slogan-variant': { recall: 0.555, precision: 1 },
  'split-paragraph': { recall: 0.857, precision: 0.157 },
  'stray-latin': { recall: 0.272, precision: 1 },
  'unbalanced-pair': { recall: 1, precision: 1 },
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

  it('keeps every rule’s recall and precision on the injected artefacts', () => {
    for (const [rule, floor] of Object.entries(RULES)) {
      const r = figures.rules[rule];
      assert.ok(r && r.labels > 0, `${rule} has labels`);
      assert.ok(r.recall >= floor.recall, `${rule} recall ${r.found}/${r.labels} < ${floor.recall}`);
      assert.ok((r.precision ?? 1) >= floor.precision, `${rule} precision ${r.correct}/${r.findings} < ${floor.precision}`);
    }
  });
});
