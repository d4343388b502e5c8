/**
 * The VS Code client: starts the language server and adds the editor-side commands and the
 * language status items. Everything it shows comes from the server; its own strings go through
 * vscode.l10n (l10n/bundle.l10n.*.json).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { CancellationToken, ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind, WorkspaceEdit } from 'vscode-languageclient/node';
import { trackActiveCorpusFile } from './corpusDocuments';
import { offerCorpusLanguage } from './languageSwitch';
// The custom protocol is the server's (server/src/protocol.ts, built first as a project
// reference); esbuild bundles it into the packaged client.
import {
  ARTICLES_REQUEST,
  ArticlesParams,
  ArticlesResult,
  CLIENT_COMMANDS,
  DIAGNOSTIC_SOURCE,
  FixAllArguments,
  FixAllResult,
  FixWorkspaceResult,
  SERVER_COMMANDS,
  STATUS_NOTIFICATION,
  ShowAllFindingsArguments,
  StatusParams,
  VISIBLE_RANGES_NOTIFICATION,
  VisibleRangesParams,
} from '../../server/out/protocol';

const WALKTHROUGH = 'corpus-lens.corpus-lens#corpusLens.gettingStarted';
const CORPUS_DOCUMENTS: vscode.DocumentSelector = [{ language: 'zh-corpus' }, { language: 'plaintext' }];

const t = vscode.l10n.t;

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
/** Called when the server sends the edit of a running workspace fix (its review begins). */
let onWorkspaceEdit: ((edit: WorkspaceEdit) => void) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  const status = vscode.languages.createLanguageStatusItem('corpusLens.status', CORPUS_DOCUMENTS);
  status.name = 'Corpus Lens';
  status.text = t('Corpus Lens: starting…');
  status.busy = true;
  status.command = { command: 'corpusLens.showOutput', title: t('Show Output') };
  const problems = problemsStatus();
  context.subscriptions.push(output, status, ...problems, trackActiveCorpusFile(), offerCorpusLanguage(context, output));

  context.subscriptions.push(
    vscode.commands.registerCommand('corpusLens.nextArticle', () => moveToArticle(1)),
    vscode.commands.registerCommand('corpusLens.previousArticle', () => moveToArticle(-1)),
    vscode.commands.registerCommand('corpusLens.fixAll', fixAllInFile),
    vscode.commands.registerCommand('corpusLens.fixWorkspace', () => fixWorkspace(context)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showAllFindings, async () => {
      const editor = activeEditor();
      const running = editor && runningClient();
      const args: ShowAllFindingsArguments | undefined = editor && { uri: editor.document.uri.toString() };
      if (running) await running.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.showAllFindings, arguments: [args] });
    }),
    ...visibleRanges(),
    vscode.commands.registerCommand('corpusLens.restartServer', async () => {
      if (!client) return startClient(context, status);
      status.text = t('Corpus Lens: restarting…');
      status.busy = true;
      await client.restart();
    }),
    vscode.commands.registerCommand('corpusLens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('corpusLens.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false),
    ),
  );

  await startClient(context, status);
}

async function startClient(context: vscode.ExtensionContext, status: vscode.LanguageStatusItem): Promise<void> {
  // The packaged extension ships the bundled server; a development checkout runs the compiled one.
  const bundled = context.asAbsolutePath('dist/server.js');
  const module = fs.existsSync(bundled) ? bundled : context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'zh-corpus' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'vscode-remote' },
    ],
    synchronize: {
      configurationSection: 'corpusLens',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.corpus-lens/*.json'),
    },
    outputChannel: output,
    initializationOptions: { settings: vscode.workspace.getConfiguration().get('corpusLens') },
    middleware: {
      workspace: {
        handleApplyEdit: (params, next) => {
          onWorkspaceEdit?.(params.edit);
          return next(params, CancellationToken.None);
        },
      },
    },
  };
  client = new LanguageClient('corpusLens', 'Corpus Lens', serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Stopped) {
      status.text = t('Corpus Lens: stopped');
      status.detail = t('Run "Corpus Lens: Restart Server" to start it again');
      status.severity = vscode.LanguageStatusSeverity.Warning;
      status.busy = false;
    }
  });
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      // A document past the server's time budget: its findings are on the way, the ones shown are older.
      const analysing = params.analysing ?? [];
      status.busy = analysing.length > 0;
      status.text = analysing.length > 0 ? t('$(sync~spin) Analysing {0}…', analysing.map((uri) => uri.slice(uri.lastIndexOf('/') + 1)).join(', ')) : `$(book) ${params.segmenter}`;
      const files = params.documents === 1 ? t('1 corpus file open') : t('{0} corpus files open', params.documents);
      const analysis = params.lastAnalysisMs === null ? undefined : t('last analysis {0} ms', Math.round(params.lastAnalysisMs));
      status.detail = [analysis, files, params.segmenterWarning ?? undefined].filter((part) => part !== undefined).join(' · ');
      status.severity = params.segmenterWarning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    }),
  );
  context.subscriptions.push(client);
  await client.start();
  sendVisibleRanges(vscode.window.activeTextEditor);
}

/** A second status entry: the server's findings in the active file (hints counted apart). */
function problemsStatus(): vscode.Disposable[] {
  const item = vscode.languages.createLanguageStatusItem('corpusLens.problems', CORPUS_DOCUMENTS);
  item.name = t('Corpus Lens problems');
  item.command = { command: 'workbench.actions.view.problems', title: t('Show Problems') };
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const found = document ? vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE) : [];
    const hints = found.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).length;
    const shown = found.length - hints;
    const errors = found.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    item.text = shown === 0 ? t('$(check) No OCR problems') : shown === 1 ? t('$(warning) 1 OCR problem') : t('$(warning) {0} OCR problems', shown);
    item.detail = hints === 0 ? t('in this file') : hints === 1 ? t('in this file · 1 hint') : t('in this file · {0} hints', hints);
    item.severity = errors > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  update();
  return [
    item,
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
  ];
}

/** Sends the server the visible ranges of each editor as the user scrolls (after a short rest). */
let sendVisibleRanges: (editor: vscode.TextEditor | undefined) => void = () => undefined;
function visibleRanges(): vscode.Disposable[] {
  let timer: NodeJS.Timeout | undefined;
  const send = (sendVisibleRanges = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!editor || !client?.isRunning()) return;
      const params: VisibleRangesParams = { uri: editor.document.uri.toString(), ranges: editor.visibleRanges.map((r) => client!.code2ProtocolConverter.asRange(r)) };
      void client.sendNotification(VISIBLE_RANGES_NOTIFICATION, params);
    }, 100);
  });
  return [vscode.window.onDidChangeTextEditorVisibleRanges((e) => send(e.textEditor)), vscode.window.onDidChangeActiveTextEditor(send)];
}

/** The running client, or undefined after telling the user how to get it back. */
function runningClient(): LanguageClient | undefined {
  if (client?.isRunning()) return client;
  void vscode.window.showWarningMessage(t('Corpus Lens: the language server is not running. Run "Corpus Lens: Restart Server".'));
  return undefined;
}

/** The active editor, or undefined after saying that a corpus file must be open. */
function activeEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) void vscode.window.showInformationMessage(t('Corpus Lens: open a corpus file first.'));
  return editor;
}

async function fixAllInFile(): Promise<void> {
  const editor = activeEditor();
  const running = editor && runningClient();
  if (!editor || !running) return;
  const { uri, version } = editor.document;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: t('Corpus Lens: fixing OCR artefacts…') },
    (): Promise<FixAllResult | null> => {
      const argument: FixAllArguments = { uri: uri.toString(), version };
      return running.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.fixAll, arguments: [argument] });
    },
  );
  const applied = result?.applied ?? 0;
  vscode.window.setStatusBarMessage(
    applied === 0 ? t('Corpus Lens: nothing to fix safely') : applied === 1 ? t('Corpus Lens: 1 safe fix applied') : t('Corpus Lens: {0} safe fixes applied', applied),
    4000,
  );
}

async function fixWorkspace(context: vscode.ExtensionContext): Promise<void> {
  const running = runningClient();
  if (!running) return;
  // The server checks every corpus file, then sends one edit whose parts need confirmation, so
  // VS Code opens its refactor preview; the request ends once that review is done. The
  // notification covers the checking and closes when the review opens.
  let request: Promise<FixWorkspaceResult | null> | undefined;
  let reviewed = false;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Corpus Lens: looking for safe fixes in the workspace…') },
    () =>
      new Promise<void>((resolve) => {
        onWorkspaceEdit = (edit) => {
          reviewed = true;
          resolve();
          // The preview starts with every box unticked: Apply alone would change nothing.
          void previewNote(context, countEdits(edit));
        };
        request = running.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.fixWorkspace, arguments: [] });
        request.then(() => resolve(), () => resolve());
      }),
  );
  onWorkspaceEdit = undefined;
  try {
    const result = await request;
    if (result && result.edits > 0) vscode.window.setStatusBarMessage(t('Corpus Lens: the fixes you ticked were applied'), 4000);
    else if (reviewed) vscode.window.setStatusBarMessage(t('Corpus Lens: no fix was applied'), 4000);
  } catch (error) {
    void vscode.window.showErrorMessage(t('Corpus Lens: the workspace fix failed: {0}', error instanceof Error ? error.message : String(error)));
  }
}

/** The globalState key set by "Don't Show Again" on the note about the Refactor Preview. */
const PREVIEW_NOTE_HIDDEN = 'corpusLens.previewNoteHidden';

/** Says, while the Refactor Preview is open, that its boxes start unticked. */
async function previewNote(context: vscode.ExtensionContext, { files, edits }: { files: number; edits: number }): Promise<void> {
  if (context.globalState.get(PREVIEW_NOTE_HIDDEN)) return;
  const hide = t("Don't Show Again");
  const answer = await vscode.window.showInformationMessage(
    t('Corpus Lens: {0} safe fixes in {1} files wait in the Refactor Preview, every one unticked. Tick the rules or files to apply, then press Apply; Discard changes nothing.', edits, files),
    hide,
  );
  if (answer === hide) await context.globalState.update(PREVIEW_NOTE_HIDDEN, true);
}

/** The files and text edits of a workspace edit (as the server sends it: TextDocumentEdits). */
function countEdits(edit: WorkspaceEdit): { files: number; edits: number } {
  const changes = (edit.documentChanges ?? []).filter((c): c is Extract<typeof c, { edits: unknown }> => 'edits' in c);
  return { files: changes.length, edits: changes.reduce((n, c) => n + c.edits.length, 0) };
}

async function moveToArticle(direction: 1 | -1): Promise<void> {
  const editor = activeEditor();
  const running = editor && runningClient();
  if (!editor || !running) return;
  const params: ArticlesParams = { uri: editor.document.uri.toString() };
  const starts: ArticlesResult = await running.sendRequest(ARTICLES_REQUEST, params);
  const here = editor.selection.active;
  const positions = starts.map((p) => new vscode.Position(p.line, p.character));
  const target =
    direction === 1
      ? positions.find((p) => p.line > here.line)
      : [...positions].reverse().find((p) => p.line < here.line);
  if (!target) {
    void vscode.window.setStatusBarMessage(direction === 1 ? t('Corpus Lens: no next article') : t('Corpus Lens: no previous article'), 2000);
    return;
  }
  editor.selection = new vscode.Selection(target, target);
  editor.revealRange(new vscode.Range(target, target), vscode.TextEditorRevealType.AtTop);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
