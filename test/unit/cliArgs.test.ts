/** The command line's parsing and the small helpers of the lint and fix commands, in-process. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { USAGE, parseArgs } from '../../server/src/cli';
import { Output, UsageError, localeLang } from '../../server/src/commands/common';
import { withFlags } from '../../server/src/workspace/project';
import { Progress } from '../../server/src/commands/progress';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { RULES } from '../../server/src/core/rules/index';

const usageError = (argv: string[], message: RegExp) => assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));

describe('parseArgs for lint and fix', () => {
  it('reads every option', () => {
    const { command, options } = parseArgs(['lint', 'seeds', '--format', 'sarif', '--fail-on', 'error', '--rules', 'cjk-space,mojibake', '--rules', 'cjk-space', '--spacing', 'copywriting', '--lang', 'zh', '--glossary', 'g.json']);
    assert.equal(command, 'lint');
    assert.deepEqual(options, {
      inputs: ['seeds'],
      format: 'sarif',
      segmenter: 'auto',
      glossaries: ['g.json'],
      failOn: 'error',
      rules: ['cjk-space', 'mojibake'],
      spacing: 'copywriting',
      lang: 'zh',
      dryRun: false,
      dryRunView: 'diff',
      pretty: false,
    });
    assert.equal(parseArgs(['fix', '--dry-run', 'a.txt']).options.dryRun, true);
    assert.equal(parseArgs(['fix', '--dry-run', '--word-diff', 'a.txt']).options.dryRunView, 'word-diff');
    assert.equal(parseArgs(['fix', '--stat', '--dry-run', 'a.txt']).options.dryRunView, 'stat');
    assert.equal(parseArgs(['gloss', '六稳', '--lang', 'en']).options.lang, 'en');
    assert.equal(parseArgs(['lint', '--format', 'json', '--pretty', 'a.txt']).options.pretty, true);
  });

  it('has defaults: text, --fail-on warning, every rule, the locale language', () => {
    const { options } = parseArgs(['lint', 'a.txt']);
    assert.equal(options.format, 'text');
    assert.equal(options.failOn, 'warning');
    assert.equal(options.rules, null);
    assert.equal(options.lang, null);
  });

  it('rejects wrong values with the values there are', () => {
    usageError(['lint', 'a', '--fail-on', 'loud'], /--fail-on: unknown value "loud" \(error, warning, information, hint, none\)/);
    usageError(['lint', 'a', '--spacing', 'tight'], /--spacing: unknown value "tight" \(newspaper, copywriting\)/);
    usageError(['lint', 'a', '--lang', 'fr'], /--lang: unknown value "fr" \(zh, en\)/);
    usageError(['lint', 'a', '--format', 'xml'], /--format: unknown value "xml" \(json, text, sarif\)/);
    usageError(['lint', 'a', '--rules', ','], /--rules needs rule ids/);
    usageError(['lint', 'a', '--rules', 'cjk-space,nope'], new RegExp(`unknown rule "nope"; the rules are ${RULES.map((r) => r.id).join(', ')}`));
    usageError(['lint', 'a', '--rules'], /--rules needs a value/);
  });

  it('rejects options of another command, and sarif outside lint', () => {
    usageError(['lint', 'a', '--dry-run'], /lint does not take --dry-run \(it is an option of fix\)/);
    usageError(['fix', 'a', '--fail-on', 'error'], /fix does not take --fail-on/);
    usageError(['fix', 'a', '--format', 'json'], /fix does not take --format/);
    usageError(['outline', 'a', '--rules', 'cjk-space'], /outline does not take --rules/);
    usageError(['outline', 'a', '--format', 'sarif'], /--format sarif is for lint only/);
  });

  it('keeps the other commands as they were', () => {
    assert.equal(parseArgs(['outline', 'seeds', '--format', 'json', '--segmenter', 'intl']).options.format, 'json');
    assert.deepEqual(parseArgs(['gloss', '六稳', '--glossary', 'g.json']).options.glossaries, ['g.json']);
  });

  it('documents lint, fix and every rule id in the usage', () => {
    for (const word of ['lint <file|folder…>', 'fix <file|folder…>', '--fail-on', '--dry-run', '--rules', '--spacing', '--lang', 'sarif']) assert.ok(USAGE.includes(word), word);
    for (const rule of RULES) assert.ok(USAGE.includes(rule.id), rule.id);
    for (const line of USAGE.split('\n')) assert.ok(line.length <= 100, `usage line too long: ${line}`);
  });

  it("says which project's files each command reads, and where fix logs", () => {
    const text = USAGE.replace(/\s+/g, ' ');
    assert.doesNotMatch(text, /always read/);
    assert.match(text, /lint and fix read config\.json, ignore\.json and glossary\.json in the \.corpus-lens folder of each file's project/);
    assert.match(text, /gloss and slogans read the glossary of the current folder's project/);
    assert.match(text, /fix logs its edits next to it: in \.corpus-lens\/fixes\.jsonl of the folder named on the command line that holds it, else of the file's own folder/);
    assert.doesNotMatch(text, /\.\/\.corpus-lens/);
  });
});

describe('localeLang', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; Chinese locales give zh', () => {
    assert.equal(localeLang({ LANG: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(localeLang({ LANG: 'zh_TW.Big5' }), 'zh');
    assert.equal(localeLang({ LANG: 'zh' }), 'zh');
    assert.equal(localeLang({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }), 'en');
    assert.equal(localeLang({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.GB18030' }), 'zh');
    assert.equal(localeLang({ LANG: 'C.UTF-8' }), 'en');
    assert.equal(localeLang({}), 'en');
  });
});

describe('withFlags', () => {
  const config = { ...DEFAULT_LINT_CONFIG, rules: { 'cjk-space': 'off' as const, mojibake: 'warning' as const } };

  it('changes nothing without flags', () => assert.deepEqual(withFlags(config, { rules: null, spacing: null }), config));

  it('turns off every rule not named, and runs a named rule the config turns off at its default', () => {
    const flagged = withFlags(config, { rules: ['cjk-space', 'mojibake'], spacing: 'copywriting' });
    assert.equal(flagged.spacing, 'copywriting');
    assert.equal(flagged.rules['cjk-space'], undefined);
    assert.equal(flagged.rules.mojibake, 'warning');
    assert.deepEqual(
      RULES.filter((r) => flagged.rules[r.id] !== 'off').map((r) => r.id),
      ['cjk-space', 'mojibake'],
    );
    assert.deepEqual(config.rules, { 'cjk-space': 'off', mojibake: 'warning' }, 'the config is not changed');
  });
});

describe('Progress', () => {
  const recorder = (errIsTTY: boolean) => {
    const written: string[] = [];
    const output: Output = { out: () => {}, err: (s) => written.push(s), errIsTTY };
    return { output, written };
  };

  it('draws a bar on a terminal and clears it', () => {
    const { output, written } = recorder(true);
    const progress = new Progress(output, 4);
    progress.show(1, 'corpus/2020/a.txt');
    progress.clear();
    progress.clear();
    assert.deepEqual(written, ['\r[#####---------------] 1/4 a.txt\x1b[K', '\r\x1b[K']);
  });

  it('draws nothing when stderr is no terminal, or for one file', () => {
    for (const [tty, total] of [[false, 4], [true, 1]] as const) {
      const { output, written } = recorder(tty);
      const progress = new Progress(output, total);
      progress.show(0, 'a.txt');
      progress.clear();
      assert.deepEqual(written, []);
    }
  });
});
