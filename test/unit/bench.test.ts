/**
 * The bench script's command line (scripts/bench/): --help prints the usage and starts nothing,
 * a quick run never writes the docs, a missing corpora folder is named with --corpora DIR, and
 * the seeds input reads in words.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/paths';

const BENCH = path.join(ROOT, 'scripts', 'bench', 'index.mjs');
const OPTIONS = pathToFileURL(path.join(ROOT, 'scripts', 'bench', 'options.mjs')).toString();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-bench-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** What `benchOptions(args)` and `seedsInputName(1)` give, from a process of their own (the module is ESM). */
function optionsOf(args: string[]): { help: boolean; quick: boolean; writeDocs: boolean; notes: string[]; seeds: string } {
  const script = `import { benchOptions, seedsInputName } from ${JSON.stringify(OPTIONS)};
process.stdout.write(JSON.stringify({ ...benchOptions(${JSON.stringify(args)}, ${JSON.stringify(ROOT)}), seeds: seedsInputName(1) }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('the bench script', () => {
  it('prints its usage for --help and ends at once, measuring nothing', () => {
    for (const flag of ['--help', '-h']) {
      const run = spawnSync(process.execPath, [BENCH, flag], { encoding: 'utf8', timeout: 20000, killSignal: 'SIGKILL' });
      assert.equal(run.signal, null, 'the bench started');
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /node scripts\/bench\/index\.mjs \[--corpora DIR\]/);
      assert.doesNotMatch(run.stdout, /^\/\//m);
      assert.equal(run.stderr, '');
    }
  });

  it('never writes the docs on a quick run, and says so', () => {
    const corpora = fs.mkdtempSync(path.join(scratch, 'corpora-'));
    fs.writeFileSync(path.join(corpora, 'thucnews-dev.tsv'), '');
    const quick = optionsOf(['--quick', '--write-docs', '--corpora', corpora]);
    assert.equal(quick.writeDocs, false);
    assert.ok(quick.notes.some((n) => /--quick: docs\/PERFORMANCE\.md is not written/.test(n)), quick.notes.join('\n'));
    assert.equal(optionsOf(['--write-docs', '--corpora', corpora]).writeDocs, true);
    assert.deepEqual(optionsOf(['--write-docs', '--corpora', corpora]).notes, []);
  });

  it('names --corpora DIR when the corpora folder is missing or holds no THUCNews', () => {
    const missing = optionsOf(['--corpora', path.join(scratch, 'no-such-folder')]);
    assert.ok(missing.notes.some((n) => /does not exist: only the seeds are measured .*--corpora DIR/.test(n)), missing.notes.join('\n'));
    const empty = optionsOf(['--corpora', scratch]);
    assert.ok(empty.notes.some((n) => /no thucnews-dev\.tsv in .*--corpora DIR/.test(n)), empty.notes.join('\n'));
  });

  it('calls the seeds input by what it is', () => {
    assert.equal(optionsOf(['--corpora', scratch]).seeds, 'seeds repeated, 1 MB');
  });
});
