/**
 * A JSON-RPC client for the real server over stdio, as any LSP client would be: it records
 * published diagnostics and messages, applies `workspace/applyEdit` requests to the texts it
 * holds, and waits by polling (never a fixed sleep).
 */
import { ChildProcess, spawn } from 'node:child_process';
import {
  ApplyWorkspaceEditParams,
  ApplyWorkspaceEditRequest,
  ClientCapabilities,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER } from './paths';

export interface StartOptions {
  capabilities?: ClientCapabilities;
  workspace?: string;
  locale?: string;
  settings?: unknown;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly messages: string[] = [];
  /** Errors the server logged (window/logMessage of type Error). */
  readonly loggedErrors: string[] = [];
  /** Warnings the server logged (window/logMessage of type Warning). */
  readonly loggedWarnings: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  /** The documents the server asked the client to show (window/showDocument). */
  readonly shownDocuments: string[] = [];
  /** Every edit the server asked to apply, applied or not. */
  readonly requestedEdits: WorkspaceEdit[] = [];
  initializeResult!: InitializeResult;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.method, (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params);
    });
    connection.onNotification(ShowMessageNotification.method, (params: { message: string }) => {
      client.messages.push(params.message);
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) client.loggedErrors.push(params.message);
      if (params.type === 2) client.loggedWarnings.push(params.message);
    });
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      client.messages.push(params.message);
      return null;
    });
    connection.onRequest(ApplyWorkspaceEditRequest.method, (params: ApplyWorkspaceEditParams) => {
      client.requestedEdits.push(params.edit);
      return client.applyEdit(params.edit);
    });
    connection.onRequest('window/showDocument', (params: { uri: string }) => {
      client.shownDocuments.push(params.uri);
      return { success: true };
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/configuration', () => [options.settings ?? null]);
    connection.listen();
    const { pathToFileURL } = await import('node:url');
    const folder = options.workspace ? pathToFileURL(options.workspace).toString() : null;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder,
      capabilities: { workspace: { applyEdit: true }, ...options.capabilities },
      workspaceFolders: folder ? [{ uri: folder, name: 'ws' }] : null,
      locale: options.locale,
      initializationOptions: options.settings === undefined ? undefined : { settings: options.settings },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'zh-corpus'): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.documents.get(uri)!.version;
  }

  /** Applies `edit` to the held documents and tells the server, as an editor would. */
  async applyEdit(edit: WorkspaceEdit): Promise<{ applied: boolean; failureReason?: string }> {
    for (const change of edit.documentChanges ?? []) {
      if (!TextDocumentEdit.is(change)) continue;
      const document = this.documents.get(change.textDocument.uri);
      if (!document) return { applied: false, failureReason: 'not open' };
      if (change.textDocument.version !== null && change.textDocument.version !== document.version) {
        return { applied: false, failureReason: 'stale version' };
      }
    }
    for (const change of edit.documentChanges ?? []) {
      if (!TextDocumentEdit.is(change)) continue;
      await this.change(change.textDocument.uri, change.edits as TextEdit[]);
    }
    return { applied: true };
  }

  async change(uri: string, edits: TextEdit[]): Promise<void> {
    const document = this.documents.get(uri)!;
    const text = TextDocument.applyEdits(document, edits);
    const next = TextDocument.create(uri, document.languageId, document.version + 1, text);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ text }],
    });
  }

  /** The server's process id (to sample its memory). */
  get pid(): number {
    return this.child.pid!;
  }

  /** Whether the server process has ended. */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Sends incremental changes (ranges in the text as each change finds it), as editors do. */
  async changeIncremental(uri: string, changes: { range: Range; text: string }[]): Promise<void> {
    const document = this.documents.get(uri)!;
    const next = TextDocument.update(TextDocument.create(uri, document.languageId, document.version, document.getText()), changes, document.version + 1);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    this.connection.dispose();
    this.child.kill();
  }
}

/** Polls `read` until `accept` holds, up to `timeoutMs`. */
export async function waitFor<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 10000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
