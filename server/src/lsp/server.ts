/**
 * The language server: wires LSP requests to the analysis. Handlers look up the document
 * and delegate; no analysis happens here.
 */
import {
  Connection,
  CodeAction,
  Diagnostic,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  Disposable,
  DocumentDiagnosticReportKind,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeDocument } from '../core/analysis';
import { GlossaryEntry } from '../core/glossary/entries';
import { anchorOf } from '../core/lint/ignore';
import { Lang, inLang, langOf } from '../core/lint/json';
import { EncodingName } from '../core/encoding';
import { FileReport, addIgnoreEntry } from '../io/project';
import { chooseSegmenter } from '../segment';
import { LoadedGlossary, WORKSPACE_GLOSSARY, loadGlossaries, loadWorkspaceGlossaries } from './glossaryStore';
import { hoverAt } from './hover';
import { WorkspaceIndex } from '../io/workspaceIndex';
import { WorkspaceText, addToGlossaryAction, discoverInWorkspace, discoveredAt, discoveryHover, highlights, references } from './glossaryFeatures';
import { FIX_ALL_KIND, IgnoreArguments, SERVER_COMMANDS, WorkspaceFixItem, codeActions, safeFixEdits, versionedEdit, workspaceFixEdit } from './codeActions';
import { internalErrorDiagnostic, toDiagnostics } from './diagnostics';
import { DiagnosticsDelivery } from './diagnosticsDelivery';
import { AnalysisCache, AnalyzedDocument, applyChanges, isCorpusFileName } from './documents';
import { LintService } from './lintService';
import { integerField, invalidParams, objectParam, optionalIntegerField, positionParam, rangeParam, stringField, textDocumentUri } from './params';
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
  const documents = new TextDocuments({
    create: TextDocument.create,
    // A change sent under an older version than the document has is out of order: applying it
    // would put the text out of step with the client's. (A change under the same version is
    // applied; the analysis compares texts, so it never serves results of the text before.)
    update: (document, changes, version) => {
      if (version < document.version) {
        connection.console.warn(`Ignored a change to ${document.uri} for version ${version}: the document is already at version ${document.version}`);
        return document;
      }
      const from = document.version;
      const applied = applyChanges(document, changes, version);
      cache.noteChange(document.uri, from, version, applied.ends);
      return applied.document;
    },
  });
  let settings: ServerSettings = readSettings(undefined, () => undefined);
  let choice = chooseSegmenter(settings.segmenter);
  const cache = new AnalysisCache(choice.segmenter, { plaintext: settings.plaintext.enabled });
  let canPullConfiguration = false;
  let canRefreshFolding = false;
  let lastAnalysisMs: number | null = null;
  let workspaceFolders: string[] = [];
  let loaded: LoadedGlossary = loadGlossaries([]);
  let publishedFiles = new Set<string>();
  const workspaceIndex = new WorkspaceIndex([]);
  const lints = new LintService(
    { folders: [], settings: settings.lint, glossary: loaded.glossary, segmenter: choice.segmenter },
    (reports) => publishFileReports([...loaded.reports, ...reports]),
  );
  let lang: Lang = 'en';
  let canApplyEdits = false;
  let canWatchFiles = false;
  let canFollowFolders = false;
  let watching: Disposable | null = null;
  let delivery: DiagnosticsDelivery | null = null;

  /**
   * Every corpus text of the workspace: the open documents the server analyses, then the files
   * on disk that are not open (plain .txt files only while plaintext analysis is on).
   */
  const workspaceTexts = (): (WorkspaceText & { encoding: EncodingName | null })[] => {
    const texts: (WorkspaceText & { encoding: EncodingName | null })[] = [];
    for (const document of documents.all()) {
      if (cache.handles(document)) texts.push({ uri: document.uri, text: document.getText(), encoding: null });
    }
    const open = new Set(documents.all().map((d) => d.uri));
    for (const file of workspaceIndex.files()) {
      const uri = pathToFileURL(file).toString();
      if (open.has(uri) || (!settings.plaintext.enabled && !isCorpusFileName(file))) continue;
      const decoded = workspaceIndex.read(file);
      if (decoded) texts.push({ uri, text: decoded.text, encoding: decoded.encoding });
    }
    return texts;
  };

  const warn = (message: string) => connection.window.showWarningMessage(`Corpus Lens: ${message}`);
  /** A message in the client's display language. */
  const say = (zh: string, en: string) => inLang(lang, zh, en);

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
      choice.segmenter.addWords(loaded.glossary.words());
    }
    const glossaryPathsChanged = JSON.stringify(next.glossary.paths) !== JSON.stringify(settings.glossary.paths);
    settings = next;
    cache.configure(choice.segmenter, { plaintext: settings.plaintext.enabled });
    if (glossaryPathsChanged) {
      reloadGlossaries();
      void watchProjectFiles();
    }
    reloadProjectFiles();
    if (canRefreshFolding) connection.languages.foldingRange.refresh().catch(() => undefined);
    sendStatus();
  };

  /** Problems in the project's JSON files (glossaries, config.json, ignore.json) are shown in those files. */
  const publishFileReports = (reports: FileReport[]) => {
    const now = new Set(reports.map((r) => r.file));
    for (const file of publishedFiles) {
      if (!now.has(file)) void connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [] });
    }
    for (const report of reports) void connection.sendDiagnostics({ uri: pathToFileURL(report.file).toString(), diagnostics: report.diagnostics });
    publishedFiles = now;
  };

  /** Re-reads settings-dependent lint state and the folders' config and ignore files, then refreshes diagnostics. */
  const reloadProjectFiles = () => {
    lints.configure({ folders: workspaceFolders, settings: settings.lint, glossary: loaded.glossary, segmenter: choice.segmenter });
    delivery?.refreshAll();
  };

  /** Failures already logged, so that a bug is written to the log once, not on every pull. */
  const loggedFailures = new Set<string>();
  const logFailure = (key: string, message: string) => {
    if (loggedFailures.has(key)) return;
    loggedFailures.add(key);
    connection.console.error(message);
  };

  const diagnosticsOf = (uri: string): Diagnostic[] => {
    const document = documents.get(uri);
    if (!document) return [];
    const doc = analyzed(uri);
    if (!doc) {
      const failure = cache.failureOf(document);
      if (!failure) return [];
      logFailure(`${uri}\0analysis\0${failure}`, `Analysis of ${uri} failed: ${failure}`);
      return [internalErrorDiagnostic(say('无法分析本文档', 'the document could not be analysed'), failure, lang)];
    }
    try {
      const result = lints.lint(doc);
      const failed = result.failures.map((f) => {
        logFailure(`${uri}\0${f.rule}\0${f.error}`, `Rule ${f.rule} failed on ${uri}: ${f.error}`);
        return internalErrorDiagnostic(say(`规则 ${f.rule} 出错，它的结果缺失`, `the rule ${f.rule} failed and its findings are missing`), f.error, lang);
      });
      return [...failed, ...toDiagnostics(result.shown, doc.lineIndex, lang)];
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      logFailure(`${uri}\0lint\0${detail}`, `Linting ${uri} failed: ${detail}`);
      return [internalErrorDiagnostic(say('无法检查本文档', 'the document could not be checked'), detail, lang)];
    }
  };

  /** Asks the client to report changes of the project files and of the glossaries named in settings. */
  const watchProjectFiles = async () => {
    if (!canWatchFiles) return;
    watching?.dispose();
    const glossaries = settings.glossary.paths.map((p) => path.resolve(workspaceFolders[0] ?? '.', p).split(path.sep).join('/'));
    const watchers = ['**/.corpus-lens/*.json', ...glossaries].map((globPattern) => ({ globPattern }));
    watching = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  };

  const reloadGlossaries = () => {
    loaded = loadWorkspaceGlossaries(workspaceFolders, settings.glossary.paths);
    for (const warning of loaded.warnings) connection.console.warn(warning);
    choice.segmenter.addWords(loaded.glossary.words());
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
    const pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    delivery = new DiagnosticsDelivery(connection, pullDiagnostics, diagnosticsOf, () => documents.all().map((d) => d.uri));
    canApplyEdits = !!params.capabilities.workspace?.applyEdit;
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canFollowFolders = !!params.capabilities.workspace?.workspaceFolders;
    lang = langOf(params.locale);
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'corpus-lens', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        ...(canFollowFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
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
    reloadProjectFiles();
    void watchProjectFiles();
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const paths = (folders: { uri: string }[]) => folders.map((f) => f.uri).filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
        const removed = new Set(paths(event.removed));
        workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...paths(event.added)];
        workspaceIndex.setFolders(workspaceFolders);
        reloadGlossaries();
        reloadProjectFiles();
      });
    }
    connection.console.info(
      `Corpus Lens server ready (segmenter: ${cache.segmenterName}; glossary: ${loaded.glossary.size} entries from ${loaded.files.length} file(s))`,
    );
    sendStatus();
  });

  connection.onDidChangeConfiguration((change) => {
    if (canPullConfiguration) void pullSettings();
    else applySettings((change.settings as { corpusLens?: unknown } | undefined)?.corpusLens);
  });

  documents.onDidOpen((event) => {
    delivery?.opened(event.document.uri);
    sendStatus();
  });
  documents.onDidChangeContent((event) => delivery?.changed(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    cache.forget(uri);
    lints.forget(uri);
    delivery?.closed(uri);
    sendStatus();
  });
  connection.languages.diagnostics.on((params) => {
    const items = diagnosticsOf(textDocumentUri(params, 'params'));
    sendStatus();
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.onDocumentSymbol((params) => {
    const doc = analyzed(textDocumentUri(params, 'params'));
    sendStatus();
    return doc ? documentSymbols(doc) : [];
  });
  connection.onFoldingRanges((params) => {
    const doc = analyzed(textDocumentUri(params, 'params'));
    return doc ? foldingRanges(doc) : [];
  });
  connection.onWorkspaceSymbol((params) => {
    const docs = documents.all().map((d) => analyzed(d.uri)).filter((d): d is AnalyzedDocument => d !== null);
    return workspaceSymbols(docs, typeof params?.query === 'string' ? params.query : '');
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => c.uri.endsWith('.json'))) {
      reloadGlossaries();
      cache.configure(choice.segmenter, { plaintext: settings.plaintext.enabled });
      reloadProjectFiles();
    }
  });
  connection.onHover((params) => {
    const uri = textDocumentUri(params, 'params');
    const position = positionParam(params.position, 'params.position');
    const doc = analyzed(uri);
    if (!doc) return null;
    const offset = doc.lineIndex.offsetAt(position);
    const hover = hoverAt(doc, offset, loaded.glossary, (entry) => countOccurrences(entry, uri));
    if (hover) return hover;
    const discovered = discoveredAt(doc.analysis.text, offset, loaded.glossary);
    if (!discovered) return null;
    const inWorkspace = discoverInWorkspace(workspaceTexts(), loaded.glossary).find((s) => s.term === discovered.slogan.term);
    return discoveryHover(discovered.slogan.term, inWorkspace ?? { ...discovered.slogan, files: 1 }, doc.lineIndex.rangeOf(discovered.span));
  });
  const sloganAt = (params: unknown) => {
    const uri = textDocumentUri(params, 'params');
    const position = positionParam((params as { position?: unknown }).position, 'params.position');
    const doc = analyzed(uri);
    if (!doc) return null;
    return { doc, match: loaded.glossary.findAt(doc.analysis.text, doc.lineIndex.offsetAt(position)) };
  };
  connection.onDefinition((params) => {
    const found = sloganAt(params);
    return found?.match ? (loaded.definitions.get(found.match.entry) ?? null) : null;
  });
  connection.onReferences((params) => {
    const found = sloganAt(params);
    return found?.match ? references(found.match.entry, loaded.glossary, workspaceTexts()) : [];
  });
  connection.onDocumentHighlight((params) => {
    const found = sloganAt(params);
    return found?.match ? highlights(found.match.entry, loaded.glossary, found.doc.analysis.text, found.doc.lineIndex) : [];
  });
  connection.onCodeAction((params) => {
    const range = rangeParam(params?.range, 'params.range');
    const doc = analyzed(textDocumentUri(params, 'params'));
    if (!doc) return [];
    // Some clients send no context; it is optional in effect (no diagnostics, no filter).
    const context = params.context ?? { diagnostics: [] };
    const text = doc.analysis.text;
    const start = doc.lineIndex.offsetAt(range.start);
    const actions: CodeAction[] = codeActions({
      doc,
      text,
      findings: lints.lint(doc).findings,
      start,
      end: doc.lineIndex.offsetAt(range.end),
      only: context.only,
      diagnostics: Array.isArray(context.diagnostics) ? context.diagnostics : [],
      lang,
      canIgnore: lints.placeOf(doc.uri) !== null,
    });
    const discovered = discoveredAt(text, start, loaded.glossary);
    const wantsQuickFix = !context.only || context.only.includes(CodeActionKind.QuickFix);
    if (discovered && wantsQuickFix && workspaceFolders.length > 0) {
      const folder = lints.folderOf(doc.uri) ?? workspaceFolders[0];
      const add = addToGlossaryAction(discovered.slogan, path.join(folder, WORKSPACE_GLOSSARY));
      if (add) actions.push(add);
    }
    return actions;
  });

  /** The arguments of the ignore command, checked. */
  const ignoreArguments = (arg: unknown): IgnoreArguments => {
    const what = 'the argument of ignore';
    const object = objectParam(arg, what);
    const args = {
      uri: stringField(object, 'uri', what),
      version: integerField(object, 'version', what),
      rule: stringField(object, 'rule', what),
      start: integerField(object, 'start', what),
      end: integerField(object, 'end', what),
    };
    if (args.end < args.start) throw invalidParams(`${what}: end comes before start`);
    return args;
  };

  /** The open document at `version`, or null (with a message) when it is gone or has changed since. */
  const current = (uri: string, version: number | null): AnalyzedDocument | null => {
    const doc = analyzed(uri);
    if (!doc) {
      warn(say('这个文档不是本服务分析的语料文件', 'this document is not a corpus file the server analyses'));
      return null;
    }
    if (version !== null && doc.version !== version) {
      warn(say('计算修复之后文档已改动，未作任何修改（请重试）', 'the document changed since the fix was computed; nothing was changed (try again)'));
      return null;
    }
    return doc;
  };

  connection.onExecuteCommand(async (params) => {
    const [arg] = (params.arguments ?? []) as unknown[];
    switch (params.command) {
      case SERVER_COMMANDS.fixAll: {
        const target = objectParam(arg, 'the argument of fixAll');
        const doc = current(stringField(target, 'uri', 'fixAll'), optionalIntegerField(target, 'version', 'fixAll'));
        if (!doc || !canApplyEdits) return { applied: 0 };
        const edits = safeFixEdits(doc.analysis.text, lints.lint(doc).findings);
        if (edits.length === 0) return { applied: 0 };
        const label = say('Corpus Lens：修复全部可安全修复的 OCR 问题', 'Corpus Lens: fix all safe OCR artefacts');
        const result = await connection.workspace.applyEdit({ label, edit: versionedEdit(doc, doc.lineIndex, edits) });
        if (!result.applied) warn(say('修复未能应用', 'the fixes were not applied') + (result.failureReason ? `: ${result.failureReason}` : ''));
        return { applied: result.applied ? edits.length : 0 };
      }
      case SERVER_COMMANDS.ignore: {
        const { uri, version, rule, start, end } = ignoreArguments(arg);
        const doc = current(uri, version);
        if (!doc) return false;
        // Only a finding the server reports now can be ignored: never an invented rule or span.
        if (!lints.lint(doc).findings.some((f) => f.rule === rule && f.span.start === start && f.span.end === end)) {
          throw invalidParams(`there is no ${rule} finding at ${start}–${end} in ${uri}`);
        }
        const place = lints.placeOf(uri);
        if (!place) return false;
        const anchor = anchorOf(place.file, rule, doc.analysis.text, { start, end });
        if (!anchor) return false;
        try {
          addIgnoreEntry(place.root, anchor);
        } catch (error) {
          warn(say('无法写入忽略文件', 'cannot write the ignore file') + `: ${(error as Error).message}`);
          return false;
        }
        reloadProjectFiles();
        return true;
      }
      case SERVER_COMMANDS.fixWorkspace:
        return fixWorkspace();
    }
    return null;
  });

  /** Safe fixes of every corpus file of the workspace, sent for review in one annotated edit. */
  const fixWorkspace = async () => {
    if (!canApplyEdits) return { files: 0, edits: 0 };
    const texts = workspaceTexts();
    // The editor opens a file on disk in its default encoding (UTF-8, or what a BOM says): the
    // edit's positions would not fit a GB18030 file, which the command line fixes instead.
    const editable = texts.filter((t) => t.encoding !== 'gb18030');
    const leftOut = texts.length - editable.length;
    if (leftOut > 0) {
      void connection.window.showInformationMessage(
        say(
          `Corpus Lens：${leftOut} 个 GB18030 文件未纳入（编辑器按 UTF-8 打开它们），请用 corpus-lens fix 修复`,
          `Corpus Lens: ${leftOut} GB18030 file(s) left out (the editor opens them as UTF-8); fix them with corpus-lens fix`,
        ),
      );
    }
    const items: WorkspaceFixItem[] = editable.map(({ uri, text }) => {
      const open = analyzed(uri);
      const findings = open ? lints.lint(open).findings : lints.lintAnalysis(uri, analyzeDocument(text, { segmenter: choice.segmenter })).findings;
      return { uri, version: open ? open.version : null, text, findings };
    });
    const { edit, files, edits } = workspaceFixEdit(items, lang);
    if (edits === 0) {
      void connection.window.showInformationMessage(say('Corpus Lens：工作区里没有可安全修复的问题', 'Corpus Lens: no safe fixes in the workspace'));
      return { files: 0, edits: 0 };
    }
    const label = say(`Corpus Lens：${files} 个文件中的 ${edits} 处安全修复`, `Corpus Lens: ${edits} safe fixes in ${files} files`);
    const result = await connection.workspace.applyEdit({ label, edit });
    return { files: result.applied ? files : 0, edits: result.applied ? edits : 0 };
  };
  connection.onRequest(ARTICLES_REQUEST, (params: ArticlesParams): ArticlesResult => {
    const doc = analyzed(stringField(objectParam(params, 'params'), 'uri', 'params'));
    if (!doc) return [];
    return doc.analysis.articles.map((a) => doc.lineIndex.positionAt(a.title?.span.start ?? a.span.start));
  });

  documents.listen(connection);
  connection.listen();
}
