/**
 * Findings in the stable JSON shape of `corpus-lens lint --format json` (design §3), in one
 * of the two message languages.
 */
import { Message, Severity } from '../rules/index';
import { LineIndex, Range } from '../text';
import { Lang, say } from '../l10n';
import { Finding } from './lint';

export { inLang, langOf, say } from '../l10n';
export type { Lang } from '../l10n';

export interface DiagnosticJson {
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  fixes: { title: string; safe: boolean; edits: { range: Range; newText: string }[] }[];
}

export function diagnosticsJson(findings: Finding[], index: LineIndex, lang: Lang): DiagnosticJson[] {
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    range: index.rangeOf(f.span),
    message: say(f.message, lang),
    fixes: f.fixes.map((fix) => ({
      title: say(fix.title, lang),
      safe: fix.safe,
      edits: fix.edits.map((e) => ({ range: index.rangeOf(e.span), newText: e.newText })),
    })),
  }));
}
