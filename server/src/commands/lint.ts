/**
 * corpus-lens lint: every finding of every file (not capped as in the editor), as text, the
 * stable JSON of design §3, or SARIF. Exit 1 when a finding is at or above --fail-on.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Lang } from '../core/lint/json';
import { RULES, SEVERITIES, Severity } from '../core/rules/index';
import { CommandOptions, EXIT_FINDINGS, Output, RunProblems, cliProjects, collectInputs, findingLine, localeLang, plural } from './common';
import { LintOutcome, LintedFile, lintOneFile } from './lintFile';
import { lintInWorkers } from './lintPool';
import { Progress } from './progress';
import { sarifLog } from './sarif';


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

/** Below this much text in all, worker threads would cost more to start than they save. */
const PARALLEL_MIN_BYTES = 1 << 20;

export async function runLint(options: CommandOptions, output: Output): Promise<number> {
  const lang = options.lang ?? localeLang();
  const { files, missing } = collectInputs(options.inputs, output);
  const unreadable = [...missing];
  const tally = new SummaryTally();
  const problems = new RunProblems(output, missing.length);
  const progress = new Progress(output, files.length);
  const writer = lintWriter(options, output, lang);
  let atThreshold = false;
  const take = (i: number, outcome: LintOutcome) => {
    progress.clear();
    if ('error' in outcome) {
      problems.report(outcome.error);
      unreadable.push(files[i]);
    } else {
      const { linted, ignored, failures } = outcome;
      tally.add(linted, ignored);
      atThreshold ||= linted.diagnostics.some((d) => atOrAbove(d.severity, options.failOn));
      writer.file(linted);
      if (failures.length > 0) problems.rulesFailed(linted.file, failures);
    }
    if (i + 1 < files.length) progress.show(i + 1, files[i + 1]);
  };
  const jobs = Math.min(options.jobs ?? os.availableParallelism(), files.length);
  if (jobs > 1 && totalBytes(files) >= PARALLEL_MIN_BYTES) {
    if (files.length > 0) progress.show(0, files[0]);
    await lintInWorkers(files, options, lang, jobs, output, take);
  } else {
    const projects = cliProjects(options, output);
    for (const [i, file] of files.entries()) {
      progress.show(i, file);
      take(i, lintOneFile(projects, file, lang));
    }
  }
  progress.clear();
  writer.end(tally.summary(unreadable));
  return problems.exitCode(atThreshold ? EXIT_FINDINGS : 0);
}

function totalBytes(files: string[]): number {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.statSync(file).size;
    } catch {
      // Unreadable files are reported when they are read.
    }
  }
  return bytes;
}

/** Writes the files' findings as they are linted, so that no output of all files is held at once. */
interface LintWriter {
  file(linted: LintedFile): void;
  end(summary: LintSummary): void;
}

/** Diagnostics serialised at once, at most: a file with a million findings is written in pieces. */
const BATCH = 2000;

function lintWriter(options: CommandOptions, output: Output, lang: Lang): LintWriter {
  if (options.format === 'sarif' || (options.format === 'json' && options.pretty)) {
    // SARIF is one log, pretty JSON one object: both are built whole.
    const all: LintedFile[] = [];
    return {
      file: (linted) => all.push(linted),
      end: (summary) => {
        const data = options.format === 'sarif' ? sarifLog(all, lang, summary.unreadable.map((f) => `${f}: unreadable`)) : { files: all, summary };
        output.out(JSON.stringify(data, null, 2) + '\n');
      },
    };
  }
  if (options.format === 'json') {
    output.out('{"files":[');
    let first = true;
    return {
      file: ({ file, encoding, diagnostics }) => {
        output.out(`${first ? '' : ','}{"file":${JSON.stringify(file)},"encoding":${JSON.stringify(encoding)},"diagnostics":[`);
        for (let k = 0; k < diagnostics.length; k += BATCH) output.out((k > 0 ? ',' : '') + diagnostics.slice(k, k + BATCH).map((d) => JSON.stringify(d)).join(','));
        output.out(']}');
        first = false;
      },
      end: (summary) => output.out(`],"summary":${JSON.stringify(summary)}}\n`),
    };
  }
  const listHints = options.failOn === 'hint';
  return {
    file: ({ file, diagnostics }) => {
      for (let k = 0; k < diagnostics.length; k += BATCH) {
        const lines = diagnostics.slice(k, k + BATCH).filter((d) => listHints || d.severity !== 'hint');
        if (lines.length > 0) output.out(lines.map((d) => findingLine(file, d)).join('\n') + '\n');
      }
    },
    end: (summary) => {
      const lines = [summaryLine(summary)];
      if (!listHints && summary.bySeverity.hint > 0) lines.push('(hints are places of a problem reported once for the file; --fail-on hint or --format json lists them)');
      output.out(lines.join('\n') + '\n');
    },
  };
}

/** The counts of the summary, added up file by file. */
class SummaryTally {
  private files = 0;
  private findings = 0;
  private ignored = 0;
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  private readonly byRule = new Map<string, number>();

  add(linted: LintedFile, ignored: number): void {
    this.files++;
    this.ignored += ignored;
    for (const d of linted.diagnostics) {
      this.findings++;
      this.bySeverity[d.severity]++;
      this.byRule.set(d.rule, (this.byRule.get(d.rule) ?? 0) + 1);
    }
  }

  summary(unreadable: string[]): LintSummary {
    const byRule: Record<string, number> = {};
    for (const rule of RULES) if (this.byRule.has(rule.id)) byRule[rule.id] = this.byRule.get(rule.id)!;
    return { files: this.files, findings: this.findings, bySeverity: { ...this.bySeverity }, byRule, ignored: this.ignored, unreadable };
  }
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
