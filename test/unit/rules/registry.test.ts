import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyFixes } from '../../../server/src/core/fixes';
import { RULES, capIssues, ruleById, runRules, severityOf } from '../../../server/src/core/rules/index';
import { Issue } from '../../../server/src/core/rules/types';
import { ROOT } from '../../support/paths';
import { check, contextOf } from './helpers';

const DESIGN_IDS = [
  'broken-line', 'split-paragraph', 'cjk-space', 'halfwidth-punctuation', 'fullwidth-alnum', 'stray-latin',
  'duplicate-text', 'unbalanced-pair', 'page-residue', 'mojibake', 'slogan-variant', 'empty-article',
  'ocr-confusion', 'mixed-script',
];

describe('rule registry', () => {
  it('lists every rule of the design once, under its stable id', () => {
    assert.deepEqual(RULES.map((r) => r.id), DESIGN_IDS);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.equal(ruleById(rule.id), rule);
      assert.ok(rule.description.zh && rule.description.en, rule.id);
      assert.ok(rule.examples.length > 0, rule.id);
    }
    assert.equal(ruleById('no-such-rule'), undefined);
  });

  for (const rule of RULES) {
    it(`${rule.id}: each example's bad text is flagged, its good text is not, and the fixes (if any) turn one into the other`, () => {
      for (const { bad, good } of rule.examples) {
        const issues = check(rule.id, bad);
        assert.ok(issues.length > 0, `${rule.id} misses its example ${JSON.stringify(bad)}`);
        if (good === null) continue;
        assert.deepEqual(check(rule.id, good), [], `${rule.id} flags its good example ${JSON.stringify(good)}`);
        if (issues.some((i) => i.fixes.length > 0)) assert.equal(applyFixes(bad, issues, { safeOnly: false }).text, good, rule.id);
      }
    });
  }

  it('gives each rule a default severity by the harm it reports: layout and suggestions information, damage warning, lost text and broken slogans error', () => {
    const byHarm: Record<string, string[]> = {
      // Look-alike and script suggestions are guesses a reader confirms: information too.
      information: ['broken-line', 'split-paragraph', 'cjk-space', 'halfwidth-punctuation', 'fullwidth-alnum', 'ocr-confusion', 'mixed-script'],
      warning: ['stray-latin', 'duplicate-text', 'unbalanced-pair', 'page-residue'],
      error: ['mojibake', 'slogan-variant', 'empty-article'],
    };
    const actual: Record<string, string[]> = {};
    for (const rule of RULES) (actual[rule.defaultSeverity] ??= []).push(rule.id);
    assert.deepEqual(actual, byHarm);
  });

  it('runs only the enabled rules and returns issues in document order', () => {
    const text = '会议指出，２０２０年要推动推动高质量发展,习 近平总书记作出指示。';
    const ctx = contextOf(text);
    const all = runRules(ctx);
    assert.deepEqual([...new Set(all.map((i) => i.rule))].sort(), ['cjk-space', 'duplicate-text', 'fullwidth-alnum', 'halfwidth-punctuation']);
    for (let k = 1; k < all.length; k++) assert.ok(all[k - 1].span.start <= all[k].span.start);
    assert.deepEqual([...new Set(runRules(ctx, new Set(['cjk-space'])).map((i) => i.rule))], ['cjk-space']);
    assert.deepEqual(runRules(ctx, new Set()), []);
  });

  it('resolves severities from the issue, else the rule', () => {
    const issue: Issue = { rule: 'mojibake', span: { start: 0, end: 1 }, message: { zh: '', en: '' }, fixes: [] };
    assert.equal(severityOf(issue), 'error');
    assert.equal(severityOf({ ...issue, severity: 'hint' }), 'hint');
  });
});

describe('capIssues', () => {
  const issue = (rule: string, start: number, severity?: Issue['severity']): Issue => ({
    rule,
    span: { start, end: start + 1 },
    message: { zh: rule, en: rule },
    fixes: [],
    ...(severity ? { severity } : {}),
  });

  it('returns everything, in order, when under the cap', () => {
    const issues = [issue('cjk-space', 5), issue('mojibake', 1)];
    assert.deepEqual(capIssues(issues, 5).map((i) => i.span.start), [1, 5]);
  });

  it('keeps the most severe first, and sums up the rest per rule at the first cut place', () => {
    const issues = [
      issue('broken-line', 0, 'hint'),
      issue('broken-line', 10, 'hint'),
      issue('broken-line', 20, 'hint'),
      issue('cjk-space', 30),
      issue('mojibake', 40),
      issue('broken-line', 2, 'warning'),
    ];
    const capped = capIssues(issues, 3);
    const kept = capped.filter((i) => !i.summary);
    assert.deepEqual(kept.map((i) => [i.rule, i.span.start]), [['broken-line', 2], ['cjk-space', 30], ['mojibake', 40]]);
    const summaries = capped.filter((i) => i.summary);
    assert.equal(summaries.length, 1);
    assert.equal(summaries[0].rule, 'broken-line');
    assert.match(summaries[0].message.en, /^3 more broken-line findings not shown/);
    assert.match(summaries[0].message.zh, /^还有 3 条“broken-line”结果未显示/);
    assert.equal(summaries[0].span.start, 0);
    assert.deepEqual(summaries[0].fixes, []);
  });

  it('spreads what it keeps of a severity over the whole document, not just its start', () => {
    const issues = Array.from({ length: 100 }, (_, k) => issue('cjk-space', k * 10));
    const kept = capIssues(issues, 10).filter((i) => !i.summary);
    assert.equal(kept.length, 10);
    assert.ok(kept[0].span.start < 100 && kept[9].span.start >= 900, kept.map((i) => i.span.start).join(','));
  });

  it('gives each cut rule a summary of its own', () => {
    const issues = [issue('cjk-space', 0), issue('cjk-space', 10), issue('mojibake', 20, 'hint'), issue('mojibake', 30, 'hint')];
    const summaries = capIssues(issues, 1).filter((i) => i.summary);
    assert.deepEqual(summaries.map((s) => s.rule).sort(), ['cjk-space', 'mojibake']);
  });
});

describe('docs/rules.md', () => {
  it('is the table the registry generates (node scripts/rules-table.mjs > docs/rules.md)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'rules-table.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});

describe('settings generated from the registry', () => {
  it('package.json corpusLens.rules and server/data/config.schema.json match the registry (node scripts/rule-settings.mjs)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'rule-settings.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
