/**
 * Linting open documents: the configuration of each project (the settings, then the project's
 * `.corpus-lens/config.json`), the ignored findings of its `.corpus-lens/ignore.json`, and one
 * lint result per document version, shared by diagnostics and code actions.
 *
 * A document's project is found as the command line finds it: the nearest folder above the file
 * that has a `.corpus-lens` folder, else the innermost workspace folder holding the file (where
 * "Ignore here" then creates one).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentAnalysis } from '../core/analysis';
import { Glossary } from '../core/glossary/matcher';
import { LintConfig } from '../core/lint/config';
import { IgnoreList } from '../core/lint/ignore';
import { LintResult, lintDocument } from '../core/lint/lint';
import { Segmenter } from '../core/segmenter';
import { FileReport, findProjectRoot, projectPath, readIgnoreList, readProjectConfig } from '../io/project';
import { AnalyzedDocument } from './documents';

interface Project {
  config: LintConfig;
  ignore: IgnoreList;
  reports: FileReport[];
}

export interface LintServiceOptions {
  folders: string[];
  settings: LintConfig;
  glossary: Glossary | null;
  segmenter: Segmenter;
}

export class LintService {
  private setup: LintServiceOptions;
  private readonly projects = new Map<string, Project>();
  private readonly results = new Map<string, { version: number; result: LintResult }>();

  /** `onReports` hears the problems of every project file read so far, each time one is read. */
  constructor(
    setup: LintServiceOptions,
    private readonly onReports: (reports: FileReport[]) => void,
  ) {
    this.setup = setup;
  }

  /** Forgets every project and result, and reads the workspace folders' projects again. */
  configure(setup: Partial<LintServiceOptions>): void {
    this.setup = { ...this.setup, ...setup };
    this.projects.clear();
    this.results.clear();
    for (const folder of this.setup.folders) this.project(findProjectRoot(folder) ?? folder);
    this.onReports(this.fileReports);
  }

  get fileReports(): FileReport[] {
    return [...this.projects.values()].flatMap((p) => p.reports);
  }

  /** The innermost workspace folder holding a document, or null. */
  folderOf(uri: string): string | null {
    if (!uri.startsWith('file:')) return null;
    const file = fileURLToPath(uri);
    return this.setup.folders.filter((f) => file.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0] ?? null;
  }

  /** A document's project folder and its path there; null when it is in no project or folder. */
  placeOf(uri: string): { root: string; file: string } | null {
    if (!uri.startsWith('file:')) return null;
    const file = fileURLToPath(uri);
    const root = findProjectRoot(path.dirname(file)) ?? this.folderOf(uri);
    return root ? { root, file: projectPath(root, file) } : null;
  }

  /** The lint result of an open document, computed once per version. */
  lint(doc: AnalyzedDocument): LintResult {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const result = this.lintAnalysis(doc.uri, doc.analysis);
    this.results.set(doc.uri, { version: doc.version, result });
    return result;
  }

  /** Lints any analysed text (a file on disk, say) under the configuration of its project. */
  lintAnalysis(uri: string, analysis: DocumentAnalysis): LintResult {
    const place = this.placeOf(uri);
    const project = place ? this.project(place.root, true) : null;
    return lintDocument(analysis, this.setup.segmenter, {
      config: project?.config ?? this.setup.settings,
      glossary: this.setup.glossary,
      ignore: project && place ? { list: project.ignore, file: place.file } : undefined,
    });
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }

  /** The project at `root`, read once; `announce` reports the problems of a newly read one. */
  private project(root: string, announce = false): Project {
    let project = this.projects.get(root);
    if (!project) {
      const { config, report: configReport } = readProjectConfig(root, this.setup.settings);
      const { list, report: ignoreReport } = readIgnoreList(root);
      project = { config, ignore: list, reports: [configReport, ignoreReport].filter((r): r is FileReport => r !== null) };
      this.projects.set(root, project);
      if (announce && project.reports.length > 0) this.onReports(this.fileReports);
    }
    return project;
  }
}
