/**
 * The article parser: turns the lines of a corpus file into page marks and articles
 * (headline, decks, bylines, sections, paragraphs, source, date).
 *
 * It works in two passes. The first walks the non-blank lines and decides, from each line's
 * shape and its neighbours, whether it is page furniture, a headline, a byline, or prose that
 * starts or continues a paragraph. The second groups those items into articles.
 */
import { LineKind, PageMarkKind, classifyLine, isoDate, pageDate, sectionMarker } from './lineKinds';
import { parseNameList } from './names';
import { Paragraph, LinePiece } from './paragraph';
import { Segmenter, wordStraddles } from './segmenter';
import { Line, Span, displayWidth, endsSentence, headWindow, splitLines, tailWindow, trimSpaces } from './text';

export interface PageMark {
  kind: PageMarkKind;
  text: string;
  span: Span;
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
  /** Names from bylines and from reporter credits such as (阮现武 董浩). */
  authors: string[];
  source: string | null;
  date: string | null;
  span: Span;
  paragraphs: Paragraph[];
  sections: Section[];
}

export interface LayoutProfile {
  /** True when body text is hard-wrapped at a fixed width rather than one paragraph per line. */
  hardWrapped: boolean;
  /** Narrowest width (in ideograph cells) that still counts as a full wrapped line. */
  wrapWidth: number | null;
}

export interface ParsedDocument {
  text: string;
  lines: Line[];
  profile: LayoutProfile;
  pageMarks: PageMark[];
  articles: Article[];
}

export interface ParseOptions {
  /** Used to see whether a line break cuts a word in two; without it that test is skipped. */
  segmenter?: Segmenter;
}

interface ContentLine {
  line: Line;
  /** The trimmed text and its span. */
  text: string;
  span: Span;
  kind: LineKind;
  width: number;
  /** Blank lines between this line and the previous non-blank line. */
  blanksBefore: number;
}

type Item =
  | { type: 'mark'; kind: PageMarkKind; line: ContentLine }
  | { type: 'source'; source: string | null; date: string | null; line: ContentLine }
  | { type: 'byline'; names: string[]; line: ContentLine }
  | { type: 'attendance'; line: ContentLine }
  | { type: 'heading'; lines: ContentLine[] }
  | { type: 'paragraph'; lines: ContentLine[]; closed: boolean; attribution: Attribution | null; standaloneHeading: boolean };

interface Attribution {
  source: string | null;
  authors: string[];
}

// ---------------------------------------------------------------------------------------

export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument {
  const lines = splitLines(text);
  const content = contentLines(lines);
  const profile = layoutProfile(content);
  const items = new ItemReader(content, profile, options.segmenter).read();
  const { articles, pageMarks } = assembleArticles(items, text);
  return { text, lines, profile, pageMarks, articles };
}

function contentLines(lines: Line[]): ContentLine[] {
  const result: ContentLine[] = [];
  let blanks = 0;
  for (const line of lines) {
    const kind = classifyLine(line.text);
    if (kind.kind === 'blank') {
      blanks++;
      continue;
    }
    const text = trimSpaces(line.text);
    const start = line.start + line.text.indexOf(text);
    result.push({
      line,
      text,
      span: { start, end: start + text.length },
      kind,
      width: displayWidth(text),
      blanksBefore: result.length === 0 ? 0 : blanks,
    });
    blanks = 0;
  }
  return result;
}

/**
 * A file is hard-wrapped when many prose lines run straight into the next line without
 * ending a sentence. Their narrower widths tell what a "full" line is in this file.
 */
export function layoutProfile(content: ContentLine[]): LayoutProfile {
  const widths: number[] = [];
  let prose = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c.kind.kind !== 'text') continue;
    prose++;
    const next = content[i + 1];
    if (next && next.blanksBefore === 0 && next.kind.kind === 'text' && !endsSentence(c.text)) {
      widths.push(c.width);
    }
  }
  if (widths.length < 8 || widths.length < prose * 0.3) return { hardWrapped: false, wrapWidth: null };
  widths.sort((a, b) => a - b);
  const median = widths[widths.length >> 1];
  // Lines a little narrower than the median are still full lines (punctuation is narrow in
  // print); allow about 15%.
  return { hardWrapped: true, wrapWidth: Math.floor(median * 0.85) };
}

// ---------------------------------------------------------------------------------------
// Pass 1: lines to items.

const SPEECH_OPENING = /^[\u4e00-\u9fff]{1,12}(?:指出|强调|要求|表示|认为|提出|说)[，,：:]/;
const MAX_HEADING_WIDTH = 50;

class ItemReader {
  private readonly items: Item[] = [];
  /** The paragraph being built while its last line has not ended a sentence. */
  private open: Extract<Item, { type: 'paragraph' }> | null = null;
  /** True at the start of the file and after a source line, credit or kicker. */
  private boundary = true;

  constructor(
    private readonly content: ContentLine[],
    private readonly profile: LayoutProfile,
    private readonly segmenter: Segmenter | undefined,
  ) {}

  read(): Item[] {
    for (let i = 0; i < this.content.length; i++) this.readLine(i);
    return this.items;
  }

  private readLine(i: number): void {
    const c = this.content[i];
    const kind = c.kind;
    switch (kind.kind) {
      case 'page-mark':
        this.items.push({ type: 'mark', kind: kind.mark, line: c });
        if (kind.mark === 'kicker') {
          this.open = null;
          this.boundary = true;
        }
        return;
      case 'source':
        this.open = null;
        this.items.push({ type: 'source', source: kind.source, date: kind.date, line: c });
        this.boundary = true;
        return;
      case 'byline':
        if (this.open) return this.continueParagraph(c);
        this.items.push({ type: 'byline', names: kind.names, line: c });
        return;
      case 'attendance':
        if (!this.open && this.inHeadingBlock()) {
          this.items.push({ type: 'attendance', line: c });
          return;
        }
        break;
    }
    this.readText(i);
  }

  private readText(i: number): void {
    const c = this.content[i];
    if (this.open) {
      if (this.startsHeadingAfterOpenParagraph(i)) {
        this.open = null;
        this.pushHeading(c);
      } else {
        this.continueParagraph(c);
      }
      return;
    }
    const marker = sectionMarker(c.text);
    if (marker) {
      this.startParagraph(c, this.isStandaloneSectionHeading(i));
      return;
    }
    if (this.isHeading(i)) {
      this.pushHeading(c);
      return;
    }
    this.startParagraph(c, false);
  }

  private pushHeading(c: ContentLine): void {
    const last = this.items[this.items.length - 1];
    // A headline wrapped over adjacent lines is one heading.
    if (last && last.type === 'heading' && c.blanksBefore === 0) last.lines.push(c);
    else this.items.push({ type: 'heading', lines: [c] });
    this.boundary = false;
  }

  private startParagraph(c: ContentLine, forceClosed: boolean): void {
    const item: Extract<Item, { type: 'paragraph' }> = {
      type: 'paragraph',
      lines: [c],
      closed: false,
      attribution: null,
      standaloneHeading: forceClosed,
    };
    this.items.push(item);
    this.boundary = false;
    this.open = item;
    this.afterParagraphLine(forceClosed);
  }

  private continueParagraph(c: ContentLine): void {
    this.open!.lines.push(c);
    this.afterParagraphLine(false);
  }

  private afterParagraphLine(forceClosed: boolean): void {
    const item = this.open!;
    const last = item.lines[item.lines.length - 1];
    const attribution = trailingAttribution(last.text);
    if (attribution) {
      item.attribution = attribution.value;
      item.closed = true;
      this.open = null;
      this.boundary = true;
      return;
    }
    if (forceClosed || endsSentence(last.text)) {
      item.closed = true;
      this.open = null;
    }
  }

  private inHeadingBlock(): boolean {
    const last = this.items[this.items.length - 1];
    return !!last && (last.type === 'heading' || last.type === 'byline' || last.type === 'attendance');
  }

  private next(i: number): ContentLine | undefined {
    return this.content[i + 1];
  }

  private isWrappedLine(c: ContentLine, next: ContentLine | undefined): boolean {
    return (
      this.profile.hardWrapped &&
      this.profile.wrapWidth !== null &&
      c.width >= this.profile.wrapWidth &&
      !!next &&
      next.blanksBefore === 0 &&
      next.kind.kind === 'text'
    );
  }

  /** True when `next` reads as the rest of `c`'s sentence rather than a new line of its own. */
  private continues(c: ContentLine, next: ContentLine | undefined): boolean {
    if (!next || next.kind.kind !== 'text') return false;
    if (/^[，。、；：,.;:！？!?）)”’」』]/.test(next.text)) return true;
    if (next.width <= 6 && endsSentence(next.text) && !sectionMarker(next.text)) return true;
    if (!this.segmenter) return false;
    const left = tailWindow(c.text, 4);
    const right = headWindow(next.text, 4);
    return wordStraddles(this.segmenter, left + right, left.length);
  }

  private isStandaloneSectionHeading(i: number): boolean {
    const c = this.content[i];
    // A sentence end before the line's end means the first sentence follows inline.
    if (/[。！？!?]./.test(c.text)) return false;
    if (endsSentence(c.text)) return displayWidth(c.text) <= 30;
    const next = this.next(i);
    if (!next || next.kind.kind !== 'text') return true;
    if (sectionMarker(next.text)) return true;
    return !this.continues(c, next) && !this.isWrappedLine(c, next);
  }

  private looksLikeHeadingLine(c: ContentLine): boolean {
    return (
      c.kind.kind === 'text' &&
      c.width <= MAX_HEADING_WIDTH &&
      !endsSentence(c.text) &&
      !/[，、,；;]$/.test(c.text) &&
      !sectionMarker(c.text) &&
      !trailingAttribution(c.text)
    );
  }

  private nextIsByline(i: number): boolean {
    const next = this.next(i);
    return !!next && (next.kind.kind === 'byline' || next.kind.kind === 'attendance');
  }

  /** A short line after an unfinished paragraph starts a headline only when a byline follows. */
  private startsHeadingAfterOpenParagraph(i: number): boolean {
    const c = this.content[i];
    return c.blanksBefore > 0 && this.looksLikeHeadingLine(c) && this.nextIsByline(i) && !this.continues(this.open!.lines[this.open!.lines.length - 1], c);
  }

  private isHeading(i: number): boolean {
    const c = this.content[i];
    const next = this.next(i);
    if (!this.looksLikeHeadingLine(c)) {
      // A headline may end with ？ or ！ when a byline confirms it.
      return c.kind.kind === 'text' && c.width <= MAX_HEADING_WIDTH && /[？！?!]$/.test(c.text) && this.nextIsByline(i);
    }
    if (this.isWrappedLine(c, next)) return false;
    if (SPEECH_OPENING.test(c.text)) return false;
    // The segmentation test runs last: it is the only costly one.
    return this.hasHeadingContext(i) && !this.continues(c, next);
  }

  private hasHeadingContext(i: number): boolean {
    const c = this.content[i];
    if (this.nextIsByline(i)) return true;
    const last = this.items[this.items.length - 1];
    if (last?.type === 'heading' || last?.type === 'attendance') return true;
    const hasClauseComma = /[，,；;]/.test(c.text);
    if (last?.type === 'byline') return !hasClauseComma && this.bylineOpensHeadingBlock();
    if (this.boundary) return true;
    return /[\u4e00-\u9fff”》][ \u3000]+[\u4e00-\u9fff“《]/.test(c.text) && !hasClauseComma;
  }

  /** True when the bylines just read follow a headline or stand at an article boundary. */
  private bylineOpensHeadingBlock(): boolean {
    for (let k = this.items.length - 1; k >= 0; k--) {
      const item = this.items[k];
      if (item.type === 'byline' || item.type === 'mark') continue;
      return item.type === 'heading' || item.type === 'source' || (item.type === 'paragraph' && item.closed);
    }
    return true;
  }
}

// Attribution at the end of a paragraph: （来源:人民日报） / 来源:洛阳日报 / (阮现武 董浩) / （记者 张三）
const TRAILING_SOURCE_PAREN = /[（(]\s*(?:来源|稿源|转自)\s*[:：]\s*([^)）]{2,24}?)\s*[)）]$/;
const TRAILING_SOURCE_BARE = /(?:^|[。！？!?”])\s*(?:来源|稿源)\s*[:：]\s*([^\s。，,:：]{2,24})$/;
const TRAILING_CREDIT = /[（(]\s*(?:(?:本报)?(?:记者|通讯员|实习生)\s*)?([^()（）]{2,40}?)\s*[)）]$/;

export function trailingAttribution(text: string): { value: Attribution; index: number } | null {
  let m = TRAILING_SOURCE_PAREN.exec(text) ?? TRAILING_SOURCE_BARE.exec(text);
  if (m) {
    const index = text.lastIndexOf(m[0].replace(/^[。！？!?”]/, ''));
    return { value: { source: trimSpaces(m[1]), authors: [] }, index };
  }
  m = TRAILING_CREDIT.exec(text);
  if (m && m.index > 0) {
    const names = parseNameList(m[1]);
    if (names) return { value: { source: null, authors: names }, index: m.index };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Pass 2: items to articles.

interface ArticleDraft extends Article {
  /** No further paragraph belongs here (a source line or credit closed it). */
  closed: boolean;
  lastItemType: Item['type'] | null;
  titleLastLine: number;
}

function assembleArticles(items: Item[], text: string): { articles: Article[]; pageMarks: PageMark[] } {
  const articles: ArticleDraft[] = [];
  const pageMarks: PageMark[] = [];
  let current: ArticleDraft | null = null;
  let currentPageDate: string | null = null;

  const startArticle = (span: Span): ArticleDraft => {
    const article: ArticleDraft = {
      title: null,
      decks: [],
      bylines: [],
      authors: [],
      source: null,
      date: null,
      span: { ...span },
      paragraphs: [],
      sections: [],
      closed: false,
      lastItemType: null,
      titleLastLine: -1,
    };
    if (currentPageDate) article.date = currentPageDate;
    articles.push(article);
    return article;
  };
  const extend = (article: ArticleDraft, span: Span) => {
    article.span.end = Math.max(article.span.end, span.end);
  };

  for (const item of items) {
    switch (item.type) {
      case 'mark': {
        pageMarks.push({ kind: item.kind, text: item.line.text, span: item.line.span });
        if (item.kind === 'page-date') currentPageDate = pageDate(item.line.text);
        if (item.kind === 'kicker' && current) current.closed = true;
        continue;
      }
      case 'heading': {
        const heading = headingOf(item.lines, text);
        const inHeadingBlock =
          current !== null &&
          current.paragraphs.length === 0 &&
          !current.closed &&
          (current.lastItemType === 'heading' || current.lastItemType === 'attendance' || (current.title === null && current.lastItemType === 'byline'));
        const lastLine = item.lines[item.lines.length - 1].line.index;
        if (current && inHeadingBlock) {
          if (current.title === null) {
            current.title = heading;
            current.titleLastLine = lastLine;
          } else current.decks.push(heading);
        } else {
          const previous: ArticleDraft | null = current;
          current = startArticle(heading.span);
          current.title = heading;
          current.titleLastLine = lastLine;
          if (previous) moveLeadingBylines(previous, current);
        }
        extend(current, heading.span);
        break;
      }
      case 'byline': {
        if (!current || current.closed || current.paragraphs.length > 0) current = startArticle(item.line.span);
        current.bylines.push({ names: item.names, line: item.line.line.index, span: item.line.span });
        addAuthors(current, item.names);
        extend(current, item.line.span);
        break;
      }
      case 'attendance': {
        if (!current) current = startArticle(item.line.span);
        current.decks.push({ text: item.line.text, span: item.line.span });
        extend(current, item.line.span);
        break;
      }
      case 'source': {
        if (!current) current = startArticle(item.line.span);
        current.source = item.source;
        if (item.date) current.date = item.date;
        current.closed = true;
        extend(current, item.line.span);
        break;
      }
      case 'paragraph': {
        if (!current || current.closed) current = startArticle(item.lines[0].span);
        const paragraph = new Paragraph(item.lines.map(pieceOf), text);
        current.paragraphs.push(paragraph);
        const section = sectionOf(paragraph, item.standaloneHeading);
        if (section) current.sections.push(section);
        if (item.attribution) {
          if (item.attribution.source) current.source = item.attribution.source;
          addAuthors(current, item.attribution.authors);
          current.closed = true;
        }
        if (current.paragraphs.length === 1 && !current.date) current.date = leadingDate(paragraph.text);
        extend(current, paragraph.span);
        break;
      }
    }
    current.lastItemType = item.type;
  }
  return { articles: articles.map(finishArticle), pageMarks };
}

function finishArticle(draft: ArticleDraft): Article {
  const { closed: _closed, lastItemType: _last, titleLastLine: _line, ...article } = draft;
  return article;
}

function addAuthors(article: Article, names: string[]): void {
  for (const name of names) if (!article.authors.includes(name)) article.authors.push(name);
}

/**
 * When a headline follows the bylines of an article that has no body, the bylines set apart
 * from that article's headline by a blank line belong to the new headline (a byline printed
 * above its headline).
 */
function moveLeadingBylines(previous: ArticleDraft, next: ArticleDraft): void {
  if (previous.paragraphs.length > 0 || previous.lastItemType !== 'byline' || !previous.title) return;
  let adjacentLine = previous.titleLastLine;
  const keep: Byline[] = [];
  const move: Byline[] = [];
  for (const byline of previous.bylines) {
    if (move.length === 0 && byline.line === adjacentLine + 1) {
      keep.push(byline);
      adjacentLine = byline.line;
    } else move.push(byline);
  }
  if (keep.length === 0 || move.length === 0) return;
  previous.bylines = keep;
  previous.authors = keep.flatMap((b) => b.names);
  previous.span.end = keep[keep.length - 1].span.end;
  next.bylines = move;
  next.authors = move.flatMap((b) => b.names);
  next.span.start = move[0].span.start;
}

function headingOf(lines: ContentLine[], text: string): Heading {
  const span = { start: lines[0].span.start, end: lines[lines.length - 1].span.end };
  return { text: lines.map((l) => text.slice(l.span.start, l.span.end)).join(''), span };
}

function pieceOf(c: ContentLine): LinePiece {
  return { line: c.line.index, span: c.span };
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
