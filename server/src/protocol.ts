/**
 * What the server and the VS Code client say to each other beyond the LSP itself: custom
 * requests and notifications, the commands the server executes, the kind of its fix-all
 * action and the source of its diagnostics. The client imports this module (it imports
 * nothing), so the two sides cannot drift.
 */

/** Request: where the articles of a document start, for next/previous-article navigation. */
export const ARTICLES_REQUEST = 'corpusLens/articles';

export interface ArticlesParams {
  uri: string;
}

export type ArticlesResult = { line: number; character: number }[];

/** Notification: the server's state, shown in the language status item. */
export const STATUS_NOTIFICATION = 'corpusLens/status';

export interface StatusParams {
  /** The segmenter in use. */
  segmenter: string;
  /** Why the preferred segmenter is not in use. */
  segmenterWarning: string | null;
  lastAnalysisMs: number | null;
  /** Open documents the server analyses. */
  documents: number;
  /** Documents whose analysis is running past the time budget (their findings are on the way). */
  analysing: string[];
}

/**
 * Notification (client → server): the ranges of a document the user sees, sent as the user
 * scrolls or switches editors (an empty list when the document is no longer shown). The cap on
 * diagnostics (`corpusLens.maxProblems`) keeps the findings there first. LSP has no message for
 * this; a client that does not send it gets the cap near its cursor (see lsp/features/focus.ts).
 */
export const VISIBLE_RANGES_NOTIFICATION = 'corpusLens/visibleRanges';

export interface VisibleRangesParams {
  uri: string;
  /** LSP ranges (0-based lines); only their lines are read. */
  ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[];
}

/** Commands the server executes (the client shows them under its own command ids). */
export const SERVER_COMMANDS = {
  fixAll: 'corpusLens.server.fixAll',
  ignore: 'corpusLens.server.ignore',
  fixWorkspace: 'corpusLens.server.fixWorkspace',
  showAllFindings: 'corpusLens.server.showAllFindings',
} as const;

/** Commands of the VS Code client (package.json `contributes.commands`) that the server names in its messages. */
export const CLIENT_COMMANDS = {
  /** Runs SERVER_COMMANDS.showAllFindings on the active editor's document. */
  showAllFindings: 'corpusLens.showAllFindings',
} as const;

/**
 * The argument of SERVER_COMMANDS.showAllFindings: every finding of an open document, not just
 * those the cap shows, written as a report (Markdown, or the JSON of `corpus-lens lint`) that
 * the client is asked to open (`window/showDocument`) when it can.
 */
export interface ShowAllFindingsArguments {
  uri: string;
  format?: 'markdown' | 'json';
}

export interface ShowAllFindingsResult {
  /** The report's file URI (null when there is nothing to report on). */
  uri: string | null;
  /** How many findings it lists. */
  findings: number;
  /** Whether the client opened it. */
  shown: boolean;
}

/** The argument of SERVER_COMMANDS.fixAll. */
export interface FixAllArguments {
  uri: string;
  /** The version the user saw; nothing is changed when the document has moved on. */
  version?: number;
}

export interface FixAllResult {
  applied: number;
}

/** The argument of SERVER_COMMANDS.ignore: a finding the server reports now. */
export interface IgnoreArguments {
  uri: string;
  version: number;
  rule: string;
  start: number;
  end: number;
}

export interface FixWorkspaceResult {
  files: number;
  edits: number;
}

/** The code action kind of the server's fix-all (`source.fixAll.corpus-lens`). */
export const FIX_ALL_KIND = 'source.fixAll.corpus-lens';

/** The `source` of the server's diagnostics. */
export const DIAGNOSTIC_SOURCE = 'corpus-lens';
