/**
 * The per-document cache: one analysis per document version, shared by every feature.
 */
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis, LiveAnalysis } from '../core/analysis';
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

/** How much of a document's start and end an edit left as they were (see `applyChanges`). */
export interface ChangeEnds {
  prefix: number;
  suffix: number;
}

/**
 * Applies an editor's change events to a document one by one, and says how much of the text's
 * start and end they left as they were (null when one of them replaced the whole text), so
 * that the analysis need not compare old and new text to find the change.
 */
export function applyChanges(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): { document: TextDocument; ends: ChangeEnds | null } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let whole = false;
  for (const change of changes) {
    if (!('range' in change)) {
      whole = true;
      TextDocument.update(document, [change], version);
      continue;
    }
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    const shift = change.text.length - (end - start);
    if (lo <= hi) {
      // Where the changed stretch so far lies once this change is made.
      lo = lo < start ? lo : lo >= end ? lo + shift : start;
      hi = hi <= start ? hi : hi >= end ? hi + shift : start + change.text.length;
    }
    lo = Math.min(lo, start);
    hi = Math.max(hi, start + change.text.length);
    TextDocument.update(document, [change], version);
  }
  const ends = whole || lo > hi ? null : { prefix: lo, suffix: document.getText().length - hi };
  return { document, ends };
}

export class AnalysisCache {
  private readonly cache = new Map<string, AnalyzedDocument>();
  private readonly live = new Map<string, LiveAnalysis>();
  private readonly failures = new Map<string, AnalysisFailure>();
  /** What the changes of each document since a version left unchanged, for its next analysis. */
  private readonly ends = new Map<string, { from: number; to: number; ends: ChangeEnds | null }>();

  constructor(
    private segmenter: Segmenter,
    private settings: DocumentSettings,
  ) {}

  configure(segmenter: Segmenter, settings: DocumentSettings): void {
    this.segmenter = segmenter;
    this.settings = settings;
    this.cache.clear();
    this.live.clear();
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
    try {
      let live = this.live.get(document.uri);
      let analysis: DocumentAnalysis;
      if (!live) {
        live = new LiveAnalysis(text, this.segmenter);
        this.live.set(document.uri, live);
        analysis = live.analysis;
      } else {
        // The changes' ends hold only when they run from the version analysed last to this one.
        const noted = this.ends.get(document.uri);
        const ends = noted && cached && noted.to === document.version && noted.from === cached.version && cached.text === live.analysis.text ? noted.ends : null;
        analysis = live.update(text, ends ?? undefined);
      }
      this.ends.delete(document.uri);
      const entry: AnalyzedDocument = {
        uri: document.uri,
        version: document.version,
        text,
        analysis,
        lineIndex: LineIndex.ofLines(text, analysis.lines),
        elapsedMs: performance.now() - started,
      };
      this.cache.set(document.uri, entry);
      this.failures.delete(document.uri);
      return entry;
    } catch (error) {
      // A bug must not take the document's other features (or the server) down with it.
      this.cache.delete(document.uri);
      this.live.delete(document.uri);
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
    this.live.delete(uri);
    this.failures.delete(uri);
    this.ends.delete(uri);
  }
}
