/**
 * corpus-lens lint: every finding of every file (not capped as in the editor), as text, the
 * stable JSON of design §3, or SARIF. Exit 1 when a finding is at or above --fail-on.
 */
import { DiagnosticJson, diagnosticsJson } from '../core/lint/json';
import { RULES, SEVERITIES, Severity } from '../core/rules/index';
import { EncodingName } from '../core/encoding';
import { LineIndex } from '../core/text';
import { readCorpusFile } from '../io/files';
import { CommandOptions, EXIT_FINDINGS, Output, RunProblems, collectInputs, findingLine, localeLang, plural } from './common';
import { LintSetup } from './lintSetup';
import { Progress } from './progress';
import { sarifLog } from './sarif';


export interface LintedFile {
  file: string;
  encoding: EncodingName;
  diagnostics: DiagnosticJson[];
}

export interface LintSummary {
  files: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  /** Findings per rule, for the rules that have any, in registry order. */
  byRule: Record<string, number>;
  /** Findings left out because the project's ignore.json lists them. */
  ignored: number;
  /** Inputs that could not be read (missing, binary, undecodable). */
  unreadable: string[];
}

/** True when `severity` is at or above `threshold` (error is the highest). */
export function atOrAbove(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

export function runLint(options: CommandOptions, output: Output): number {
  const lang = options.lang ?? localeLang();
  const setup = new LintSetup(options, output);
  const { files, missing } = collectInputs(options.inputs, output);
  const unreadable = [...missing];
  const linted: LintedFile[] = [];
  let ignored = 0;
  const problems = new RunProblems(output, missing.length);
  const progress = new Progress(output, files.length);
  for (const [i, file] of files.entries()) {
    progress.show(i, file);
    try {
      const { text, encoding } = readCorpusFile(file);
      const result = setup.lint(file, text);
      ignored += result.ignored;
      linted.push({ file, encoding, diagnostics: diagnosticsJson(result.findings, new LineIndex(text), lang) });
      if (result.failures.length > 0) {
        progress.clear();
        problems.rulesFailed(file, result.failures);
      }
    } catch (error) {
      progress.clear();
      problems.fileFailed(error, file);
      unreadable.push(file);
    }
  }
  progress.clear();
  const summary = summarize(linted, ignored, unreadable);
  if (options.format === 'json') output.out(JSON.stringify({ files: linted, summary }, null, 2) + '\n');
  else if (options.format === 'sarif') output.out(JSON.stringify(sarifLog(linted, lang, unreadable.map((f) => `${f}: unreadable`)), null, 2) + '\n');
  else output.out(lintText(linted, summary, options.failOn === 'hint'));
  const findings = linted.some((f) => f.diagnostics.some((d) => atOrAbove(d.severity, options.failOn)));
  return problems.exitCode(findings ? EXIT_FINDINGS : 0);
}

export function summarize(files: LintedFile[], ignored: number, unreadable: string[]): LintSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const counts = new Map<string, number>();
  let findings = 0;
  for (const d of files.flatMap((f) => f.diagnostics)) {
    findings++;
    bySeverity[d.severity]++;
    counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  }
  const byRule: Record<string, number> = {};
  for (const rule of RULES) if (counts.has(rule.id)) byRule[rule.id] = counts.get(rule.id)!;
  return { files: files.length, findings, bySeverity, byRule, ignored, unreadable };
}

/**
 * `path:line:col: severity [rule] message` per finding (1-based), then one summary line.
 * Hints — the per-place markers of a problem reported once for the whole file — are counted
 * but listed only when asked for (`--fail-on hint`); the JSON and SARIF always have them.
 */
export function lintText(files: LintedFile[], summary: LintSummary, listHints = false): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of files) {
    for (const d of diagnostics) {
      if (d.severity === 'hint' && !listHints) continue;
      lines.push(findingLine(file, d));
    }
  }
  lines.push(summaryLine(summary));
  if (!listHints && summary.bySeverity.hint > 0) lines.push('(hints are places of a problem reported once for the file; --fail-on hint or --format json lists them)');
  return lines.join('\n') + '\n';
}

/** `N files, …, K unreadable`: N counts the files read, as fix's summary does; K the others. */
function summaryLine(s: LintSummary): string {
  const parts = [plural(s.files, 'file')];
  if (s.findings === 0) parts.push('no findings');
  else {
    const bySeverity = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => (sev === 'information' ? `${s.bySeverity[sev]} information` : plural(s.bySeverity[sev], sev)));
    parts.push(`${plural(s.findings, 'finding')} (${bySeverity.join(', ')})`);
  }
  if (s.ignored > 0) parts.push(`${s.ignored} ignored`);
  if (s.unreadable.length > 0) parts.push(`${s.unreadable.length} unreadable`);
  return parts.join(', ');
}
