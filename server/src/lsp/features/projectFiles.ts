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
  /** By file, the problems last logged: a file read again with the same problems is not logged again. */
  private logged = new Map<string, string>();
  private watching: Disposable | null = null;

  constructor(
    private readonly ctx: ServerContext,
    /** Called when a project file changed: every document's findings may have changed. */
    private readonly changed: () => void,
  ) {}

  /**
   * Shows the problems in the project files; a file that has none any more is cleared. Each
   * file's problems are logged too, once while they stay the same, for clients that show the
   * diagnostics of open files only (a glossary entry dropped for a missing field is otherwise
   * unseen until the file is opened).
   */
  publish(reports: FileReport[]): void {
    const now = new Set(reports.map((r) => r.file));
    for (const file of this.published) {
      if (!now.has(file)) void this.ctx.connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [] });
    }
    for (const report of reports) {
      void this.ctx.connection.sendDiagnostics({ uri: pathToFileURL(report.file).toString(), diagnostics: report.diagnostics });
      this.log(report);
    }
    for (const file of [...this.logged.keys()]) if (!now.has(file)) this.logged.delete(file);
    this.published = now;
  }

  private log(report: FileReport): void {
    const lines = report.diagnostics.map((d) => `${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
    const key = lines.join('\n');
    if ((this.logged.get(report.file) ?? '') === key) return;
    this.logged.set(report.file, key);
    if (lines.length === 0) return;
    const shown = lines.slice(0, 5);
    const more = lines.length - shown.length;
    this.ctx.connection.console.warn(`Problems in ${report.file} (shown in the file):\n${shown.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`);
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
