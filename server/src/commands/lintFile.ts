/**
 * The lint of one file, as the command line reports it: the same in the main thread and in a
 * worker (whose outcome crosses threads, so it holds data only).
 */
import { DiagnosticJson, Lang, diagnosticsJson } from '../core/lint/json';
import { RuleFailure } from '../core/rules/index';
import { EncodingName } from '../core/encoding';
import { LineIndex } from '../core/text';
import { readCorpusFile } from '../io/files';
import { Projects } from '../workspace/projects';
import { FileError, fileError } from './common';

export interface LintedFile {
  file: string;
  encoding: EncodingName;
  diagnostics: DiagnosticJson[];
}

export type LintOutcome = { linted: LintedFile; ignored: number; failures: RuleFailure[] } | { error: FileError };

export function lintOneFile(projects: Projects, file: string, lang: Lang): LintOutcome {
  try {
    const { text, encoding } = readCorpusFile(file);
    const project = projects.of(file);
    const result = project.lint(project.analyze(text), file);
    return { linted: { file, encoding, diagnostics: diagnosticsJson(result.findings, new LineIndex(text), lang) }, ignored: result.ignored, failures: result.failures };
  } catch (error) {
    return { error: fileError(error, file) };
  }
}
