/**
 * The project's own files on disk: the problems of config.json, ignore.json and the glossaries
 * shown in those files, the client asked to report changes to them (and to the corpus files,
 * for the workspace's file list), and the workspace told when they change.
 */
import * as path from 'node:path';
import { Disposable, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS_EXTENSIONS } from '../../io/files';
import { FileReport } from '../../io/project';
import { ServerContext } from '../context';

export class ProjectFiles {
  private published = new Set<string>();
  private watching: Disposable | null = null;

  constructor(
    private readonly ctx: ServerContext,
    /** Called when a project file changed: every document's findings may have changed. */
    private readonly changed: () => void,
  ) {}

  /** Shows the problems in the project files; a file that has none any more is cleared. */
  publish(reports: FileReport[]): void {
    const now = new Set(reports.map((r) => r.file));
    for (const file of this.published) {
      if (!now.has(file)) void this.ctx.connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [] });
    }
    for (const report of reports) void this.ctx.connection.sendDiagnostics({ uri: pathToFileURL(report.file).toString(), diagnostics: report.diagnostics });
    this.published = now;
  }

  /** Asks the client to report changes of the project files, the glossaries named in settings and corpus files. */
  async watch(glossaryPaths: readonly string[]): Promise<void> {
    if (!this.ctx.client.watchFiles) return;
    this.watching?.dispose();
    const first = this.ctx.workspace.workspaceFolders[0] ?? '.';
    const glossaries = glossaryPaths.map((p) => path.resolve(first, p).split(path.sep).join('/'));
    const corpus = CORPUS_EXTENSIONS.map((ext) => `**/*${ext}`);
    const watchers = ['**/.corpus-lens/*.json', ...glossaries, ...corpus].map((globPattern) => ({ globPattern }));
    this.watching = await this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    this.ctx.workspace.files.watchedByClient();
  }

  register(): void {
    this.ctx.connection.onDidChangeWatchedFiles((params) => {
      const files = params.changes.filter((c) => c.uri.startsWith('file:')).map((c) => ({ file: fileURLToPath(c.uri), type: c.type }));
      if (files.some((f) => f.type !== FileChangeType.Changed && CORPUS_EXTENSIONS.some((ext) => f.file.endsWith(ext)))) {
        this.ctx.workspace.files.filesCreatedOrDeleted();
      }
      const json = files.filter((f) => f.file.endsWith('.json')).map((f) => f.file);
      if (json.length > 0) {
        this.ctx.workspace.projectFilesChanged(json);
        this.changed();
      }
    });
  }
}
