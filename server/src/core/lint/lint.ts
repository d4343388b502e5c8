/**
 * Linting one analysed document: the enabled rules at their configured severities, without
 * the findings the user ignored, and the capped list the editor shows.
 */
import { DocumentAnalysis, RegionResult } from '../analysis';
import { Glossary } from '../glossary/matcher';
import { Issue, RULES, RegionFindings, RuleFailure, Severity, checkRegion, groupFileIssues, regionContext, severityRank } from '../rules/index';
import { capIssuesBy } from '../rules/cap';
import { Segmenter } from '../segmenter';
import { Span } from '../text';
import { LintConfig, enabledRules } from './config';
import { IgnoreList } from './ignore';

/** An issue with its severity resolved. */
export interface Finding extends Issue {
  severity: Severity;
}

export interface LintOptions {
  config: LintConfig;
  glossary?: Glossary | null;
  /** The user's ignored findings, and this document's path in the list. */
  ignore?: { list: IgnoreList; file: string };
  /**
   * Findings over these spans count as ignored too: the places that were ignored in the text
   * before a pass of fixes, moved to where they are now (see `corpus-lens fix`).
   */
  ignoredSpans?: Span[];
}

export interface LintResult {
  /** Every finding, in document order: what fix-all and the command line work on. */
  findings: Finding[];
  /** At most `maxProblems` findings plus a summary of the rest: what the editor shows. */
  shown: Finding[];
  ignored: number;
  /** Where the ignored findings are. Fixes of the other findings leave these spans alone. */
  ignoredSpans: Span[];
  /** Rules that threw on this document (their findings are missing). */
  failures: RuleFailure[];
}

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
  return severityRank(own) > severityRank(ruleDefault) ? own : configured;
}

export function lintDocument(analysis: DocumentAnalysis, segmenter: Segmenter, options: LintOptions): LintResult {
  const { config } = options;
  const glossary = options.glossary ?? null;
  const enabled = enabledRules(config);
  const signature = `${[...enabled].join(',')}|${config.spacing}`;
  const placed: Issue[] = [];
  const counts = new Map<string, number>();
  const failures = new Map<string, RuleFailure>();
  for (const { span, result } of analysis.regions) {
    const found = regionFindings(result, { segmenter, glossary, config, enabled, signature });
    for (const issue of found.issues) placed.push(shiftIssue(issue, span.start));
    for (const [rule, n] of found.counts) counts.set(rule, (counts.get(rule) ?? 0) + n);
    for (const failure of found.failures) if (!failures.has(failure.rule)) failures.set(failure.rule, failure);
  }
  const issues = groupFileIssues(placed, counts, analysis.profile);
  const listed = options.ignore ? options.ignore.list.ignoredIn(options.ignore.file, analysis.text, issues) : new Set<number>();
  const carried = options.ignoredSpans ?? [];
  const isIgnored = (issue: Issue, i: number) => listed.has(i) || carried.some((s) => overlaps(s, issue.span));
  const ignoredSpans = issues.filter(isIgnored).map((i) => i.span);
  const findings: Finding[] = issues
    .filter((issue, i) => !isIgnored(issue, i))
    .map((issue) => ({ ...withoutEditsIn(issue, ignoredSpans), severity: resolveSeverity(issue, config) }));
  const shown = capIssuesBy(findings, config.maxProblems, (f) => (f as Finding).severity ?? 'information') as Finding[];
  return { findings, shown, ignored: ignoredSpans.length, ignoredSpans, failures: [...failures.values()] };
}

interface RegionLintSetup {
  segmenter: Segmenter;
  glossary: Glossary | null;
  config: LintConfig;
  enabled: Set<string>;
  /** The enabled rules and options: a region's findings are kept as long as it stays the same. */
  signature: string;
}

/** What a region's findings were computed with, kept with the region's results. */
interface RegionLint {
  signature: string;
  segmenter: Segmenter;
  glossary: Glossary | null;
  findings: RegionFindings;
}

/** A region's findings, relative to its start: kept with the region while the setup is the same. */
function regionFindings(result: RegionResult, setup: RegionLintSetup): RegionFindings {
  const kept = result.lint as RegionLint | undefined;
  if (kept && kept.signature === setup.signature && kept.segmenter === setup.segmenter && kept.glossary === setup.glossary) return kept.findings;
  const context = regionContext(result, setup.segmenter, { spacing: setup.config.spacing }, setup.glossary);
  const findings = checkRegion(context, setup.enabled);
  const lint: RegionLint = { signature: setup.signature, segmenter: setup.segmenter, glossary: setup.glossary, findings };
  result.lint = lint;
  return findings;
}

function shiftIssue(issue: Issue, delta: number): Issue {
  if (delta === 0) return issue;
  const shift = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return { ...issue, span: shift(issue.span), fixes: issue.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ span: shift(e.span), newText: e.newText })) })) };
}

/** True when the spans share a character, or an empty one sits inside or at the edge of the other. */
function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * `issue` without the edits that touch an ignored place (a fix for the whole file also converts
 * the places the user chose to keep); a fix left without edits is dropped.
 */
function withoutEditsIn(issue: Issue, ignored: Span[]): Issue {
  if (ignored.length === 0) return issue;
  const fixes = issue.fixes
    .map((fix) => ({ ...fix, edits: fix.edits.filter((e) => !ignored.some((s) => overlaps(s, e.span))) }))
    .filter((fix) => fix.edits.length > 0);
  return { ...issue, fixes };
}
