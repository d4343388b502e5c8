/**
 * One analysis per document version: the parsed structure plus everything derived from it
 * (speakers now; diagnostics and glossary matches build on the same object).
 */
import { Article, ParsedDocument, parseDocument } from './parse';
import { Segmenter } from './segmenter';
import { Speaker, findSpeakers } from './speakers';

export interface AnalyzedArticle extends Article {
  speakers: Speaker[];
}

export interface DocumentAnalysis {
  parsed: ParsedDocument;
  articles: AnalyzedArticle[];
}

export interface AnalysisDeps {
  segmenter?: Segmenter;
  /** Results of the previous version's articles, so that an edit re-analyses only the articles it touched. */
  memo?: ArticleMemo;
}

export function analyzeDocument(text: string, deps: AnalysisDeps = {}): DocumentAnalysis {
  const parsed = parseDocument(text, { segmenter: deps.segmenter });
  const memo = deps.memo ?? new ArticleMemo();
  const articles = parsed.articles.map((article) => ({ ...article, speakers: memo.speakers(article, text) }));
  memo.keepOnly(parsed.articles.map((a) => text.slice(a.span.start, a.span.end)));
  deps.segmenter?.addWords(discoveredWords(articles));
  return { parsed, articles };
}

/**
 * Per-article results keyed by the article's text, stored relative to the article's start so
 * they survive edits elsewhere in the document that move the article.
 */
export class ArticleMemo {
  private readonly entries = new Map<string, Speaker[]>();
  hits = 0;

  speakers(article: Article, text: string): Speaker[] {
    const key = text.slice(article.span.start, article.span.end);
    let relative = this.entries.get(key);
    if (relative) this.hits++;
    else {
      relative = shiftSpeakers(findSpeakers(article, text), -article.span.start);
      this.entries.set(key, relative);
    }
    return shiftSpeakers(relative, article.span.start);
  }

  /** Forgets articles that no longer exist. */
  keepOnly(keys: string[]): void {
    const keep = new Set(keys);
    for (const key of this.entries.keys()) if (!keep.has(key)) this.entries.delete(key);
  }
}

function shiftSpeakers(speakers: Speaker[], delta: number): Speaker[] {
  return speakers.map((s) => ({
    ...s,
    statements: s.statements.map((st) => ({ ...st, span: { start: st.span.start + delta, end: st.span.end + delta } })),
  }));
}

/** Names and titles the corpus itself reveals, for the segmenter's user dictionary. */
export function discoveredWords(articles: AnalyzedArticle[]): Set<string> {
  const words = new Set<string>();
  for (const article of articles) {
    for (const author of article.authors) words.add(author);
    for (const speaker of article.speakers) {
      words.add(speaker.name);
      if (speaker.role) words.add(speaker.role);
    }
  }
  return words;
}
