/**
 * Finds who says what in an article: people and bodies with reported statements
 * (李亚强调，… / 会议指出，… / 省委书记王国生在推进会讲话中指出 / 他指出).
 *
 * Works on paragraphs with their line breaks removed, so a name cut in two by a line or page
 * break is still recognised; spans are mapped back to the document.
 */
import { Article, Paragraph } from './parse';
import { POSITIONS, isPersonName, isSurnameAt, splitRoleAndName } from './names';
import { Segmenter, Token, tokenize } from './segmenter';
import { Span } from './text';

export interface Statement {
  verb: string;
  /** From the speaker's name to the end of the reported sentence. */
  span: Span;
  /** The subject as written (李亚书记, 省委书记王国生, 他). */
  subject: string;
  /**
   * What was said: the words after the verb (and its colon or opening quote) to the end of the
   * reported sentence, line breaks removed, at most SAID_LENGTH characters (for the outline).
   */
  said: string;
}

/** So much of a statement is kept in `said`: enough for an excerpt cut at a word boundary. */
export const SAID_LENGTH = 60;

export interface Speaker {
  name: string;
  /** The most specific title the article gives the speaker (省委书记), if any. */
  role: string | null;
  kind: 'person' | 'body';
  statements: Statement[];
}

const VERBS = [
  '指出', '强调', '要求', '表示', '提出', '认为', '叮嘱', '嘱咐', '嘱托', '指示', '谈到', '讲到',
  '介绍', '希望', '揭示', '呼吁', '号召', '寄语', '告诫', '宣布', '透露', '坦言', '直言', '建议',
  '说道', '说', '称', '问道', '回答', '总结', '阐述', '重申', '勉励', '鼓励', '批示',
];
const ADVERBS = [
  '也', '还', '都', '又', '再次', '反复', '多次', '一再', '曾经', '曾', '特别', '深刻', '明确',
  '进一步', '同时', '首先', '最后', '更是', '则', '专门', '郑重', '深情', '动情', '语重心长地',
  '高度', '充分', '欣慰地', '坚定地', '严肃', '随即', '当即', '随后', '接着',
];
const VERB_PATTERN = new RegExp(VERBS.sort((a, b) => b.length - a.length).join('|'), 'g');
const ADVERBS_LONGEST_FIRST = ADVERBS.sort((a, b) => b.length - a.length);

/** Verbs that must be followed by punctuation or a quote to report speech. */
const PUNCTUATED_ONLY = new Set(['说', '称', '总结', '介绍', '希望', '建议', '回答']);
const AFTER_SPEECH = /^[，,：:“"「]/;
/** Characters that turn the verb into another word (提出的, 要求是, 表示者). */
const NOT_AFTER_VERB = /^[的得者是地]/;

const CLAUSE_BOUNDARY = /[。！？!?；;，,：:“”"「」（）()\s]/;

const PRONOUNS = new Set(['他', '她']);
const BODIES = new Set([
  '会议', '全会', '大会', '会上', '座谈会', '常委会', '推进会', '中央', '党中央', '中共中央', '国务院',
  '省委省政府', '市委市政府', '区委区政府', '县委县政府', '省委', '省政府', '市委', '市政府', '区委',
  '区政府', '县委', '县政府', '党工委', '管委会', '公报', '报告', '决定', '文件', '通知', '意见',
]);
const BODY_SHAPE = /^(?:《[^》]{1,30}》|[\u4e00-\u9fff]{2,12}(?:委员会|办公厅|办公室|领导小组|指挥部))$/;

// What may stand between the subject and the verb: 在推进会讲话中 / 视察河南时 / 在会上.
const CIRCUMSTANCE =
  /^(?:在|于|视察|考察|调研|出席|主持|参加|接受|会见|听取|到|来|同|与|对|就)[^。！？]{0,45}?(?:上|中|时|期间|之际|后|以来|之初|前)$/;

interface Found {
  name: string;
  role: string | null;
  kind: Speaker['kind'];
  statement: Statement;
  /** Offset in the document of the subject, for resolving later pronouns. */
  at: number;
}

/**
 * True when `name` at `at` of `text` can be a person's name: with the segmenter, the name must
 * start and end where words do and hold no word of its own (公司相关负责人 has no 司相关, 文章中
 * no 文章中); a name the dictionary knows (王国生) is one word.
 */
export type NameCheck = (text: string, at: number, name: string) => boolean;

export function plausibleName(segmenter: Segmenter | undefined): NameCheck {
  if (!segmenter || segmenter.approximate) return () => true;
  return (text, at, name) => {
    const from = Math.max(0, clauseStartBefore(text, at));
    let to = at + name.length;
    while (to < text.length && to < at + name.length + 4 && !CLAUSE_BOUNDARY.test(text[to])) to++;
    let tokens: Token[];
    try {
      tokens = tokenize(segmenter, text.slice(from, to), from, { hmm: false });
    } catch {
      return true;
    }
    const end = at + name.length;
    if (!tokens.some((t) => t.start === at) || !tokens.some((t) => t.end === end)) return false;
    const inside = tokens.filter((t) => t.start >= at && t.end <= end);
    // A name the dictionary knows is one word; else the surname stands alone and the given
    // name may be a word (张|向阳): 国家 and 文章|中 start with a word instead.
    return (inside.length === 1 && name.length >= 3) || inside[0]?.text.length === isSurnameAt(name, 0);
  };
}

export function findSpeakers(article: Article, documentText: string, isName: NameCheck = () => true): Speaker[] {
  const found: Found[] = [];
  const pronounStatements: { at: number; statement: Statement }[] = [];
  for (const paragraph of article.paragraphs) {
    for (const hit of statementsIn(paragraph, isName)) {
      if (hit.subject.kind === 'pronoun') {
        pronounStatements.push({ at: hit.statement.span.start, statement: hit.statement });
      } else {
        found.push({ ...hit.subject, statement: hit.statement, at: hit.statement.span.start });
      }
    }
  }
  // Titled mentions give roles and pronoun antecedents; only people need them.
  const needsMentions = pronounStatements.length > 0 || found.some((f) => f.kind === 'person');
  const mentions = needsMentions ? findMentions(article, isName) : [];
  resolvePronouns(found, pronounStatements, mentions, article, documentText);
  const speakers = groupBySpeaker(found);
  for (const speaker of speakers) {
    for (const mention of mentions) {
      if (mention.name === speaker.name && (!speaker.role || mention.role.length > speaker.role.length)) speaker.role = mention.role;
    }
  }
  return speakers;
}

/** A person named with a title somewhere in the article: 区党工委书记何武周来到… */
interface Mention {
  name: string;
  role: string;
  at: number;
}

/** Characters that end a name only rarely and often start the next word (李亚来到 → 李亚). */
const AFTER_NAME = new Set('来到在说指强要等和与及的了是参出主去对为将把被向从也都还又就才再已曾率带一深听察实先首同');

function findMentions(article: Article, isName: NameCheck): Mention[] {
  const mentions: Mention[] = [];
  for (const paragraph of article.paragraphs) {
    const text = paragraph.text;
    POSITION_PATTERN.lastIndex = 0;
    for (let m = POSITION_PATTERN.exec(text); m; m = POSITION_PATTERN.exec(text)) {
      const nameStart = m.index + m[0].length;
      const three = text.slice(nameStart, nameStart + 3);
      const two = text.slice(nameStart, nameStart + 2);
      const name = isPersonName(three) && !AFTER_NAME.has(three[2]) ? three : isPersonName(two) ? two : null;
      if (!name || !isName(text, nameStart, name)) continue;
      const clauseStart = clauseStartBefore(text, m.index);
      const parsed = splitRoleAndName(text.slice(clauseStart, nameStart) + name);
      if (parsed?.role && parsed.name === name) {
        mentions.push({ name, role: parsed.role, at: paragraph.toDocument(nameStart, 'line-start') });
      }
      POSITION_PATTERN.lastIndex = nameStart;
    }
  }
  return mentions;
}

const POSITION_PATTERN = new RegExp(POSITIONS.slice().sort((a, b) => b.length - a.length).join('|'), 'g');

type Subject =
  | { kind: 'person'; name: string; role: string | null }
  | { kind: 'body'; name: string; role: null }
  | { kind: 'pronoun'; name: string; role: null };

function* statementsIn(paragraph: Paragraph, isName: NameCheck): Generator<{ subject: Subject; statement: Statement }> {
  const text = paragraph.text;
  VERB_PATTERN.lastIndex = 0;
  for (let m = VERB_PATTERN.exec(text); m; m = VERB_PATTERN.exec(text)) {
    const verb = m[0];
    const verbEnd = m.index + verb.length;
    const after = text.slice(verbEnd, verbEnd + 1);
    if (NOT_AFTER_VERB.test(after)) continue;
    if (PUNCTUATED_ONLY.has(verb) && !AFTER_SPEECH.test(after)) continue;
    const clauseStart = clauseStartBefore(text, m.index);
    const clause = withoutTrailingAdverbs(text.slice(clauseStart, m.index));
    const person = (phrase: string, at: number, subject: Subject) => subject.kind !== 'person' || isName(text, at + phrase.lastIndexOf(subject.name), subject.name);
    const parsed = clause === '' ? sentenceSubject(text, clauseStart, person) : parseSubject(clause, clauseStart, person);
    if (!parsed) continue;
    const end = statementEnd(text, verbEnd);
    yield {
      subject: parsed,
      statement: { verb, subject: parsed.text, span: paragraph.spanToDocument(clauseStart, end), said: saidText(text, verbEnd, end) },
    };
  }
}

/** The words reported after the verb ending at `verbEnd`, to `end`: 何武周指出，要抢工期。 → 要抢工期 */
function saidText(text: string, verbEnd: number, end: number): string {
  const from = verbEnd + /^[，,：:\s]*[“"「]?/.exec(text.slice(verbEnd, verbEnd + 4))![0].length;
  if (end - from <= SAID_LENGTH) return text.slice(from, end).replace(/[。！？!?”"」’]+$/, '');
  const said = text.slice(from, from + SAID_LENGTH);
  // Never end on half a surrogate pair.
  const last = said.charCodeAt(said.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? said.slice(0, -1) : said;
}

/** 李亚书记反复 → 李亚书记 (adverbs between subject and verb). */
function withoutTrailingAdverbs(clause: string): string {
  let rest = clause;
  for (let changed = true; changed; ) {
    changed = false;
    for (const adverb of ADVERBS_LONGEST_FIRST) {
      if (rest.length > adverb.length && rest.endsWith(adverb)) {
        rest = rest.slice(0, rest.length - adverb.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

function clauseStartBefore(text: string, index: number): number {
  let i = index;
  while (i > 0 && !CLAUSE_BOUNDARY.test(text[i - 1])) i--;
  // Skip spaces OCR left at the start of the clause.
  while (i < index && /\s/.test(text[i])) i++;
  return i;
}

type ParsedSubject = Subject & { text: string };

/** Parses "subject + optional circumstance" (省委书记王国生在推进会讲话中). */
/** Whether a phrase at an offset of the paragraph, taken for `subject`, can stand for it. */
type SubjectCheck = (phrase: string, at: number, subject: Subject) => boolean;

function parseSubject(clause: string, at: number, accept: SubjectCheck): ParsedSubject | null {
  if (clause.length === 0 || clause.length > 60) return null;
  for (let j = Math.min(clause.length, 24); j >= 1; j--) {
    const rest = clause.slice(j);
    if (rest !== '' && !CIRCUMSTANCE.test(rest)) continue;
    const phrase = clause.slice(0, j);
    const subject = classifySubject(phrase);
    if (subject && accept(phrase, at, subject)) return { ...subject, text: phrase };
  }
  return null;
}

/**
 * A verb opening a clause with no subject of its own (…来到现场，检查…，要求施工企业…) takes
 * the subject that opens an earlier clause of the same sentence.
 */
function sentenceSubject(text: string, clauseStart: number, accept: SubjectCheck): ParsedSubject | null {
  if (clauseStart === 0 || !/[，,]/.test(text[clauseStart - 1])) return null;
  let sentenceStart = clauseStart - 1;
  while (sentenceStart > 0 && !/[。！？!?；;]/.test(text[sentenceStart - 1])) sentenceStart--;
  let at = sentenceStart;
  for (const clause of text.slice(sentenceStart, clauseStart - 1).split(/[，,]/)) {
    for (let j = Math.min(clause.length, 12); j >= 2; j--) {
      const phrase = clause.slice(0, j);
      const subject = classifySubject(phrase);
      if (subject && subject.kind !== 'pronoun' && accept(phrase, at, subject)) return { ...subject, text: phrase };
    }
    at += clause.length + 1;
  }
  return null;
}

function classifySubject(phrase: string): Subject | null {
  if (PRONOUNS.has(phrase)) return { kind: 'pronoun', name: phrase, role: null };
  if (BODIES.has(phrase) || BODY_SHAPE.test(phrase)) return { kind: 'body', name: phrase, role: null };
  const person = splitRoleAndName(phrase);
  return person ? { kind: 'person', name: person.name, role: person.role } : null;
}

/** The end of the reported sentence: past a quotation that opens right after the verb, else the next 。！？. */
function statementEnd(text: string, verbEnd: number): number {
  let i = verbEnd;
  if (/^[，,：:]?[“"「]/.test(text.slice(i, i + 2))) {
    const close = text.slice(i).search(/[”"」]/);
    if (close > 0) {
      i = i + close + 1;
      if (/[。！？!?]/.test(text[i] ?? '')) i++;
      return i;
    }
  }
  const stop = text.slice(i).search(/[。！？!?]/);
  if (stop < 0) return text.length;
  i += stop + 1;
  while (i < text.length && /[”’」』]/.test(text[i])) i++;
  return i;
}

function resolvePronouns(
  found: Found[],
  pronouns: { at: number; statement: Statement }[],
  mentions: Mention[],
  article: Article,
  documentText: string,
): void {
  if (pronouns.length === 0) return;
  const people = new Map<string, string | null>();
  for (const m of mentions) people.set(m.name, m.role);
  for (const f of found) if (f.kind === 'person') people.set(f.name, f.role);
  if (people.size === 0) return;
  const articleText = documentText.slice(article.span.start, article.span.end);
  for (const { at, statement } of pronouns) {
    let best: { name: string; index: number } | null = null;
    for (const name of people.keys()) {
      const index = articleText.lastIndexOf(name, at - article.span.start - 1);
      if (index >= 0 && (!best || index > best.index)) best = { name, index };
    }
    if (best) found.push({ kind: 'person', name: best.name, role: people.get(best.name) ?? null, statement, at });
  }
  found.sort((a, b) => a.at - b.at);
}

function groupBySpeaker(found: Found[]): Speaker[] {
  const speakers = new Map<string, Speaker>();
  for (const f of found) {
    let speaker = speakers.get(f.name);
    if (!speaker) {
      speaker = { name: f.name, role: null, kind: f.kind, statements: [] };
      speakers.set(f.name, speaker);
    }
    if (f.role && (!speaker.role || f.role.length > speaker.role.length)) speaker.role = f.role;
    speaker.statements.push(f.statement);
  }
  return [...speakers.values()];
}
