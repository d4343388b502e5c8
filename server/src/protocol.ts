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

/** Commands the server executes (the client shows them under its own command ids). */
export const SERVER_COMMANDS = {
  fixAll: 'corpusLens.server.fixAll',
  ignore: 'corpusLens.server.ignore',
  fixWorkspace: 'corpusLens.server.fixWorkspace',
} as const;

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
