/**
 * corpus-lens fix: applies the safe fixes of every file in place, in the file's own encoding,
 * BOM and line endings, and logs every edit to the project's .corpus-lens/fixes.jsonl. A fix
 * can reveal another, so files are fixed in passes until nothing changes. A file whose fixes
 * would lose or reorder a Han character (other than a duplicate or page furniture deleted on
 * purpose) is left as it is. --dry-run prints a unified diff instead of writing.
 */
import * as path from 'node:path';
import { diagnosticsJson } from '../core/lint/json';
import { Finding, LintResult } from '../core/lint/lint';
import { unifiedDiff } from '../core/diff';
import { AppliedEdit, applyFixes, checkHanPreserved, intendedDeletions, mapSpan } from '../core/fixes';
import { RULES } from '../core/rules/index';
import { LineIndex, Span } from '../core/text';
import { encodeText, readCorpusFile, writeFileAtomically } from '../io/files';
import { FIX_LOG, FixLogRecord, appendFixLog, projectPath } from '../io/project';
import { CommandOptions, Output, collectInputs, displayPath, inputErrorMessage, localeLang } from './common';
import { LintSetup } from './lintSetup';
import { Progress } from './progress';

/** Passes over one file at most; one or two are usual. */
export const MAX_PASSES = 5;
/** Findings that need a human listed in the summary; the rest are counted. */
const LISTED = 20;

/** An applied edit with its 0-based position in the text of its pass. */
export interface PlacedEdit extends AppliedEdit {
  line: number;
  character: number;
}

export interface FixOutcome {
  text: string;
  edits: PlacedEdit[];
  /** The findings of the fixed text (of the text as it was, when it was left unfixed). */
  remaining: Finding[];
  /** Why the file was left unfixed: its Han characters would not be kept. */
  hanProblem: string | null;
}

/**
 * Applies the safe fixes of `lint`'s findings to `text`, pass after pass, until nothing changes.
 * The places ignored in the first pass stay ignored in the next ones, though the fixes around
 * them change their context: `lint` gets their spans, moved through each pass's edits.
 */
export function fixText(text: string, lint: (text: string, ignoredSpans: Span[]) => LintResult): FixOutcome {
  let current = text;
  let result = lint(current, []);
  const first = result.findings;
  const edits: PlacedEdit[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixed = applyFixes(current, result.findings);
    if (fixed.applied.length === 0 || fixed.text === current) break;
    const check = checkHanPreserved(current, fixed.text, intendedDeletions(fixed.applied));
    if (!check.ok) return { text, edits: [], remaining: first, hanProblem: check.detail ?? 'Han characters would change' };
    const index = new LineIndex(current);
    for (const a of fixed.applied) edits.push({ ...index.positionAt(a.span.start), ...a });
    const ignoredSpans = result.ignoredSpans.map((s) => mapSpan(s, fixed.applied));
    current = fixed.text;
    result = lint(current, ignoredSpans);
  }
  return { text: current, edits, remaining: result.findings, hanProblem: null };
}

export function runFix(options: CommandOptions, output: Output): number {
  const lang = options.lang ?? localeLang();
  const setup = new LintSetup(options, output);
  const { files, missing } = collectInputs(options.inputs, output);
  let failed = missing.length > 0;
  let changed = 0;
  const editsByRule = new Map<string, number>();
  const unapplied: string[] = [];
  const needHuman: string[] = [];
  const progress = new Progress(output, files.length);
  const problem = (message: string) => {
    progress.clear();
    output.err(`corpus-lens: ${message}\n`);
    failed = true;
  };
  for (const [i, file] of files.entries()) {
    progress.show(i, file);
    let original: ReturnType<typeof readCorpusFile>;
    try {
      original = readCorpusFile(file);
    } catch (error) {
      problem(inputErrorMessage(error, file));
      continue;
    }
    const outcome = fixText(original.text, (text, ignoredSpans) => setup.lint(file, text, ignoredSpans));
    if (outcome.hanProblem) {
      problem(`${file}: not fixed, its fixes would not keep its Han characters (${outcome.hanProblem})`);
      continue;
    }
    const index = new LineIndex(outcome.text);
    for (const [k, d] of diagnosticsJson(outcome.remaining, index, lang).entries()) {
      if (outcome.remaining[k].fixes.some((f) => f.safe)) unapplied.push(d.rule);
      else needHuman.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} [${d.rule}] ${d.message}`);
    }
    if (outcome.text === original.text) continue;
    if (options.dryRun) {
      const shown = displayPath(file);
      const [a, b] = path.isAbsolute(shown) ? [shown, shown] : [`a/${shown}`, `b/${shown}`];
      progress.clear();
      output.out(unifiedDiff(original.text, outcome.text, { oldLabel: a, newLabel: b }));
    } else {
      try {
        writeFileAtomically(file, encodeText(outcome.text, original.encoding));
      } catch (error) {
        problem(inputErrorMessage(error, file));
        continue;
      }
      const root = setup.projectOf(file).root ?? process.cwd();
      try {
        appendFixLog(root, logRecords(file, outcome.edits, root));
      } catch (error) {
        problem(`${file} was fixed, but its edits could not be logged: ${inputErrorMessage(error, path.join(root, FIX_LOG))}`);
      }
    }
    changed++;
    for (const e of outcome.edits) editsByRule.set(e.rule, (editsByRule.get(e.rule) ?? 0) + 1);
  }
  progress.clear();
  output.err(fixSummary({ files: files.length, changed, editsByRule, unapplied, needHuman, dryRun: options.dryRun }));
  if (failed) return 2;
  return options.dryRun && changed > 0 ? 1 : 0;
}

/** The audit-log lines of one file's edits, the file named by its path below the project root. */
function logRecords(file: string, edits: PlacedEdit[], root: string): FixLogRecord[] {
  const time = new Date().toISOString();
  const name = projectPath(root, file);
  return edits.map((e) => ({ time, file: name, line: e.line, character: e.character, rule: e.rule, before: e.before, after: e.after, span: e.span }));
}

interface FixStats {
  files: number;
  changed: number;
  editsByRule: Map<string, number>;
  /** Rules of the safe fixes still offered after the last pass (they overlapped others). */
  unapplied: string[];
  /** The findings without a safe fix, as text lines. */
  needHuman: string[];
  dryRun: boolean;
}

function fixSummary(s: FixStats): string {
  const edits = [...s.editsByRule.values()].reduce((n, k) => n + k, 0);
  const lines = [
    `corpus-lens fix: ${s.changed} of ${s.files} file${s.files === 1 ? '' : 's'} ${s.dryRun ? 'would change' : 'changed'}, ` +
      `${edits} edit${edits === 1 ? '' : 's'}${edits ? ` (${perRule(s.editsByRule)})` : ''}`,
  ];
  if (s.unapplied.length > 0) {
    const counts = new Map<string, number>();
    for (const rule of s.unapplied) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    lines.push(`corpus-lens fix: ${s.unapplied.length} safe fixes not applied, they overlap other fixes (${perRule(counts)}); run fix again`);
  }
  if (s.needHuman.length > 0) {
    lines.push(`corpus-lens fix: ${s.needHuman.length} findings need a human${s.dryRun ? ' (positions after these fixes)' : ''}:`);
    lines.push(...s.needHuman.slice(0, LISTED).map((l) => `  ${l}`));
    if (s.needHuman.length > LISTED) lines.push(`  … and ${s.needHuman.length - LISTED} more (corpus-lens lint shows them all)`);
  }
  return lines.join('\n') + '\n';
}

/** `rule n, rule n` in registry order. */
function perRule(counts: Map<string, number>): string {
  return RULES.filter((r) => counts.has(r.id))
    .map((r) => `${r.id} ${counts.get(r.id)}`)
    .join(', ');
}
