/**
 * Linting one analysed document: the enabled rules at their configured severities, without
 * the findings the user ignored, and the capped list the editor shows.
 */
import { DocumentAnalysis, RegionResult } from '../analysis';
import { Glossary } from '../glossary/matcher';
import { LayoutProfile } from '../parse';
import { Issue, RULES, RegionFindings, RuleFailure, SEVERITIES, Severity, checkRegion, regionContext, ruleById, severityRank } from '../rules/index';
import { CapFocus, capFindings, capPlan, distanceTo, focusPick, focusRoom, touchesAny, withSummaries } from '../rules/cap';
import { makeFileIssue } from '../rules/util';
import { Segmenter } from '../segmenter';
import { Span } from '../text';
import { markupProfile, overlapsAny, tagLayout, touchesBreak } from '../markup';
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
  readonly findings: Finding[];
  /** At most `maxProblems` findings plus a summary per rule of the rest: what the editor shows. */
  readonly shown: Finding[];
  /** The same, kept first near where the user is looking (see rules/cap.ts). */
  shownNear(focus: CapFocus | null): Finding[];
  /** How many findings there are (cheaper than `findings.length`). */
  readonly total: number;
  /** True when there are more findings than the editor shows. */
  readonly overCap: boolean;
  /** The findings whose span touches [start, end] (for code actions at a place). */
  findingsTouching(start: number, end: number): Finding[];
  readonly ignored: number;
  /** Where the ignored findings are. Fixes of the other findings leave these spans alone. */
  readonly ignoredSpans: Span[];
  /** Rules that threw on this document (their findings are missing). */
  readonly failures: RuleFailure[];
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

function lintSetup(segmenter: Segmenter, options: LintOptions): RegionLintSetup {
  const enabled = enabledRules(options.config);
  const { config } = options;
  const signature = `${[...enabled].join(',')}|${config.spacing}|${config.ocrConfusion?.threshold ?? ''}|${identity(config.ocrConfusion?.observed)}`;
  return { segmenter, glossary: options.glossary ?? null, config, enabled, signature };
}

/**
 * Runs the rules on one region of a document (they are kept with the region): the editor lints
 * a large document region by region, answering other requests in between, before
 * `lintDocument` gathers the findings.
 */
export function lintRegion(result: RegionResult, segmenter: Segmenter, options: LintOptions): void {
  regionFindings(result, lintSetup(segmenter, options));
}

export function lintDocument(analysis: DocumentAnalysis, segmenter: Segmenter, options: LintOptions): LintResult {
  const setup = lintSetup(segmenter, options);
  const { config, glossary } = setup;
  const parts: Part[] = [];
  const counts = new Map<string, number>();
  const places = new Map<string, { count: number; first: Issue; delta: number }>();
  const failures = new Map<string, RuleFailure>();
  for (const { span, result } of analysis.regions) {
    const { findings, byRule } = regionFindings(result, setup);
    if (findings.issues.length > 0) parts.push({ delta: span.start, end: span.end, issues: findings.issues, byRule });
    for (const [rule, n] of findings.counts) counts.set(rule, (counts.get(rule) ?? 0) + n);
    for (const failure of findings.failures) if (!failures.has(failure.rule)) failures.set(failure.rule, failure);
    for (const [rule, tally] of byRule) {
      const seen = places.get(rule);
      if (seen) seen.count += tally.count;
      else places.set(rule, { count: tally.count, first: tally.first, delta: span.start });
    }
  }
  const grouped = new Map<string, Issue>();
  for (const [rule, { count, first, delta }] of places) {
    const fileIssue = fileIssueOf(rule, count, counts.get(rule) ?? 0, analysis.profile, shiftIssue(first, delta));
    if (fileIssue) grouped.set(rule, fileIssue);
  }
  const result = new DocumentLint(parts, [...grouped.values()], new Set(grouped.keys()), config, [...failures.values()]);
  // Taking ignores out makes every finding: only for a file that has some.
  if (!options.ignore?.list.names(options.ignore.file) && !options.ignoredSpans?.length) return result;
  return withIgnores(result, analysis.text, options);
}

/** How many issues of a rule a region has, by the severity they come with, and the first. */
interface RuleTally {
  count: number;
  first: Issue;
  /** By severity rank, the issue's own (before the configuration). */
  own: number[];
}

/** A region's issues, relative to the region's start at `delta`, with their tallies per rule. */
interface Part {
  delta: number;
  /** Where the region ends in the document. */
  end: number;
  issues: Issue[];
  byRule: Map<string, RuleTally>;
}

/**
 * The findings of a document, kept as its regions' issues (relative to each region) and made
 * into absolute findings only as they are asked for: the editor shows a few hundred of a
 * document's findings after each edit, so the cap is planned from the regions' tallies and
 * only the findings it keeps are made.
 */
class DocumentLint implements LintResult {
  private all: Finding[] | null = null;
  private capped: Finding[] | null = null;
  /** The last capped list near a focus, and the focus. */
  private near: { key: string; shown: Finding[] } | null = null;
  private nearCache: { key: string; found: { key: string; finding: Finding }[] } | null = null;
  private count: number | null = null;
  /** By rule, the configured rank of an issue of each own rank. */
  private readonly ranks = new Map<string, number[]>();
  readonly ignored: number = 0;
  readonly ignoredSpans: Span[] = [];

  constructor(
    private readonly parts: Part[],
    /** The findings that stand for the whole file, in document order. */
    private readonly fileIssues: Issue[],
    private readonly grouped: Set<string>,
    private readonly config: LintConfig,
    readonly failures: RuleFailure[],
  ) {}

  private severity(issue: Issue): Severity {
    return this.grouped.has(issue.rule) && !issue.fileLevel ? 'hint' : resolveSeverity(issue, this.config);
  }

  /** The severity rank that the configuration gives a rule's issue of own rank `own`. */
  private rankOf(rule: string, own: number): number {
    if (this.grouped.has(rule)) return HINT;
    let ranks = this.ranks.get(rule);
    if (!ranks) this.ranks.set(rule, (ranks = SEVERITIES.map((severity) => severityRank(resolveSeverity({ rule, severity } as Issue, this.config)))));
    return ranks[own];
  }

  private finding(issue: Issue, delta: number): Finding {
    return { ...shiftIssue(issue, delta), severity: this.severity(issue) };
  }

  get findings(): Finding[] {
    if (!this.all) {
      const all: Finding[] = [];
      let next = 0;
      for (const part of this.parts) {
        for (const issue of part.issues) {
          while (next < this.fileIssues.length && this.fileIssues[next].span.start <= issue.span.start + part.delta) all.push(this.finding(this.fileIssues[next++], 0));
          all.push(this.finding(issue, part.delta));
        }
      }
      while (next < this.fileIssues.length) all.push(this.finding(this.fileIssues[next++], 0));
      this.all = all;
    }
    return this.all;
  }

  get shown(): Finding[] {
    if (!this.capped) this.capped = this.all ? capFindings(this.all, this.config.maxProblems) : this.capFromTallies(null);
    return this.capped;
  }

  shownNear(focus: CapFocus | null): Finding[] {
    if (!focus || !this.overCap) return this.shown;
    const key = JSON.stringify(focus);
    if (this.near?.key !== key) this.near = { key, shown: this.all ? capFindings(this.all, this.config.maxProblems, focus) : this.capFromTallies(focus) };
    return this.near.shown;
  }

  get total(): number {
    if (this.count === null) {
      let n = this.fileIssues.length;
      for (const part of this.parts) n += part.issues.length;
      this.count = n;
    }
    return this.count;
  }

  get overCap(): boolean {
    return this.total > this.config.maxProblems;
  }

  /**
   * The cap planned from the regions' tallies: the regions that hold none of the kept findings
   * are never looked into. Near a focus, the regions it touches are looked into first.
   */
  private capFromTallies(focus: CapFocus | null): Finding[] {
    const ranks = this.parts.map((part) => this.rankCounts(part));
    const total = SEVERITIES.map((_, r) => ranks.reduce((n, c) => n + c[r], 0));
    const fileRanks = SEVERITIES.map(() => 0);
    for (const issue of this.fileIssues) fileRanks[severityRank(this.severity(issue))]++;
    for (let r = 0; r < total.length; r++) total[r] += fileRanks[r];
    const max = this.config.maxProblems;
    if (total.reduce((a, b) => a + b, 0) <= max) return this.findings;
    // The findings near the focus, kept first: keyed by part (-1 for the file's) and index.
    const picked = new Map<string, Finding>();
    if (focus) for (const c of focusPick(this.nearFindings(focus), focus, Math.min(max, focusRoom(max)), (c) => c.finding)) picked.set(c.key, c.finding);
    const pickedRanks = new Map<number, number[]>();
    for (const [key, finding] of picked) {
      const p = Number(key.slice(0, key.indexOf(':')));
      let counts = pickedRanks.get(p);
      if (!counts) pickedRanks.set(p, (counts = SEVERITIES.map(() => 0)));
      counts[severityRank(finding.severity)]++;
      total[severityRank(finding.severity)]--;
    }
    const plan = capPlan(total, max - picked.size);
    // The file's findings come first in their ranks' order: they are few and kept first.
    const kept: Finding[] = [...picked.values()];
    const next = SEVERITIES.map(() => 0);
    this.fileIssues.forEach((issue, i) => {
      if (picked.has(`-1:${i}`)) return;
      const rank = severityRank(this.severity(issue));
      if (plan.keeps(rank, next[rank]++)) kept.push(this.finding(issue, 0));
    });
    this.parts.forEach((part, p) => {
      const own = pickedRanks.get(p);
      const counts = own ? ranks[p].map((c, r) => c - own[r]) : ranks[p];
      const wanted = counts.some((c, r) => c > 0 && plan.kept(r, next[r], next[r] + c) > 0);
      if (wanted) {
        part.issues.forEach((issue, i) => {
          if (own && picked.has(`${p}:${i}`)) return;
          const rank = severityRank(this.severity(issue));
          if (plan.keeps(rank, next[rank]++)) kept.push(this.finding(issue, part.delta));
        });
      } else for (let r = 0; r < counts.length; r++) next[r] += counts[r];
    });
    const counted = new Map<string, { count: number; first: Issue; delta: number }>();
    for (const part of this.parts) {
      for (const [rule, tally] of part.byRule) {
        const c = counted.get(rule);
        if (c) c.count += tally.count;
        else counted.set(rule, { count: tally.count, first: tally.first, delta: part.delta });
      }
    }
    const keptByRule = new Map<string, number>();
    for (const f of kept) keptByRule.set(f.rule, (keptByRule.get(f.rule) ?? 0) + 1);
    const cut = new Map<string, { count: number; first: Finding }>();
    for (const [rule, c] of counted) cut.set(rule, { count: c.count, first: this.finding(c.first, c.delta) });
    // Near a focus, a rule's summary stands at its cut finding nearest what the user sees.
    if (focus) {
      const keptKeys = new Set(kept.map(findingKey));
      for (const f of nearCut(focus, this.nearFindings(focus), keptKeys)) {
        const c = cut.get(f.rule);
        if (c) c.first = f;
      }
    }
    for (const [rule, c] of cut) {
      c.count -= keptByRule.get(rule) ?? 0;
      if (c.count <= 0) cut.delete(rule);
    }
    return withSummaries(kept, cut);
  }

  /** The findings near a focus, keyed by part (-1 for the file's) and index there; only the regions it touches are looked into. */
  private nearFindings(focus: CapFocus): { key: string; finding: Finding }[] {
    const key = JSON.stringify(focus.near);
    if (this.nearCache?.key === key) return this.nearCache.found;
    const found: { key: string; finding: Finding }[] = [];
    this.fileIssues.forEach((issue, i) => {
      if (touchesAny(issue.span, focus.near)) found.push({ key: `-1:${i}`, finding: this.finding(issue, 0) });
    });
    this.parts.forEach((part, p) => {
      if (!focus.near.some((s) => part.delta <= s.end && part.end >= s.start)) return;
      part.issues.forEach((issue, i) => {
        const span = { start: issue.span.start + part.delta, end: issue.span.end + part.delta };
        if (touchesAny(span, focus.near)) found.push({ key: `${p}:${i}`, finding: this.finding(issue, part.delta) });
      });
    });
    this.nearCache = { key, found };
    return found;
  }

  /** How many issues of each resolved severity a part has. */
  private rankCounts(part: Part): number[] {
    const counts = SEVERITIES.map(() => 0);
    for (const [rule, tally] of part.byRule) {
      for (let own = 0; own < tally.own.length; own++) if (tally.own[own] > 0) counts[this.rankOf(rule, own)] += tally.own[own];
    }
    return counts;
  }

  findingsTouching(start: number, end: number): Finding[] {
    const found: Finding[] = [];
    for (const fileIssue of this.fileIssues) if (touches(fileIssue.span, start, end)) found.push(this.finding(fileIssue, 0));
    for (const part of this.parts) {
      const issues = part.issues;
      if (issues[0].span.start + part.delta > end) continue;
      for (const issue of issues) {
        if (issue.span.start + part.delta > end) break;
        if (issue.span.end + part.delta >= start) found.push(this.finding(issue, part.delta));
      }
    }
    return found.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }
}

const HINT = severityRank('hint');

const findingKey = (f: Issue) => `${f.rule}\u0000${f.span.start}\u0000${f.span.end}`;

/** Of the findings near a focus, each rule's cut one (not in `kept`) nearest what the user sees. */
function nearCut(focus: CapFocus, near: readonly { finding: Finding }[], kept: ReadonlySet<string>): Finding[] {
  const best = new Map<string, { finding: Finding; distance: number }>();
  for (const { finding } of near) {
    if (kept.has(findingKey(finding))) continue;
    const distance = distanceTo(finding.span, focus.seen);
    const known = best.get(finding.rule);
    if (!known || distance < known.distance) best.set(finding.rule, { finding, distance });
  }
  return [...best.values()].map((b) => b.finding);
}

function touches(span: Span, start: number, end: number): boolean {
  return span.start <= end && span.end >= start;
}

/** The finding for the whole file of a grouped rule, if its places and counts say so. */
function fileIssueOf(rule: string, places: number, count: number, profile: LayoutProfile, first: Issue): Issue | null {
  const group = ruleById(rule)?.group;
  if (!group || !group.applies(places, count, profile)) return null;
  return makeFileIssue(rule, first.span, group.message(places, count, profile), []);
}

/**
 * A document's findings with the user's ignores taken out (made whole: ignores are few and
 * rare, and matched on the flagged text and its context).
 */
function withIgnores(result: DocumentLint, text: string, options: LintOptions): LintResult {
  const all = result.findings;
  const listed = options.ignore ? options.ignore.list.ignoredIn(options.ignore.file, text, all) : new Set<number>();
  const carried = options.ignoredSpans ?? [];
  const isIgnored = (f: Finding, i: number) => listed.has(i) || carried.some((s) => overlaps(s, f.span));
  const ignoredSpans = all.filter(isIgnored).map((f) => f.span);
  const findings = all.filter((f, i) => !isIgnored(f, i)).map((f) => ({ ...withoutEditsIn(f, ignoredSpans), severity: f.severity }));
  let shown: Finding[] | null = null;
  let near: { key: string; shown: Finding[] } | null = null;
  const max = options.config.maxProblems;
  return {
    findings,
    get shown() {
      return (shown ??= capFindings(findings, max));
    },
    shownNear(focus) {
      if (!focus || findings.length <= max) return this.shown;
      const key = JSON.stringify(focus);
      if (near?.key !== key) near = { key, shown: capFindings(findings, max, focus) };
      return near.shown;
    },
    total: findings.length,
    overCap: findings.length > max,
    findingsTouching: (start, end) => findings.filter((f) => touches(f.span, start, end)),
    ignored: ignoredSpans.length,
    ignoredSpans,
    failures: result.failures,
  };
}

interface RegionLintSetup {
  segmenter: Segmenter;
  glossary: Glossary | null;
  config: LintConfig;
  enabled: Set<string>;
  /** The enabled rules and options: a region's findings are kept as long as it stays the same. */
  signature: string;
}

const identities = new WeakMap<object, number>();
let lastIdentity = 0;
/** A number per object (0 for none), for a signature that changes when the object does. */
function identity(o: object | undefined): number {
  if (!o) return 0;
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = ++lastIdentity));
  return id;
}

/** What a region's findings were computed with, kept with the region's results. */
interface RegionLint {
  signature: string;
  segmenter: Segmenter;
  glossary: Glossary | null;
  findings: RegionFindings;
  byRule: Map<string, RuleTally>;
}

/** A region's findings, relative to its start: kept with the region while the setup is the same. */
function regionFindings(result: RegionResult, setup: RegionLintSetup): RegionLint {
  const kept = result.lint as RegionLint | undefined;
  if (kept && kept.signature === setup.signature && kept.segmenter === setup.segmenter && kept.glossary === setup.glossary) return kept;
  const context = regionContext(result, setup.segmenter, { spacing: setup.config.spacing, ocrConfusionThreshold: setup.config.ocrConfusion?.threshold, ocrConfusionObserved: setup.config.ocrConfusion?.observed }, setup.glossary);
  const findings = checkRegion(context, setup.enabled);
  findings.issues = withoutDamagedMarks(context.text, withoutMarkupIssues(context.text, findings.issues));
  const byRule = new Map<string, RuleTally>();
  for (const issue of findings.issues) {
    let tally = byRule.get(issue.rule);
    if (!tally) byRule.set(issue.rule, (tally = { count: 0, first: issue, own: SEVERITIES.map(() => 0) }));
    tally.count++;
    tally.own[severityRank(issue.severity ?? DEFAULTS.get(issue.rule) ?? 'warning')]++;
  }
  const lint: RegionLint = { signature: setup.signature, segmenter: setup.segmenter, glossary: setup.glossary, findings, byRule };
  result.lint = lint;
  return lint;
}

function shiftIssue(issue: Issue, delta: number): Issue {
  if (delta === 0) return issue;
  const shift = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return { ...issue, span: shift(issue.span), fixes: issue.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ span: shift(e.span), newText: e.newText })) })) };
}

/** Rules that join lines: never across a line break of markup (see markup.ts). */
const JOINING_RULES = new Set(['broken-line', 'split-paragraph']);

/**
 * `issues` without what concerns markup (see markup.ts): any issue on a tag or on a tag line
 * with no Chinese in it, and any fix's edit there; in a markup-like text, the joins of a tag
 * line to its neighbours too.
 */
function withoutMarkupIssues(text: string, issues: Issue[]): Issue[] {
  if (issues.length === 0 || !text.includes('<')) return issues;
  const layout = tagLayout(text);
  if (layout.tags.length === 0) return issues;
  const breaks = issues.some((i) => JOINING_RULES.has(i.rule)) ? (markupProfile(text)?.breaks ?? []) : [];
  const inMarkup = (span: Span) => overlapsAny(layout.tags, span) || overlapsAny(layout.bareLines, span);
  const kept: Issue[] = [];
  for (const issue of issues) {
    const joining = JOINING_RULES.has(issue.rule);
    if ((joining && touchesBreak(breaks, issue.span)) || inMarkup(issue.span)) continue;
    // A fix for the whole file groups the per-place joins: it loses those at markup too.
    const editable = (e: { span: Span }) => !(joining && touchesBreak(breaks, e.span)) && !inMarkup(e.span);
    if (issue.fixes.every((fix) => fix.edits.every(editable))) {
      kept.push(issue);
      continue;
    }
    const fixes = issue.fixes.map((fix) => ({ ...fix, edits: fix.edits.filter(editable) })).filter((fix) => fix.edits.length > 0);
    kept.push({ ...issue, fixes });
  }
  return kept;
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
