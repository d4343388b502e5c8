/**
 * The outline in the stable JSON shape other tools rely on (design §3).
 */
import { DocumentAnalysis } from './analysis';
import { LineIndex, Range } from './text';

export interface OutlineJson {
  file: string;
  encoding: string;
  pageMarks: { kind: string; text: string; range: Range }[];
  articles: {
    title: string | null;
    titleRange: Range | null;
    range: Range;
    deck: string | null;
    authors: string[];
    source: string | null;
    date: string | null;
    sections: { title: string; range: Range }[];
    speakers: { name: string; role: string | null; statements: { verb: string; range: Range }[] }[];
  }[];
}

/** Decks (subtitles, attendance lines) are joined with this separator in the JSON. */
export const DECK_SEPARATOR = ' / ';

export function outlineJson(analysis: DocumentAnalysis, file: string, encoding: string): OutlineJson {
  const index = new LineIndex(analysis.text);
  return {
    file,
    encoding,
    pageMarks: analysis.parsed.pageMarks.map((m) => ({ kind: m.kind, text: m.text, range: index.rangeOf(m.span) })),
    articles: analysis.articles.map((a) => ({
      title: a.title?.text ?? null,
      titleRange: a.title ? index.rangeOf(a.title.span) : null,
      range: index.rangeOf(a.span),
      deck: a.decks.length > 0 ? a.decks.map((d) => d.text).join(DECK_SEPARATOR) : null,
      authors: a.authors,
      source: a.source,
      date: a.date,
      sections: a.sections.map((s) => ({ title: s.title, range: index.rangeOf(s.span) })),
      speakers: a.speakers.map((s) => ({
        name: s.name,
        role: s.role,
        statements: s.statements.map((st) => ({ verb: st.verb, range: index.rangeOf(st.span) })),
      })),
    })),
  };
}
