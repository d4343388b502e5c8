/**
 * slogan-variant on the seeds with the bundled glossary: the seeds' correct forms are never
 * flagged (only the two non-standard forms seed 002 really has), and a malformed form
 * inserted into a seed is flagged with a fix that restores the canonical phrase.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis';
import { applyFixes } from '../../server/src/core/fixes';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { lintDocument } from '../../server/src/core/lint/lint';
import { bundledGlossary } from '../support/glossary';
import { SEEDS_DIR, seedFiles } from '../support/paths';
import { defaultSegmenter } from '../support/segmenters';

function variants(text: string) {
  const segmenter = defaultSegmenter();
  return lintDocument(analyzeDocument(text, { segmenter }), segmenter, { config: DEFAULT_LINT_CONFIG, glossary: bundledGlossary() }).findings.filter((f) => f.rule === 'slogan-variant');
}

describe('slogan-variant on the seeds', () => {
  it('flags none of the correct forms, only the two non-standard ones of seed 002', () => {
    const found = seedFiles().flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return variants(text).map((f) => `${path.basename(file).slice(0, 3)}:${text.slice(f.span.start, f.span.end)}`);
    });
    assert.deepEqual(found, ['002:中国特色主义', '002:习近平总书记新时代中国特色社会主义思想']);
  });

  const insertions: [string, string, string][] = [
    ['004_a83841e51ddda90c.txt', '四个意识', '五个意识'],
    ['000_c507521ed4d42cd6.txt', '习近平新时代中国特色社会主义思想', '习近平新时代中国特色社主义思想'],
    ['003_c2943cd1c302380c.txt', '习近平新时代中国特色社会主义思想', '习近平新时代中国特色社会主义想'],
  ];
  for (const [seed, correct, malformed] of insertions) {
    it(`flags “${malformed}” inserted into seed ${seed.slice(0, 3)} and its fix restores “${correct}”`, () => {
      const original = fs.readFileSync(path.join(SEEDS_DIR, seed), 'utf8');
      const at = original.indexOf(correct);
      assert.ok(at >= 0, `seed ${seed} has ${correct}`);
      const damaged = original.slice(0, at) + malformed + original.slice(at + correct.length);
      const found = variants(damaged).filter((f) => f.span.start <= at && at < f.span.end);
      assert.equal(found.length, 1, `flagged at ${at}`);
      const fixed = applyFixes(damaged, found, { safeOnly: false }).text;
      assert.equal(fixed.slice(at, at + correct.length), correct);
    });
  }
});
