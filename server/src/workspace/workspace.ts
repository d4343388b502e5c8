/**
 * The editor's workspace: its folders and settings, the projects in them, the open documents
 * and the corpus files on disk. The language server's features read everything through it.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EncodingName } from '../core/encoding';
import { LintConfig } from '../core/lint/config';
import { LintResult } from '../core/lint/lint';
import { Segmenter } from '../core/segmenter';
import { folderHolding } from '../io/safePaths';
import { SegmenterChoice, SegmenterPreference, chooseSegmenter } from '../segment';
import { OpenDocument, OpenDocuments, isCorpusFileName } from './documents';
import { FileIndex } from './fileIndex';
import { Project, ProjectSettings } from './project';
import { Projects } from './projects';

/** The editor's settings (`corpusLens.*`) as the workspace uses them. */
export interface WorkspaceSettings {
  segmenter: SegmenterPreference;
  plaintext: { enabled: boolean };
  glossary: { paths: string[] };
  /** `corpusLens.rules`, `corpusLens.spacing`, `corpusLens.maxProblems`. */
  lint: LintConfig;
}

/** A corpus text of the workspace: an open document or a file on disk. */
export interface WorkspaceText {
  uri: string;
  text: string;
  /** The encoding of a file read from disk; null for an open document. */
  encoding: EncodingName | null;
}

export class Workspace {
  readonly projects: Projects;
  readonly documents: OpenDocuments;
  readonly files = new FileIndex([]);
  private folders: string[] = [];
  private choice: SegmenterChoice | null = null;
  /** Problems of the settings that belong to no file (a glossary path outside the workspace). */
  warnings: string[] = [];

  constructor(
    private settings: WorkspaceSettings,
    /** Hears of each project read (its files' problems are in `projects.reports()` then). */
    onProjectRead: (project: Project) => void,
  ) {
    this.projects = new Projects(this.projectSettings(), () => this.segmenter(), [], onProjectRead);
    this.documents = new OpenDocuments(this.projects, { plaintext: settings.plaintext.enabled });
  }

  /** The segmenter backend, loaded when first needed. */
  segmenter(): Segmenter {
    this.choice ??= chooseSegmenter(this.settings.segmenter);
    return this.choice.segmenter;
  }

  /** Why the preferred segmenter is not in use (null when it is, or none is loaded yet). */
  get segmenterWarning(): string | null {
    return this.choice?.fallbackReason ?? null;
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  configure(settings: WorkspaceSettings): void {
    if (settings.segmenter !== this.settings.segmenter) this.choice = null;
    this.settings = settings;
    this.reset();
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.files.setFolders(folders);
    this.reset();
  }

  /** Project files or glossaries changed on disk. */
  projectFilesChanged(files: readonly string[]): void {
    this.projects.filesChanged(files);
  }

  /**
   * Every corpus text of the workspace: the open documents the server analyses, then the files
   * on disk that are not open (plain .txt files only while plaintext analysis is on).
   */
  texts(open: readonly OpenDocument[]): WorkspaceText[] {
    const texts: WorkspaceText[] = [];
    for (const document of open) {
      if (this.documents.handles(document)) texts.push({ uri: document.uri, text: document.getText(), encoding: null });
    }
    const openUris = new Set(open.map((d) => d.uri));
    for (const file of this.files.files()) {
      const uri = pathToFileURL(file).toString();
      if (openUris.has(uri) || (!this.settings.plaintext.enabled && !isCorpusFileName(file))) continue;
      const decoded = this.files.read(file);
      if (decoded) texts.push({ uri, text: decoded.text, encoding: decoded.encoding });
    }
    return texts;
  }

  /** The findings of a file on disk that is not open, under its project. */
  lintFile(file: string, text: string): LintResult {
    const project = this.projects.of(file);
    return project.lint(project.analyze(text), file);
  }

  private reset(): void {
    this.projects.configure(this.projectSettings(), this.folders);
    this.documents.configure({ plaintext: this.settings.plaintext.enabled });
    this.projects.readFolders();
  }

  /**
   * The settings every project starts from. The glossaries named in settings are relative to
   * the first folder; one outside every workspace folder (or led there through a symbolic
   * link: a cloned repository's settings may name any file) is not read.
   */
  private projectSettings(): ProjectSettings {
    const glossaries: string[] = [];
    this.warnings = [];
    for (const setting of this.settings.glossary.paths) {
      const file = path.resolve(this.folders[0] ?? '.', setting);
      if (folderHolding(this.folders, file)) glossaries.push(file);
      else this.warnings.push(`corpusLens.glossary.paths: ${setting} is outside the workspace folders (or leads there through a symbolic link); it is not read`);
    }
    return { lint: this.settings.lint, glossaries };
  }
}
