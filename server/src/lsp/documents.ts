/**
 * The per-document cache: one analysis per document version, shared by every feature.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis, RegionCache, analyzeDocument } from '../core/analysis';
import { Segmenter } from '../core/segmenter';
import { LineIndex, isMostlyChinese } from '../core/text';

export const CORPUS_LANGUAGE = 'zh-corpus';

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

export interface AnalyzedDocument {
  uri: string;
  version: number;
  /** The text analysed (a change sent under the same version number is seen by comparing it). */
  text: string;
  analysis: DocumentAnalysis;
  lineIndex: LineIndex;
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

export class AnalysisCache {
  private readonly cache = new Map<string, AnalyzedDocument>();
  private readonly memos = new Map<string, RegionCache>();
  private readonly failures = new Map<string, AnalysisFailure>();

  constructor(
    private segmenter: Segmenter,
    private settings: DocumentSettings,
  ) {}

  configure(segmenter: Segmenter, settings: DocumentSettings): void {
    this.segmenter = segmenter;
    this.settings = settings;
    this.cache.clear();
    this.memos.clear();
  }

  get segmenterName(): string {
    return this.segmenter.name;
  }

  /**
   * Whether the server analyses this document at all: a zh-corpus document or a corpus file
   * name always; plain text (whatever the client calls it) when it is mostly Chinese.
   */
  handles(document: TextDocument): boolean {
    if (document.languageId === CORPUS_LANGUAGE || isCorpusFileName(document.uri)) return true;
    return PLAIN_TEXT_LANGUAGES.has(document.languageId ?? '') && this.settings.plaintext && isMostlyChinese(document.getText());
  }

  /**
   * The analysis of the document as it is now, or null when the server does not analyse it or
   * the analysis failed (see `failureOf`).
   */
  get(document: TextDocument): AnalyzedDocument | null {
    if (!this.handles(document)) return null;
    const text = document.getText();
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && cached.text === text) return cached;
    const failed = this.failures.get(document.uri);
    if (failed && failed.version === document.version && failed.text === text) return null;
    const started = performance.now();
    let memo = this.memos.get(document.uri);
    if (!memo) {
      memo = new RegionCache();
      this.memos.set(document.uri, memo);
    }
    try {
      const analysis = analyzeDocument(text, { segmenter: this.segmenter, cache: memo });
      const entry: AnalyzedDocument = {
        uri: document.uri,
        version: document.version,
        text,
        analysis,
        lineIndex: new LineIndex(text),
        elapsedMs: performance.now() - started,
      };
      this.cache.set(document.uri, entry);
      this.failures.delete(document.uri);
      return entry;
    } catch (error) {
      // A bug must not take the document's other features (or the server) down with it.
      this.cache.delete(document.uri);
      this.memos.delete(document.uri);
      this.failures.set(document.uri, { version: document.version, text, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  /** Why the analysis of the document's current version failed, if it did. */
  failureOf(document: TextDocument): string | null {
    const failed = this.failures.get(document.uri);
    return failed && failed.version === document.version && failed.text === document.getText() ? failed.error : null;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.memos.delete(uri);
    this.failures.delete(uri);
  }
}
