/**
 * Odd Unicode at the seams of real text: characters outside the BMP (CJK extension B, emoji,
 * flags), combining marks, ZWJ sequences and lone surrogates, inserted next to every line
 * break and space of the seeds, where the parser and the rules look at windows of a few
 * characters. Nothing may throw, and every range the analysis returns must be a valid UTF-16
 * range that never cuts a surrogate pair in half.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis';
import { applyFixes, checkHanPreserved, intendedDeletions } from '../../server/src/core/fixes';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { lintDocument } from '../../server/src/core/lint/lint';
import { Span, codePointBoundary, headWindow, splitsPair, tailWindow, withoutLoneSurrogates } from '../../server/src/core/text';
import { bundledGlossary } from '../support/glossary';
import { seedFiles } from '../support/paths';
import { defaultSegmenter } from '../support/segmenters';

const INSERTIONS = [
  '𠮷', // CJK extension B
  '𡈽𪚥', // two more
  '😀', // emoji
  '🇨🇳', // a flag: two regional indicators
  '👨‍👩‍👧', // a ZWJ sequence
  'e\u0301', // a combining mark
  '\ud842', // a lone high surrogate
  '\udfb7', // a lone low surrogate
];

function assertValidSpan(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: not whole numbers`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what}: ${span.start}–${span.end} outside 0–${text.length}`);
  assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), `${what}: ${span.start}–${span.end} cuts a surrogate pair`);
}

function check(text: string, label: string): void {
  const segmenter = defaultSegmenter();
  const analysis = analyzeDocument(text, { segmenter });
  for (const mark of analysis.parsed.pageMarks) assertValidSpan(text, mark.span, `${label}: page mark`);
  for (const article of analysis.articles) {
    assertValidSpan(text, article.span, `${label}: article`);
    if (article.title) assertValidSpan(text, article.title.span, `${label}: title`);
    for (const section of article.sections) assertValidSpan(text, section.span, `${label}: section`);
    for (const speaker of article.speakers) for (const st of speaker.statements) assertValidSpan(text, st.span, `${label}: statement`);
  }
  const result = lintDocument(analysis, segmenter, { config: DEFAULT_LINT_CONFIG, glossary: bundledGlossary() });
  assert.deepEqual(result.failures, [], `${label}: rules failed`);
  for (const finding of result.findings) {
    assertValidSpan(text, finding.span, `${label}: ${finding.rule}`);
    for (const fix of finding.fixes) for (const edit of fix.edits) assertValidSpan(text, edit.span, `${label}: ${finding.rule} edit`);
  }
  const fixed = applyFixes(text, result.findings);
  const han = checkHanPreserved(text, fixed.text, intendedDeletions(fixed.applied));
  assert.ok(han.ok, `${label}: ${han.detail}`);
}

/** Offsets just around each line break and space of `text`. */
function seams(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (/[\n \u3000]/.test(text[i]) && (at.length === 0 || at[at.length - 1] < i - 1)) at.push(i);
  return at;
}

/** The lines around `offset`: a short document of its own, quick to analyse. */
function excerpt(text: string, offset: number): { text: string; offset: number } {
  let start = offset;
  for (let lines = 0; start > 0 && lines < 3; start--) if (text[start - 1] === '\n') lines++;
  let end = offset;
  for (let lines = 0; end < text.length && lines < 3; end++) if (text[end] === '\n') lines++;
  return { text: text.slice(start, end), offset: offset - start };
}

describe('odd Unicode at the seams of the seeds', () => {
  for (const file of seedFiles()) {
    it(`never throws and keeps ranges valid: ${path.basename(file)}`, () => {
      const seed = fs.readFileSync(file, 'utf8');
      seams(seed).forEach((seam, k) => {
        const { text, offset } = excerpt(seed, seam);
        // Two insertions per seam, cycling, so that every kind meets every seed.
        for (const insertion of [INSERTIONS[k % INSERTIONS.length], INSERTIONS[(k + 3) % INSERTIONS.length]]) {
          for (const delta of [-2, -1, 0, 1, 2]) {
            const at = codePointBoundary(text, offset + delta, 'floor');
            if (at < 0 || at > text.length) continue;
            check(text.slice(0, at) + insertion + text.slice(at), `${path.basename(file)} seam ${seam}${delta >= 0 ? '+' : ''}${delta} ${JSON.stringify(insertion)}`);
          }
        }
      });
    });
  }

  it('the reported case: an extension-B character before a space and a line break', () => {
    check('全市召开会议\n\n他𠮷说，习 近平总书记强调。\n', 'issue 9');
  });
});

describe('code-point-safe windows', () => {
  it('never cut a surrogate pair', () => {
    assert.equal(tailWindow('ab𠮷', 1), '𠮷');
    assert.equal(tailWindow('ab𠮷', 2), '𠮷');
    assert.equal(headWindow('𠮷ab', 1), '𠮷');
    assert.equal(headWindow('a𠮷b', 2), 'a𠮷');
    assert.equal(tailWindow('abc', 10), 'abc');
    assert.equal(codePointBoundary('𠮷', 1, 'floor'), 0);
    assert.equal(codePointBoundary('𠮷', 1, 'ceil'), 2);
  });

  it('lone surrogates become U+FFFD, keeping the length', () => {
    assert.equal(withoutLoneSurrogates('a\ud842b\udfb7c𠮷'), 'a\ufffdb\ufffdc𠮷');
  });
});

describe('fixes and the halves of damaged astral characters', () => {
  // Found by the fuzz test: a line ending in a lone high surrogate, the next starting with a
  // lone low one. Joining the broken line would make 𪚥 (U+2A6A5) out of the two halves.
  const text = '全市召开会议\n\n会议指出，要深入学习贯彻党的精神，推动各项工作\ud869\n\udea5落地见效，确保全年目标任务顺利完成。\n';

  it('offers no fix that joins them or cuts a pair', () => {
    const result = lintDocument(analyzeDocument(text, { segmenter: defaultSegmenter() }), defaultSegmenter(), { config: DEFAULT_LINT_CONFIG, glossary: bundledGlossary() });
    for (const finding of result.findings) {
      for (const fix of finding.fixes) {
        for (const edit of fix.edits) {
          const after = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
          assert.ok(!after.includes('\u{2a6a5}'), `${finding.rule}: “${fix.title.en}” makes a character out of two halves`);
        }
      }
    }
    const fixed = applyFixes(text, result.findings);
    assert.ok(checkHanPreserved(text, fixed.text, intendedDeletions(fixed.applied)).ok);
  });
});
