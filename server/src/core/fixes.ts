/**
 * Applying fixes. Pure: text in, text out, with a record of every edit made and every edit
 * left out. Fixes are safe by construction (each says exactly which characters it removes or
 * replaces); `checkHanPreserved` states the invariant the tests hold them to.
 */
import { Issue, TextEdit } from './rules/types';
import { Span, isHanAt } from './text';

export interface EditResult {
  text: string;
  /** The edits made, sorted by position, duplicates merged. */
  applied: TextEdit[];
  /** Edits left out because they overlap an earlier one (or fall outside the text). */
  dropped: TextEdit[];
}

function compareEdits(a: TextEdit, b: TextEdit): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.newText < b.newText ? -1 : a.newText > b.newText ? 1 : 0);
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

/**
 * True when `b` (sorted after `a`) cannot be applied together with `a`: it starts inside `a`,
 * or both insert at the same point (their order would be a guess).
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  const [x, y] = compareEdits(a, b) <= 0 ? [a, b] : [b, a];
  if (y.span.start < x.span.end) return true;
  return x.span.start === x.span.end && y.span.start === y.span.end && x.span.start === y.span.start;
}

function inBounds(text: string, e: TextEdit): boolean {
  return Number.isInteger(e.span.start) && Number.isInteger(e.span.end) && 0 <= e.span.start && e.span.start <= e.span.end && e.span.end <= text.length;
}

function build(text: string, edits: TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

/**
 * Applies edits given in document offsets of `text`. Identical edits are merged; of two
 * overlapping edits the one that sorts first (by start, end, then new text) is kept and the
 * other reported as dropped, so the outcome never depends on the order edits arrive in.
 */
export function applyEdits(text: string, edits: TextEdit[]): EditResult {
  const sorted = edits.filter((e) => inBounds(text, e)).sort(compareEdits);
  const dropped = edits.filter((e) => !inBounds(text, e));
  const applied: TextEdit[] = [];
  for (const e of sorted) {
    const last = applied[applied.length - 1];
    if (last && sameEdit(last, e)) continue;
    if (last && conflicts(last, e)) dropped.push(e);
    else applied.push(e);
  }
  return { text: build(text, applied), applied, dropped };
}

export interface AppliedEdit {
  rule: string;
  span: Span;
  before: string;
  after: string;
}

export interface FixOptions {
  /** Only fixes of these rules (all when omitted). */
  rules?: Iterable<string>;
  /** Only safe fixes (the default): what fix-all and `corpus-lens fix` apply. */
  safeOnly?: boolean;
}

export interface FixResult {
  text: string;
  applied: AppliedEdit[];
  /** Fixes left out whole because one of their edits overlaps a fix taken before them. */
  skipped: { rule: string; title: string; edits: TextEdit[] }[];
}

/**
 * Applies the first eligible fix of every issue. A fix is taken whole or not at all: when one
 * of its edits overlaps an edit already taken it is skipped (and reported). Issues are taken
 * in document order (then by rule id), so the result does not depend on the order given.
 * Edits that several fixes share (a file-level fix and the per-place ones it groups) are made once.
 */
export function applyFixes(text: string, issues: Issue[], options: FixOptions = {}): FixResult {
  const safeOnly = options.safeOnly ?? true;
  const rules = options.rules ? new Set(options.rules) : null;
  const ordered = issues
    .map((issue, index) => ({ issue, index }))
    .filter(({ issue }) => !rules || rules.has(issue.rule))
    .sort((a, b) => a.issue.span.start - b.issue.span.start || a.issue.rule.localeCompare(b.issue.rule) || a.index - b.index);
  const taken = new EditSet();
  const skipped: FixResult['skipped'] = [];
  for (const { issue } of ordered) {
    const fix = issue.fixes.find((f) => f.safe || !safeOnly);
    if (!fix) continue;
    const fresh = fix.edits
      .filter((e) => !taken.has(e))
      .sort(compareEdits)
      .filter((e, k, all) => k === 0 || !sameEdit(all[k - 1], e));
    const clash = fresh.some((e, k) => !inBounds(text, e) || taken.clashes(e) || (k > 0 && conflicts(fresh[k - 1], e)));
    if (clash) {
      skipped.push({ rule: issue.rule, title: fix.title.en, edits: fix.edits });
      continue;
    }
    for (const edit of fresh) taken.add(edit, issue.rule);
  }
  const all = taken.items;
  return {
    text: build(text, all.map((t) => t.edit)),
    applied: all.map((t) => ({ rule: t.rule, span: { ...t.edit.span }, before: text.slice(t.edit.span.start, t.edit.span.end), after: t.edit.newText })),
    skipped,
  };
}

/** Non-overlapping edits kept in order, with the rule that made each. */
class EditSet {
  readonly items: { edit: TextEdit; rule: string }[] = [];
  private readonly keys = new Set<string>();

  private static key(e: TextEdit): string {
    return `${e.span.start}:${e.span.end}:${e.newText}`;
  }

  has(e: TextEdit): boolean {
    return this.keys.has(EditSet.key(e));
  }

  /** Index of the first item that sorts after `e`. */
  private position(e: TextEdit): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareEdits(this.items[mid].edit, e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The items are pairwise apart, so only the neighbours of `e` can overlap it. */
  clashes(e: TextEdit): boolean {
    const at = this.position(e);
    const before = this.items[at - 1];
    const after = this.items[at];
    return (!!before && conflicts(before.edit, e)) || (!!after && conflicts(e, after.edit));
  }

  add(e: TextEdit, rule: string): void {
    this.items.splice(this.position(e), 0, { edit: e, rule });
    this.keys.add(EditSet.key(e));
  }
}

/**
 * Where `span` (of the text before `applied`) is in the text after: moved by the edits before it.
 * The edits must not overlap the span (fixes leave ignored places alone).
 */
export function mapSpan(span: Span, applied: AppliedEdit[]): Span {
  let shiftStart = 0;
  let shiftEnd = 0;
  for (const a of applied) {
    const delta = a.after.length - (a.span.end - a.span.start);
    if (a.span.end <= span.start) shiftStart += delta;
    if (a.span.end <= span.end) shiftEnd += delta;
  }
  return { start: span.start + shiftStart, end: span.end + shiftEnd };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * True when applying `edit` to `text` would cut a surrogate pair (an astral character) in two,
 * or join a lone high and a lone low surrogate into a character that was not there (a line
 * break deleted between the two halves of damaged text): either would change the text's Han
 * characters, so no fix may do it.
 */
export function breaksSurrogates(text: string, edit: TextEdit): boolean {
  const { start, end } = edit.span;
  const at = (i: number) => (i >= 0 && i < text.length ? text.charCodeAt(i) : 0);
  if ((isHigh(at(start - 1)) && isLow(at(start))) || (isHigh(at(end - 1)) && isLow(at(end)))) return true;
  const left = at(start - 1);
  const right = at(end);
  const n = edit.newText;
  if (n.length === 0) return isHigh(left) && isLow(right);
  return (isHigh(left) && isLow(n.charCodeAt(0))) || (isHigh(n.charCodeAt(n.length - 1)) && isLow(right));
}

/** Rules whose fixes delete text on purpose: a duplicate's copy, page furniture. */
export const DELETING_RULES: ReadonlySet<string> = new Set(['duplicate-text', 'page-residue']);

/** The spans (in the text before fixing) that fixes of deleting rules removed. */
export function intendedDeletions(applied: AppliedEdit[]): Span[] {
  return applied.filter((a) => DELETING_RULES.has(a.rule)).map((a) => a.span);
}

export interface HanCheck {
  ok: boolean;
  /** Where the Han characters first differ, when they do. */
  detail?: string;
}

function hanSequence(text: string, skip: Span[] = []): string[] {
  const sorted = [...skip].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    while (k < sorted.length && sorted[k].end <= i) k++;
    const inSkip = k < sorted.length && sorted[k].start <= i && i < sorted[k].end;
    if (!isHanAt(text, i)) continue;
    const ch = text.codePointAt(i)! > 0xffff ? text.slice(i, i + 2) : text[i];
    if (!inSkip) out.push(ch);
    if (ch.length === 2) i++;
  }
  return out;
}

/**
 * The safety invariant of fixes: `after` holds the Han characters of `before`, in the same
 * order, except those inside `allowedDeletions` (spans of `before`), and no others.
 */
export function checkHanPreserved(before: string, after: string, allowedDeletions: Span[] = []): HanCheck {
  const a = hanSequence(before, allowedDeletions);
  const b = hanSequence(after);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return { ok: false, detail: `Han character ${i} differs: expected “${a[i]}” (…${a.slice(Math.max(0, i - 5), i + 5).join('')}…), found “${b[i]}” (…${b.slice(Math.max(0, i - 5), i + 5).join('')}…)` };
    }
  }
  if (a.length !== b.length) {
    return { ok: false, detail: a.length > b.length ? `${a.length - b.length} Han characters lost, first “${a[n]}”` : `${b.length - a.length} Han characters added, first “${b[n]}”` };
  }
  return { ok: true };
}
