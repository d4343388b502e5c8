/**
 * From roles to structure: the articles (headline, decks, bylines, paragraphs, sections,
 * source, date, authors) and page marks of a run of walked lines.
 */
import { isoDate, pageDate, sectionMarker } from './shapes';
import { leadingDateline, trailingAttribution } from './credits';
import { LineShape, PageMarkKind, parseByline } from './shapes';
import { LinePiece, Paragraph } from './paragraph';
import { LineRole, WalkLine } from './walker';
import { Span } from '../text';

export interface PageMark {
  kind: PageMarkKind;
  text: string;
  span: Span;
  /**
   * Taken for furniture on the words around it alone (a short line between the halves of a
   * sentence, no page mark near): it may be a line of another column, so it is never deleted
   * unasked.
   */
  guessed?: true;
}

export interface Heading {
  text: string;
  span: Span;
}

export interface Section {
  title: string;
  span: Span;
  /** 1 for 一、 and （一）; 2 for 一是 / 一要 / 第一，. */
  level: 1 | 2;
}

export interface Byline {
  names: string[];
  line: number;
  span: Span;
}

export interface Article {
  title: Heading | null;
  decks: Heading[];
  bylines: Byline[];
  /** Names from bylines, datelines and credits such as (阮现武 董浩). */
  authors: string[];
  source: string | null;
  date: string | null;
  span: Span;
  paragraphs: Paragraph[];
  sections: Section[];
}

/** A walked line with its place in the document. */
export interface PlacedLine extends WalkLine {
  /** The line's text (without edge spaces) as a span of the document. */
  span: Span;
  /** The line's shape by itself; `shape` is its final one, once its neighbours are seen. */
  classified: LineShape;
  /** The line's running-head key (its text without numbers), if it may be one. */
  key: string | null;
}

interface Draft {
  article: Article;
  /** The paragraph being built, as line pieces, and whether it is a standalone section heading. */
  pieces: LinePiece[] | null;
  standalone: boolean;
}

/**
 * The page marks and articles of `lines` (with their roles). `pageDateBefore` is the date of the
 * last page-date line above them, which dates the articles below it.
 */
export function assemble(
  lines: PlacedLine[],
  roles: LineRole[],
  text: string,
  pageDateBefore: string | null,
): { pageMarks: PageMark[]; articles: Article[]; pageDateAfter: string | null } {
  const pageMarks: PageMark[] = [];
  const articles: Article[] = [];
  let pageDateNow = pageDateBefore;
  let draft: Draft | null = null;

  const flush = () => {
    if (!draft || !draft.pieces) return;
    const paragraph = new Paragraph(draft.pieces, text);
    const article = draft.article;
    article.paragraphs.push(paragraph);
    const section = sectionOf(paragraph, draft.standalone);
    if (section) article.sections.push(section);
    const attribution = trailingAttribution(paragraph.text);
    if (attribution) {
      if (attribution.value.source) article.source = attribution.value.source;
      addAuthors(article, attribution.value.authors);
    }
    if (article.paragraphs.length === 1) {
      if (!article.date) article.date = leadingDate(paragraph.text);
      const dateline = leadingDateline(paragraph.text);
      if (dateline) addAuthors(article, dateline.authors);
    }
    extend(article, paragraph.span);
    draft.pieces = null;
  };

  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const { role, articleStart } = roles[k];
    if (role === 'furniture' || role === 'kicker') {
      const kind = roles[k].mark ?? (line.shape.kind === 'page-mark' ? line.shape.mark : 'kicker');
      pageMarks.push(roles[k].guessed ? { kind, text: line.text, span: line.span, guessed: true } : { kind, text: line.text, span: line.span });
      if (kind === 'page-date') pageDateNow = pageDate(line.text);
      continue;
    }
    if (role !== 'continuation') flush();
    if (articleStart || !draft) {
      draft = { article: emptyArticle(line.span, pageDateNow), pieces: null, standalone: false };
      articles.push(draft.article);
    }
    const article = draft.article;
    switch (role) {
      case 'title': {
        // An export header's title without its markup: `### 标题`, `标题：…`.
        const title = line.shape.kind === 'export-title' ? line.shape.title : line.text;
        const span = line.shape.kind === 'export-title' ? { start: line.span.end - title.length, end: line.span.end } : line.span;
        if (article.title && previousRole(roles, k) === 'title') {
          article.title = { text: article.title.text + title, span: { start: article.title.span.start, end: span.end } };
        } else article.title = { text: title, span };
        break;
      }
      case 'deck': {
        const last = article.decks[article.decks.length - 1];
        if (last && previousRole(roles, k) === 'deck' && line.blanksBefore === 0 && line.shape.kind === 'text' && lines[k - 1].shape.kind === 'text') {
          article.decks[article.decks.length - 1] = { text: last.text + line.text, span: { start: last.span.start, end: line.span.end } };
        } else article.decks.push({ text: line.text, span: line.span });
        break;
      }
      case 'byline': {
        const names = line.shape.kind === 'byline' ? line.shape.names : (parseByline(line.text) ?? []);
        article.bylines.push({ names, line: line.line, span: line.span });
        addAuthors(article, names);
        break;
      }
      case 'source':
        if (line.shape.kind === 'source') {
          article.source = line.shape.source;
          if (line.shape.date) article.date = line.shape.date;
        }
        break;
      case 'credit':
        if (line.shape.kind === 'credit') addAuthors(article, line.shape.authors);
        break;
      case 'date':
        if (line.shape.kind === 'date' && line.shape.date && !article.date) article.date = line.shape.date;
        break;
      case 'paragraph':
      case 'section':
        draft.pieces = [pieceOf(line)];
        draft.standalone = role === 'section';
        break;
      case 'continuation':
        if (draft.pieces) draft.pieces.push(pieceOf(line));
        else draft.pieces = [pieceOf(line)];
        break;
    }
    extend(article, line.span);
  }
  flush();
  return { pageMarks, articles, pageDateAfter: pageDateNow };
}

function previousRole(roles: LineRole[], k: number): string | null {
  for (let j = k - 1; j >= 0; j--) if (roles[j].role !== 'furniture') return roles[j].role;
  return null;
}

function emptyArticle(span: Span, date: string | null): Article {
  return { title: null, decks: [], bylines: [], authors: [], source: null, date, span: { ...span }, paragraphs: [], sections: [] };
}

function extend(article: Article, span: Span): void {
  article.span.end = Math.max(article.span.end, span.end);
}

function addAuthors(article: Article, names: string[]): void {
  for (const name of names) if (!article.authors.includes(name)) article.authors.push(name);
}

function pieceOf(line: PlacedLine): LinePiece {
  return { line: line.line, span: line.span };
}

const SECTION_TITLE_MAX = 60;

/**
 * A numbered section: a heading on its own (the whole paragraph is the title) or inline with
 * the first sentence (the title runs to the end of that sentence, or of its first clause
 * when the sentence is long).
 */
function sectionOf(paragraph: Paragraph, standalone: boolean): Section | null {
  const marker = sectionMarker(paragraph.text);
  if (!marker) return null;
  const text = paragraph.text;
  let end = text.length;
  if (standalone) {
    while (end > 0 && /[。！？!?；;：:]/.test(text[end - 1])) end--;
  } else {
    const sentence = text.search(/[。！？!?]/);
    const clause = text.slice(marker.marker.length).search(/[，,；;：:]/);
    if (sentence >= 0 && sentence <= SECTION_TITLE_MAX) end = sentence;
    else if (clause >= 0) end = marker.marker.length + clause;
    else end = Math.min(text.length, SECTION_TITLE_MAX);
  }
  return { title: text.slice(0, end), span: paragraph.spanToDocument(0, end), level: marker.level };
}

const LEADING_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

function leadingDate(text: string): string | null {
  const m = LEADING_DATE.exec(text);
  return m ? isoDate(m[1], m[2], m[3]) : null;
}
