/**
 * Every segmenter backend gives the seeds the same outline structure: nodejieba (same
 * dictionary) the very same outline and findings as the default, Intl.Segmenter the same articles.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { outlineJson } from '../../server/src/core/outline';
import { chooseSegmenter } from '../../server/src/segment';
import { readProject } from '../../server/src/workspace/project';
import { seedFiles } from '../support/paths';

function outlines(backend: 'node-rs-jieba' | 'nodejieba' | 'intl') {
  const { segmenter, fallbackReason } = chooseSegmenter(backend);
  assert.equal(fallbackReason, null);
  return seedFiles().map((file) => outlineJson(analyzeDocument(fs.readFileSync(file, 'utf8'), { segmenter }), file, 'utf-8'));
}

/** The findings of every seed as the product computes them (in no project: the bundled glossary). */
function findings(backend: 'node-rs-jieba' | 'nodejieba') {
  const project = readProject(null, { lint: DEFAULT_LINT_CONFIG, glossaries: [] }, chooseSegmenter(backend).segmenter);
  return seedFiles().map((file) =>
    project.lint(project.analyze(fs.readFileSync(file, 'utf8')), file).findings.map((f) => `${f.rule}@${f.span.start}-${f.span.end}:${f.severity}`),
  );
}

describe('segmenter backends agree on the seeds', () => {
  it('nodejieba finds the same OCR artefacts as @node-rs/jieba', () => {
    assert.deepEqual(findings('nodejieba'), findings('node-rs-jieba'));
  });
  const reference = outlines('node-rs-jieba');
  it('nodejieba gives the same outline as @node-rs/jieba', () => {
    assert.deepEqual(outlines('nodejieba'), reference);
  });
  it('Intl.Segmenter gives the same articles and speakers', () => {
    const summary = (o: typeof reference) => o.map((f) => f.articles.map((a) => [a.title, a.authors, a.speakers.map((s) => s.name)]));
    assert.deepEqual(summary(outlines('intl')), summary(reference));
  });
});
