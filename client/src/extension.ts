/**
 * The VS Code client: starts the language server and adds the editor-side commands and the
 * language status item. Everything it shows comes from the server.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

const ARTICLES_REQUEST = 'corpusLens/articles';
const STATUS_NOTIFICATION = 'corpusLens/status';
/** Commands the server executes (server/src/lsp/codeActions.ts). */
const SERVER_FIX_ALL = 'corpusLens.server.fixAll';
const SERVER_FIX_WORKSPACE = 'corpusLens.server.fixWorkspace';

interface StatusParams {
  segmenter: string;
  segmenterWarning: string | null;
  lastAnalysisMs: number | null;
  documents: number;
}

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  const status = vscode.languages.createLanguageStatusItem('corpusLens.status', [
    { language: 'zh-corpus' },
    { language: 'plaintext' },
  ]);
  status.name = 'Corpus Lens';
  status.text = 'Corpus Lens: starting…';
  status.command = { command: 'corpusLens.showOutput', title: 'Show output' };
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('corpusLens.nextArticle', () => moveToArticle(1)),
    vscode.commands.registerCommand('corpusLens.previousArticle', () => moveToArticle(-1)),
    vscode.commands.registerCommand('corpusLens.fixAll', fixAllInFile),
    vscode.commands.registerCommand('corpusLens.fixWorkspace', fixWorkspace),
    vscode.commands.registerCommand('corpusLens.restartServer', async () => {
      if (!client) return startClient(context, status);
      status.text = 'Corpus Lens: restarting…';
      await client.restart();
    }),
    vscode.commands.registerCommand('corpusLens.showOutput', () => output.show(true)),
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
  };
  client = new LanguageClient('corpusLens', 'Corpus Lens', serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Stopped) {
      status.text = 'Corpus Lens: stopped';
      status.severity = vscode.LanguageStatusSeverity.Warning;
    }
  });
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      const time = params.lastAnalysisMs === null ? '' : ` · ${Math.round(params.lastAnalysisMs)} ms`;
      status.text = `$(book) ${params.segmenter}${time}`;
      status.detail = `${params.documents} corpus file(s) open`;
      status.severity = params.segmenterWarning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      if (params.segmenterWarning) status.detail += ` — ${params.segmenterWarning}`;
    }),
  );
  context.subscriptions.push(client);
  await client.start();
}

/** The running client, or undefined after telling the user how to get it back. */
function runningClient(): LanguageClient | undefined {
  if (client?.isRunning()) return client;
  void vscode.window.showWarningMessage('Corpus Lens: the language server is not running. Run "Corpus Lens: Restart Server".');
  return undefined;
}

async function fixAllInFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const running = runningClient();
  if (!editor || !running) return;
  const { uri, version } = editor.document;
  const result: { applied: number } | null = await running.sendRequest(ExecuteCommandRequest.type, {
    command: SERVER_FIX_ALL,
    arguments: [{ uri: uri.toString(), version }],
  });
  const applied = result?.applied ?? 0;
  vscode.window.setStatusBarMessage(applied > 0 ? `Corpus Lens: ${applied} safe fixes applied` : 'Corpus Lens: nothing to fix safely', 4000);
}

async function fixWorkspace(): Promise<void> {
  const running = runningClient();
  if (!running) return;
  // The server sends one edit whose parts need confirmation: VS Code opens its refactor preview.
  await running.sendRequest(ExecuteCommandRequest.type, { command: SERVER_FIX_WORKSPACE, arguments: [] });
}

async function moveToArticle(direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const running = runningClient();
  if (!editor || !running) return;
  const starts: { line: number; character: number }[] = await running.sendRequest(ARTICLES_REQUEST, {
    uri: editor.document.uri.toString(),
  });
  const here = editor.selection.active;
  const positions = starts.map((p) => new vscode.Position(p.line, p.character));
  const target =
    direction === 1
      ? positions.find((p) => p.line > here.line)
      : [...positions].reverse().find((p) => p.line < here.line);
  if (!target) {
    void vscode.window.setStatusBarMessage(direction === 1 ? 'Corpus Lens: no next article' : 'Corpus Lens: no previous article', 2000);
    return;
  }
  editor.selection = new vscode.Selection(target, target);
  editor.revealRange(new vscode.Range(target, target), vscode.TextEditorRevealType.AtTop);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
