/**
 * The outline: document symbols (articles, their sections and speakers with what each said,
 * page marks), folding ranges, workspace symbols, and where the articles start (for
 * next/previous article). Labels are in the server's language (core/l10n.ts).
 */
import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver';
import { AnalyzedArticle } from '../../core/analysis';
import { L, Lang, say } from '../../core/l10n';
import { Section } from '../../core/parse';
import { clipEnd } from '../../core/excerpt';
import { Segmenter } from '../../core/segmenter';
import { Speaker, Statement } from '../../core/speakers';
import { LineIndex, Span } from '../../core/text';
import { ARTICLES_REQUEST, ArticlesParams, ArticlesResult } from '../../protocol';
import { AnalyzedDocument } from '../../workspace/documents';
import { ServerContext } from '../context';
import { objectParam, stringField, textDocumentUri } from '../params';

export function articleName(article: AnalyzedArticle, text: string, lang: Lang = 'en'): string {
  if (article.title) return article.title.text;
  const first = article.paragraphs[0]?.text ?? text.slice(article.span.start, article.span.end);
  return `${say(L.untitled, lang)} ${first.slice(0, 16)}…`;
}

export function articleDetail(article: AnalyzedArticle): string {
  return [article.authors.join('、'), article.date, article.source].filter(Boolean).join(' · ');
}

export function documentSymbols(doc: AnalyzedDocument, lang: Lang = 'en'): DocumentSymbol[] {
  const { analysis, lineIndex } = doc;
  const text = analysis.text;
  const symbols: { start: number; symbol: DocumentSymbol }[] = [];
  for (const mark of analysis.parsed.pageMarks) {
    symbols.push({
      start: mark.span.start,
      symbol: DocumentSymbol.create(mark.text, say(L.pageMark(mark.kind), lang), SymbolKind.Key, lineIndex.rangeOf(mark.span), lineIndex.rangeOf(mark.span)),
    });
  }
  for (const article of analysis.articles) {
    const selection = article.title?.span ?? article.paragraphs[0]?.span ?? article.span;
    const children = [...sectionSymbols(article.sections, lineIndex), ...article.speakers.map((s) => speakerSymbol(s, lineIndex, lang, doc.project.segmenter))];
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    symbols.push({
      start: article.span.start,
      symbol: DocumentSymbol.create(
        articleName(article, text, lang),
        articleDetail(article) || undefined,
        SymbolKind.Module,
        lineIndex.rangeOf(article.span),
        lineIndex.rangeOf(clamp(selection, article.span)),
        children,
      ),
    });
  }
  return symbols.sort((a, b) => a.start - b.start).map((s) => s.symbol);
}

/** Level-2 sections (一是) nest under the level-1 section (一、) before them. */
function sectionSymbols(sections: Section[], lineIndex: LineIndex): DocumentSymbol[] {
  const result: DocumentSymbol[] = [];
  let parent: DocumentSymbol | null = null;
  for (const section of sections) {
    const range = lineIndex.rangeOf(section.span);
    const symbol = DocumentSymbol.create(section.title, undefined, SymbolKind.Namespace, range, range, []);
    if (section.level === 2 && parent) {
      parent.children!.push(symbol);
      parent.range = { start: parent.range.start, end: range.end };
    } else {
      result.push(symbol);
      if (section.level === 1) parent = symbol;
    }
  }
  return result;
}

/** A statement's symbol: its verb and a short excerpt of what was said (指出：要抢工期…). */
export function statementName(statement: Statement, segmenter?: Segmenter): string {
  // The outline is asked for after every edit; most statements are as they were.
  const key = `${segmenter ? segmenter.name : ''}\u0000${statement.said}`;
  let excerpt = excerpts.get(key);
  if (excerpt === undefined) {
    excerpt = clipEnd(statement.said, STATEMENT_EXCERPT, segmenter);
    if (excerpts.size >= MEMO_EXCERPTS) excerpts.delete(excerpts.keys().next().value!);
    excerpts.set(key, excerpt);
  }
  return excerpt ? `${statement.verb}：${excerpt}` : statement.verb;
}

const excerpts = new Map<string, string>();
const MEMO_EXCERPTS = 20000;

/** Characters of what was said shown in the outline. */
const STATEMENT_EXCERPT = 18;

function speakerSymbol(speaker: Speaker, lineIndex: LineIndex, lang: Lang, segmenter?: Segmenter): DocumentSymbol {
  const statements = speaker.statements.map((st) => {
    const range = lineIndex.rangeOf(st.span);
    return DocumentSymbol.create(statementName(st, segmenter), undefined, SymbolKind.Event, range, range);
  });
  const first = speaker.statements[0].span;
  const last = speaker.statements[speaker.statements.length - 1].span;
  const range = lineIndex.rangeOf({ start: first.start, end: last.end });
  const selection = lineIndex.rangeOf(first);
  const kind = speaker.kind === 'body' ? SymbolKind.Class : SymbolKind.Field;
  const detail = [speaker.role, say(L.statements(speaker.statements.length), lang)].filter(Boolean).join(' · ');
  return DocumentSymbol.create(speaker.name, detail, kind, range, selection, statements);
}

function clamp(span: Span, outer: Span): Span {
  return { start: Math.max(span.start, outer.start), end: Math.min(span.end, outer.end) };
}

export function foldingRanges(doc: AnalyzedDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const { lineIndex } = doc;
  for (const article of doc.analysis.articles) {
    const start = lineIndex.positionAt(article.span.start).line;
    const end = lineIndex.positionAt(article.span.end).line;
    if (end > start) ranges.push(FoldingRange.create(start, end, undefined, undefined, FoldingRangeKind.Region));
    const sectionLines = article.sections.filter((s) => s.level === 1).map((s) => lineIndex.positionAt(s.span.start).line);
    sectionLines.forEach((line, i) => {
      const nextSection = sectionLines[i + 1] ?? Infinity;
      const inSection = article.paragraphs.filter((p) => p.firstLine >= line && p.firstLine < nextSection);
      const last = Math.max(line, ...inSection.map((p) => p.lastLine));
      if (last > line) ranges.push(FoldingRange.create(line, last, undefined, undefined, FoldingRangeKind.Region));
    });
  }
  return ranges;
}

export function workspaceSymbols(docs: AnalyzedDocument[], query: string, lang: Lang = 'en'): WorkspaceSymbol[] {
  const q = query.trim();
  const result: WorkspaceSymbol[] = [];
  for (const doc of docs) {
    const text = doc.analysis.text;
    for (const article of doc.analysis.articles) {
      const name = articleName(article, text, lang);
      if (matches(name, q) || article.authors.some((a) => matches(a, q))) {
        result.push(symbolAt(name, SymbolKind.Module, doc, article.title?.span ?? article.span, articleDetail(article)));
      }
      for (const speaker of article.speakers) {
        if (matches(speaker.name, q)) {
          result.push(symbolAt(speaker.name, SymbolKind.Field, doc, speaker.statements[0].span, name));
        }
      }
    }
  }
  return result;
}

function matches(text: string, query: string): boolean {
  return query === '' || text.includes(query);
}

function symbolAt(name: string, kind: SymbolKind, doc: AnalyzedDocument, span: Span, container: string): WorkspaceSymbol {
  return { name, kind, containerName: container, location: { uri: doc.uri, range: doc.lineIndex.rangeOf(span) } };
}

export function registerSymbols(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onDocumentSymbol((params) => {
    const doc = ctx.analyzed(textDocumentUri(params, 'params'));
    ctx.sendStatus();
    return doc ? documentSymbols(doc, ctx.lang) : [];
  });
  connection.onFoldingRanges((params) => {
    const doc = ctx.analyzed(textDocumentUri(params, 'params'));
    return doc ? foldingRanges(doc) : [];
  });
  connection.onWorkspaceSymbol((params) => {
    const docs = ctx.documents.all().map((d) => ctx.analyzed(d.uri)).filter((d): d is AnalyzedDocument => d !== null);
    return workspaceSymbols(docs, typeof params?.query === 'string' ? params.query : '', ctx.lang);
  });
  connection.onRequest(ARTICLES_REQUEST, (params: ArticlesParams): ArticlesResult => {
    const doc = ctx.analyzed(stringField(objectParam(params, 'params'), 'uri', 'params'));
    if (!doc) return [];
    return doc.analysis.articles.map((a) => doc.lineIndex.positionAt(a.title?.span.start ?? a.span.start));
  });
}
