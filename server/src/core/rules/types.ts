/**
 * The contract every diagnostic rule follows. One rule per file in this folder; the registry
 * (`index.ts`) lists them. Rules are pure: they read the analysis and return issues.
 */
import { AnalyzedArticle } from '../analysis';
import { ParsedDocument } from '../parse';
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
}

export type SpacingProfile = 'newspaper' | 'copywriting';

export interface RuleOptions {
  spacing: SpacingProfile;
}

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
  check(context: RuleContext): Issue[];
}
