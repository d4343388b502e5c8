/**
 * The product as the evaluation sees it: only the interfaces other tools rely on (design §3).
 *
 * - reading a corpus file through the product's own decoding (io/files.ts: UTF-8, UTF-16,
 *   GB18030 …), as `corpus-lens` does;
 * - the outline in its stable JSON shape (`outlineJson`: pageMarks, articles with title,
 *   titleRange, range, deck, authors …);
 * - the lint findings (`lintDocument(...).findings`: rule, severity, span, fixes with `safe`
 *   and edits), every rule at its default severity, the bundled glossary loaded;
 * - `applyFixes` to apply the safe fixes, pass after pass as `corpus-lens fix` does.
 *
 * Nothing here looks inside the parser (articles.ts, paragraph.ts …): those are being
 * rewritten, and the harness must keep measuring whatever replaces them. Built code
 * (server/out; `npm install` or `npx tsc -b` builds it).
 */
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const load = (module) => require(path.join(ROOT, 'server/out', module));

const { outlineJson } = load('core/outline.js');
const { DEFAULT_LINT_CONFIG } = load('core/lint/config.js');
const { applyFixes } = load('core/fixes.js');
const { decodeBytes } = load('core/encoding.js');
const { readCorpusFile } = load('io/files.js');
const { chooseSegmenter } = load('segment/index.js');
const { readProject } = load('workspace/project.js');
/** The rules whose safe fixes join lines: what the join metrics measure. */
export const JOIN_RULES = ['broken-line', 'split-paragraph', 'page-residue'];

/** Passes of fixes at most, as `corpus-lens fix` does (server/src/commands/fix.ts). */
export const MAX_PASSES = 5;

/** Decodes bytes as the command line does (for a corpus file that is not a .txt, such as Sogou's .dat). */
export { decodeBytes };

/**
 * The analysis the product runs on a file in no project, as the language server and the
 * command line read it: the bundled glossary (its phrases kept whole by the segmenter) and
 * every rule at its default severity.
 */
export function createProduct(backend = 'auto') {
  const { segmenter, fallbackReason } = chooseSegmenter(backend);
  if (fallbackReason) console.warn(`note: ${fallbackReason}`);
  const project = readProject(null, { lint: DEFAULT_LINT_CONFIG, glossaries: [] }, segmenter);
  const analyse = (text) => project.analyze(text);
  const findingsOf = (analysis) => project.lint(analysis, null).findings;

  /** Outline JSON and findings of one text. */
  function run(text, file = 'doc.txt', encoding = 'utf-8') {
    const analysis = analyse(text);
    return { outline: outlineJson(analysis, file, encoding), findings: findingsOf(analysis) };
  }

  /** Reads a file as `corpus-lens` does, then runs the analysis. */
  function runFile(file) {
    const { text, encoding } = readCorpusFile(file);
    return { text, encoding, ...run(text, file, encoding) };
  }

  /**
   * Applies the safe fixes of `rules` (all rules when null) to `text`, pass after pass until
   * nothing changes, starting from the findings of the first pass. Returns the final text and
   * the edits of every pass (each in the offsets of the text of its pass), so that a position
   * of the original text can be followed through them (see `mapThrough` in metrics.mjs).
   */
  function fix(text, firstFindings, rules = null) {
    const passes = [];
    let current = text;
    let findings = firstFindings;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const fixed = applyFixes(current, findings, rules ? { rules } : {});
      if (fixed.applied.length === 0 || fixed.text === current) break;
      passes.push(fixed.applied.map((a) => ({ rule: a.rule, start: a.span.start, end: a.span.end, newText: a.after })));
      current = fixed.text;
      findings = findingsOf(analyse(current));
    }
    return { text: current, passes };
  }

  return { segmenter: project.segmenter, glossary: project.glossary, run, runFile, fix };
}
