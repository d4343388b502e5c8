import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../../server/src/core/analysis';
import { applyFixes } from '../../../server/src/core/fixes';
import { DEFAULT_LINT_CONFIG, LintConfig } from '../../../server/src/core/lint/config';
import { IgnoreList, anchorOf } from '../../../server/src/core/lint/ignore';
import { langOf } from '../../../server/src/core/lint/json';
import { lintDocument, resolveSeverity } from '../../../server/src/core/lint/lint';
import { Issue } from '../../../server/src/core/rules/index';
import { bundledGlossary } from '../../support/glossary';
import { defaultSegmenter } from '../../support/segmenters';

const config = (rules: LintConfig['rules'], more: Partial<LintConfig> = {}): LintConfig => ({ ...DEFAULT_LINT_CONFIG, rules, ...more });
const lint = (text: string, c: LintConfig, ignore?: { list: IgnoreList; file: string }) => {
  const segmenter = defaultSegmenter();
  return lintDocument(analyzeDocument(text, { segmenter }), segmenter, { config: c, glossary: bundledGlossary(), ignore });
};
const issue = (rule: string, severity?: Issue['severity']): Issue => ({ rule, span: { start: 0, end: 1 }, message: { zh: '', en: '' }, fixes: [], ...(severity ? { severity } : {}) });

const HEAD = '加快建设副中心 奋力实现新跨越\n\n';
/** A stray space and two ASCII commas: three findings of layout (information). */
const DAMAGED = HEAD + '会议指出,要深入领会习 近平总书记重要讲话精神,推动高质量发展。\n';
/** Mostly ASCII punctuation: one file-level finding for halfwidth-punctuation and a hint per place. */
const ASCII_FILE = HEAD + Array.from({ length: 6 }, () => '会议指出,要抓好落实,推动发展。\n').join('\n');

describe('resolveSeverity', () => {
  it('is the rule default when nothing is configured', () => {
    assert.equal(resolveSeverity(issue('mojibake'), DEFAULT_LINT_CONFIG), 'error');
    assert.equal(resolveSeverity(issue('cjk-space'), DEFAULT_LINT_CONFIG), 'information');
    assert.equal(resolveSeverity(issue('duplicate-text'), DEFAULT_LINT_CONFIG), 'warning');
  });

  it('is the configured severity, above or below the default', () => {
    assert.equal(resolveSeverity(issue('cjk-space'), config({ 'cjk-space': 'error' })), 'error');
    assert.equal(resolveSeverity(issue('mojibake'), config({ mojibake: 'information' })), 'information');
  });

  it('keeps an issue that its rule marks below the default (a per-place hint) where it is', () => {
    assert.equal(resolveSeverity(issue('halfwidth-punctuation', 'hint'), config({ 'halfwidth-punctuation': 'error' })), 'hint');
    assert.equal(resolveSeverity(issue('halfwidth-punctuation', 'warning'), config({ 'halfwidth-punctuation': 'error' })), 'error');
  });
});

describe('lintDocument', () => {
  it('gives every finding with its rule default', () => {
    const { findings, ignored } = lint(DAMAGED, DEFAULT_LINT_CONFIG);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [
      ['halfwidth-punctuation', 'information'],
      ['cjk-space', 'information'],
      ['halfwidth-punctuation', 'information'],
    ]);
    assert.equal(ignored, 0);
  });

  it('replaces the default with the configured severity', () => {
    const { findings } = lint(DAMAGED, config({ 'cjk-space': 'error', 'halfwidth-punctuation': 'hint' }));
    assert.deepEqual(findings.map((f) => f.severity), ['hint', 'error', 'hint']);
  });

  it('keeps the per-place hints of a grouped rule as hints', () => {
    const { findings } = lint(ASCII_FILE, config({ 'halfwidth-punctuation': 'error' }));
    const own = findings.filter((f) => f.rule === 'halfwidth-punctuation');
    assert.equal(own.filter((f) => f.severity === 'error').length, 1, 'the file-level finding');
    assert.equal(own.filter((f) => f.severity === 'hint').length, 12, 'one hint per mark');
  });

  it('runs no rule that is off', () => {
    const { findings } = lint(DAMAGED, config({ 'cjk-space': 'off' }));
    assert.deepEqual([...new Set(findings.map((f) => f.rule))], ['halfwidth-punctuation']);
  });

  it('leaves out and counts the ignored findings, also after an edit elsewhere', () => {
    const space = DAMAGED.indexOf('习 ') + 1;
    const entry = anchorOf('a.txt', 'cjk-space', DAMAGED, { start: space, end: space + 1 })!;
    const ignore = new IgnoreList([entry]);
    const first = lint(DAMAGED, DEFAULT_LINT_CONFIG, { list: ignore, file: 'a.txt' });
    assert.deepEqual(first.findings.map((f) => f.rule), ['halfwidth-punctuation', 'halfwidth-punctuation']);
    assert.equal(first.ignored, 1);
    const edited = DAMAGED.replace('推动高质量发展', '推动经济高质量发展') + '\n会议强调，要坚持实干为本。\n';
    const second = lint(edited, DEFAULT_LINT_CONFIG, { list: ignore, file: 'a.txt' });
    assert.equal(second.ignored, 1);
    assert.ok(!second.findings.some((f) => f.rule === 'cjk-space'));
  });

  it('keeps an ignored place out of the fix for the whole file', () => {
    const grouped = lint(ASCII_FILE, DEFAULT_LINT_CONFIG).findings.filter((f) => f.rule === 'halfwidth-punctuation');
    const place = grouped.find((f) => f.severity === 'hint')!;
    const ignore = { list: new IgnoreList([anchorOf('a.txt', place.rule, ASCII_FILE, place.span)!]), file: 'a.txt' };
    const result = lint(ASCII_FILE, DEFAULT_LINT_CONFIG, ignore);
    assert.deepEqual(result.ignoredSpans, [place.span]);
    assert.ok(result.findings.some((f) => f.rule === 'halfwidth-punctuation' && f.fileLevel), 'the file is still grouped');
    const fixed = applyFixes(ASCII_FILE, result.findings, { rules: ['halfwidth-punctuation'] });
    assert.equal(fixed.applied.length, grouped.filter((f) => f.severity === 'hint').length - 1);
    assert.ok(!fixed.applied.some((a) => a.span.start <= place.span.start && place.span.end <= a.span.end));
  });

  it('counts findings over carried spans as ignored', () => {
    const space = DAMAGED.indexOf('习 ') + 1;
    const result = lint(DAMAGED, DEFAULT_LINT_CONFIG);
    const carried = lintDocument(analyzeDocument(DAMAGED, { segmenter: defaultSegmenter() }), defaultSegmenter(), {
      config: DEFAULT_LINT_CONFIG,
      ignoredSpans: [{ start: space, end: space + 1 }],
    });
    assert.equal(carried.ignored, 1);
    assert.equal(carried.findings.length, result.findings.length - 1);
  });

  it('caps what the editor is shown, never the findings', () => {
    const { findings, shown } = lint(ASCII_FILE, config({}, { maxProblems: 3 }));
    assert.ok(findings.length > 4);
    const kept = shown.filter((f) => !f.summary);
    assert.equal(kept.length, 3);
    assert.ok(kept.some((f) => f.severity === 'information' && f.fileLevel), 'the most severe are kept first');
    const summaries = shown.filter((f) => f.summary);
    assert.ok(summaries.length >= 1 && summaries.every((s) => /more \S+ findings not shown/.test(s.message.en)));
    assert.equal(summaries.reduce((n, s) => n + Number(/^(\d+)/.exec(s.message.en)![1]), 0), findings.length - 3, 'the summaries count every finding cut');
  });
});

describe('langOf', () => {
  it('is zh for Chinese locales in VS Code and POSIX spellings, en for the rest', () => {
    for (const locale of ['zh', 'zh-cn', 'zh-TW', 'zh_CN.UTF-8', 'zh_TW']) assert.equal(langOf(locale), 'zh', locale);
    for (const locale of ['en', 'en-US', 'C.UTF-8', 'zhx', '', undefined, null]) assert.equal(langOf(locale), 'en', String(locale));
  });
});
