/**
 * corpus-lens fix: applies the safe fixes of every file in place, in the file's own encoding,
 * BOM and line endings, and logs every edit to the project's .corpus-lens/fixes.jsonl. A fix
 * can reveal another, so files are fixed in passes until nothing changes. A file whose fixes
 * would lose or reorder a Han character (other than a duplicate or page furniture deleted on
 * purpose) is left as it is, and so is a file whose bytes would not be written back as they
 * were read (damaged UTF-8 or UTF-16, a GB18030 sequence the encoder writes otherwise). A
 * symbolic link is followed: the target is fixed. A markup-like file (pseudo-XML, lines that
 * are tags) is left alone. --dry-run prints a unified diff instead of writing (or, with
 * --word-diff, the changes inside their lines; with --stat, the edits counted per file and rule).
 */
import * as path from 'node:path';
import { diagnosticsJson } from '../core/lint/json';
import { EncodingName } from '../core/encoding';
import { Finding, LintResult } from '../core/lint/lint';
import { unifiedByteDiff } from '../core/diff';
import { AppliedEdit, applyFixes, checkHanPreserved, intendedDeletions, mapSpan } from '../core/fixes';
import { RULES, RuleFailure } from '../core/rules/index';
import { LineIndex, Span } from '../core/text';
import { markupProfile } from '../core/markup';
import { CorpusFile, encodeText, readCorpusFile, survivesRoundTrip, writeFileAtomically } from '../io/files';
import { FIX_LOG, FixLogRecord, OutsideError, appendFixLog, checkFixLog, projectPath } from '../io/project';
import { CommandOptions, EXIT_FINDINGS, Output, RunProblems, cliProjects, collectInputs, displayPath, findingLine, fileError, localeLang, plural } from './common';
import { FileEdits, statText } from './fixStat';
import { Progress } from './progress';
import { wordDiffText } from './wordDiff';

/** Passes over one file at most; one or two are usual. */
export const MAX_PASSES = 5;
/** Why a file of each encoding may not be written back as the bytes it was read from. */
const ROUND_TRIP_CAUSE: Record<EncodingName, string> = {
  'utf-8': 'damaged UTF-8: invalid bytes, read as �',
  'utf-8-bom': 'damaged UTF-8: invalid bytes, read as �',
  'utf-16le': 'damaged UTF-16: an odd number of bytes or an unpaired surrogate',
  'utf-16be': 'damaged UTF-16: an odd number of bytes or an unpaired surrogate',
  gb18030: 'a GB18030 sequence the encoder writes differently, such as 0x80 or A3A0',
};
/** Encodings as iconv names them. */
const ENCODING_NAMES: Record<EncodingName, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' };
/** Findings that need a human listed in the summary; the rest are counted. */
const LISTED = 20;

/** An applied edit with its pass (1-based) and its 0-based position in the text of that pass. */
export interface PlacedEdit extends AppliedEdit {
  pass: number;
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
    for (const a of fixed.applied) edits.push({ pass: pass + 1, ...index.positionAt(a.span.start), ...a });
    const ignoredSpans = result.ignoredSpans.map((s) => mapSpan(s, fixed.applied));
    current = fixed.text;
    result = lint(current, ignoredSpans);
  }
  return { text: current, edits, remaining: result.findings, hanProblem: null };
}

export function runFix(options: CommandOptions, output: Output): number {
  const lang = options.lang ?? localeLang();
  const projects = cliProjects(options, output);
  const { files, missing, folderOf } = collectInputs(options.inputs, output);
  /**
   * Where a file's edits are logged: its project's .corpus-lens/fixes.jsonl; for a file in no
   * project, the one in the folder named on the command line that holds it, else in the file's
   * own folder — next to the files, never in the current folder by surprise.
   */
  // Decided before the first log is written, which makes a project of a folder that had none.
  const noProject = new Set(files.filter((file) => projects.of(file).root === null));
  const logRootOf = (file: string) => (noProject.has(file) ? path.resolve(folderOf.get(file) ?? path.dirname(file)) : projects.of(file).root!);
  /** Folders that were in no project and now hold the log of the files below them. */
  const newLogs = new Map<string, number>();
  const problems = new RunProblems(output, missing.length);
  let changed = 0;
  let unreadable = 0;
  let refused = 0;
  const editsByRule = new Map<string, number>();
  const unapplied: string[] = [];
  const needHuman: string[] = [];
  const stat: FileEdits[] = [];
  const progress = new Progress(output, files.length);
  const problem = (message: string) => {
    progress.clear();
    output.err(`corpus-lens: ${message}\n`);
    problems.input = true;
  };
  for (const [i, file] of files.entries()) {
    progress.show(i, file);
    let original: CorpusFile;
    let outcome: FixOutcome;
    try {
      original = readCorpusFile(file);
    } catch (error) {
      progress.clear();
      problems.fileFailed(error, file);
      unreadable++;
      continue;
    }
    const markup = markupProfile(original.text);
    if (markup) {
      progress.clear();
      output.err(
        `corpus-lens: ${file}: left alone: ${markup.tagLines} of its ${markup.lines} lines are markup (${markup.tags.map((t) => `<${t}>`).join(', ')}); fix changes plain corpus text only\n`,
      );
      continue;
    }
    try {
      const failures = new Map<string, RuleFailure>();
      outcome = fixText(original.text, (text, ignoredSpans) => {
        const project = projects.of(file);
        const result = project.lint(project.analyze(text), file, ignoredSpans);
        for (const f of result.failures) failures.set(f.rule, f);
        return result;
      });
      if (failures.size > 0) {
        progress.clear();
        problems.rulesFailed(file, [...failures.values()]);
      }
    } catch (error) {
      progress.clear();
      problems.fileFailed(error, file);
      continue;
    }
    if (outcome.hanProblem) {
      problem(`${file}: not fixed: its fixes would not keep its Han characters (${outcome.hanProblem})`);
      refused++;
      continue;
    }
    const wouldChange = outcome.text !== original.text;
    if (wouldChange && !survivesRoundTrip(original)) {
      problem(`${file}: not fixed: its bytes do not survive decoding and re-encoding (${ROUND_TRIP_CAUSE[original.encoding]}); fix it by hand or convert it first`);
      refused++;
      continue;
    }
    const index = new LineIndex(outcome.text);
    for (const [k, d] of diagnosticsJson(outcome.remaining, index, lang).entries()) {
      if (outcome.remaining[k].fixes.some((f) => f.safe)) unapplied.push(d.rule);
      else needHuman.push(findingLine(file, d));
    }
    if (!wouldChange) continue;
    if (options.dryRun && options.dryRunView === 'stat') {
      stat.push({ file: displayPath(file), rules: outcome.edits.map((e) => e.rule) });
    } else if (options.dryRun && options.dryRunView === 'word-diff') {
      progress.clear();
      // Decoded text, whatever the file's encoding: this view is for reading, not for patch.
      output.out(wordDiffText(displayPath(file), original.text, outcome.text));
    } else if (options.dryRun) {
      const shown = displayPath(file);
      const [a, b] = path.isAbsolute(shown) ? [shown, shown] : [`a/${shown}`, `b/${shown}`];
      progress.clear();
      // The diff of the bytes that would be written, in the file's own encoding and line
      // breaks, split at 0x0A as patch(1) and git apply split: it applies to the file as it is.
      const diff = unifiedByteDiff(original.bytes, encodeText(outcome.text, original.encoding), { oldLabel: a, newLabel: b });
      if (output.outBytes) output.outBytes(diff);
      else output.out(Buffer.from(diff).toString('utf8'));
      if (original.encoding === 'gb18030') {
        output.err(`corpus-lens fix: the diff of ${shown} is in GB18030 like the file, so that it applies with patch or git apply; to read it: iconv -f GB18030 -t UTF-8\n`);
      } else if (!original.encoding.startsWith('utf-8')) {
        output.err(`corpus-lens fix: the diff of ${shown} has its lines in ${ENCODING_NAMES[original.encoding]} like the file (cut at the byte 0x0A, as patch and git apply cut them), so that it applies; it is not readable as text\n`);
      }
    } else {
      const root = logRootOf(file);
      try {
        checkFixLog(root);
      } catch (error) {
        if (!(error instanceof OutsideError)) throw error;
        problem(`${file}: not fixed: its edits could not be logged: ${error.message}`);
        refused++;
        continue;
      }
      try {
        writeFileAtomically(file, encodeText(outcome.text, original.encoding));
      } catch (error) {
        progress.clear();
        problems.fileFailed(error, file);
        continue;
      }
      if (noProject.has(file)) newLogs.set(root, (newLogs.get(root) ?? 0) + 1);
      try {
        appendFixLog(root, logRecords(file, outcome.edits, root));
      } catch (error) {
        problem(`${file} was fixed, but its edits could not be logged: ${fileError(error, path.join(root, FIX_LOG)).message}`);
      }
    }
    changed++;
    for (const e of outcome.edits) editsByRule.set(e.rule, (editsByRule.get(e.rule) ?? 0) + 1);
  }
  progress.clear();
  output.out(statText(stat));
  for (const [root, count] of newLogs) {
    output.err(`corpus-lens fix: ${plural(count, 'file')} in no project: edits logged in ${displayPath(path.join(root, FIX_LOG))}\n`);
  }
  const stats = { files: files.length - unreadable, changed, editsByRule, unapplied, needHuman, unreadable: unreadable + missing.length, refused };
  output.err(fixSummary({ ...stats, dryRun: options.dryRun }));
  return problems.exitCode(options.dryRun && changed > 0 ? EXIT_FINDINGS : 0);
}

/** The audit-log lines of one file's edits, the file named by its path below the project root. */
function logRecords(file: string, edits: PlacedEdit[], root: string): FixLogRecord[] {
  const time = new Date().toISOString();
  const name = projectPath(root, file);
  return edits.map((e) => ({ time, file: name, pass: e.pass, line: e.line, character: e.character, rule: e.rule, before: e.before, after: e.after, span: e.span }));
}

interface FixStats {
  /** The files read (unreadable ones are counted apart, as lint does). */
  files: number;
  changed: number;
  editsByRule: Map<string, number>;
  /** Rules of the safe fixes still offered after the last pass (they overlapped others). */
  unapplied: string[];
  /** The findings without a safe fix, as text lines. */
  needHuman: string[];
  /** Files (and missing inputs) that could not be read. */
  unreadable: number;
  /** Files left unfixed: their Han characters or their bytes would not be kept. */
  refused: number;
  dryRun: boolean;
}

function fixSummary(s: FixStats): string {
  const edits = [...s.editsByRule.values()].reduce((n, k) => n + k, 0);
  const lines = [
    `corpus-lens fix: ${s.changed} of ${plural(s.files, 'file')} ${s.dryRun ? 'would change' : 'changed'}, ` +
      `${plural(edits, 'edit')}${edits ? ` (${perRule(s.editsByRule)})` : ''}` +
      (s.refused ? `, ${s.refused} not fixed` : '') +
      (s.unreadable ? `, ${s.unreadable} unreadable` : ''),
  ];
  if (s.unapplied.length > 0) {
    const counts = new Map<string, number>();
    for (const rule of s.unapplied) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    lines.push(`corpus-lens fix: ${s.unapplied.length} safe fix${s.unapplied.length === 1 ? '' : 'es'} not applied, they overlap other fixes (${perRule(counts)}); run fix again`);
  }
  if (s.needHuman.length > 0) {
    lines.push(`corpus-lens fix: ${plural(s.needHuman.length, 'finding')} need${s.needHuman.length === 1 ? 's' : ''} a human${s.dryRun ? ' (positions after these fixes)' : ''}:`);
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
