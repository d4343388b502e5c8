/**
 * Caps the findings of one document, so that a badly damaged file does not flood the editor.
 * When the editor says where the user is looking (a focus: the visible ranges, or the cursor),
 * the findings near it are kept first, up to half the cap: most severe first, then nearest.
 * The rest of the cap goes by severity, the most severe first, and where a severity does not
 * fit whole, the findings of it that are kept are spread evenly over the document (not just
 * its first pages). What is cut is summed up per rule, in one finding at the rule's first
 * place, or near a focus at its cut finding nearest what the user sees.
 */
import { L } from '../l10n';
import { Span } from '../text';
import { Issue, SEVERITIES, Severity, severityRank } from './types';

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

/** Where the user is looking in a document, as offsets. */
export interface CapFocus {
  /** What the user sees: the visible ranges, or the cursor's line. */
  seen: Span[];
  /** Around it (the visible ranges widened by a screen or so): findings here are kept first. */
  near: Span[];
}

/** The share of the cap that the findings near the focus may take. */
export const FOCUS_SHARE = 0.5;

/** The room the cap gives the findings near the focus. */
export function focusRoom(max: number): number {
  return Math.floor(Math.max(0, max) * FOCUS_SHARE);
}

/** True when `span` touches one of `spans`. */
export function touchesAny(span: Span, spans: readonly Span[]): boolean {
  return spans.some((s) => span.start <= s.end && span.end >= s.start);
}

/** How far `span` is from the nearest of `spans` (0 when it touches one), in characters. */
export function distanceTo(span: Span, spans: readonly Span[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const s of spans) best = Math.min(best, span.end < s.start ? s.start - span.end : span.start > s.end ? span.start - s.end : 0);
  return best;
}

/**
 * Of the `candidates` near the focus, the `room` the cap keeps first: the most severe, then
 * the nearest to what the user sees, then in document order.
 */
export function focusPick<T>(candidates: readonly T[], focus: CapFocus, room: number, of: (t: T) => { span: Span; severity: Severity }): T[] {
  if (candidates.length <= room) return [...candidates];
  const ranked = candidates.map((c) => {
    const f = of(c);
    return { c, rank: severityRank(f.severity), distance: distanceTo(f.span, focus.seen), start: f.span.start };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.start - b.start);
  return ranked.slice(0, room).map((r) => r.c);
}

/**
 * The findings of a severity-resolved list that the cap keeps, with a summary per rule of the
 * rest; `focus` says where the user is looking (see the top of this file).
 */
export function capFindings<T extends Issue & { severity: Severity }>(findings: readonly T[], max: number, focus: CapFocus | null = null): T[] {
  if (findings.length <= max) return [...findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const near = focus ? findings.filter((f) => touchesAny(f.span, focus.near)) : [];
  const picked = new Set(focus ? focusPick(near, focus, Math.min(max, focusRoom(max)), (f) => f) : []);
  const counts = SEVERITIES.map(() => 0);
  for (const f of findings) if (!picked.has(f)) counts[severityRank(f.severity)]++;
  const plan = capPlan(counts, max - picked.size);
  const seen = SEVERITIES.map(() => 0);
  const kept: T[] = [...picked];
  const cut = new Map<string, { count: number; first: T }>();
  const nearest = new Map<string, T>();
  for (const f of findings) {
    if (picked.has(f)) continue;
    const rank = severityRank(f.severity);
    if (plan.keeps(rank, seen[rank]++)) kept.push(f);
    else {
      const c = cut.get(f.rule);
      if (!c) cut.set(f.rule, { count: 1, first: f });
      else c.count++;
      // Near a focus, a rule's summary stands at its cut finding nearest what the user sees.
      if (focus && touchesAny(f.span, focus.near)) {
        const known = nearest.get(f.rule);
        if (!known || distanceTo(f.span, focus.seen) < distanceTo(known.span, focus.seen)) nearest.set(f.rule, f);
      }
    }
  }
  for (const [rule, f] of nearest) cut.get(rule)!.first = f;
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
