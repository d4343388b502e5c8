/**
 * Classifies single lines by their shape: page furniture, kickers, source lines, bylines,
 * section headings. Context-dependent decisions (is this short line a headline or a broken
 * body line?) are made by the article parser.
 */
import { displayWidth, endsSentence, trimSpaces } from './text';
import { parseNameList } from './names';

export type PageMarkKind = 'page-number' | 'page-date' | 'staff' | 'kicker';

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'page-mark'; mark: PageMarkKind }
  | { kind: 'source'; source: string | null; date: string | null }
  | { kind: 'byline'; names: string[] }
  | { kind: 'attendance' }
  | { kind: 'text' };

const CN_DIGITS = '〇零一二三四五六七八九十';

const PAGE_NUMBER = /^(?:\d{1,4}|第?[0-9０-９一二三四五六七八九十]{1,3}版|-\s*\d{1,3}\s*-|—\s*\d{1,3}\s*—)$/;
const PAGE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天](?:\s.*)?$/;
const STAFF = /^(?:责任编辑|责编|编辑|美编|校对|组版|排版|版式|审校|值班编辑|摄影|制图)\s*[:：]/;
const KICKER = /^(?:——|──|--|―|—)\s*\S/;
const SOURCE_PAPER = /^《([^》]{2,20})》\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[（(][^)）]{0,20}[)）])?$/;
const SOURCE_LABEL = /^(?:来源|稿源|转自|原载)\s*[:：]\s*([^\s:：]{2,24})$/;
const ATTENDANCE = /(?:出席|主持|参加|陪同)(?:并讲话|并致辞)?(?:\s|$)/;

export function classifyLine(raw: string): LineKind {
  const text = trimSpaces(raw);
  if (text === '') return { kind: 'blank' };
  if (PAGE_NUMBER.test(text)) return { kind: 'page-mark', mark: 'page-number' };
  if (PAGE_DATE.test(text)) return { kind: 'page-mark', mark: 'page-date' };
  if (STAFF.test(text)) return { kind: 'page-mark', mark: 'staff' };
  const paper = SOURCE_PAPER.exec(text);
  if (paper) return { kind: 'source', source: paper[1], date: isoDate(paper[2], paper[3], paper[4]) };
  const label = SOURCE_LABEL.exec(text);
  if (label) return { kind: 'source', source: label[1], date: null };
  if (KICKER.test(text) && !endsSentence(text) && displayWidth(text) <= 80) {
    return { kind: 'page-mark', mark: 'kicker' };
  }
  const byline = parseByline(text);
  if (byline) return { kind: 'byline', names: byline };
  if (!endsSentence(text) && displayWidth(text) <= 50 && ATTENDANCE.test(text) && !/[，,。]/.test(text)) {
    return { kind: 'attendance' };
  }
  return { kind: 'text' };
}

const BYLINE_PREFIX = /^(?:本报记者|本报通讯员|记者|通讯员|特约记者|文\s*[/／:：]|作者\s*[:：]|撰稿\s*[:：])\s*/;

/** 刘宛康 / 本报记者 张三 李四 / 文/王五 */
export function parseByline(text: string): string[] | null {
  if (displayWidth(text) > 30) return null;
  return parseNameList(text.replace(BYLINE_PREFIX, ''));
}

export function isoDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date of a page header line such as 2020年4月30日 星期四. */
export function pageDate(text: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

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
