/**
 * Golden pairs: test/fixtures/golden/NAME.raw.txt, with every safe fix applied, must read
 * exactly as NAME.fixed.txt (hand-checked). A change to a rule that changes a pair is reviewed
 * by looking at the diff of the .fixed.txt file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkHanPreserved } from '../../../server/src/core/fixes';
import { ROOT } from '../../support/paths';
import { fixAll } from './helpers';

const DIR = path.join(ROOT, 'test', 'fixtures', 'golden');

describe('golden raw/fixed pairs', () => {
  const raws = fs.readdirSync(DIR).filter((f) => f.endsWith('.raw.txt')).sort();
  it('has pairs to check', () => assert.ok(raws.length >= 5));
  for (const raw of raws) {
    it(raw.replace('.raw.txt', ''), () => {
      const before = fs.readFileSync(path.join(DIR, raw), 'utf8');
      const expected = fs.readFileSync(path.join(DIR, raw.replace('.raw.txt', '.fixed.txt')), 'utf8');
      const after = fixAll(before);
      assert.equal(after, expected);
      // Fixing is idempotent: the fixed text offers no further safe fix.
      assert.equal(fixAll(after), after);
      if (!raw.startsWith('mixed')) assert.deepEqual(checkHanPreserved(before, after), { ok: true });
    });
  }
});
