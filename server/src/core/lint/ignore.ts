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

/** The anchor that would ignore a finding of `rule` at `span` of `text`; null for an empty span. */
export function anchorOf(file: string, rule: string, text: string, span: Span): IgnoreEntry | null {
  if (span.end <= span.start) return null;
  return {
    file,
    rule,
    text: text.slice(span.start, Math.min(span.end, span.start + MAX_TEXT)),
    before: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    after: text.slice(span.end, span.end + CONTEXT),
  };
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

  /** A predicate for the findings of one file (cheap when the file has no entries). */
  forFile(file: string, text: string): (rule: string, span: Span) => boolean {
    const entries = this.byFile.get(file);
    if (!entries) return () => false;
    return (rule, span) => {
      const anchor = anchorOf(file, rule, text, span);
      return !!anchor && entries.some((e) => e.rule === rule && e.text === anchor.text && (e.before === anchor.before || e.after === anchor.after));
    };
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
