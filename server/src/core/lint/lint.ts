/**
 * Linting one analysed document: the enabled rules at their configured severities, without
 * the findings the user ignored, and the capped list the editor shows.
 */
import { DocumentAnalysis } from '../analysis';
import { Glossary } from '../glossary/matcher';
import { Issue, RULES, RuleFailure, Severity, ruleContext, runRules, severityRank } from '../rules/index';
import { capIssuesBy } from '../rules/cap';
import { Segmenter } from '../segmenter';
import { Span } from '../text';
import { markupProfile, touchesBreak } from '../markup';
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
  const context = ruleContext(analysis, segmenter, { spacing: config.spacing }, options.glossary ?? null);
  const failures: RuleFailure[] = [];
  const issues = withoutDamagedMarks(analysis.parsed.text, withoutMarkupJoins(analysis.parsed.text, runRules(context, enabledRules(config), failures)));
  const listed = options.ignore ? options.ignore.list.ignoredIn(options.ignore.file, analysis.parsed.text, issues) : new Set<number>();
  const carried = options.ignoredSpans ?? [];
  const isIgnored = (issue: Issue, i: number) => listed.has(i) || carried.some((s) => overlaps(s, issue.span));
  const ignoredSpans = issues.filter(isIgnored).map((i) => i.span);
  const findings: Finding[] = issues
    .filter((issue, i) => !isIgnored(issue, i))
    .map((issue) => ({ ...withoutEditsIn(issue, ignoredSpans), severity: resolveSeverity(issue, config) }));
  const shown = capIssuesBy(findings, config.maxProblems, (f) => (f as Finding).severity ?? 'information') as Finding[];
  return { findings, shown, ignored: ignoredSpans.length, ignoredSpans, failures };
}

/** Rules that join lines: never across a line break of markup (see markup.ts). */
const JOINING_RULES = new Set(['broken-line', 'split-paragraph']);

/** `issues` without the joins of a tag line to its neighbours, in a markup-like text. */
function withoutMarkupJoins(text: string, issues: Issue[]): Issue[] {
  if (!issues.some((i) => JOINING_RULES.has(i.rule))) return issues;
  const markup = markupProfile(text);
  if (!markup) return issues;
  return issues
    .filter((issue) => !(JOINING_RULES.has(issue.rule) && touchesBreak(markup.breaks, issue.span)))
    .map((issue) => {
      if (!JOINING_RULES.has(issue.rule)) return issue;
      // A fix for the whole file groups the per-place joins: it loses those at markup too.
      const fixes = issue.fixes
        .map((fix) => ({ ...fix, edits: fix.edits.filter((e) => !touchesBreak(markup.breaks, e.span)) }))
        .filter((fix) => fix.edits.length > 0);
      return fixes.length === issue.fixes.length && fixes.every((f, k) => f.edits.length === issue.fixes[k].edits.length) ? issue : { ...issue, fixes };
    });
}

/**
 * `issues` without halfwidth-punctuation's ? where it touches mojibake: a ? left by encoding
 * damage (inside or next to a run of meaningless characters) is a lost character, not a
 * question mark to make full-width.
 */
function withoutDamagedMarks(text: string, issues: Issue[]): Issue[] {
  const damage = issues.filter((i) => i.rule === 'mojibake').map((i) => ({ start: i.span.start - 1, end: i.span.end + 1 }));
  if (damage.length === 0) return issues;
  damage.sort((a, b) => a.start - b.start);
  const damaged = (span: Span) => text.slice(span.start, span.end) === '?' && touchesBreak(damage, span);
  return issues
    .filter((issue) => !(issue.rule === 'halfwidth-punctuation' && damaged(issue.span)))
    .map((issue) => {
      if (issue.rule !== 'halfwidth-punctuation' || !issue.fixes.some((f) => f.edits.some((e) => damaged(e.span)))) return issue;
      const fixes = issue.fixes.map((fix) => ({ ...fix, edits: fix.edits.filter((e) => !damaged(e.span)) })).filter((fix) => fix.edits.length > 0);
      return { ...issue, fixes };
    });
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
