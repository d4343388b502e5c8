/**
 * The rule registry. Settings, the README rule table and the CLI's --rules list are generated
 * from or checked against `RULES`, so they cannot drift.
 */
import { DocumentAnalysis, RegionResult } from '../analysis';
import { LayoutProfile } from '../parse';
import { Glossary } from '../glossary/matcher';
import { breaksSurrogates } from '../fixes';
import { Segmenter, withWords } from '../segmenter';
import { brokenLine } from './brokenLine';
import { capIssuesBy } from './cap';
import { cjkSpace } from './cjkSpace';
import { duplicateText } from './duplicateText';
import { emptyArticle } from './emptyArticle';
import { fullwidthAlnum } from './fullwidthAlnum';
import { halfwidthPunctuation } from './halfwidthPunctuation';
import { mixedScript } from './mixedScript';
import { mojibake } from './mojibake';
import { ocrConfusion } from './ocrConfusion';
import { pageResidue } from './pageResidue';
import { sloganVariant } from './sloganVariant';
import { splitParagraph } from './splitParagraph';
import { strayLatin } from './strayLatin';
import { Issue, Rule, RuleContext, RuleOptions, Severity } from './types';
import { makeFileIssue } from './util';
import { unbalancedPair } from './unbalancedPair';

export * from './types';

/** Every rule, in the order of the documentation table. */
export const RULES: Rule[] = [
  brokenLine,
  splitParagraph,
  cjkSpace,
  halfwidthPunctuation,
  fullwidthAlnum,
  strayLatin,
  duplicateText,
  unbalancedPair,
  pageResidue,
  mojibake,
  sloganVariant,
  emptyArticle,
  ocrConfusion,
  mixedScript,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = { spacing: 'newspaper' };

/** The context the rules read over a whole document analysis (for tests and tools). */
export function ruleContext(
  analysis: DocumentAnalysis,
  segmenter: Segmenter,
  options: Partial<RuleOptions> = {},
  glossary: Glossary | null = null,
): RuleContext {
  return { text: analysis.parsed.text, parsed: analysis.parsed, articles: analysis.articles, segmenter, options: { ...DEFAULT_RULE_OPTIONS, ...options }, glossary };
}

/** The context the rules read in one region: the region's text, structure and words. */
export function regionContext(region: RegionResult, segmenter: Segmenter, options: Partial<RuleOptions> = {}, glossary: Glossary | null = null): RuleContext {
  return {
    text: region.parsed.text,
    parsed: region.parsed,
    articles: region.articles,
    segmenter: withWords(segmenter, region.words),
    options: { ...DEFAULT_RULE_OPTIONS, ...options },
    glossary,
  };
}

/** An issue's severity: its own, else its rule's default. */
export function severityOf(issue: Issue): Severity {
  return issue.severity ?? ruleById(issue.rule)?.defaultSeverity ?? 'warning';
}

/** A rule that threw on a document: its findings are missing, the other rules' are not. */
export interface RuleFailure {
  rule: string;
  error: string;
}

/**
 * Runs the enabled rules (all when `enabled` is omitted) and returns their issues by position.
 * A rule that throws is left out and recorded in `failures`, so one bug never hides the rest.
 */
export function runRules(context: RuleContext, enabled?: Set<string>, failures: RuleFailure[] = []): Issue[] {
  const issues: Issue[] = [];
  for (const rule of RULES) {
    if (enabled && !enabled.has(rule.id)) continue;
    let found: Issue[];
    try {
      found = rule.check(context);
    } catch (error) {
      failures.push({ rule: rule.id, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const issue of found) {
      // A fix that would cut or join surrogate halves is no fix (see breaksSurrogates).
      if (issue.fixes.some((f) => f.edits.some((e) => breaksSurrogates(context.text, e)))) {
        issue.fixes = issue.fixes.filter((f) => !f.edits.some((e) => breaksSurrogates(context.text, e)));
      }
      issues.push(issue);
    }
  }
  return issues.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

/** A region's findings, and what the file groups of the rules need counted there. */
export interface RegionFindings {
  issues: Issue[];
  counts: Map<string, number>;
  failures: RuleFailure[];
}

export function checkRegion(context: RuleContext, enabled?: Set<string>): RegionFindings {
  const failures: RuleFailure[] = [];
  const issues = runRules(context, enabled, failures);
  const counts = new Map<string, number>();
  for (const rule of RULES) {
    if (!rule.group?.count || (enabled && !enabled.has(rule.id))) continue;
    try {
      counts.set(rule.id, rule.group.count(context));
    } catch (error) {
      failures.push({ rule: rule.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { issues, counts, failures };
}

/**
 * The issues of a whole document (in document order) with the findings for the file added
 * where a rule's problem runs through it, and that rule's places turned into hints.
 */
export function groupFileIssues(issues: Issue[], counts: Map<string, number>, profile: LayoutProfile): Issue[] {
  const places = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (!BY_ID.get(issue.rule)?.group) continue;
    let list = places.get(issue.rule);
    if (!list) places.set(issue.rule, (list = []));
    list.push(issue);
  }
  const grouped = new Set<string>();
  const fileIssues: Issue[] = [];
  for (const [id, list] of places) {
    const group = BY_ID.get(id)!.group!;
    const count = counts.get(id) ?? 0;
    if (!group.applies(list.length, count, profile)) continue;
    grouped.add(id);
    fileIssues.push(makeFileIssue(id, list[0].span, group.message(list.length, count, profile), []));
  }
  if (grouped.size === 0) return issues;
  const result = issues.map((issue) => (grouped.has(issue.rule) ? { ...issue, severity: 'hint' as const } : issue));
  for (const fileIssue of fileIssues) {
    const at = result.findIndex((i) => i.rule === fileIssue.rule);
    result.splice(at, 0, fileIssue);
  }
  return result;
}

/**
 * Keeps the first `max` issues by severity then position and adds one summary issue
 * ("N more findings not shown") under the most frequent cut rule. See `cap.ts`.
 */
export function capIssues(issues: Issue[], max: number): Issue[] {
  return capIssuesBy(issues, max, severityOf);
}
