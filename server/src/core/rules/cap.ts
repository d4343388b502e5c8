/**
 * Caps the findings of one document, so that a badly damaged file does not flood the editor:
 * the most severe come first, then by position; what is cut is summed up in one issue.
 */
import { Issue, Severity, severityRank } from './types';
import { message } from './util';


/**
 * Keeps the first `max` issues by severity then position (returned in document order) and,
 * when some are cut, adds one summary issue: the rule id of the most frequent cut rule, at the
 * first cut issue's place, with the message "N more findings not shown".
 * `severityOf` resolves an issue's severity; the registry's `capIssues` uses the rule defaults.
 */
export function capIssuesBy(issues: Issue[], max: number, severityOf: (issue: Issue) => Severity): Issue[] {
  if (issues.length <= max) return [...issues].sort(byPosition);
  const ranked = issues
    .map((issue, index) => ({ issue, index, rank: severityRank(severityOf(issue)) }))
    .sort((a, b) => a.rank - b.rank || a.issue.span.start - b.issue.span.start || a.issue.span.end - b.issue.span.end || a.index - b.index);
  const kept = ranked.slice(0, Math.max(0, max)).map((r) => r.issue);
  const cut = ranked.slice(Math.max(0, max)).map((r) => r.issue);
  const counts = new Map<string, number>();
  for (const issue of cut) counts.set(issue.rule, (counts.get(issue.rule) ?? 0) + 1);
  let rule = cut[0].rule;
  for (const [id, n] of counts) if (n > (counts.get(rule) ?? 0)) rule = id;
  const first = [...cut].sort(byPosition)[0];
  const n = cut.length;
  const summary: Issue = {
    rule,
    span: { start: first.span.start, end: first.span.start },
    message: message(`还有 ${n} 条结果未显示`, `${n} more findings not shown`),
    fixes: [],
    severity: 'information',
  };
  return [...kept.sort(byPosition), summary];
}

function byPosition(a: Issue, b: Issue): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}
