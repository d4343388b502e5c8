/**
 * Fault containment: a bug in one rule (or one file) is reported, with the rule and the file,
 * and everything else still runs; the command line then exits 3, never 1 ("findings").
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../server/src/cli';
import { EXIT_INPUT, EXIT_INTERNAL, Output, RunProblems } from '../../server/src/commands/common';
import { analyzeDocument } from '../../server/src/core/analysis';
import { Segmenter } from '../../server/src/core/segmenter';
import { RuleFailure, ruleById, ruleContext, runRules } from '../../server/src/core/rules/index';
import { InputError } from '../../server/src/io/files';
import { defaultSegmenter } from '../support/segmenters';

const DAMAGED = '会议召开\n\n２０２０年，习 近平总书记强调,要推动发展。\n';

function captured(): Output & { stdout: string; stderr: string } {
  const output = { stdout: '', stderr: '', out: (s: string) => (output.stdout += s), err: (s: string) => (output.stderr += s) };
  return output;
}

/** Runs `body` while the rule `id` throws. */
function withBrokenRule<T>(id: string, body: () => T): T {
  const rule = ruleById(id)!;
  const check = rule.check;
  rule.check = () => {
    throw new Error('simulated bug');
  };
  try {
    return body();
  } finally {
    rule.check = check;
  }
}

describe('a rule that throws', () => {
  it('is recorded with its id, and the other rules still report', () => {
    // A segmenter that fails: every rule that segments throws, the others do not.
    const broken: Segmenter = { name: 'broken', cut: () => { throw new Error('segmenter down'); } };
    const analysis = analyzeDocument(DAMAGED, { segmenter: defaultSegmenter() });
    const failures: RuleFailure[] = [];
    const issues = runRules(ruleContext(analysis, broken), undefined, failures);
    assert.ok(failures.some((f) => f.rule === 'cjk-space' && f.error === 'segmenter down'), JSON.stringify(failures));
    assert.ok(issues.some((i) => i.rule === 'fullwidth-alnum'));
    assert.ok(issues.some((i) => i.rule === 'halfwidth-punctuation'));
    assert.ok(!issues.some((i) => i.rule === 'cjk-space'));
  });

  it('makes corpus-lens lint exit 3, naming the file and rule, after doing every file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-faults-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), DAMAGED);
    fs.writeFileSync(path.join(dir, 'b.txt'), DAMAGED);
    const output = captured();
    // One job: the rule is broken in this thread only (small inputs are linted here anyway).
    const code = await withBrokenRule('cjk-space', () => main(['lint', dir, '--format', 'json', '--jobs', '1'], output));
    assert.equal(code, EXIT_INTERNAL);
    assert.match(output.stderr, /a\.txt: internal error in rule cjk-space, its findings are missing: simulated bug/);
    assert.match(output.stderr, /b\.txt: internal error in rule cjk-space/);
    const report = JSON.parse(output.stdout);
    assert.equal(report.summary.files, 2);
    assert.ok(report.files.every((f: { diagnostics: { rule: string }[] }) => f.diagnostics.some((d) => d.rule === 'fullwidth-alnum')));
  });

  it('makes corpus-lens fix exit 3 and still apply the other rules’ fixes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-faults-'));
    fs.mkdirSync(path.join(dir, '.corpus-lens'));
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, DAMAGED);
    const output = captured();
    const code = await withBrokenRule('cjk-space', () => main(['fix', file], output));
    assert.equal(code, EXIT_INTERNAL);
    assert.match(output.stderr, /internal error in rule cjk-space/);
    assert.match(fs.readFileSync(file, 'utf8'), /习 近平总书记强调，要推动发展/);
  });
});

describe('the exit code of a run', () => {
  it('is 3 for a bug, 2 for an input error, else what the command says', () => {
    const quiet = captured();
    const bug = new RunProblems(quiet);
    bug.fileFailed(new TypeError('x is undefined'), 'a.txt');
    assert.equal(bug.exitCode(1), EXIT_INTERNAL);
    assert.match(quiet.stderr, /a\.txt: internal error, the file was skipped: x is undefined/);
    const input = new RunProblems(quiet);
    input.fileFailed(new InputError('b.txt: a binary file'), 'b.txt');
    assert.equal(input.exitCode(1), EXIT_INPUT);
    assert.equal(new RunProblems(quiet).exitCode(1), 1);
  });
});
