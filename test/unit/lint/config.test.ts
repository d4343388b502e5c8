import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LINT_CONFIG, enabledRules, readLintConfig } from '../../../server/src/core/lint/config';
import { RULES } from '../../../server/src/core/rules/index';

describe('readLintConfig', () => {
  it('gives the defaults for nothing', () => {
    for (const raw of [undefined, null, {}]) {
      const { config, problems } = readLintConfig(raw);
      assert.deepEqual(config, DEFAULT_LINT_CONFIG);
      assert.deepEqual(problems, []);
    }
  });

  it('reads rule severities, the spacing profile and the cap', () => {
    const { config, problems } = readLintConfig({ rules: { 'cjk-space': 'off', mojibake: 'warning' }, spacing: 'copywriting', maxProblems: 20 });
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { rules: { 'cjk-space': 'off', mojibake: 'warning' }, spacing: 'copywriting', maxProblems: 20 });
  });

  it('never changes its base', () => {
    const base = { ...DEFAULT_LINT_CONFIG, rules: { 'cjk-space': 'hint' as const } };
    readLintConfig({ rules: { 'cjk-space': 'error' } }, base);
    assert.deepEqual(base.rules, { 'cjk-space': 'hint' });
  });

  it('reports wrong values by JSON path and keeps the base value', () => {
    const base = { ...DEFAULT_LINT_CONFIG, rules: { 'cjk-space': 'hint' as const } };
    const { config, problems } = readLintConfig({ rules: { 'cjk-space': 'loud', 'cjk-spaces': 'off' }, spacing: 'tight', maxProblems: 0 }, base);
    assert.deepEqual(config, base);
    assert.deepEqual(
      problems.map((p) => p.path),
      [['rules', 'cjk-space'], ['rules', 'cjk-spaces'], ['spacing'], ['maxProblems']],
    );
    assert.match(problems[0].message, /"loud" is not one of off, error, warning, information, hint/);
    assert.match(problems[1].message, /unknown rule "cjk-spaces" \(did you mean "cjk-space"\?\)/);
  });

  it('rejects a value that is not an object, and "rules" that is not one', () => {
    assert.deepEqual(readLintConfig([]).problems.map((p) => p.path), [[]]);
    assert.deepEqual(readLintConfig({ rules: ['cjk-space'] }).problems.map((p) => p.path), [['rules']]);
  });

  it('reports unknown keys only when strict (config.json), never $schema', () => {
    const raw = { $schema: './schema.json', segmenter: 'intl' };
    assert.deepEqual(readLintConfig(raw).problems, []);
    assert.deepEqual(readLintConfig(raw, DEFAULT_LINT_CONFIG, true).problems, [{ path: ['segmenter'], message: 'unknown setting "segmenter"' }]);
  });
});

describe('enabledRules', () => {
  it('is every rule not turned off', () => {
    assert.equal(enabledRules(DEFAULT_LINT_CONFIG).size, RULES.length);
    const enabled = enabledRules({ ...DEFAULT_LINT_CONFIG, rules: { 'cjk-space': 'off', mojibake: 'hint' } });
    assert.ok(!enabled.has('cjk-space'));
    assert.ok(enabled.has('mojibake'));
    assert.equal(enabled.size, RULES.length - 1);
  });
});
