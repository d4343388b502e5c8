/**
 * What a single line is by its shape alone: page furniture in its print forms (page numbers
 * with their decorations, page markers that OCR tools write, page dates, issue lines, staff
 * lines), kickers, source and credit lines, bylines, export headers. Whether a short line is a
 * headline or a broken body line depends on its neighbours and is decided by the walker.
 */
import { parseNameList } from '../names';
import { displayWidth, endsSentence, trimSpaces } from '../text';

export type PageMarkKind = 'page-number' | 'page-date' | 'staff' | 'kicker' | 'page-marker' | 'running-head' | 'contents' | 'footnote';

export type LineShape =
  | { kind: 'blank' }
  | { kind: 'page-mark'; mark: PageMarkKind }
  | { kind: 'source'; source: string | null; date: string | null }
  /** A line that ends an article: （完）, （编辑：X）, 本报综合, 我要评论. */
  | { kind: 'credit'; authors: string[] }
  /** `labelled`: a role stands with the names (本报记者, 文/图), so it cannot be a line of prose. */
  | { kind: 'byline'; names: string[]; labelled: boolean }
  | { kind: 'attendance' }
  /** An export header's headline: `### 标题` or `标题：…`. */
  | { kind: 'export-title'; title: string }
  /** A line holding only a date (an export header's date line, a dated signature). */
  | { kind: 'date'; date: string | null }
  | { kind: 'text' };

const CN_NUMERALS = '〇○零一二三四五六七八九十百';
const DIGIT = `0-9０-９${CN_NUMERALS}`;

/** Page-marker lines that OCR and conversion tools write: =====第7页=====, --- Page 7 ---, [第7页]. */
const PAGE_MARKER = new RegExp(
  `^(?:[=＝\\-—_~*#]{2,}\\s*(?:第\\s*[${DIGIT}]+\\s*页|(?:page|p\\.?)\\s*\\d+|[${DIGIT}]+)\\s*[=＝\\-—_~*#]{2,}|[\\[【〔<《]\\s*第\\s*[${DIGIT}]+\\s*页\\s*[\\]】〕>》]|第\\s*[${DIGIT}]+\\s*页|(?:page|p\\.)\\s*\\d+(?:\\s*(?:of|/)\\s*\\d+)?|<page\\s*\\d+>)$`,
  'i',
);
/** A jump line: （下转第3版）, (上接第一版), 转第5版. */
const JUMP_LINE = /^[（(]?\s*(?:下转|上接|转|接|续)第?\s*[0-9０-９一二三四五六七八九十A-Z]{1,3}\s*[版页][)）]?$/;
/** A page number in print: 0303, 第3版, A3版, - 12 -, ·58·, （总974）, (总7)·5. */
const PAGE_NUMBER_DECORATION = /[\s·•・.．。\-—－_~～*＊()（）[\]【】〔〕<>《》:：,，、|｜/／◆◇★☆○●]/g;
const PAGE_NUMBER_WORDS = /^(?:第?[A-Za-zＡ-Ｚ]?版?|总|第|页|总第?)*$/;
const PAGE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周|礼拜)[一二三四五六日天](?:\s.*)?$/;
/** An issue line of a periodical: 2020年第5期, 一九七四年第一期, 1974年第1期（总第XX期）, 第5期. */
const ISSUE_LINE = new RegExp(`^[★☆◆·\\s]*(?:[${DIGIT}]{2,4}\\s*年\\s*)?(?:第\\s*[${DIGIT}]{1,4}\\s*[期号卷](?:\\s*[（(]?\\s*总\\s*第?\\s*[${DIGIT}]+\\s*[期号]?\\s*[)）]?)?)[★☆◆·\\s]*$`);
/** A periodical's or paper's name with its issue or page: 半月谈 1989年第7期, 湖北日报 第31版, 1974年第1期 红旗. */
const NAMED_ISSUE_LINE = new RegExp(
  `^(?:[\\u4e00-\\u9fff《》]{2,10}\\s*(?:[${DIGIT}]{2,4}\\s*年\\s*)?第\\s*[${DIGIT}]{1,4}\\s*[期版号]|(?:[${DIGIT}]{2,4}\\s*年\\s*)?第\\s*[${DIGIT}]{1,4}\\s*[期版号]\\s*[\\u4e00-\\u9fff《》]{2,10})$`,
);
/** A short line set between ornaments: ☆一月一日出版☆, ★本期导读★. */
const ORNAMENTED = /^[☆★◆◇●○■□▲△※◎]+[^☆★◆◇●○■□▲△※◎]{1,18}[☆★◆◇●○■□▲△※◎]+$/;
const STAFF_LABELS = '责任编辑|责编|编辑|美编|校对|组版|排版|版式|审校|值班编辑|摄影|制图|美术编辑|版面编辑|主编|审稿|终审';
const STAFF = new RegExp(`^(?:${STAFF_LABELS})\\s*[:：]`);
const KICKER = /^(?:——|──|--|―|—)\s*\S/;
const SOURCE_PAPER = /^《([^》]{2,20})》\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[（(][^)）]{0,20}[)）])?$/;
const SOURCE_LABEL = /^[（(【]?\s*(?:来源|稿源|转自|原载|出处|摘自|选自)\s*[:：]\s*([^\s:：)）】]{2,24})\s*[)）】]?$/;
/** A credit alone on a line: （完）, (编辑：张三), 【责任编辑：李四】, 本报综合, 我要评论. */
const CREDIT_PAREN = new RegExp(`^[（(【\\[]\\s*(?:完|全文完|待续|(${STAFF_LABELS}|记者|通讯员|实习生|整理|作者|文|图|撰文|摄)\\s*[:：/]?\\s*([^()（）【】\\[\\]]{0,30}))\\s*[)）】\\]]$`);
/** Roles whose names are the article's authors (an editor's are not). */
const AUTHOR_ROLES = /^(?:记者|通讯员|实习生|作者|文|撰文|摄)$/;
const CREDIT_WORDS = /^[（(【]?(?:本报综合|综合报道|综合消息|本报编辑部|我要评论|打印本页|关闭窗口|返回顶部|分享到|完|据[\u4e00-\u9fff]{2,6}(?:社|网|报|台)(?:电|消息|报道)?)[)）】]?$/;
/** Any short aside in brackets alone on a line at the end of an article: (咕哒), （本报综合）. */
const BRACKETED = /^[（(【][^()（）【】]{1,20}[)）】]$/;
const ATTENDANCE = /(?:出席|主持|参加|陪同)(?:并讲话|并致辞)?(?:\s|$)/;
/** Export headers: `### 标题`, `标题：…` (the title field of a database export). */
const MARKDOWN_TITLE = /^#{1,6}\s+(\S.*)$/;
const TITLE_FIELD = /^(?:标题|题目|篇名|主题)\s*[:：]\s*(\S.*)$/;
const AUTHOR_FIELD = /^(?:作者|记者|撰稿|撰文|署名)\s*[:：]\s*(.*)$/;
const DATE_ONLY = /^(?:(?:日期|时间|发布时间|发表时间|发表日期|刊发日期)\s*[:：]\s*)?(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const META_FIELD = /^(?:版次|版面|版名|栏目|频道|分类|关键词|字数|ID|编号)\s*[:：]/;
/** A footnote at the foot of a page: circled numbers, then a citation (①《…》，人民出版社1957年版，第23页。). */
const FOOTNOTE = /^[\u2460-\u2473]+[)）]?\s*\S/;
const CITATION = /《[^》]{1,60}》|出版社|第\s*[0-9一二三四五六七八九十百]+\s*[页卷期]/;

export function classifyLine(raw: string): LineShape {
  const text = trimSpaces(raw);
  if (text === '') return { kind: 'blank' };
  if (text.length <= 40) {
    if (PAGE_MARKER.test(text)) return { kind: 'page-mark', mark: 'page-marker' };
    if (isPageNumber(text) || JUMP_LINE.test(text)) return { kind: 'page-mark', mark: 'page-number' };
    if (ISSUE_LINE.test(text) || ORNAMENTED.test(text) || NAMED_ISSUE_LINE.test(text)) return { kind: 'page-mark', mark: 'running-head' };
  }
  if (PAGE_DATE.test(text)) return { kind: 'page-mark', mark: 'page-date' };
  if (FOOTNOTE.test(text) && CITATION.test(text)) return { kind: 'page-mark', mark: 'footnote' };
  if (STAFF.test(text)) return { kind: 'page-mark', mark: 'staff' };
  if (META_FIELD.test(text) && text.length <= 40) return { kind: 'page-mark', mark: 'staff' };
  const paper = SOURCE_PAPER.exec(text);
  if (paper) return { kind: 'source', source: paper[1], date: isoDate(paper[2], paper[3], paper[4]) };
  const label = SOURCE_LABEL.exec(text);
  if (label) return { kind: 'source', source: label[1], date: null };
  const credit = creditOf(text);
  if (credit) return credit;
  const exportTitle = MARKDOWN_TITLE.exec(text) ?? TITLE_FIELD.exec(text);
  if (exportTitle) return { kind: 'export-title', title: trimSpaces(exportTitle[1]) };
  const date = DATE_ONLY.exec(text);
  if (date) return { kind: 'date', date: isoDate(date[1], date[2], date[3]) };
  const authorField = AUTHOR_FIELD.exec(text);
  if (authorField) return { kind: 'byline', names: parseNameList(authorField[1]) ?? (authorField[1].trim() ? [trimSpaces(authorField[1])] : []), labelled: true };
  if (KICKER.test(text) && !endsSentence(text) && displayWidth(text) <= 80) {
    return { kind: 'page-mark', mark: 'kicker' };
  }
  const byline = bylineOf(text);
  if (byline) return { kind: 'byline', ...byline };
  if (!endsSentence(text) && displayWidth(text) <= 50 && ATTENDANCE.test(text) && !/[，,。]/.test(text)) {
    return { kind: 'attendance' };
  }
  return { kind: 'text' };
}

/**
 * A page number in one of its print forms: digits with nothing but decorations around them
 * (·58·, - 12 -, （总974）, (总7)·5.), or 第3版 / A3版. A bare number of five digits or more is
 * no page number.
 */
/**
 * A line that opens with a full date stamp (`1984-10-01 标题`, `1984-10-01标题`, `2020年4月1日 …`
 * with a space): an entry of a list or index, one per line. The line before it never runs on
 * into it.
 */
const RECORD_START = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d:])|\d{4}年\d{1,2}月\d{1,2}日[ \t\u3000]+)\s*\S/;

export function startsRecord(text: string): boolean {
  return RECORD_START.test(text);
}

export function isPageNumber(text: string): boolean {
  if (!/[0-9０-９]/.test(text) && !/^第[一二三四五六七八九十]{1,3}版$/.test(text)) return false;
  const digits = text.match(/[0-9０-９]+/g) ?? [];
  // A page number and at most the issue's running count: (总7)·5; 2020-07-10 is a date.
  if (digits.length > 2 || digits.some((d) => d.length > 4)) return false;
  // A title mark without its pair ends or opens a title that wrapped (…电影节 / 2008》).
  if ((text.match(/《/g)?.length ?? 0) !== (text.match(/》/g)?.length ?? 0)) return false;
  // (总10) read by OCR as (点10): one character in brackets before the number is the running count's.
  const rest = text
    .replace(/([（(])[\u4e00-\u9fff](?=\s*[0-9０-９])/g, '$1')
    .replace(/[0-9０-９一二三四五六七八九十]/g, '')
    .replace(PAGE_NUMBER_DECORATION, '');
  return PAGE_NUMBER_WORDS.test(rest) && displayWidth(text) <= 16;
}

function creditOf(text: string): LineShape | null {
  if (CREDIT_WORDS.test(text)) return { kind: 'credit', authors: [] };
  const m = CREDIT_PAREN.exec(text);
  if (!m) return null;
  const authors = m[1] && AUTHOR_ROLES.test(m[1]) && m[2] ? (parseNameList(m[2]) ?? []) : [];
  return { kind: 'credit', authors };
}

/** A bracketed aside alone on a line: a credit when it ends an article, not a section number or page. */
export function isBracketedAside(text: string): boolean {
  return BRACKETED.test(text) && !sectionMarker(text + '。') && !/^[（(][0-9０-９]+[)）]$/.test(text);
}

/** A role before a name in a byline: 本报记者, 新华社记者, 通讯员, 实习生, 文/图 … */
const BYLINE_ROLE = new RegExp(
  '^(?:本报|本刊|本台|本网|本社|本报驻[\\u4e00-\\u9fff]{1,4}|新华社|中新社|[\\u4e00-\\u9fff]{2,6}?(?:社|日报|晚报|时报|报|电视台|台|网))?' +
    '(?:特约|实习|见习|首席|驻[\\u4e00-\\u9fff]{1,4})?' +
    '(?:摄影记者|记者|通讯员|实习生|特约评论员|评论员|撰稿人|撰稿|撰文|编译|整理|口述|执笔|作者|摄影|摄|文[·・]图|图[·・]文|文图|图文|文|图)',
);
/** A credit after a name: 张三 摄, 李四 文, 王五 报道. */
const BYLINE_CREDIT = /(?:摄影|摄|文|图|报道|整理|撰文|执笔|口述|供稿|编译)$/;
const BYLINE_SEPARATORS = /[\s\u3000、，,；;/／|｜:：]+/;

/**
 * The names of a byline: 刘宛康 / 本报记者 张三 李四 / 文/图 王五 / 本报记者 尹新玉 通讯员 于慧 /
 * 新华社记者 曾嘉、江春鹏 / 张三 摄. Roles may stand before each name or group of names; every
 * other part must be a name.
 */
export function parseByline(text: string): string[] | null {
  return bylineOf(text)?.names ?? null;
}

function bylineOf(text: string): { names: string[]; labelled: boolean } | null {
  if (displayWidth(text) > 40) return null;
  const names: string[] = [];
  let roles = 0;
  for (const raw of text.split(BYLINE_SEPARATORS)) {
    let part = raw;
    for (let m = BYLINE_ROLE.exec(part); m && m[0].length > 0; m = BYLINE_ROLE.exec(part)) {
      part = part.slice(m[0].length);
      roles++;
    }
    if (part !== '' && !isName(part) && BYLINE_CREDIT.test(part) && isName(part.replace(BYLINE_CREDIT, ''))) {
      part = part.replace(BYLINE_CREDIT, '');
      roles++;
    }
    if (part === '') continue;
    if (!isName(part)) return null;
    names.push(part);
  }
  if (names.length === 0 || names.length > 8) return null;
  // Without any role, a byline is a short list of names (刘宛康 / 阮现武 董浩).
  return roles > 0 || names.length <= 6 ? { names, labelled: roles > 0 } : null;
}

function isName(part: string): boolean {
  return parseNameList(part) !== null;
}

export function isoDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!(y >= 1800 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date of a page header line such as 2020年4月30日 星期四. */
export function pageDate(text: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

const CN_DIGITS = '〇零一二三四五六七八九十';
// Section markers at the start of a paragraph: 一、 / （一） / 一是 / 一要 / 第一，
const SECTION_MARKER = new RegExp(
  `^(?:[${CN_DIGITS}]{1,3}、|[（(][${CN_DIGITS}]{1,3}[）)]|[${CN_DIGITS}]{1,3}是|[${CN_DIGITS}]{1,3}要|第[${CN_DIGITS}]{1,3}[，,、])`,
);

export interface SectionMarker {
  marker: string;
  /** 1 for 一、 and （一）, 2 for 一是 / 一要 / 第一，. */
  level: 1 | 2;
}

export function sectionMarker(text: string): SectionMarker | null {
  const m = SECTION_MARKER.exec(text);
  if (!m) return null;
  const marker = m[0];
  // 十分, 一是一 … : the marker must be followed by text.
  if (text.length <= marker.length) return null;
  const level = marker.endsWith('、') || /^[（(]/.test(marker) ? 1 : 2;
  if (level === 2 && !/^[一二三四五六七八九十]/.test(marker) && !marker.startsWith('第')) return null;
  return { marker, level };
}

/** An entry of a table of contents: a title or author followed by its page, maybe after leader dots. */
const CONTENTS_ENTRY = /(?:[…]{2,}|\.{3,}|·{3,}|[…．.·]\s*)?[（(]\s*[0-9０-９]{1,3}\s*[)）]?$|[…]{2,}\s*$|\.{4,}\s*$/;

const PAGE_REFERENCE = /[….·．\s]*(?:[（(]\s*[0-9０-９]{1,3}\s*[)）]?)?$/;

export function isContentsEntry(text: string): boolean {
  if (displayWidth(text) > 40 || !CONTENTS_ENTRY.test(text)) return false;
  const title = text.replace(PAGE_REFERENCE, '');
  return title === '' || !endsSentence(title);
}
