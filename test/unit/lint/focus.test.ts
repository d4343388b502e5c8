/**
 * The cap on what the editor shows, near where the user is looking: the findings near the
 * focus first (up to half the cap: most severe, then nearest), the rest by severity and spread
 * over the document, one summary per rule; the same whether planned from the regions' tallies
 * or over the list of every finding.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../../server/src/core/analysis';
import { DEFAULT_LINT_CONFIG } from '../../../server/src/core/lint/config';
import { IgnoreList } from '../../../server/src/core/lint/ignore';
import { Finding, lintDocument } from '../../../server/src/core/lint/lint';
import { CapFocus, capFindings, focusRoom } from '../../../server/src/core/rules/cap';
import { Issue, Severity } from '../../../server/src/core/rules/index';
import { bundledGlossary } from '../../support/glossary';
import { defaultSegmenter } from '../../support/segmenters';

const finding = (rule: string, start: number, severity: Severity = 'information'): Finding => ({
  rule,
  span: { start, end: start + 1 },
  message: { zh: rule, en: rule },
  fixes: [],
  severity,
});
const kept = (shown: Issue[]) => shown.filter((f) => !f.summary);
const summaries = (shown: Issue[]) => shown.filter((f) => f.summary);
const at = (start: number, end: number, margin: number): CapFocus => ({ seen: [{ start, end }], near: [{ start: start - margin, end: end + margin }] });

describe('the cap near a focus', () => {
  // 1000 findings of one rule, one every 10 characters.
  const many = Array.from({ length: 1000 }, (_, k) => finding('cjk-space', k * 10));

  it('keeps every finding near what the user sees, and spreads the rest over the document', () => {
    const shown = capFindings(many, 100, at(5000, 5200, 100));
    const starts = kept(shown).map((f) => f.span.start);
    assert.equal(starts.length, 100);
    // The 41 findings in 4900–5300 are all there …
    for (let s = 4900; s <= 5300; s += 10) assert.ok(starts.includes(s), `${s} near the focus`);
    // … and the other 59 are spread over the whole document, its start and end included.
    const away = starts.filter((s) => s < 4900 || s > 5300);
    assert.equal(away.length, 59);
    assert.ok(away[0] < 200 && away[away.length - 1] > 9800, away.join(','));
  });

  it('gives the findings near the focus at most half the cap: the most severe, then the nearest', () => {
    const dense = [...many, finding('duplicate-text', 5105, 'warning')];
    const shown = capFindings(dense, 20, at(5100, 5110, 2000));
    const near = kept(shown).filter((f) => f.span.start >= 3100 && f.span.start <= 7110);
    assert.ok(near.length >= focusRoom(20), `${near.length} near`);
    assert.ok(kept(shown).some((f) => f.rule === 'duplicate-text'), 'the warning first');
    // The nearest information findings come next: 5100 and 5110 before 4000 or 6000.
    const starts = near.map((f) => f.span.start);
    for (const s of [5090, 5100, 5110, 5120]) assert.ok(starts.includes(s), `${s} is among the nearest: ${starts.join(',')}`);
  });

  it('still keeps the most severe findings far from the focus', () => {
    const withError = [...many, finding('mojibake', 9995, 'error')];
    const shown = capFindings(withError, 10, at(0, 50, 50));
    assert.ok(kept(shown).some((f) => f.rule === 'mojibake'), 'the error at the end of the document');
    assert.ok(kept(shown).some((f) => f.span.start === 0), 'the finding the user sees');
  });

  it('sums up each rule’s cut findings once, at the cut place nearest the focus', () => {
    const mixed = [...many, ...Array.from({ length: 50 }, (_, k) => finding('halfwidth-punctuation', k * 200 + 5))];
    const shown = capFindings(mixed, 40, at(8000, 8100, 300));
    const sums = summaries(shown);
    assert.deepEqual(sums.map((s) => s.rule).sort(), ['cjk-space', 'halfwidth-punctuation']);
    const count = (s: Issue) => Number(/^(\d+)/.exec(s.message.en)![1]);
    assert.equal(sums.reduce((n, s) => n + count(s), 0), mixed.length - kept(shown).length);
    for (const s of sums) assert.ok(Math.abs(s.span.start - 8000) < 300, `${s.rule} summed up near the focus, at ${s.span.start}`);
    assert.match(sums[0].message.en, /Show All Findings in This File/);
  });

  it('is the plain cap without a focus', () => {
    assert.deepEqual(capFindings(many, 100, null), capFindings(many, 100));
  });
});

describe('lintDocument: the cap near a focus', () => {
  const segmenter = defaultSegmenter();
  // 300 paragraphs, each with a stray space; every 50th with a doubled word too.
  const paragraphs = Array.from({ length: 300 }, (_, k) => (k % 50 === 7 ? `第${k}段要推动推动高质量发展。` : `第${k}段要深入学习习 近平总书记重要讲话精神。`));
  const text = '加快建设副中心 奋力实现新跨越\n\n' + paragraphs.join('\n\n') + '\n';
  const config = { ...DEFAULT_LINT_CONFIG, maxProblems: 30 };
  const analysis = analyzeDocument(text, { segmenter });
  const result = lintDocument(analysis, segmenter, { config, glossary: bundledGlossary() });
  const line = (n: number) => text.split('\n').slice(0, n).join('\n').length + 1;
  const focus: CapFocus = { seen: [{ start: line(400), end: line(410) }], near: [{ start: line(394), end: line(416) }] };

  it('counts its findings and knows it is over the cap', () => {
    assert.equal(result.total, result.findings.length);
    assert.ok(result.overCap);
  });

  it('keeps the findings near the focus', () => {
    const shown = result.shownNear(focus);
    assert.ok(kept(shown).length <= 30);
    const near = result.findings.filter((f) => f.span.start >= focus.near[0].start && f.span.end <= focus.near[0].end);
    assert.ok(near.length > 0 && near.length <= focusRoom(30));
    for (const f of near) assert.ok(kept(shown).some((k) => k.rule === f.rule && k.span.start === f.span.start), `${f.rule}@${f.span.start}`);
    assert.ok(kept(shown).some((f) => f.rule === 'duplicate-text'), 'the warnings elsewhere too');
  });

  it('keeps the same findings planned from the regions’ tallies as over the whole list', () => {
    // A fresh lint: its `shownNear` plans from the tallies (no finding made before).
    const fresh = lintDocument(analysis, segmenter, { config, glossary: bundledGlossary() });
    const planned = fresh.shownNear(focus);
    const listed = capFindings(result.findings, config.maxProblems, focus);
    const key = (f: Issue) => `${f.rule}@${f.span.start}-${f.span.end}`;
    assert.deepEqual(kept(planned).map(key).sort(), kept(listed).map(key).sort());
    const totals = (shown: Issue[]) => Object.fromEntries(summaries(shown).map((s) => [s.rule, /^(\d+)/.exec(s.message.en)![1]]));
    assert.deepEqual(totals(planned), totals(listed));
  });

  it('does the same with ignores (the list path)', () => {
    const ignored = lintDocument(analysis, segmenter, { config, glossary: bundledGlossary(), ignore: { list: new IgnoreList(), file: 'a.txt' }, ignoredSpans: [{ start: 0, end: 0 }] });
    assert.ok(ignored.overCap);
    const shown = ignored.shownNear(focus);
    assert.ok(kept(shown).some((f) => f.span.start >= focus.seen[0].start && f.span.start <= focus.seen[0].end));
  });
});
