/**
 * Findings as LSP diagnostics: the rule id is the diagnostic's code, the message is in the
 * client's display language, and the finding's index travels in `data` so a code action can
 * find it again.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Lang, say } from '../core/lint/json';
import { Finding } from '../core/lint/lint';
import { Severity } from '../core/rules/index';
import { LineIndex } from '../core/text';
import { SOURCE } from '../io/jsonFile';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  rule: string;
  start: number;
  end: number;
}

export function toDiagnostic(finding: Finding, index: LineIndex, lang: Lang): Diagnostic {
  const diagnostic = Diagnostic.create(index.rangeOf(finding.span), say(finding.message, lang), SEVERITIES[finding.severity], finding.rule, SOURCE);
  const data: DiagnosticData = { rule: finding.rule, start: finding.span.start, end: finding.span.end };
  diagnostic.data = data;
  return diagnostic;
}

export function toDiagnostics(findings: Finding[], index: LineIndex, lang: Lang): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, index, lang));
}

/** The code of a diagnostic that reports a failure of the server itself, not of the text. */
export const INTERNAL_ERROR = 'internal-error';

/**
 * A failure of the analysis (a bug), shown at the top of the document so that the user knows
 * why findings are missing; the server and the document's other features stay up.
 */
export function internalErrorDiagnostic(what: string, error: string, lang: Lang): Diagnostic {
  const message =
    lang === 'zh'
      ? `Corpus Lens 内部错误：${what}（${error}）。这是 Corpus Lens 的缺陷，请报告；其余功能照常。`
      : `Corpus Lens internal error: ${what} (${error}). This is a bug in Corpus Lens; please report it. Everything else still works.`;
  return Diagnostic.create({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, DiagnosticSeverity.Error, INTERNAL_ERROR, SOURCE);
}
