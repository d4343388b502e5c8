/**
 * The language server: wires LSP requests to the analysis. Handlers look up the document
 * and delegate; no analysis happens here.
 */
import {
  Connection,
  CodeAction,
  CodeActionKind,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GlossaryEntry } from '../core/glossary/entries';
import { chooseSegmenter } from '../segment';
import { LoadedGlossary, WORKSPACE_GLOSSARY, loadGlossaries } from './glossaryStore';
import { hoverAt } from './hover';
import { WorkspaceIndex } from '../io/workspaceIndex';
import { WorkspaceText, addToGlossaryAction, discoverInWorkspace, discoveredAt, discoveryHover, highlights, references } from './glossaryFeatures';
import { AnalysisCache, AnalyzedDocument } from './documents';
import { ServerSettings, readSettings } from './settings';
import { documentSymbols, foldingRanges, workspaceSymbols } from './symbols';

export const ARTICLES_REQUEST = 'corpusLens/articles';
export const STATUS_NOTIFICATION = 'corpusLens/status';

export interface ArticlesParams {
  uri: string;
}
/** Start positions of the articles, for next/previous-article navigation. */
export type ArticlesResult = { line: number; character: number }[];

export interface StatusParams {
  segmenter: string;
  segmenterWarning: string | null;
  lastAnalysisMs: number | null;
  documents: number;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = readSettings(undefined, () => undefined);
  let choice = chooseSegmenter(settings.segmenter);
  const cache = new AnalysisCache(choice.segmenter, { plaintext: settings.plaintext.enabled });
  let canPullConfiguration = false;
  let canRefreshFolding = false;
  let lastAnalysisMs: number | null = null;
  let workspaceFolders: string[] = [];
  let loaded: LoadedGlossary = loadGlossaries([]);
  let publishedGlossaryFiles: string[] = [];
  const workspaceIndex = new WorkspaceIndex([]);

  /** Every corpus text of the workspace: open documents first, then files on disk. */
  const workspaceTexts = (): WorkspaceText[] => {
    const texts: WorkspaceText[] = [];
    const open = new Set<string>();
    for (const document of documents.all()) {
      if (!cache.handles(document)) continue;
      texts.push({ uri: document.uri, text: document.getText() });
      open.add(document.uri);
    }
    for (const file of workspaceIndex.files()) {
      const uri = pathToFileURL(file).toString();
      if (open.has(uri)) continue;
      const text = workspaceIndex.text(file);
      if (text !== null) texts.push({ uri, text });
    }
    return texts;
  };

  const warn = (message: string) => connection.window.showWarningMessage(`Corpus Lens: ${message}`);

  const analyzed = (uri: string): AnalyzedDocument | null => {
    const document = documents.get(uri);
    if (!document) return null;
    const result = cache.get(document);
    if (result) lastAnalysisMs = result.elapsedMs;
    return result;
  };

  const sendStatus = () => {
    const params: StatusParams = {
      segmenter: cache.segmenterName,
      segmenterWarning: choice.fallbackReason,
      lastAnalysisMs,
      documents: documents.all().filter((d) => cache.handles(d)).length,
    };
    void connection.sendNotification(STATUS_NOTIFICATION, params);
  };

  const applySettings = (raw: unknown) => {
    const next = readSettings(raw, warn);
    if (next.segmenter !== settings.segmenter) {
      choice = chooseSegmenter(next.segmenter);
      if (choice.fallbackReason) warn(choice.fallbackReason);
    }
    const glossaryPathsChanged = JSON.stringify(next.glossary.paths) !== JSON.stringify(settings.glossary.paths);
    settings = next;
    cache.configure(choice.segmenter, { plaintext: settings.plaintext.enabled });
    if (glossaryPathsChanged) reloadGlossaries();
    if (canRefreshFolding) connection.languages.foldingRange.refresh().catch(() => undefined);
    sendStatus();
  };

  const reloadGlossaries = () => {
    const files = [...workspaceFolders.map((f) => path.join(f, WORKSPACE_GLOSSARY)), ...settings.glossary.paths.map((p) => path.resolve(workspaceFolders[0] ?? '.', p))];
    loaded = loadGlossaries(files);
    for (const warning of loaded.warnings) connection.console.warn(warning);
    choice.segmenter.addWords(loaded.glossary.words());
    const reported = loaded.reports.map((r) => r.file);
    for (const file of publishedGlossaryFiles) {
      if (!reported.includes(file)) void connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [] });
    }
    for (const report of loaded.reports) {
      void connection.sendDiagnostics({ uri: pathToFileURL(report.file).toString(), diagnostics: report.diagnostics });
    }
    publishedGlossaryFiles = reported;
  };

  const countOccurrences = (entry: GlossaryEntry, uri: string) => {
    let inFile = 0;
    let inWorkspace = 0;
    for (const { uri: textUri, text } of workspaceTexts()) {
      const n = loaded.glossary.findAll(text).filter((m) => m.entry === entry).length;
      inWorkspace += n;
      if (textUri === uri) inFile = n;
    }
    return { inFile, inWorkspace };
  };

  const pullSettings = async () => {
    if (!canPullConfiguration) return;
    applySettings(await connection.workspace.getConfiguration('corpusLens'));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canRefreshFolding = !!params.capabilities.workspace?.foldingRange?.refreshSupport;
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : [])
      .filter((uri) => uri.startsWith('file:'))
      .map((uri) => fileURLToPath(uri));
    workspaceIndex.setFolders(workspaceFolders);
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings !== undefined) {
      settings = readSettings(options.settings, (m) => connection.console.warn(m));
      choice = chooseSegmenter(settings.segmenter);
      cache.configure(choice.segmenter, { plaintext: settings.plaintext.enabled });
    }
    if (choice.fallbackReason) connection.console.warn(choice.fallbackReason);
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'corpus-lens', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpusLens' });
      void pullSettings();
    }
    reloadGlossaries();
    connection.console.info(
      `Corpus Lens server ready (segmenter: ${cache.segmenterName}; glossary: ${loaded.glossary.size} entries from ${loaded.files.length} file(s))`,
    );
    sendStatus();
  });

  connection.onDidChangeConfiguration((change) => {
    if (canPullConfiguration) void pullSettings();
    else applySettings((change.settings as { corpusLens?: unknown } | undefined)?.corpusLens);
  });

  documents.onDidOpen(() => sendStatus());
  documents.onDidClose((event) => {
    cache.forget(event.document.uri);
    sendStatus();
  });

  connection.onDocumentSymbol((params) => {
    const doc = analyzed(params.textDocument.uri);
    sendStatus();
    return doc ? documentSymbols(doc) : [];
  });
  connection.onFoldingRanges((params) => {
    const doc = analyzed(params.textDocument.uri);
    return doc ? foldingRanges(doc) : [];
  });
  connection.onWorkspaceSymbol((params) => {
    const docs = documents.all().map((d) => analyzed(d.uri)).filter((d): d is AnalyzedDocument => d !== null);
    return workspaceSymbols(docs, params.query);
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith('.json'))) {
      reloadGlossaries();
      cache.configure(choice.segmenter, { plaintext: settings.plaintext.enabled });
    }
  });
  connection.onHover((params) => {
    const doc = analyzed(params.textDocument.uri);
    if (!doc) return null;
    const offset = doc.lineIndex.offsetAt(params.position);
    const hover = hoverAt(doc, offset, loaded.glossary, (entry) => countOccurrences(entry, params.textDocument.uri));
    if (hover) return hover;
    const discovered = discoveredAt(doc.analysis.parsed.text, offset, loaded.glossary);
    if (!discovered) return null;
    const inWorkspace = discoverInWorkspace(workspaceTexts(), loaded.glossary).find((s) => s.term === discovered.slogan.term);
    return discoveryHover(discovered.slogan.term, inWorkspace ?? { ...discovered.slogan, files: 1 }, doc.lineIndex.rangeOf(discovered.span));
  });
  const sloganAt = (uri: string, position: { line: number; character: number }) => {
    const doc = analyzed(uri);
    if (!doc) return null;
    return { doc, match: loaded.glossary.findAt(doc.analysis.parsed.text, doc.lineIndex.offsetAt(position)) };
  };
  connection.onDefinition((params) => {
    const found = sloganAt(params.textDocument.uri, params.position);
    return found?.match ? (loaded.definitions.get(found.match.entry) ?? null) : null;
  });
  connection.onReferences((params) => {
    const found = sloganAt(params.textDocument.uri, params.position);
    return found?.match ? references(found.match.entry, loaded.glossary, workspaceTexts()) : [];
  });
  connection.onDocumentHighlight((params) => {
    const found = sloganAt(params.textDocument.uri, params.position);
    return found?.match ? highlights(found.match.entry, loaded.glossary, found.doc.analysis.parsed.text, found.doc.lineIndex) : [];
  });
  connection.onCodeAction((params) => {
    const doc = analyzed(params.textDocument.uri);
    if (!doc) return [];
    const actions: CodeAction[] = [];
    const offset = doc.lineIndex.offsetAt(params.range.start);
    const discovered = discoveredAt(doc.analysis.parsed.text, offset, loaded.glossary);
    if (discovered && workspaceFolders.length > 0) {
      actions.push(addToGlossaryAction(discovered.slogan, path.join(workspaceFolders[0], WORKSPACE_GLOSSARY)));
    }
    return actions;
  });
  connection.onRequest(ARTICLES_REQUEST, (params: ArticlesParams): ArticlesResult => {
    const doc = analyzed(params.uri);
    if (!doc) return [];
    return doc.analysis.articles.map((a) => doc.lineIndex.positionAt(a.title?.span.start ?? a.span.start));
  });

  documents.listen(connection);
  connection.listen();
}
