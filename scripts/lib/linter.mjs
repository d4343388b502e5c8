/**
 * The analysis the product runs, for the evaluation scripts: a file in no project (the bundled
 * glossary, its phrases kept whole by the segmenter, every rule at its default severity), as
 * the command line and the editor read it. Built code (server/out; run `npx tsc -b` first).
 */
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = (module) => require(path.join(ROOT, 'server/out', module));

const { DEFAULT_LINT_CONFIG } = load('core/lint/config.js');
const { chooseSegmenter } = load('segment/index.js');
const { readProject } = load('workspace/project.js');
export const { RULES } = load('core/rules/index.js');
export const { applyFixes } = load('core/fixes.js');
export const { tokenize } = load('core/segmenter.js');

export function createLinter(backend = 'node-rs-jieba') {
  const { segmenter, fallbackReason } = chooseSegmenter(backend);
  if (fallbackReason) console.warn(`note: ${fallbackReason}`);
  const project = readProject(null, { lint: DEFAULT_LINT_CONFIG, glossaries: [] }, segmenter);
  /** Every finding of `text`, with resolved severities, in document order. */
  const lint = (text) => project.lint(project.analyze(text), null).findings;
  return { segmenter: project.segmenter, glossary: project.glossary, lint };
}
