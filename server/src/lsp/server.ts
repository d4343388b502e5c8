/**
 * The language server: its lifecycle (initialize, settings, workspace folders) and the wiring
 * of the features in `features/`, one file each. No analysis happens here.
 */
import { CodeActionKind, Connection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import { langOf } from '../core/l10n';
import { FIX_ALL_KIND } from '../protocol';
import { Workspace } from '../workspace/workspace';
import { ClientSupport, ServerContext } from './context';
import { registerCodeActions } from './features/codeActions';
import { COMMANDS, registerCommands } from './features/commands';
import { registerDiagnostics } from './features/diagnostics';
import { registerGlossary } from './features/glossary';
import { registerHover } from './features/hover';
import { ProjectFiles } from './features/projectFiles';
import { registerSymbols } from './features/symbols';
import { readSettings } from './settings';
import { listenSynced, syncedDocuments } from './textDocuments';

export function startServer(connection: Connection): void {
  let settings = readSettings(undefined, () => undefined);
  let projectFiles: ProjectFiles | null = null;
  const workspace = new Workspace(settings, (project) => {
    for (const warning of project.loaded.warnings) connection.console.warn(warning);
    projectFiles?.publish(workspace.projects.reports());
  });
  const ctx = new ServerContext(connection, syncedDocuments(connection, workspace.documents), workspace);
  const delivery = registerDiagnostics(ctx);
  /** Settings, project files or folders changed: every document's findings and outline may differ. */
  const refresh = () => {
    delivery.refreshAll();
    if (ctx.client.refreshFolding) connection.languages.foldingRange.refresh().catch(() => undefined);
  };
  projectFiles = new ProjectFiles(ctx, refresh);

  const logWarnings = () => {
    for (const warning of workspace.warnings) connection.console.warn(warning);
  };

  const applySettings = (raw: unknown) => {
    const next = readSettings(raw, (message) => ctx.warn(message));
    const segmenterChanged = next.segmenter !== settings.segmenter;
    const glossaryPathsChanged = JSON.stringify(next.glossary.paths) !== JSON.stringify(settings.glossary.paths);
    settings = next;
    ctx.language = settings.language;
    workspace.configure(settings);
    if (segmenterChanged && workspace.segmenterWarning) ctx.warn(workspace.segmenterWarning);
    if (glossaryPathsChanged) void projectFiles?.watch(settings.glossary.paths);
    logWarnings();
    refresh();
    ctx.sendStatus();
  };

  const pullSettings = async () => {
    if (!ctx.client.configuration) return;
    applySettings(await connection.workspace.getConfiguration('corpusLens'));
  };

  const foldersOf = (folders: { uri: string }[]) => folders.map((f) => f.uri).filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const client: ClientSupport = {
      pullDiagnostics: !!capabilities.textDocument?.diagnostic,
      applyEdit: !!capabilities.workspace?.applyEdit,
      watchFiles: !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      workspaceFolders: !!capabilities.workspace?.workspaceFolders,
      configuration: !!capabilities.workspace?.configuration,
      refreshFolding: !!capabilities.workspace?.foldingRange?.refreshSupport,
      showDocument: !!capabilities.window?.showDocument?.support,
    };
    ctx.client = client;
    ctx.locale = langOf(params.locale);
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings !== undefined) settings = readSettings(options.settings, (m) => connection.console.warn(m));
    ctx.language = settings.language;
    workspace.configure(settings);
    workspace.setFolders(params.workspaceFolders ? foldersOf(params.workspaceFolders) : params.rootUri ? foldersOf([{ uri: params.rootUri }]) : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Corpus Lens' },
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: COMMANDS },
        ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'corpus-lens', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        ...(client.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'corpus-lens', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (ctx.client.configuration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpusLens' });
      void pullSettings();
    }
    void projectFiles?.watch(settings.glossary.paths);
    if (ctx.client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(foldersOf(event.removed));
        workspace.setFolders([...workspace.workspaceFolders.filter((folder) => !removed.has(folder)), ...foldersOf(event.added)]);
        logWarnings();
        refresh();
      });
    }
    // The segmenter is loaded now, after the client has its answer to initialize.
    const segmenter = workspace.segmenter();
    if (workspace.segmenterWarning) connection.console.warn(workspace.segmenterWarning);
    logWarnings();
    const glossary = workspace.projects.at(null).loaded;
    connection.console.info(`Corpus Lens server ready (segmenter: ${segmenter.name}; bundled glossary: ${glossary.glossary.size} entries)`);
    ctx.sendStatus();
  });

  connection.onDidChangeConfiguration((change) => {
    if (ctx.client.configuration) void pullSettings();
    else applySettings((change.settings as { corpusLens?: unknown } | undefined)?.corpusLens);
  });

  projectFiles.register();
  registerSymbols(ctx);
  registerHover(ctx);
  registerGlossary(ctx);
  registerCodeActions(ctx);
  registerCommands(ctx, refresh);

  listenSynced(ctx.documents, connection);
  connection.listen();
}
