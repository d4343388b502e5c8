/**
 * The incremental walk equals a fresh walk of the same text after every edit: random edits
 * (characters, lines, blank lines, page furniture, headlines, bylines, CRLF, astral
 * characters) over the seeds and over a hard-wrapped periodical with running heads, checked
 * line by line — roles, shapes, layout, regions.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LiveAnalysis, analyzeDocument } from '../../server/src/core/analysis';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { lintDocument } from '../../server/src/core/lint/lint';
import { outlineJson } from '../../server/src/core/outline';
import { IncrementalWalk, WalkedDocument, walkDocument } from '../../server/src/core/parse';
import { bundledGlossary } from '../support/glossary';
import { codePointBoundary } from '../../server/src/core/text';
import { seedFiles } from '../support/paths';
import { defaultSegmenter } from '../support/segmenters';

function summary(walked: WalkedDocument) {
  return {
    lines: walked.lines.map((l) => `${l.index}:${l.start}-${l.end}`),
    placed: walked.placed.map((p, k) => {
      const shape = p.shape.kind === 'page-mark' ? `page-mark:${p.shape.mark}` : p.shape.kind;
      const role = walked.roles[k];
      return `${p.line}@${p.span.start}-${p.span.end} ${shape} w${p.wrapWidth} b${p.blanksBefore} ${role.role}${role.articleStart ? '*' : ''}${role.mark ?? ''}`;
    }),
    spans: walked.spans,
    profile: walked.profile,
    wrapWidths: walked.wrapWidths,
  };
}

/** A deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const INSERTIONS = [
  '会议',
  '，',
  '。',
  '\n',
  '\n\n',
  '\r\n',
  '\n=====第7页=====\n',
  '\n2020年第5期\n',
  '\n·58·\n',
  '\n红旗杂志\n',
  '\n全市召开经济工作会议\n\n',
  '\n本报记者 张三\n',
  '\n本报讯（记者 李四）今年以来，',
  '习 近平',
  '𠮷',
  '（完）',
  '\n一、加强领导\n',
  '目录\n第一篇（1）\n第二篇（5）\n第三篇（9）\n',
];

function edit(text: string, next: () => number): string {
  const at = codePointBoundary(text, Math.floor(next() * (text.length + 1)), 'floor');
  const roll = next();
  if (roll < 0.45 && text.length > 0) {
    const length = Math.floor(next() * 40) + 1;
    const end = codePointBoundary(text, Math.min(text.length, at + length), 'ceil');
    return text.slice(0, at) + text.slice(end);
  }
  const insertion = INSERTIONS[Math.floor(next() * INSERTIONS.length)];
  return text.slice(0, at) + insertion + text.slice(at);
}

/** A hard-wrapped periodical: running heads and page markers every 30 lines, often inside a sentence. */
function periodical(): string {
  const body = fs.readFileSync(seedFiles()[4], 'utf8').split('\n').filter((l) => l.trim() !== '');
  const out: string[] = [];
  body.forEach((line, k) => {
    out.push(line);
    if (k % 30 === 29) out.push(`（总${100 + k / 30}）·${k / 30}·`, k % 60 === 29 ? '红旗杂志' : '1975年第3期', `=====第${k / 30}页=====`);
  });
  return out.join('\n');
}

function check(name: string, text: string, edits: number, seed: number): void {
  const segmenter = defaultSegmenter();
  const walk = new IncrementalWalk(text, segmenter);
  const next = random(seed);
  let current = text;
  for (let k = 0; k < edits; k++) {
    current = edit(current, next);
    walk.update(current);
    assert.deepEqual(summary(walk), summary(walkDocument(current, { segmenter })), `${name}: after edit ${k + 1}`);
  }
}

describe('the incremental walk equals a fresh one', () => {
  for (const file of seedFiles()) {
    it(`after random edits of ${path.basename(file)}`, () => check(path.basename(file), fs.readFileSync(file, 'utf8'), 40, 17));
  }
  it('after random edits of a hard-wrapped periodical with running heads', () => check('periodical', periodical(), 60, 5));
  it('after edits at the very start and end, and of the whole text', () => {
    const segmenter = defaultSegmenter();
    const walk = new IncrementalWalk('', segmenter);
    for (const text of ['标题', '标题\n\n正文。', '\n标题\n\n正文。\r\n', '正文。', '']) {
      walk.update(text);
      assert.deepEqual(summary(walk), summary(walkDocument(text, { segmenter })), JSON.stringify(text));
    }
  });
});

describe('the live analysis equals a fresh one', () => {
  const segmenter = defaultSegmenter();
  const glossary = bundledGlossary();
  const findings = (analysis: ReturnType<typeof analyzeDocument>) =>
    lintDocument(analysis, segmenter, { config: DEFAULT_LINT_CONFIG, glossary }).findings.map((f) => ({ rule: f.rule, span: f.span, severity: f.severity, message: f.message.en, fixes: f.fixes }));
  for (const [name, text] of [...seedFiles().map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]), ['periodical', periodical()]]) {
    it(`outline and findings after random edits of ${name}`, () => {
      const live = new LiveAnalysis(text, segmenter);
      const next = random(99);
      let current = text;
      for (let k = 0; k < 15; k++) {
        current = edit(current, next);
        const analysis = live.update(current);
        const fresh = analyzeDocument(current, { segmenter });
        assert.deepEqual(outlineJson(analysis, 'f', 'utf-8'), outlineJson(fresh, 'f', 'utf-8'), `${name}: outline after edit ${k + 1}`);
        assert.deepEqual(findings(analysis), findings(fresh), `${name}: findings after edit ${k + 1}`);
      }
    });
  }
});
