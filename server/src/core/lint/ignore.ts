/**
 * Findings a user chose to ignore, kept outside the corpus (in `.corpus-lens/ignore.json`).
 * An entry is anchored by the flagged text and a little context on each side, not by a line
 * number, so it survives edits elsewhere in the file: a finding is ignored when its rule and
 * flagged text match an entry of its file and the context on at least one side still does.
 */
import { Span } from '../text';
import { ConfigProblem } from './config';

export interface IgnoreEntry {
  /** Path of the corpus file relative to the workspace folder, with forward slashes. */
  file: string;
  rule: string;
  /** The flagged text. */
  text: string;
  /** Up to CONTEXT characters before and after it. */
  before: string;
  after: string;
}

export const CONTEXT = 12;
/** Longer flagged texts are anchored by their first MAX_TEXT characters. */
const MAX_TEXT = 60;
const LINE_BREAKS = /\r\n?/g;

/** Anchors compare \r\n and \r as \n, so that a file keeps its ignores when its line endings change. */
function normalized(text: string): string {
  return text.replace(LINE_BREAKS, '\n');
}

/** The anchor that would ignore a finding of `rule` at `span` of `text`; null for an empty span. */
export function anchorOf(file: string, rule: string, text: string, span: Span): IgnoreEntry | null {
  if (span.end <= span.start) return null;
  // Twice the context is taken raw, so that after normalising there are still CONTEXT characters.
  const before = normalized(text.slice(Math.max(0, span.start - 2 * CONTEXT), span.start));
  const after = normalized(text.slice(span.end, span.end + 2 * CONTEXT));
  return {
    file,
    rule,
    text: normalized(text.slice(span.start, Math.min(span.end, span.start + MAX_TEXT))),
    before: before.slice(Math.max(0, before.length - CONTEXT)),
    after: after.slice(0, CONTEXT),
  };
}

export interface Flagged {
  rule: string;
  span: Span;
  /** A problem of the whole file: never ignored itself (its places are). */
  fileLevel?: boolean;
}

export class IgnoreList {
  private readonly byFile = new Map<string, IgnoreEntry[]>();

  constructor(readonly entries: IgnoreEntry[] = []) {
    for (const entry of entries) {
      const list = this.byFile.get(entry.file) ?? [];
      list.push(entry);
      this.byFile.set(entry.file, list);
    }
  }

  /**
   * Which of `findings` (of `file`, whose text is `text`) are ignored, by index. Each entry
   * ignores one finding at most: the one with its rule and flagged text whose context matches
   * best — on both sides, else on one (the text next to it was edited since).
   */
  ignoredIn(file: string, text: string, findings: readonly Flagged[]): Set<number> {
    const ignored = new Set<number>();
    const entries = this.byFile.get(file);
    if (!entries) return ignored;
    const rules = new Set(entries.map((e) => e.rule));
    const anchors = findings.map((f) => (f.fileLevel || !rules.has(f.rule) ? null : anchorOf(file, f.rule, text, f.span)));
    for (const entry of entries) {
      let best = -1;
      let bestScore = 0;
      anchors.forEach((anchor, i) => {
        if (!anchor || ignored.has(i) || anchor.rule !== entry.rule || anchor.text !== entry.text) return;
        const score = (anchor.before === entry.before ? 1 : 0) + (anchor.after === entry.after ? 1 : 0);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      });
      if (best >= 0) ignored.add(best);
    }
    return ignored;
  }

  /** Whether any entry names `file`. */
  names(file: string): boolean {
    return this.byFile.has(file);
  }

  has(entry: IgnoreEntry): boolean {
    return this.entries.some((e) => e.file === entry.file && e.rule === entry.rule && e.text === entry.text && e.before === entry.before && e.after === entry.after);
  }
}

export interface IgnoreFile {
  version: 1;
  ignore: IgnoreEntry[];
}

/** Reads the data of an ignore file; entries with problems are left out and reported. */
export function readIgnoreFile(raw: unknown): { entries: IgnoreEntry[]; problems: ConfigProblem[] } {
  const entries: IgnoreEntry[] = [];
  const problems: ConfigProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { entries, problems: [{ path: [], message: 'the ignore file must be a JSON object { "version": 1, "ignore": [...] }' }] };
  }
  const list = (raw as Record<string, unknown>).ignore;
  if (!Array.isArray(list)) return { entries, problems: [{ path: ['ignore'], message: '"ignore" must be a list of entries' }] };
  list.forEach((item, i) => {
    const e = item as Record<string, unknown>;
    const missing = ['file', 'rule', 'text', 'before', 'after'].filter((k) => typeof e?.[k] !== 'string');
    if (missing.length > 0) problems.push({ path: ['ignore', i], message: `entry ${i + 1} needs text values for ${missing.join(', ')}` });
    else entries.push({ file: e.file as string, rule: e.rule as string, text: e.text as string, before: e.before as string, after: e.after as string });
  });
  return { entries, problems };
}

export function ignoreFileData(entries: IgnoreEntry[]): IgnoreFile {
  return { version: 1, ignore: entries };
}
