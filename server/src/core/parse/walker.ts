/**
 * The line walker: gives every non-blank line of a document its role — page furniture, a line
 * of a headline or deck, a byline, a source or credit, the start of a paragraph, or the
 * continuation of the paragraph before — and marks where each article starts.
 *
 * It reads the lines in order with a small state (is a paragraph open, is the current article
 * still in its heading block …) and looks a few lines ahead. Whether a short line is a headline
 * or a broken body line is weighed from evidence on both sides:
 *
 * - it continues the text before it when the break cuts a word (地|位), when it starts with
 *   punctuation or a word that cannot start a sentence (的, 了), or when the line before is a
 *   full line of hard-wrapped text;
 * - it is a headline when it cannot be the rest of a sentence (the text before it ended one,
 *   or it is short and unfinished where the rest of a paragraph would run to a sentence end)
 *   and something after it confirms it: a byline or dateline, a blank line, a longer line of
 *   body text, a deck.
 *
 * Page furniture is skipped over: a sentence broken by a page break continues after the running
 * head, and a headline at the top of a page follows the page's furniture.
 */
import { isPersonName } from '../names';
import { Segmenter, tokenize } from '../segmenter';
import { displayWidth, endsSentence, headWindow, tailWindow } from '../text';
import { leadingDateline, trailingAttribution } from './credits';
import { isFullLine } from './layout';
import { LineShape, PageMarkKind, isBracketedAside, sectionMarker, startsRecord } from './shapes';

export interface WalkLine {
  /** Line number in the document. */
  line: number;
  /** The line's text without its edge spaces. */
  text: string;
  shape: LineShape;
  width: number;
  /** Blank lines between this line and the previous non-blank one. */
  blanksBefore: number;
  /** The wrap width of the hard-wrapped text around the line, or null. */
  wrapWidth: number | null;
}

export type Role =
  /** Page furniture (page numbers and markers, running heads, page dates, staff lines). */
  | 'furniture'
  /** A series kicker introducing a group of articles (——…发言摘要). */
  | 'kicker'
  /** A line of the article's headline. */
  | 'title'
  /** A deck under the headline: a subtitle, an attendance line, a dash-led subheading. */
  | 'deck'
  | 'byline'
  | 'source'
  /** A credit that ends an article: （完）, （编辑：X）, 本报综合. */
  | 'credit'
  /** A date alone on a line: an export header's date, a signature's date. */
  | 'date'
  /** The first line of a paragraph. */
  | 'paragraph'
  /** The first line of a paragraph that is a numbered section heading standing on its own. */
  | 'section'
  /** A line that continues the paragraph of the line before (the break between them is inside it). */
  | 'continuation';

export interface LineRole {
  role: Role;
  /** The first line of an article. */
  articleStart: boolean;
  /** What a furniture line is, when the walker found it (a running head between the halves of a sentence). */
  mark?: PageMarkKind;
  /** Furniture by the words around it alone (see PageMark.guessed). */
  guessed?: true;
}

const MAX_HEADING_WIDTH = 50;
/** A running head between the halves of a sentence is at most this wide. */
const STRAY_WIDTH = 16;
/** A running head standing between the halves of a paragraph's sentence with no other evidence is at most this wide. */
const STRAY_NAME_WIDTH = 6;
/** The text around such a running head is at least this wide on each side (paragraphs, not headlines). */
const STRAY_CONTEXT_WIDTH = 24;
/** A title line this wide that a shorter line follows is one headline set over two lines. */
const LONG_TITLE_LINE = 24;
/** A headline wrapped like hard-wrapped body text runs over at most this many lines. */
const MAX_HEADLINE_LINES = 3;
/** A line this wide is a headline only with no clause punctuation inside (run-together decks). */
const MAX_LONG_HEADING_WIDTH = 100;
const SPEECH_OPENING = /^[\u4e00-\u9fff]{1,12}(?:指出|强调|要求|表示|认为|提出|说)[，,：:]/;
/** Characters that never end a headline or a sentence: a line ending in one goes on. */
const NEVER_LAST = '的把被将和与及在对从向之';
/**
 * Words that need what follows them, whose segmentation leaves them alone at a line's end: a
 * modal, an adverb of degree or time, a copula, a conjunction (…地面必须 / 要保持平整,
 * …农村人是 / 封建保守, …年代较 / 早). A line ending in one goes on.
 */
const OPEN_ENDINGS = new Set(['是', '较', '很', '更', '最', '都', '也', '还', '就', '才', '又', '再', '已', '并', '而', '但', '或', '若', '让', '使', '必须', '应该', '应当', '可以', '能够', '已经', '正在', '因为', '如果', '虽然', '但是', '而且', '并且', '以及', '或者', '非常', '比较', '十分', '更加']);
/**
 * A discourse connective and a comma: the opening of a paragraph that carries on the text
 * before, never of a headline (其次，… 另外，… 据了解，…).
 */
const CONNECTIVE_OPENING = /^(?:其次|另外|此外|同时|因此|但是|然而|而且|首先|再次|最后|总之|不过|所以|于是|例如|比如|那么|可是|据悉|据了解|据统计|据介绍|据报道|事实上|实际上|另一方面|与此同时|换句话说|也就是说)[，,]/;
/** Words that cannot start a line of their own: a line starting with one continues the line before. */
const NEVER_FIRST_WORDS = new Set(['的', '地', '得', '了', '着', '过', '们', '吗', '呢', '吧', '啊', '么']);
/** A bracket opening with a capitalised Latin word (a name's spelling, not an acronym such as CNN). */
const LATIN_GLOSS = /^[（(][A-ZＡ-Ｚ][a-zａ-ｚ]{2,}/;
/** Two parts of a headline set apart by a space. */
const TWO_PART = /[\u4e00-\u9fff”》][ \u3000]+[\u4e00-\u9fff“《]/;
const STARTS_WITH_CLOSING = /^[，。、；：,.;:！？!?）)”’」』》】…]/;
const ENDS_WITH_CLAUSE_MARK = /[，、,；;：:（(“‘《【—]$/;

interface ArticleState {
  hasTitle: boolean;
  hasBody: boolean;
  hasBylines: boolean;
  /** A source line or credit ended it: nothing more belongs to it. */
  closed: boolean;
}

interface WalkState {
  /** Index (into the walk lines) of the last line of the paragraph that has not ended, or -1. */
  open: number;
  article: ArticleState | null;
  /** The role of the last line that was not furniture. */
  lastRole: Role | null;
  /** Page furniture stands between the last line that was not furniture and this one. */
  afterFurniture: boolean;
}

const SPEECH_VERB = /^(?:指出|强调|要求|表示|认为|提出|说|指示|介绍|宣布)/;

/** A person's name cut by the break, with the verb of what they said after it: 何武 / 周强调，. */
function nameAcrossSeam(left: string, right: string): boolean {
  for (let before = 1; before <= 3 && before < left.length; before++) {
    for (let after = 1; after <= 3 && before + after <= 4; after++) {
      const name = left.slice(left.length - before) + right.slice(0, after);
      if (isPersonName(name) && SPEECH_VERB.test(right.slice(after))) return true;
    }
  }
  return false;
}

const BRACKET_PAIRS: Record<string, string> = { '[': ']', '［': '］', '【': '】', '（': '）', '(': ')', '《': '》', '“': '”', '「': '」' };

/**
 * The line leaves a bracket open and the next line closes it before it opens another: the
 * bracketed words run across the break (…[推荐 / 商家]  友联数码…).
 */
function closesOpenBracket(left: string, right: string): boolean {
  const open: string[] = [];
  for (let k = 0; k < left.length; k++) {
    const ch = left[k];
    if (ch in BRACKET_PAIRS) open.push(BRACKET_PAIRS[ch]);
    else if (open.length && ch === open[open.length - 1]) open.pop();
  }
  if (open.length === 0) return false;
  const closer = open[open.length - 1];
  for (let k = 0; k < right.length && k < 12; k++) {
    const ch = right[k];
    if (ch === closer) return true;
    if (ch in BRACKET_PAIRS || /[。！？!?]/.test(ch)) return false;
  }
  return false;
}

/** The walker's state before a line, packed: the paragraph left open (a line index, or -1) and the rest in bits. */
export interface PackedState {
  open: number;
  bits: number;
}

export const INITIAL_STATE: PackedState = { open: -1, bits: 0 };

const ROLES: (Role | null)[] = [null, 'furniture', 'kicker', 'title', 'deck', 'byline', 'source', 'credit', 'date', 'paragraph', 'section', 'continuation'];

function pack(state: WalkState): PackedState {
  const a = state.article;
  const article = a ? 1 | (a.hasTitle ? 2 : 0) | (a.hasBody ? 4 : 0) | (a.hasBylines ? 8 : 0) | (a.closed ? 16 : 0) : 0;
  return { open: state.open, bits: article | (ROLES.indexOf(state.lastRole) << 5) | (state.afterFurniture ? 1 << 9 : 0) };
}

function unpack(packed: PackedState): WalkState {
  const b = packed.bits;
  const article = b & 1 ? { hasTitle: !!(b & 2), hasBody: !!(b & 4), hasBylines: !!(b & 8), closed: !!(b & 16) } : null;
  return { open: packed.open, article, lastRole: ROLES[(b >> 5) & 15], afterFurniture: !!(b & (1 << 9)) };
}

/**
 * How far ahead (in lines) a decision of the walker may look: a few prose lines, each at most
 * `MAX_SKIP` lines of furniture away. An edit changes no decision more than this far before it.
 */
export const LOOKAHEAD = 256;
/** Furniture lines skipped to find the next prose line; past them there is none. */
const MAX_SKIP = 32;
/** Bylines looked past to find the headline they stand above. */
const MAX_BYLINES = 8;

export class Walker {
  private state: WalkState = unpack(INITIAL_STATE);
  /** The farthest line the current step has read. */
  private farthest = 0;

  constructor(
    private readonly all: WalkLine[],
    private readonly segmenter: Segmenter | undefined,
  ) {}

  /**
   * The roles of every line, the state before each line (for walking again from there), and
   * how far past each line its step read (an edit beyond that cannot change the step).
   */
  walk(): { roles: LineRole[]; states: PackedState[]; reaches: number[] } {
    const roles: LineRole[] = [];
    const states: PackedState[] = [];
    const reaches: number[] = [];
    for (let i = 0; i < this.all.length; i++) {
      states.push(pack(this.state));
      roles.push(this.measuredStep(i, reaches));
    }
    return { roles, states, reaches };
  }

  /**
   * Walks again from line `from` in state `state`, until `settled(i, state)` says that from line
   * `i` on, with this state, the walk goes as before (or to the end).
   */
  walkFrom(from: number, state: PackedState, settled: (i: number, state: PackedState) => boolean): { roles: LineRole[]; states: PackedState[]; reaches: number[]; until: number } {
    this.state = unpack(state);
    const roles: LineRole[] = [];
    const states: PackedState[] = [];
    const reaches: number[] = [];
    let i = from;
    for (; i < this.all.length; i++) {
      const packed = pack(this.state);
      if (settled(i, packed)) break;
      states.push(packed);
      roles.push(this.measuredStep(i, reaches));
    }
    return { roles, states, reaches, until: i };
  }

  private measuredStep(i: number, reaches: number[]): LineRole {
    this.farthest = i;
    const role = this.step(i);
    reaches.push(this.farthest - i);
    return role;
  }

  /** Line `j`, read by the current step (every read of a line goes through here). */
  private line(j: number): WalkLine {
    if (j > this.farthest) this.farthest = j;
    return this.all[j];
  }

  /** Whether there is a line `j` (asking reads as far as it). */
  private has(j: number): boolean {
    if (j > this.farthest) this.farthest = Math.min(j, this.all.length);
    return j < this.all.length;
  }

  private step(i: number): LineRole {
    const c = this.line(i);
    const shape = c.shape;
    switch (shape.kind) {
      case 'page-mark':
        if (shape.mark !== 'kicker') {
          this.state.afterFurniture = true;
          return { role: 'furniture', articleStart: false };
        }
        if (this.inHeadingBlock() && (this.state.lastRole === 'title' || this.state.lastRole === 'deck')) return this.heading(i, 'deck');
        this.state.open = -1;
        if (this.state.article) this.state.article.closed = true;
        return this.done('kicker', false);
      case 'source':
      case 'credit':
        return this.ending(shape.kind);
      case 'export-title':
        this.state.open = -1;
        return this.startArticle(i, 'title');
      case 'date':
        if (this.state.open < 0 && this.state.article && (this.inHeadingBlock() || this.state.lastRole === 'byline')) return this.done('date', false);
        break;
      case 'byline':
        return this.byline(i);
      case 'attendance':
        if (this.state.open < 0 && this.inHeadingBlock()) return this.heading(i, 'deck');
        break;
    }
    return this.text(i);
  }

  private text(i: number): LineRole {
    const c = this.line(i);
    const open = this.state.open;
    // An entry of a dated list starts afresh, whatever the line before it lacks, and is no furniture.
    if (startsRecord(c.text)) {
      this.state.open = -1;
      return this.paragraphLine(i, 'paragraph');
    }
    // Between a page number and a page marker (or a running head) nothing but furniture is printed.
    if (this.betweenPageMarks(i)) {
      this.state.afterFurniture = true;
      return { role: 'furniture', articleStart: false, mark: 'running-head' };
    }
    if (open >= 0) {
      if (this.isStrayBetweenHalves(i)) {
        this.state.afterFurniture = true;
        // Found by its place and the words around it, not by its shape or recurrence: it may be a
        // headline at the top of a page or another column's line, so it is never deleted unasked.
        return { role: 'furniture', articleStart: false, mark: 'running-head', guessed: true };
      }
      if (this.headlineAfterOpenParagraph(i)) return this.headline(i);
      // A dateline opens a new article's body, whatever the text before it lacks.
      if (leadingDateline(c.text) && (c.blanksBefore > 0 || this.state.afterFurniture)) {
        this.state.open = -1;
        return this.paragraphLine(i, 'paragraph');
      }
      return this.paragraphLine(i, 'continuation');
    }
    if (sectionMarker(c.text)) return this.paragraphLine(i, this.isStandaloneSection(i) ? 'section' : 'paragraph');
    // A bracketed aside after the body, alone on its line: (咕哒), （本报综合）.
    if (this.state.article?.hasBody && isBracketedAside(c.text)) return this.ending('credit');
    if (this.isLastPageHead(i)) {
      this.state.afterFurniture = true;
      // By its place alone: offered for deletion, never deleted unasked.
      return { role: 'furniture', articleStart: false, mark: 'running-head', guessed: true };
    }
    if (this.isHeadline(i)) return this.headline(i);
    if (this.isSignature(i)) return this.done('byline', false);
    return this.paragraphLine(i, 'paragraph');
  }

  // -------------------------------------------------------------------------------------
  // Roles and the state they leave.

  private done(role: Role, articleStart: boolean): LineRole {
    this.state.lastRole = role;
    this.state.afterFurniture = false;
    return { role, articleStart };
  }

  private newArticle(): void {
    this.state.article = { hasTitle: false, hasBody: false, hasBylines: false, closed: false };
  }

  private startArticle(i: number, role: Role): LineRole {
    this.newArticle();
    if (role === 'title') this.state.article!.hasTitle = true;
    if (role === 'byline') this.state.article!.hasBylines = true;
    return this.done(role, true);
  }

  /** A line of a headline: the title of a new article, or a deck of the current one. */
  private headline(i: number): LineRole {
    this.state.open = -1;
    const article = this.state.article;
    // Bylines printed above a headline that a page break parts from them: its title.
    if (article && this.inHeadingBlock() && !article.hasTitle && article.hasBylines && this.state.lastRole === 'byline' && this.state.afterFurniture && this.line(i).blanksBefore < 2) {
      article.hasTitle = true;
      return this.done('title', false);
    }
    // A headline after a page break, or two blank lines or more, heads a new article.
    if (article && this.inHeadingBlock() && !this.state.afterFurniture && this.line(i).blanksBefore < 2) {
      // Bylines printed above the headline: the headline is this article's title.
      if (!article.hasTitle) {
        article.hasTitle = true;
        return this.done('title', false);
      }
      if (this.isHeadlineAfterTwoPartTitle(i)) return this.startArticle(i, 'title');
      if (this.state.lastRole === 'title' || this.state.lastRole === 'deck' || this.state.lastRole === 'date') return this.heading(i, 'deck');
    }
    return this.startArticle(i, 'title');
  }

  /**
   * A headline set apart under a one-line headline that carries its deck inline, after a space
   * (欧洲杯大战在即　荷兰葡萄牙面临淘汰将背水一战 / blank / …): a second article's, and the
   * first has lost its body. A deck of its own under such a headline would be a third part;
   * dash-led lines and attendance lines stay decks.
   */
  private isHeadlineAfterTwoPartTitle(i: number): boolean {
    const c = this.line(i);
    if (this.state.lastRole !== 'title' || c.blanksBefore === 0 || c.shape.kind !== 'text' || /^[—–\-─(（]/.test(c.text)) return false;
    const title = this.line(i - 1);
    return title.shape.kind === 'text' && TWO_PART.test(title.text);
  }

  /**
   * A line of the current heading block: a deck, or the rest of a headline wrapped onto it.
   * A headline wraps when its line was full: a full line of hard-wrapped text, a long line
   * (a headline set over two lines in print), or a line the break cuts a word of.
   */
  private heading(i: number, role: 'deck'): LineRole {
    const c = this.line(i);
    const previous = this.line(i - 1);
    if (this.state.lastRole !== 'title' || c.blanksBefore > 0 || this.state.afterFurniture || c.shape.kind !== 'text' || /^[—–\-─(（]/.test(c.text)) return this.done(role, false);
    const full = isFullLine(previous.width, previous.wrapWidth);
    const long = previous.width >= LONG_TITLE_LINE && c.width < previous.width;
    return this.done(full || long || this.continuesInto(previous, c) ? 'title' : role, false);
  }

  private byline(i: number): LineRole {
    const c = this.line(i);
    const article = this.state.article;
    // A bare name right after a full line of hard-wrapped text is the rest of its sentence.
    if (this.state.open >= 0 && c.blanksBefore === 0 && !this.state.afterFurniture && c.shape.kind === 'byline' && !c.shape.labelled) {
      const previous = this.line(this.state.open);
      if (isFullLine(previous.width, previous.wrapWidth) || this.continuesInto(previous, c)) return this.paragraphLine(i, 'continuation');
    }
    if (this.looksLikeHeadlineNotName(i)) return this.headline(i);
    this.state.open = -1;
    if (article && !article.closed && !article.hasBody) {
      // Under the headline; but bylines set apart from an earlier byline, with a headline after
      // them, are printed above that next headline.
      if (article.hasTitle && article.hasBylines && this.state.lastRole === 'byline' && c.blanksBefore > 0 && this.headlineFollows(i)) return this.startArticle(i, 'byline');
      article.hasBylines = true;
      return this.done('byline', false);
    }
    // After the body, with a source line, a credit, two blank lines or nothing after it: the
    // article's signature (…已经死亡。 / 记者李志宏 / blank / blank / next headline), not a
    // byline printed above the next headline.
    if (article && !article.closed && article.hasBody && this.endsArticle(this.nextProse(i))) return this.done('byline', false);
    return this.startArticle(i, 'byline');
  }

  /**
   * What follows line `j - …` ends an article: a source line or a credit, two blank lines or
   * more (which part articles, as in headline()), or no line at all (j < 0).
   */
  private endsArticle(j: number): boolean {
    if (j < 0) return true;
    const next = this.line(j);
    return next.shape.kind === 'source' || next.shape.kind === 'credit' || next.blanksBefore >= 2;
  }

  /** A source line or credit: it ends the article it belongs to. */
  private ending(role: 'source' | 'credit'): LineRole {
    this.state.open = -1;
    const started = !this.state.article;
    if (started) this.newArticle();
    this.state.article!.closed = true;
    return this.done(role, started);
  }

  private paragraphLine(i: number, role: 'paragraph' | 'section' | 'continuation'): LineRole {
    const c = this.line(i);
    let articleStart = false;
    if (role !== 'continuation') {
      const article = this.state.article;
      const dateline = leadingDateline(c.text);
      if (!article || article.closed || (dateline && article.hasBody)) {
        this.newArticle();
        articleStart = true;
      }
    }
    const article = this.state.article!;
    article.hasBody = true;
    // A credit may wrap onto the paragraph's last line: （皇甫娜建 侯红 / 胜）.
    const tail = role === 'continuation' && this.state.open >= 0 ? this.line(this.state.open).text + c.text : c.text;
    if (trailingAttribution(tail)) {
      article.closed = true;
      this.state.open = -1;
    } else {
      this.state.open = role === 'section' || this.endsItsSentence(i) ? -1 : i;
    }
    return this.done(role, articleStart);
  }

  // -------------------------------------------------------------------------------------
  // Evidence.

  private inHeadingBlock(): boolean {
    const article = this.state.article;
    return !!article && !article.closed && !article.hasBody && this.state.lastRole !== null && ['title', 'deck', 'byline', 'date'].includes(this.state.lastRole);
  }

  /** The index of the next line that is not furniture, or -1. */
  private nextProse(i: number): number {
    for (let j = i + 1; this.has(j) && j <= i + MAX_SKIP; j++) {
      const shape = this.line(j).shape;
      if (shape.kind !== 'page-mark' || shape.mark === 'kicker') return j;
    }
    return -1;
  }

  /** The first line after the bylines that follow line `i` could be a headline. */
  private headlineFollows(i: number): boolean {
    let j = this.nextProse(i);
    for (let n = 0; j >= 0 && this.line(j).shape.kind === 'byline'; n++) j = n < MAX_BYLINES ? this.nextProse(j) : -1;
    return j >= 0 && this.couldBeHeadline(j);
  }

  /**
   * A short line shaped like a name where a headline is due, whose "given name" is a word of
   * the dictionary (谈兴趣: 谈 is a surname, 兴趣 a word), with body text after it: a headline.
   */
  private looksLikeHeadlineNotName(i: number): boolean {
    const c = this.line(i);
    if (c.shape.kind !== 'byline' || c.shape.labelled || c.shape.names.length !== 1 || c.text.length !== 3 || !this.segmenter) return false;
    const article = this.state.article;
    if (article && !article.closed && !article.hasBody) return false;
    const j = this.nextProse(i);
    if (j < 0) return false;
    const next = this.line(j);
    // Body text after it, or a byline with its role (记者 X): no name heads either.
    const bodyNext = next.shape.kind === 'text' && !this.couldBeHeadline(j);
    if (!bodyNext && !(next.shape.kind === 'byline' && next.shape.labelled)) return false;
    const given = tokenize(this.segmenter, c.text.slice(1), 0, { hmm: false });
    return given.length === 1;
  }

  /** Furniture or a blank line stands between line `i` and the next prose line `j`. */
  private setApart(i: number, j: number): boolean {
    return this.line(j).blanksBefore > 0 || j > i + 1;
  }

  /** The shape of a headline line: short, unfinished, no clause mark at its end. */
  private headlineShape(c: WalkLine): boolean {
    if (c.shape.kind !== 'text') return false;
    if (c.width > MAX_LONG_HEADING_WIDTH || (c.width > MAX_HEADING_WIDTH && /[，,；;：:。]/.test(c.text))) return false;
    if (endsSentence(c.text) || ENDS_WITH_CLAUSE_MARK.test(c.text) || /。./.test(c.text)) return false;
    if (this.endsWithBoundWord(c.text)) return false;
    if (STARTS_WITH_CLOSING.test(c.text) || sectionMarker(c.text) || trailingAttribution(c.text) || SPEECH_OPENING.test(c.text) || CONNECTIVE_OPENING.test(c.text)) return false;
    return true;
  }

  /**
   * A line that confirms a headline above it: a byline, a dateline, a date, an attendance
   * line — next, or after one or two more headline lines (decks).
   */
  private confirmsHeadline(j: number): boolean {
    if (this.confirms(j)) return true;
    for (let k = j, n = 0; n < 2 && this.has(k + 1) && this.headlineShape(this.line(k)); n++) {
      k = this.nextProse(k);
      if (k < 0) return false;
      if (this.confirms(k)) return true;
    }
    return false;
  }

  private confirms(j: number): boolean {
    const next = this.line(j);
    const kind = next.shape.kind;
    return kind === 'byline' || kind === 'attendance' || kind === 'date' || kind === 'credit' || (kind === 'page-mark' && next.shape.mark === 'kicker') || !!leadingDateline(next.text);
  }

  /** Could line `j` be a headline at all (used to place bylines above it)? */
  private couldBeHeadline(j: number): boolean {
    const c = this.line(j);
    if (c.shape.kind === 'export-title') return true;
    if (!this.headlineShape(c)) return false;
    const k = this.nextProse(j);
    return k < 0 || !this.continuesInto(c, this.line(k));
  }

  /** A short line after a finished paragraph (or none): a headline, or the start of a paragraph? */
  private isHeadline(i: number): boolean {
    const c = this.line(i);
    const j = this.nextProse(i);
    const next = j >= 0 ? this.line(j) : null;
    if (!this.headlineShape(c)) {
      // A headline may end with ？ or ！ when a byline confirms it, or when it stands apart.
      if (c.shape.kind !== 'text' || c.width > MAX_HEADING_WIDTH || !/[？！?!]$/.test(c.text) || /[。，,；;]/.test(c.text)) return false;
      if (!next) return false;
      if (this.confirmsHeadline(j)) return true;
      const article = this.state.article;
      const fresh = article === null || article.closed || this.state.lastRole === 'paragraph' || this.state.lastRole === 'continuation' || this.state.lastRole === 'section';
      // Bylines printed above it: the question is the headline they wait for.
      if (article && !article.hasTitle && this.inHeadingBlock()) return c.width <= 30;
      return fresh && c.width <= 30 && this.setApart(i, j) && (c.blanksBefore > 0 || this.state.afterFurniture || this.state.article === null);
    }
    if (!next) {
      const article = this.state.article;
      return article === null || article.closed || (this.inHeadingBlock() && this.state.lastRole !== 'byline') || this.state.lastRole === 'kicker';
    }
    if (next.shape.kind === 'date' && this.state.article?.hasBody) return false; // a signature
    // Running into the next line: the first line of a paragraph, or a headline wrapped over lines.
    if (this.continuesInto(c, next)) return this.isHeadlineBlock(i);
    if (this.confirmsHeadline(j)) return true;
    // A full line of hard-wrapped text is body text, unless it starts a short block of lines
    // that ends no sentence: a headline wrapped like the text.
    if (isFullLine(c.width, c.wrapWidth)) return this.isHeadlineBlock(i);
    if (this.state.article === null || this.state.article.closed) return true;
    if (this.inHeadingBlock() && (this.state.lastRole !== 'byline' || !this.state.article.hasTitle)) return true;
    // Below, the evidence is weaker; a long line with clause marks inside is a sentence, unless
    // it stands apart on both sides after a finished paragraph (a headline and its deck on one line).
    if (/[，,；;]/.test(c.text) && c.width > 24) {
      const afterBody = !!this.state.article?.hasBody && !this.inHeadingBlock();
      return afterBody && c.width <= 36 && (c.blanksBefore > 0 || this.state.afterFurniture) && this.setApart(i, j);
    }
    // Set apart from what comes before (a blank line, a page break) or after it.
    if (this.inHeadingBlock() || this.setApart(i, j) || c.blanksBefore > 0 || this.state.afterFurniture) return true;
    // No blank line after it: body text follows directly, a full line or a much longer one.
    if (next.shape.kind !== 'text') return false;
    if (isFullLine(next.width, next.wrapWidth)) return true;
    if (next.width >= Math.max(24, 1.5 * c.width)) return true;
    return /[\u4e00-\u9fff”》][ \u3000]+[\u4e00-\u9fff“《]/.test(c.text);
  }

  /**
   * A short line at a page break between the two halves of a sentence, which the sentence does
   * not run into: a running head (…没有主动要 / 半月谈 / 求控球…).
   */
  private isStrayBetweenHalves(i: number): boolean {
    const c = this.line(i);
    if (c.shape.kind !== 'text' || c.width > STRAY_WIDTH || endsSentence(c.text) || STARTS_WITH_CLOSING.test(c.text)) return false;
    const j = this.nextProse(i);
    if (j < 0) return false;
    const previous = this.line(this.state.open);
    const next = this.line(j);
    if (this.joinsWord(previous, c) || this.joinsWord(c, next) || this.endsWithBoundWord(c.text) || /[，、；：,;:“”]/.test(c.text)) return false;
    // Next to a page mark, the sentence going on around it is enough; elsewhere a word must
    // run across it (重 / 新闻战线 / 庆再升 → 重庆), or the text before it must plainly go on.
    if (this.nextToPageMark(i)) {
      if (this.continuesInto(previous, next)) return true;
      // The page break is there: a name between a long paragraph cut off in mid-sentence and body text.
      return previous.width >= STRAY_CONTEXT_WIDTH && !isFullLine(previous.width, previous.wrapWidth) && !this.continuesInto(c, next) && this.strayInParagraph(previous, c, j);
    }
    if (this.joinsWord(previous, next)) return true;
    // Where paragraphs run a line each (the line before is long and no full line of
    // hard-wrapped text), a short line inside a sentence is no line of it: the text before it
    // plainly goes on, or a name stands alone between long lines of body text.
    if (previous.width < STRAY_CONTEXT_WIDTH || isFullLine(previous.width, previous.wrapWidth)) return false;
    if (/[。！？!?]/.test(c.text) || this.continuesInto(c, next)) return false;
    // A paragraph already broken over lines of any width may break again after a few words:
    // the line before must be the paragraph's first, or page breaks must set the line apart.
    const firstLine = this.state.lastRole === 'paragraph' && !this.state.afterFurniture;
    if (!firstLine && !(c.blanksBefore > 0 && next.blanksBefore > 0)) return false;
    return this.plainlyGoesOn(previous, next) || this.strayInParagraph(previous, c, j);
  }

  /** The text of `c` cannot stop where it does: a clause mark, a word that needs what follows, a bracket `next` closes. */
  private plainlyGoesOn(c: WalkLine, next: WalkLine): boolean {
    if (next.shape.kind !== 'text') return false;
    return ENDS_WITH_CLAUSE_MARK.test(c.text) || this.endsWithBoundWord(c.text) || STARTS_WITH_CLOSING.test(next.text) || closesOpenBracket(c.text, next.text);
  }

  /**
   * A name of a few characters alone between a long paragraph cut off in mid-sentence and a
   * line of body text: a running head, however seldom it recurs (…重温胶片 / 奋斗 / 时代的
   * 经典效果。…). A headline there would need the paragraph before it to have lost its end,
   * and nothing after it (a byline, a dateline) says it starts an article.
   */
  private strayInParagraph(previous: WalkLine, c: WalkLine, j: number): boolean {
    const next = this.line(j);
    if (c.width > STRAY_NAME_WIDTH || !/^[\u4e00-\u9fff]+$/.test(c.text)) return false;
    if (!/[，,；;。！？]./.test(previous.text)) return false;
    if (next.shape.kind !== 'text' || next.width < STRAY_CONTEXT_WIDTH || !/[，,；;。！？]/.test(next.text)) return false;
    if (leadingDateline(next.text) || sectionMarker(next.text) || SPEECH_OPENING.test(next.text) || CONNECTIVE_OPENING.test(next.text)) return false;
    return !this.confirmsHeadline(j);
  }

  /**
   * A short name right after a page number or page marker, with no text after it to the end of
   * the file: the running head of a last page whose text is gone, not a headline.
   */
  private isLastPageHead(i: number): boolean {
    const c = this.line(i);
    if (!this.state.afterFurniture || c.shape.kind !== 'text' || c.width > STRAY_NAME_WIDTH || !/^[\u4e00-\u9fff]+$/.test(c.text)) return false;
    const shape = i > 0 ? this.line(i - 1).shape : null;
    if (!shape || shape.kind !== 'page-mark' || (shape.mark !== 'page-number' && shape.mark !== 'page-marker')) return false;
    for (let j = i + 1; this.has(j) && j <= i + MAX_SKIP; j++) if (this.line(j).shape.kind !== 'page-mark') return false;
    return !this.has(i + MAX_SKIP + 1);
  }

  /** A short line with no clause mark, with page furniture right before it and right after it. */
  private betweenPageMarks(i: number): boolean {
    const c = this.line(i);
    if (c.width > STRAY_WIDTH || /[，。；！？,;!?、]/.test(c.text)) return false;
    return [i - 1, i + 1].every((k) => this.isPageFurniture(k));
  }

  private isPageFurniture(k: number): boolean {
    const shape = this.line(k)?.shape;
    return !!shape && shape.kind === 'page-mark' && (shape.mark === 'page-number' || shape.mark === 'page-marker' || shape.mark === 'running-head');
  }

  /** A page number or page marker stands right before or after line `i`. */
  private nextToPageMark(i: number): boolean {
    return [i - 1, i + 1].some((k) => this.isPageFurniture(k));
  }

  /**
   * Lines `i`… up to the next blank line or page break are a headline wrapped like the body
   * text: at most three lines, no sentence end among them, set apart from what follows.
   */
  private isHeadlineBlock(i: number): boolean {
    let k = i;
    let width = this.line(i).width;
    for (let n = this.line(k + 1); n && n.blanksBefore === 0 && n.shape.kind === 'text'; n = this.line(k + 1)) {
      if (++k - i >= MAX_HEADLINE_LINES) return false;
      width += n.width;
    }
    if (width > MAX_LONG_HEADING_WIDTH) return false;
    const last = this.line(k);
    if (ENDS_WITH_CLAUSE_MARK.test(last.text) || this.endsWithBoundWord(last.text)) return false;
    const after = this.nextProse(k);
    const marks = (pattern: RegExp) => this.all.slice(i, k + 1).some((line) => pattern.test(line.text));
    if (marks(/。/)) return false;
    // A byline or dateline right after the block confirms a headline, clause marks and all.
    if (after >= 0 && this.confirms(after)) return true;
    if (marks(/[，,；;]/)) return false;
    return after < 0 || (this.setApart(k, after) && !this.continuesInto(last, this.line(after)));
  }

  /**
   * A short unfinished line after a paragraph that has not ended, set apart by a blank line or
   * a page break: the rest of the sentence, or a headline after a paragraph that lost its last
   * mark? The rest of a paragraph runs to a sentence end, so a short unfinished line is the
   * rest only when the break cuts a word or its punctuation says so.
   */
  private headlineAfterOpenParagraph(i: number): boolean {
    const c = this.line(i);
    const previous = this.line(this.state.open);
    if (!this.setApart(this.state.open, i) || !this.headlineShape(c)) return false;
    if (this.continuesInto(previous, c)) return false;
    const j = this.nextProse(i);
    if (j < 0) return false;
    const next = this.line(j);
    if (this.confirmsHeadline(j)) return true;
    if (isFullLine(c.width, c.wrapWidth)) return false;
    // A clause mark inside it: the rest of a sentence.
    if (/[，,；;]/.test(c.text)) return false;
    // A stray line between the halves of a sentence (a running head OCR garbled) is no headline.
    if (this.continuesInto(previous, next) || this.continuesInto(c, next)) return false;
    // After a full line of hard-wrapped text the paragraph runs on.
    if (isFullLine(previous.width, previous.wrapWidth)) return false;
    return this.setApart(i, j) && next.shape.kind === 'text';
  }

  /**
   * A short line before a date line at the end of an article: a signature (an organisation or
   * a person signing a statement), which belongs to the article above it.
   */
  private isSignature(i: number): boolean {
    const j = this.nextProse(i);
    return j >= 0 && this.line(j).shape.kind === 'date' && !!this.state.article?.hasBody && this.line(i).width <= 30;
  }

  /** The text ends with a function word standing alone (…的, …和), so it goes on: 存在 is a word, 在 alone is not. */
  private endsWithBoundWord(text: string): boolean {
    if (NEVER_LAST.includes(text[text.length - 1])) {
      if (!this.segmenter) return true;
      const tokens = tokenize(this.segmenter, tailWindow(text, 4), 0, { hmm: false });
      return tokens[tokens.length - 1].text.length === 1;
    }
    return this.endsWithOpenWord(text);
  }

  /** The text's last word is one that needs what follows it (…必须, …是, …较): see OPEN_ENDINGS. */
  private endsWithOpenWord(text: string): boolean {
    if (!this.segmenter || !/[\u4e00-\u9fff]$/.test(text)) return false;
    const tokens = tokenize(this.segmenter, tailWindow(text, 6), 0, { hmm: false });
    return tokens.length > 1 && OPEN_ENDINGS.has(tokens[tokens.length - 1].text);
  }

  /** True when `next` reads as the rest of `c`'s sentence rather than a new line of its own. */
  private continuesInto(c: WalkLine, next: WalkLine): boolean {
    if (next.shape.kind !== 'text' || startsRecord(next.text)) return false;
    if (STARTS_WITH_CLOSING.test(next.text)) return true;
    // A name's Latin spelling in brackets glosses the word before it: 瓦莱丽·费尔柴尔德 / （Valerie…）.
    if (LATIN_GLOSS.test(next.text) && /[\u4e00-\u9fff]$/.test(c.text)) return true;
    if (this.endsWithBoundWord(c.text) || ENDS_WITH_CLAUSE_MARK.test(c.text)) return true;
    if (closesOpenBracket(c.text, next.text)) return true;
    if (next.width <= 6 && endsSentence(next.text) && !sectionMarker(next.text)) return true;
    if (nameAcrossSeam(c.text, next.text)) return true;
    const seam = this.seamToken(c, next);
    return !!seam && (seam.straddles || NEVER_FIRST_WORDS.has(seam.text));
  }

  /** A dictionary word runs across the seam between the two lines (地|位). */
  private joinsWord(c: WalkLine, next: WalkLine): boolean {
    return next.shape.kind === 'text' && !!this.seamToken(c, next)?.straddles;
  }

  /** The word at the seam of two lines joined: the one across it, or the first after it. */
  private seamToken(c: WalkLine, next: WalkLine): { text: string; straddles: boolean } | null {
    if (!this.segmenter) return null;
    const left = tailWindow(c.text, 4);
    const right = headWindow(next.text, 4);
    for (const token of tokenize(this.segmenter, left + right, 0, { hmm: false })) {
      if (token.start < left.length && token.end > left.length) return { text: token.text, straddles: true };
      if (token.start === left.length) return { text: token.text, straddles: false };
    }
    return null;
  }

  /**
   * Line `i` ends a sentence — but a full line of hard-wrapped text that ends with a colon or
   * semicolon runs on into the next line (…毛主席指出： / “…”).
   */
  private endsItsSentence(i: number): boolean {
    const c = this.line(i);
    if (!endsSentence(c.text)) return false;
    if (!/[：；:;]$/.test(c.text) || !isFullLine(c.width, c.wrapWidth)) return true;
    const next = this.line(i + 1);
    return !next || next.blanksBefore > 0 || next.shape.kind !== 'text';
  }

  private isStandaloneSection(i: number): boolean {
    const c = this.line(i);
    // A sentence end before the line's end means the first sentence follows inline.
    if (/[。！？!?]./.test(c.text)) return false;
    if (endsSentence(c.text)) return displayWidth(c.text) <= 30;
    const j = this.nextProse(i);
    if (j < 0) return true;
    const next = this.line(j);
    if (next.shape.kind !== 'text' || sectionMarker(next.text)) return true;
    // A full line of hard-wrapped text runs on, even across a page break.
    if (isFullLine(c.width, c.wrapWidth)) return false;
    return !this.continuesInto(c, next);
  }
}
