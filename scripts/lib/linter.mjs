/**
 * The analysis the product runs, for the evaluation scripts: the default segmenter with the
 * bundled glossary's phrases in its user dictionary, every rule at its default severity, and
 * the glossary for slogan-variant. Built code (server/out; run `npx tsc -b` first).
 */
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = (module) => require(path.join(ROOT, 'server/out', module));

const { analyzeDocument } = load('core/analysis.js');
const { lintDocument } = load('core/lint/lint.js');
const { DEFAULT_LINT_CONFIG } = load('core/lint/config.js');
const { chooseSegmenter } = load('segment/index.js');
const { loadGlossaries } = load('lsp/glossaryStore.js');
export const { RULES } = load('core/rules/index.js');
export const { applyFixes } = load('core/fixes.js');
export const { tokenize } = load('core/segmenter.js');

export function createLinter(backend = 'node-rs-jieba') {
  const { segmenter, fallbackReason } = chooseSegmenter(backend);
  if (fallbackReason) console.warn(`note: ${fallbackReason}`);
  const { glossary } = loadGlossaries([]);
  segmenter.addWords(glossary.words());
  /** Every finding of `text`, with resolved severities, in document order. */
  const lint = (text) => lintDocument(analyzeDocument(text, { segmenter }), segmenter, { config: DEFAULT_LINT_CONFIG, glossary }).findings;
  return { segmenter, glossary, lint };
}
