/**
 * Linting one analysed document: the enabled rules at their configured severities, without
 * the findings the user ignored, and the capped list the editor shows.
 */
import { DocumentAnalysis } from '../analysis';
import { Glossary } from '../glossary/matcher';
import { Issue, RULES, Severity, ruleContext, runRules } from '../rules/index';
import { capIssuesBy } from '../rules/cap';
import { Segmenter } from '../segmenter';
import { Span } from '../text';
import { LintConfig, enabledRules } from './config';

/** An issue with its severity resolved. */
export interface Finding extends Issue {
  severity: Severity;
}

export interface LintOptions {
  config: LintConfig;
  glossary?: Glossary | null;
  /** True for a finding the user chose to ignore. */
  isIgnored?: (rule: string, span: Span) => boolean;
}

export interface LintResult {
  /** Every finding, in document order: what fix-all and the command line work on. */
  findings: Finding[];
  /** At most `maxProblems` findings plus a summary of the rest: what the editor shows. */
  shown: Finding[];
  ignored: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
const DEFAULTS = new Map(RULES.map((r) => [r.id, r.defaultSeverity]));

/**
 * The configured severity replaces the rule's default. An issue that a rule marks below its
 * default (the per-place hints of a problem reported once for the whole file) stays below.
 */
export function resolveSeverity(issue: Issue, config: LintConfig): Severity {
  const ruleDefault = DEFAULTS.get(issue.rule) ?? 'warning';
  const own = issue.severity ?? ruleDefault;
  const configured = config.rules[issue.rule];
  if (!configured || configured === 'off') return own;
  return RANK[own] > RANK[ruleDefault] ? own : configured;
}

export function lintDocument(analysis: DocumentAnalysis, segmenter: Segmenter, options: LintOptions): LintResult {
  const { config } = options;
  const context = ruleContext(analysis, segmenter, { spacing: config.spacing }, options.glossary ?? null);
  let ignored = 0;
  const findings: Finding[] = [];
  for (const issue of runRules(context, enabledRules(config))) {
    if (options.isIgnored?.(issue.rule, issue.span)) ignored++;
    else findings.push({ ...issue, severity: resolveSeverity(issue, config) });
  }
  const shown = capIssuesBy(findings, config.maxProblems, (f) => (f as Finding).severity ?? 'information') as Finding[];
  return { findings, shown, ignored };
}
