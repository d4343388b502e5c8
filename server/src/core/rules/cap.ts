/**
 * Caps the findings of one document, so that a badly damaged file does not flood the editor:
 * the most severe are kept first, and where a severity does not fit whole, the findings of it
 * that are kept are spread evenly over the document (not just its first pages). What is cut is
 * summed up per rule, in one finding at the first cut place of that rule.
 */
import { Issue, SEVERITIES, Severity, severityRank } from './types';
import { L } from '../l10n';

/** Which findings the cap keeps, given how many there are of each severity (by rank). */
export interface CapPlan {
  /** Keep the `index`-th finding (in document order) of severity rank `rank`? */
  keeps(rank: number, index: number): boolean;
  /** How many of the findings [from, to) of rank `rank` are kept. */
  kept(rank: number, from: number, to: number): number;
}

export function capPlan(counts: readonly number[], max: number): CapPlan {
  let room = Math.max(0, max);
  const share = counts.map((n) => {
    const kept = Math.min(n, room);
    room -= kept;
    return kept;
  });
  return {
    keeps(rank, index) {
      const n = counts[rank];
      const k = share[rank];
      if (k >= n) return true;
      // The k kept of n: those where the running share steps up, evenly spread.
      return Math.floor(((index + 1) * k) / n) > Math.floor((index * k) / n);
    },
    kept(rank, from, to) {
      const n = counts[rank];
      const k = share[rank];
      if (k >= n) return to - from;
      return Math.floor((to * k) / n) - Math.floor((from * k) / n);
    },
  };
}

/** The findings of a severity-resolved list that the cap keeps, with a summary per rule of the rest. */
export function capFindings<T extends Issue & { severity: Severity }>(findings: readonly T[], max: number): T[] {
  if (findings.length <= max) return [...findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const counts = SEVERITIES.map(() => 0);
  for (const f of findings) counts[severityRank(f.severity)]++;
  const plan = capPlan(counts, max);
  const seen = SEVERITIES.map(() => 0);
  const kept: T[] = [];
  const cut = new Map<string, { count: number; first: T }>();
  for (const f of findings) {
    const rank = severityRank(f.severity);
    if (plan.keeps(rank, seen[rank]++)) kept.push(f);
    else {
      const c = cut.get(f.rule);
      if (c) c.count++;
      else cut.set(f.rule, { count: 1, first: f });
    }
  }
  return withSummaries(kept, cut);
}

/** `kept` (in document order) with one summary for each rule's cut findings, in place. */
export function withSummaries<T extends Issue & { severity: Severity }>(kept: T[], cut: Map<string, { count: number; first: T }>): T[] {
  const summaries = [...cut.entries()].map(
    ([rule, { count, first }]) =>
      ({
        rule,
        span: { start: first.span.start, end: first.span.start },
        message: L.notShown(count, rule),
        fixes: [],
        severity: 'information',
        summary: true,
      }) as Issue as T,
  );
  return [...kept, ...summaries].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** The cap with the rules' default severities (for tools that have no configuration). */
export function capIssuesBy(issues: Issue[], max: number, severityOf: (issue: Issue) => Severity): Issue[] {
  return capFindings(
    issues.map((issue) => ({ ...issue, severity: severityOf(issue) })),
    max,
  );
}
