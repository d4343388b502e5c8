/**
 * One analysis per document version: the parsed structure plus everything derived from it
 * (speakers now; diagnostics and glossary matches build on the same object).
 */
import { Article, ParsedDocument, parseDocument } from './articles';
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
}

export function analyzeDocument(text: string, deps: AnalysisDeps = {}): DocumentAnalysis {
  const parsed = parseDocument(text, { segmenter: deps.segmenter });
  const articles = parsed.articles.map((article) => ({ ...article, speakers: findSpeakers(article, text) }));
  deps.segmenter?.addWords(discoveredWords(articles));
  return { parsed, articles };
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
