/**
 * The contract every diagnostic rule follows. One rule per file in this folder; the registry
 * (`index.ts`) lists them. Rules are pure: they read the analysis and return issues.
 */
import { AnalyzedArticle } from '../analysis';
import { LayoutProfile, ParsedDocument } from '../parse';
import { Glossary } from '../glossary/matcher';
import { Segmenter } from '../segmenter';
import { Span } from '../text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The severities, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** 0 for error … 3 for hint: a lower rank is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Every user-facing string exists in Chinese and English. */
export interface Message {
  zh: string;
  en: string;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: Message;
  edits: TextEdit[];
  /** Safe fixes are applied by fix-all and by `corpus-lens fix`; others only one by one. */
  safe: boolean;
}

export interface Issue {
  rule: string;
  span: Span;
  message: Message;
  fixes: Fix[];
  /** Overrides the rule's default severity for this issue (e.g. a per-place marker of a file-level problem). */
  severity?: Severity;
  /**
   * The issue stands for a problem of the whole file (ASCII punctuation throughout); its places
   * are issues of their own, which is where they are ignored one by one.
   */
  fileLevel?: boolean;
  /** The issue sums up findings the editor's cap left out (it has no place of its own). */
  summary?: boolean;
}

export type SpacingProfile = 'newspaper' | 'copywriting';

export interface RuleOptions {
  spacing: SpacingProfile;
  /** The least score an ocr-confusion finding needs (its default when absent). */
  ocrConfusionThreshold?: number;
  /** OCR confusions observed in the user's data (`ocrConfusion.observed` of the config). */
  ocrConfusionObserved?: Readonly<Record<string, number>>;
}

/**
 * What a rule reads: one region of a document as a document of its own (offsets relative to the
 * region's start; `parsed.profile` is the whole document's layout summary).
 */
export interface RuleContext {
  text: string;
  parsed: ParsedDocument;
  articles: AnalyzedArticle[];
  segmenter: Segmenter;
  options: RuleOptions;
  /** The policy-slogan glossary, for `slogan-variant`; null when none is loaded. */
  glossary: Glossary | null;
}

export interface Rule {
  /** Stable kebab-case id; never renamed. */
  id: string;
  defaultSeverity: Severity;
  description: Message;
  /** Text before and after the fix, shown in docs and used by tests. */
  examples: { bad: string; good: string | null }[];
  /** The rule's findings in one region of a document (an article, or what stands before the first). */
  check(context: RuleContext): Issue[];
  /** When the file has this rule's problem throughout, one finding stands for all its places. */
  group?: FileGroup;
}

/**
 * A problem of the whole file (ASCII punctuation throughout, hard-wrapped lines): decided from
 * the counts of all regions, reported once at the first place, each place then a hint. The
 * finding for the file carries no edits of its own: its fix is the rule's fix-all, which
 * applies the places' fixes.
 */
export interface FileGroup {
  /** What else the decision needs counted in each region (full-width marks, say). */
  count?(context: RuleContext): number;
  /** Whether the file is grouped, given the places found and the summed count. */
  applies(places: number, count: number, profile: LayoutProfile): boolean;
  message(places: number, count: number, profile: LayoutProfile): Message;
}
