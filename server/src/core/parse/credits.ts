/**
 * The people and sources a paragraph names at its edges: a dateline that opens the body
 * (本报讯（记者 张三 李四）, 新华社北京3月5日电（记者 王五）, 【本市讯】) and a credit that
 * ends the article (（来源：人民日报）, （阮现武 董浩）, （完）, （编辑：赵六）, 本报综合).
 * A paragraph that ends in a credit is finished, whatever its last character.
 */
import { parseNameList } from '../names';
import { codePointBoundary, trimSpaces } from '../text';

export interface Attribution {
  source: string | null;
  authors: string[];
}

const STAFF = '责任编辑|责编|编辑|校对|审校|值班编辑|美编|编译|整理|摄影|摄|图|文';
// Attribution at the end of a paragraph: （来源:人民日报） / 来源:洛阳日报 / (阮现武 董浩) / （记者 张三） / （完）
const TRAILING_SOURCE_PAREN = /[（(【]\s*(?:来源|稿源|转自|原载|摘自)\s*[:：]\s*([^)）】]{2,24}?)\s*[)）】]$/;
const TRAILING_SOURCE_BARE = /(?:^|[。！？!?”])\s*(?:来源|稿源)\s*[:：]\s*([^\s。，,:：]{2,24})$/;
const TRAILING_CREDIT = /[（(]\s*(?:(?:本报)?(?:记者|通讯员|实习生|特约记者)\s*)?([^()（）]{2,40}?)\s*[)）]$/;
const TRAILING_STAFF = new RegExp(`[（(【\\[]\\s*(?:完|全文完|(?:责任)?(?:${STAFF})\\s*[:：/]\\s*([^()（）【】\\[\\]]{1,30}))\\s*[)）】\\]]$`);
const TRAILING_ASIDE = /[。！？!?”」』]\s*[（(]([^()（）]{1,16})[)）]$/;
const TRAILING_WORDS = /(?:^|[。！？!?”」』）)])\s*(本报综合|综合报道|综合消息|本报讯|据新华社电|新华社发|我要评论|（完）|\(完\))$/;

/** Attributions are short: the patterns below look at this much of a paragraph's end. */
const TAIL = 80;

/** The attribution that ends `text`, and where it starts; null when the text ends otherwise. */
export function trailingAttribution(text: string): { value: Attribution; index: number } | null {
  // Patterns anchored at the end are tried from every position by the regular-expression
  // engine: look at the end of a long paragraph only.
  if (text.length > TAIL) {
    const cut = codePointBoundary(text, text.length - TAIL, 'floor');
    // A character in front that no pattern takes for the paragraph's start.
    const found = attributionAtEnd('\u0001' + text.slice(cut));
    return found && { value: found.value, index: found.index - 1 + cut };
  }
  return attributionAtEnd(text);
}

function attributionAtEnd(text: string): { value: Attribution; index: number } | null {
  let m = TRAILING_SOURCE_PAREN.exec(text) ?? TRAILING_SOURCE_BARE.exec(text);
  if (m) {
    const index = text.lastIndexOf(m[0].replace(/^[。！？!?”]/, ''));
    return { value: { source: trimSpaces(m[1]), authors: [] }, index };
  }
  m = TRAILING_STAFF.exec(text);
  if (m && m.index > 0) return { value: { source: null, authors: [] }, index: m.index };
  m = TRAILING_WORDS.exec(text);
  if (m && m.index + m[0].length - m[1].length > 0) return { value: { source: null, authors: [] }, index: m.index + m[0].length - m[1].length };
  // Any short aside in brackets after the last sentence: 。”(喜欢), 。（图）.
  m = TRAILING_ASIDE.exec(text);
  if (m) return { value: { source: null, authors: parseNameList(m[1]) ?? [] }, index: m.index + 1 };
  m = TRAILING_CREDIT.exec(text);
  if (m && m.index > 0) {
    const names = parseNameList(m[1]);
    if (names) return { value: { source: null, authors: names }, index: m.index };
  }
  return null;
}

/** A news agency or paper and a place and date: 新华社北京3月5日电, 本报讯, 中广网唐山6月12日消息. */
const DATELINE = new RegExp(
  '^(?:[【\\[]\\s*)?(?:本报|本刊|本台|本网|本市|本省|我市|[\\u4e00-\\u9fff]{1,6}(?:社|网|报|台|电视台|日报|晚报|时报|新闻网))' +
    '(?:[\\u4e00-\\u9fff]{0,8}?(?:[0-9０-９]{1,2}\\s*月\\s*)?[0-9０-９]{1,2}\\s*日)?\\s*(?:讯|电|消息|报道|专电|快讯)(?:\\s*[】\\]])?',
);
const DATELINE_CREDIT = /^\s*[（(]\s*((?:(?:本报|特约|实习|见习)?(?:记者|通讯员|实习生)\s*)?[^()（）]{2,40}?)\s*[)）]/;
const CREDIT_LABEL = /(?:本报|特约|实习|见习)?(?:记者|通讯员|实习生|撰稿)\s*/g;

export interface Dateline {
  /** The dateline with its credit: 新华社北京3月5日电（记者 王五）. */
  length: number;
  authors: string[];
}

/** The dateline that opens `text`, if any, with the people its credit names. */
export function leadingDateline(text: string): Dateline | null {
  const m = DATELINE.exec(text);
  if (!m) return null;
  let length = m[0].length;
  let authors: string[] = [];
  const credit = DATELINE_CREDIT.exec(text.slice(length));
  if (credit) {
    length += credit[0].length;
    authors = creditNames(credit[1]);
  }
  return { length, authors };
}

/** 记者 张三 李四 / 记者张三、通讯员李四 → [张三, 李四]. */
function creditNames(credit: string): string[] {
  const names: string[] = [];
  for (const part of credit.split(/[，,；;]/)) {
    const list = parseNameList(trimSpaces(part.replace(CREDIT_LABEL, ' ')));
    if (list) names.push(...list);
  }
  return names;
}
