/**
 * The open documents: one analysis and one lint result per document version, shared by every
 * feature. A document is analysed live: an edit re-reads only what it touched (see
 * LiveAnalysis), under the project the document belongs to.
 */
import { fileURLToPath } from 'node:url';
import { DocumentAnalysis, LiveAnalysis } from '../core/analysis';
import { LintResult } from '../core/lint/lint';
import { Segmenter } from '../core/segmenter';
import { LineIndex, isMostlyChinese } from '../core/text';
import { Project } from './project';
import { Projects } from './projects';

export const CORPUS_LANGUAGE = 'zh-corpus';

/** How long the rules run before the server answers what else is waiting. */
const SLICE_MS = 20;

/** Files VS Code opens as zh-corpus (package.json `languages`); other .txt files are plaintext. */
export function isCorpusFileName(file: string): boolean {
  return file.endsWith('.corpus.txt') || file.endsWith('.corpus');
}

/**
 * Language ids that clients give plain text: VS Code's `plaintext`, Neovim's `text` (or none at
 * all), and the file-type names of other editors. Such a document is analysed when it is
 * mostly Chinese.
 */
const PLAIN_TEXT_LANGUAGES = new Set(['plaintext', 'text', 'txt', 'plain', '']);

/** What a document is to the workspace: an editor's open document has all of it. */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

export interface AnalyzedDocument {
  uri: string;
  version: number;
  /** The text analysed (a change sent under the same version number is seen by comparing it). */
  text: string;
  analysis: DocumentAnalysis;
  lineIndex: LineIndex;
  /** The project whose configuration, glossary and segmenter the document is analysed under. */
  project: Project;
  /** Milliseconds the analysis took. */
  elapsedMs: number;
}

interface AnalysisFailure {
  version: number;
  text: string;
  error: string;
}

export interface DocumentSettings {
  /** Analyse plaintext documents that are mostly Chinese. */
  plaintext: boolean;
}

/** How much of a document's start and end an edit left as they were. */
export interface ChangeEnds {
  prefix: number;
  suffix: number;
}

/** The file a document URI names, or null for a document that is no file (untitled, remote). */
export function fileOfUri(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export class OpenDocuments {
  private readonly analyzed = new Map<string, AnalyzedDocument>();
  private readonly live = new Map<string, { segmenter: Segmenter; analysis: LiveAnalysis }>();
  private readonly lints = new Map<string, { doc: AnalyzedDocument; result: LintResult }>();
  private readonly failures = new Map<string, AnalysisFailure>();
  /** Whether each plain-text document, as last seen, is mostly Chinese. */
  private readonly chinese = new Map<string, { text: string; chinese: boolean }>();
  /** What the changes of each document since a version left unchanged, for its next analysis. */
  private readonly ends = new Map<string, { from: number; to: number; ends: ChangeEnds | null }>();

  constructor(
    private readonly projects: Projects,
    private settings: DocumentSettings,
  ) {}

  /** Forgets every analysis: the settings or the projects changed. */
  configure(settings: DocumentSettings): void {
    this.settings = settings;
    this.analyzed.clear();
    this.live.clear();
    this.lints.clear();
    this.failures.clear();
  }

  /**
   * Remembers what a document's change from version `from` to `to` left unchanged (called as the
   * change is applied); changes in a row add up: what none of them touched is unchanged.
   */
  noteChange(uri: string, from: number, to: number, ends: ChangeEnds | null): void {
    const last = this.ends.get(uri);
    if (last && last.to === from && last.ends && ends) {
      this.ends.set(uri, { from: last.from, to, ends: { prefix: Math.min(last.ends.prefix, ends.prefix), suffix: Math.min(last.ends.suffix, ends.suffix) } });
    } else this.ends.set(uri, { from, to, ends: last && last.to === from && !last.ends ? null : ends });
  }

  /**
   * Whether the server analyses this document at all: a zh-corpus document or a corpus file
   * name always; plain text (whatever the client calls it) when it is mostly Chinese.
   */
  handles(document: OpenDocument): boolean {
    if (document.languageId === CORPUS_LANGUAGE || isCorpusFileName(document.uri)) return true;
    if (!PLAIN_TEXT_LANGUAGES.has(document.languageId ?? '') || !this.settings.plaintext) return false;
    // Every request asks: the text is read once per version.
    const text = document.getText();
    const known = this.chinese.get(document.uri);
    if (known && known.text === text) return known.chinese;
    const chinese = isMostlyChinese(text);
    this.chinese.set(document.uri, { text, chinese });
    return chinese;
  }

  /**
   * The analysis of the document as it is now, or null when the server does not analyse it or
   * the analysis failed (see `failureOf`).
   */
  get(document: OpenDocument): AnalyzedDocument | null {
    if (!this.handles(document)) return null;
    const text = document.getText();
    const cached = this.analyzed.get(document.uri);
    const failed = this.failures.get(document.uri);
    if (failed && failed.version === document.version && failed.text === text) return null;
    const started = performance.now();
    try {
      const project = this.projects.of(fileOfUri(document.uri));
      if (cached && cached.version === document.version && cached.text === text) {
        if (cached.project === project) return cached;
        // The project was read again with the same segmenter: the analysis holds, its lint does not.
        if (cached.project.segmenter === project.segmenter) {
          const entry = { ...cached, project };
          this.analyzed.set(document.uri, entry);
          return entry;
        }
      }
      let live = this.live.get(document.uri);
      let analysis: DocumentAnalysis;
      if (!live || live.segmenter !== project.segmenter) {
        live = { segmenter: project.segmenter, analysis: new LiveAnalysis(text, project.segmenter) };
        this.live.set(document.uri, live);
        analysis = live.analysis.analysis;
      } else {
        // The changes' ends hold only when they run from the version analysed last to this one.
        const noted = this.ends.get(document.uri);
        const ends = noted && cached && noted.to === document.version && noted.from === cached.version && cached.text === live.analysis.analysis.text ? noted.ends : null;
        analysis = live.analysis.update(text, ends ?? undefined);
      }
      this.ends.delete(document.uri);
      const entry: AnalyzedDocument = {
        uri: document.uri,
        version: document.version,
        text,
        analysis,
        lineIndex: LineIndex.ofLines(text, analysis.lines),
        project,
        elapsedMs: performance.now() - started,
      };
      this.analyzed.set(document.uri, entry);
      this.failures.delete(document.uri);
      return entry;
    } catch (error) {
      // A bug must not take the document's other features (or the server) down with it.
      this.analyzed.delete(document.uri);
      this.live.delete(document.uri);
      this.failures.set(document.uri, { version: document.version, text, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  /** Why the analysis of the document's current version failed, if it did. */
  failureOf(document: OpenDocument): string | null {
    const failed = this.failures.get(document.uri);
    return failed && failed.version === document.version && failed.text === document.getText() ? failed.error : null;
  }

  /**
   * Runs the rules on the document's regions a slice of time at a time, letting the event loop
   * answer other requests between slices; false when `stop` says (between slices) that the
   * result is no longer wanted. What is done is kept: a later version reuses the regions it
   * shares. `lint` is then quick.
   */
  async lintInSlices(doc: AnalyzedDocument, stop: () => boolean, sliceMs = SLICE_MS): Promise<boolean> {
    if (this.lints.get(doc.uri)?.doc === doc) return true;
    let sliceStart = performance.now();
    for (const { result } of doc.analysis.regions) {
      doc.project.lintRegion(result);
      if (performance.now() - sliceStart < sliceMs) continue;
      await new Promise((resolve) => setImmediate(resolve));
      if (stop()) return false;
      sliceStart = performance.now();
    }
    return true;
  }

  /** The lint result of an analysed document, computed once per analysis. */
  lint(doc: AnalyzedDocument): LintResult {
    const cached = this.lints.get(doc.uri);
    if (cached && cached.doc === doc) return cached.result;
    const result = doc.project.lint(doc.analysis, fileOfUri(doc.uri));
    this.lints.set(doc.uri, { doc, result });
    return result;
  }

  forget(uri: string): void {
    this.analyzed.delete(uri);
    this.live.delete(uri);
    this.lints.delete(uri);
    this.failures.delete(uri);
    this.ends.delete(uri);
    this.chinese.delete(uri);
  }
}
