/**
 * What every feature of the language server works with: the connection, the open documents,
 * the workspace, what the client can do, and the user's language.
 */
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Lang, langOf, say } from '../core/l10n';
import { Message } from '../core/rules/types';
import { STATUS_NOTIFICATION, StatusParams } from '../protocol';
import { AnalyzedDocument } from '../workspace/documents';
import { Focus } from './features/focus';
import { Workspace } from '../workspace/workspace';

/** What the client said it supports, in `initialize`. */
export interface ClientSupport {
  pullDiagnostics: boolean;
  applyEdit: boolean;
  watchFiles: boolean;
  workspaceFolders: boolean;
  configuration: boolean;
  refreshFolding: boolean;
  /** `window/showDocument`: the client opens a document the server names. */
  showDocument: boolean;
}

export const NO_CLIENT_SUPPORT: ClientSupport = {
  pullDiagnostics: false,
  applyEdit: false,
  watchFiles: false,
  workspaceFolders: false,
  configuration: false,
  refreshFolding: false,
  showDocument: false,
};

export class ServerContext {
  client: ClientSupport = NO_CLIENT_SUPPORT;
  /** The client's display language (the `locale` of initialize). */
  locale: Lang = 'en';
  /** `corpusLens.language`: `auto` follows the locale. */
  language: 'auto' | 'en' | 'zh-cn' = 'auto';
  /** Where the user is looking in each document, for the cap on diagnostics. */
  focus: Focus = new Focus(() => undefined);
  private lastAnalysisMs: number | null = null;
  /** Failures already logged, so that a bug is written to the log once, not on every pull. */
  private readonly logged = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly workspace: Workspace,
  ) {}

  /** The language of the server's messages and labels. */
  get lang(): Lang {
    return this.language === 'auto' ? this.locale : langOf(this.language);
  }

  /** An entry of the catalogue (core/l10n.ts) in the server's language. */
  t(message: Message): string {
    return say(message, this.lang);
  }

  warn(message: string): void {
    void this.connection.window.showWarningMessage(`Corpus Lens: ${message}`);
  }

  /** Writes `message` to the log the first time `key` comes up. */
  logOnce(key: string, message: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.connection.console.error(message);
  }

  /** The analysis of an open document as it is now; null when it is not open or not analysed. */
  analyzed(uri: string): AnalyzedDocument | null {
    const document = this.documents.get(uri);
    if (!document) return null;
    const result = this.workspace.documents.get(document);
    if (result) this.lastAnalysisMs = result.elapsedMs;
    return result;
  }

  /** The open documents the server analyses. */
  analysedDocuments(): TextDocument[] {
    return this.documents.all().filter((d) => this.workspace.documents.handles(d));
  }

  /** Documents whose analysis has run past the time budget and goes on. */
  private readonly busy = new Set<string>();

  /** Marks a document as being analysed past the budget, or done, and tells the client. */
  analysing(uri: string, busy: boolean): void {
    if (busy) this.busy.add(uri);
    else this.busy.delete(uri);
    this.sendStatus();
  }

  sendStatus(): void {
    const params: StatusParams = {
      analysing: [...this.busy],
      segmenter: this.workspace.segmenter().name,
      segmenterWarning: this.workspace.segmenterWarning,
      lastAnalysisMs: this.lastAnalysisMs,
      documents: this.analysedDocuments().length,
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }
}
