/**
 * The per-document cache: one analysis per document version, shared by every feature.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleMemo, DocumentAnalysis, analyzeDocument } from '../core/analysis';
import { Segmenter } from '../core/segmenter';
import { LineIndex, isMostlyChinese } from '../core/text';

export const CORPUS_LANGUAGE = 'zh-corpus';

/** Files VS Code opens as zh-corpus (package.json `languages`); other .txt files are plaintext. */
export function isCorpusFileName(file: string): boolean {
  return file.endsWith('.corpus.txt') || file.endsWith('.corpus');
}

export interface AnalyzedDocument {
  uri: string;
  version: number;
  analysis: DocumentAnalysis;
  lineIndex: LineIndex;
  /** Milliseconds the analysis took. */
  elapsedMs: number;
}

export interface DocumentSettings {
  /** Analyse plaintext documents that are mostly Chinese. */
  plaintext: boolean;
}

export class AnalysisCache {
  private readonly cache = new Map<string, AnalyzedDocument>();
  private readonly memos = new Map<string, ArticleMemo>();

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

  /** Whether the server analyses this document at all. */
  handles(document: TextDocument): boolean {
    if (document.languageId === CORPUS_LANGUAGE) return true;
    return document.languageId === 'plaintext' && this.settings.plaintext && isMostlyChinese(document.getText());
  }

  get(document: TextDocument): AnalyzedDocument | null {
    if (!this.handles(document)) return null;
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    const started = performance.now();
    let memo = this.memos.get(document.uri);
    if (!memo) {
      memo = new ArticleMemo();
      this.memos.set(document.uri, memo);
    }
    const analysis = analyzeDocument(text, { segmenter: this.segmenter, memo });
    const entry: AnalyzedDocument = {
      uri: document.uri,
      version: document.version,
      analysis,
      lineIndex: new LineIndex(text),
      elapsedMs: performance.now() - started,
    };
    this.cache.set(document.uri, entry);
    return entry;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.memos.delete(uri);
  }
}
