/**
 * `corpus-lens lint --format json` of every seed, checked in under test/snapshots/ as
 * <seed>.lint.json (English messages, paths relative to the repository). A reviewed change of
 * a rule updates them with `UPDATE_SNAPSHOTS=1 npm test`.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../support/cli';
import { ROOT, seedFiles } from '../support/paths';
import { matchSnapshot } from '../support/snapshot';

describe('lint snapshots of the seeds', () => {
  const seeds = seedFiles();
  const relative = seeds.map((s) => path.relative(ROOT, s).split(path.sep).join('/'));
  const result = runCli(['lint', '--format', 'json', '--lang', 'en', ...relative]);
  const files: { file: string }[] = JSON.parse(result.stdout).files;

  it('lints every seed', () => {
    assert.equal(result.stderr, '');
    assert.deepEqual(files.map((f) => f.file.split(path.sep).join('/')), relative);
  });

  seeds.forEach((seed, i) => {
    const name = path.basename(seed, '.txt');
    it(name, () => {
      const actual = JSON.stringify({ ...files[i], file: relative[i] }, null, 2) + '\n';
      matchSnapshot(`${name}.lint.json`, actual);
    });
  });
});
