/**
 * What the command-line commands share: options, output, errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Diagnostic } from 'vscode-languageserver';
import { DiagnosticJson, Lang, langOf } from '../core/lint/json';
import { RuleFailure, Severity, SpacingProfile } from '../core/rules/index';
import { DEFAULT_LINT_CONFIG } from '../core/lint/config';
import { Segmenter } from '../core/segmenter';
import { CORPUS_EXTENSIONS, InputError, collectFiles } from '../io/files';
import { SegmenterPreference, chooseSegmenter } from '../segment';
import { ProjectSettings } from '../workspace/project';
import { Projects } from '../workspace/projects';

export class UsageError extends Error {}

export interface CommandOptions {
  inputs: string[];
  /** sarif is for lint only. */
  format: 'json' | 'text' | 'sarif';
  segmenter: SegmenterPreference;
  glossaries: string[];
  /** lint: exit 1 when a finding is at or above this severity. */
  failOn: Severity | 'none';
  /** lint, fix: only these rules run (all enabled ones when null). */
  rules: string[] | null;
  /** lint, fix: overrides the project's spacing profile. */
  spacing: SpacingProfile | null;
  /** lint, fix: message language; from the locale when null. */
  lang: Lang | null;
  /** fix: print a diff instead of writing. */
  dryRun: boolean;
  /** fix --dry-run: the unified line diff (for patch), a word-level view (for people) or counts per file and rule. */
  dryRunView: 'diff' | 'word-diff' | 'stat';
  /** JSON output indented for people (compact, one file at a time, otherwise). */
  pretty: boolean;
  /** lint: worker threads across files; the cores when null. */
  jobs?: number | null;
}

export interface Output {
  out(text: string): void;
  /** Bytes as they are (a diff in a file's own encoding); `out` of their UTF-8 reading where missing. */
  outBytes?(bytes: Uint8Array): void;
  err(text: string): void;
  /** True when `err` goes to a terminal (progress bars are drawn only then). */
  errIsTTY?: boolean;
}

/** The message language of the locale, as POSIX ranks the variables: LC_ALL, LC_MESSAGES, LANG. */
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * The corpus files of each input (a folder is searched recursively). A missing input is
 * reported on stderr and the others go on; so is a folder without corpus files (no error).
 */
export function collectInputs(inputs: string[], output: Output): { files: string[]; missing: string[]; folderOf: Map<string, string> } {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  /** The folder named on the command line that each file was found in (none for a file named itself). */
  const folderOf = new Map<string, string>();
  for (const input of inputs) {
    try {
      const found = collectFiles([input]);
      const isFolder = fs.statSync(input).isDirectory();
      if (found.length === 0) output.err(`corpus-lens: ${input}: no corpus files (${CORPUS_EXTENSIONS.map((e) => `*${e}`).join(', ')}) in this folder\n`);
      // A file named twice (itself and in its folder) is done once.
      for (const file of found) {
        if (seen.has(path.resolve(file))) continue;
        seen.add(path.resolve(file));
        files.push(file);
        if (isFolder) folderOf.set(file, input);
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      output.err(`corpus-lens: ${error.message}\n`);
      missing.push(input);
    }
  }
  return { files, missing, folderOf };
}

/** Exit codes: findings (lint) or changes to make (fix --dry-run); usage or input errors; a bug. */
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;
/** The tool itself failed on some input: distinct from findings, so CI never mistakes one for the other. */
export const EXIT_INTERNAL = 3;

export interface FileError {
  message: string;
  /** True for a bug in corpus-lens (an exception that is no input or system error). */
  internal: boolean;
}

/**
 * The message for an error while handling `file`: an InputError's own, the system's
 * (permission denied …), or, for anything else, an internal error named as such.
 */
export function fileError(error: unknown, file: string): FileError {
  if (error instanceof InputError) return { message: error.message, internal: false };
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') return { message: `${file}: ${error.message}`, internal: false };
  return internalFileError(error instanceof Error ? error.message : String(error), file);
}

/** A bug met while handling `file`, which was skipped. */
export function internalFileError(detail: string, file: string): FileError {
  return { message: `${file}: internal error, the file was skipped: ${detail} (a bug in corpus-lens; please report it)`, internal: true };
}

/**
 * What went wrong in a run over many files, reported as it happens; the run goes on with the
 * other files and its exit code says the worst that happened.
 */
export class RunProblems {
  internal = false;
  input = false;

  constructor(private readonly output: Output, missingInputs = 0) {
    this.input = missingInputs > 0;
  }

  /** An error while handling `file` (reported; the caller skips the file). */
  fileFailed(error: unknown, file: string): void {
    this.report(fileError(error, file));
  }

  report(problem: FileError): void {
    this.output.err(`corpus-lens: ${problem.message}\n`);
    if (problem.internal) this.internal = true;
    else this.input = true;
  }

  /** Rules that threw on `file`: their findings are missing, the others are there. */
  rulesFailed(file: string, failures: readonly RuleFailure[]): void {
    for (const f of failures) {
      this.output.err(`corpus-lens: ${file}: internal error in rule ${f.rule}, its findings are missing: ${f.error} (a bug in corpus-lens; please report it)\n`);
      this.internal = true;
    }
  }

  /** A bug wins over input errors, which win over `otherwise`. */
  exitCode(otherwise: number): number {
    if (this.internal) return EXIT_INTERNAL;
    if (this.input) return EXIT_INPUT;
    return otherwise;
  }
}

/** A path for messages: relative to the current folder when inside it, with forward slashes. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : path.resolve(file);
}

/** `1 file`, `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A finding as a line of text: `path:line:col: severity [rule] message`, 1-based. */
export function findingLine(file: string, d: DiagnosticJson): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} [${d.rule}] ${d.message}`;
}

/** Prints the problems found in a project file (a glossary, config.json …) as `file:line:col: message`. */
export function reportFileProblems(report: { file: string; diagnostics: Diagnostic[] } | null, output: Output): void {
  if (!report) return;
  for (const d of report.diagnostics) {
    output.err(`${path.relative(process.cwd(), report.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}\n`);
  }
}

/**
 * The projects of the files a command reads, as the editor reads them: each file's project is
 * the nearest folder at or above it with a .corpus-lens folder (its config.json, ignore.json and
 * glossary.json), with the command-line flags on top and the --glossary files read after the
 * project's glossary. The segmenter is loaded when first needed; problems in project files and
 * a segmenter's fallback are reported on stderr once.
 */
export function cliProjects(options: CommandOptions, output: Output): Projects {
  let segmenter: Segmenter | null = null;
  const loadSegmenter = () => {
    if (!segmenter) {
      const choice = chooseSegmenter(options.segmenter);
      if (choice.fallbackReason) output.err(`corpus-lens: ${choice.fallbackReason}\n`);
      segmenter = choice.segmenter;
    }
    return segmenter;
  };
  const settings: ProjectSettings = {
    lint: DEFAULT_LINT_CONFIG,
    flags: { rules: options.rules, spacing: options.spacing },
    glossaries: options.glossaries.map((g) => path.resolve(g)),
  };
  const said = new Set<string>();
  return new Projects(settings, loadSegmenter, [], (project) => {
    for (const warning of project.loaded.warnings) {
      if (!said.has(warning)) output.err(`corpus-lens: ${warning}\n`);
      said.add(warning);
    }
    for (const report of project.reports) {
      if (!said.has(report.file)) reportFileProblems(report, output);
      said.add(report.file);
    }
  });
}
