/**
 * Linting open documents: the configuration of each workspace folder (settings, then the
 * folder's `.corpus-lens/config.json`), the ignored findings of `.corpus-lens/ignore.json`, and
 * one lint result per document version, shared by diagnostics and code actions.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentAnalysis } from '../core/analysis';
import { Glossary } from '../core/glossary/matcher';
import { LintConfig } from '../core/lint/config';
import { IgnoreList } from '../core/lint/ignore';
import { LintResult, lintDocument } from '../core/lint/lint';
import { Segmenter } from '../core/segmenter';
import { FileReport, projectPath, readIgnoreList, readProjectConfig } from '../io/project';
import { AnalyzedDocument } from './documents';

interface FolderState {
  root: string;
  config: LintConfig;
  ignore: IgnoreList;
}

export class LintService {
  private folders: FolderState[] = [];
  private reports: FileReport[] = [];
  private settingsConfig: LintConfig;
  private readonly results = new Map<string, { version: number; result: LintResult }>();

  constructor(
    settingsConfig: LintConfig,
    private glossary: Glossary | null,
    private segmenter: Segmenter,
  ) {
    this.settingsConfig = settingsConfig;
  }

  /** Re-reads the folders' project files; returns the problems found in them. */
  configure(options: { folders?: string[]; settings?: LintConfig; glossary?: Glossary | null; segmenter?: Segmenter }): FileReport[] {
    if (options.settings) this.settingsConfig = options.settings;
    if (options.glossary !== undefined) this.glossary = options.glossary;
    if (options.segmenter) this.segmenter = options.segmenter;
    const roots = options.folders ?? this.folders.map((f) => f.root);
    this.reports = [];
    this.folders = roots.map((root) => {
      const { config, report: configReport } = readProjectConfig(root, this.settingsConfig);
      const { list, report: ignoreReport } = readIgnoreList(root);
      for (const report of [configReport, ignoreReport]) if (report) this.reports.push(report);
      return { root, config, ignore: list };
    });
    this.results.clear();
    return this.reports;
  }

  get fileReports(): FileReport[] {
    return this.reports;
  }

  /** The workspace folder a document belongs to (the innermost one), and its path there. */
  placeOf(uri: string): { root: string; file: string } | null {
    if (!uri.startsWith('file:')) return null;
    const file = fileURLToPath(uri);
    const folder = this.folders
      .filter((f) => file.startsWith(f.root.endsWith(path.sep) ? f.root : f.root + path.sep))
      .sort((a, b) => b.root.length - a.root.length)[0];
    return folder ? { root: folder.root, file: projectPath(folder.root, file) } : null;
  }

  configFor(uri: string): LintConfig {
    const place = this.placeOf(uri);
    return this.folders.find((f) => f.root === place?.root)?.config ?? this.settingsConfig;
  }

  /** The lint result of an open document, computed once per version. */
  lint(doc: AnalyzedDocument): LintResult {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const result = this.lintAnalysis(doc.uri, doc.analysis);
    this.results.set(doc.uri, { version: doc.version, result });
    return result;
  }

  /** Lints any analysed text (a file on disk, say) under the configuration of its folder. */
  lintAnalysis(uri: string, analysis: DocumentAnalysis): LintResult {
    const place = this.placeOf(uri);
    const folder = this.folders.find((f) => f.root === place?.root);
    return lintDocument(analysis, this.segmenter, {
      config: folder?.config ?? this.settingsConfig,
      glossary: this.glossary,
      ignore: folder && place ? { list: folder.ignore, file: place.file } : undefined,
    });
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }
}
