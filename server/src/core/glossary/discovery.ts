/**
 * Discovery of slogans no glossary knows yet: numbered slogans in quotes (“三服务”, “9+2”,
 * “一馆三中心”) and quoted enumerations (“强使命、找差距、明举措、勇担当”), with their contexts
 * and, where the corpus spells them out next to the slogan, their components.
 */
import { ContextOptions, contextAround } from '../excerpt';
import { Segmenter } from '../segmenter';
import { Span } from '../text';
import { Glossary } from './matcher';

export interface SloganOccurrence {
  span: Span;
  /** The sentence around the slogan, cut at a clause or word with an ellipsis when it is long. */
  context: string;
}

export interface DiscoveredSlogan {
  term: string;
  occurrences: SloganOccurrence[];
  /** Components proposed from the text itself, or [] when none are spelled out. */
  components: string[];
}

/** A quoted term; a single line break inside is a hard wrap, a blank line ends the search. */
const QUOTED = /“([^”“]{2,30})”/g;
const LINE_BREAK = /\r?\n|\r/g;
const NUMBER_START = /^(?:[一两二三四五六七八九十双百千万]|\d+[+＋]?\d*)/;
const NUMBER_VALUE: Record<string, number> = { 一: 1, 两: 2, 二: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ENUMERATION = /^[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6}){1,7}$/;
const SHORT_NUMBERED = /^(?:[一两二三四五六七八九十双][\u4e00-\u9fff]{1,6}|\d+[+＋]\d+)$/;

/** A context shows at most this much of the sentence on each side of the slogan. */
const CONTEXT: ContextOptions = { before: 60, after: 60 };

/** `segmenter` finds the word boundaries where a long context is cut (clause marks come first). */
export function discoverSlogans(text: string, glossary: Glossary, segmenter?: Segmenter): DiscoveredSlogan[] {
  const found = new Map<string, DiscoveredSlogan>();
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    if (/(?:\r?\n|\r){2}/.test(m[1])) continue;
    const term = m[1].replace(LINE_BREAK, '');
    if (term.length > 24 || !isCandidate(term, glossary)) continue;
    const span = { start: m.index + 1, end: m.index + 1 + m[1].length };
    let slogan = found.get(term);
    if (!slogan) {
      slogan = { term, occurrences: [], components: enumerationParts(term) };
      found.set(term, slogan);
    }
    slogan.occurrences.push({ span, context: contextAround(text, span, { ...CONTEXT, segmenter }) });
    if (slogan.components.length === 0) slogan.components = spelledOutComponents(term, text, span);
  }
  return [...found.values()];
}

function isCandidate(term: string, glossary: Glossary): boolean {
  if (glossary.lookup(term) || glossary.findAll(term).some((m) => m.span.end - m.span.start >= term.length - 1)) return false;
  if (ENUMERATION.test(term)) return true;
  return NUMBER_START.test(term) && SHORT_NUMBERED.test(term) && !/^(?:一些|一定|一起|一般|一直|十分|万一|千万|一样)/.test(term);
}

function enumerationParts(term: string): string[] {
  return ENUMERATION.test(term) ? term.split('、') : [];
}

/**
 * A numbered slogan whose items the text lists nearby: for “三起来”, three clauses ending in
 * 起来 (把强县和富民统一起来、把改革和发展结合起来、把城镇和乡村贯通起来).
 */
function spelledOutComponents(term: string, text: string, span: Span): string[] {
  const count = NUMBER_VALUE[term[0]];
  const suffix = term.slice(1).slice(-2);
  if (!count || count < 2 || suffix.length < 1) return [];
  // The rest of the paragraph (up to a blank line), its hard wraps joined.
  const window = text.slice(span.end, Math.min(text.length, span.end + 240));
  const paragraphEnd = window.search(/(?:\r?\n|\r)\s*(?:\r?\n|\r)/);
  const paragraph = (paragraphEnd >= 0 ? window.slice(0, paragraphEnd) : window).replace(LINE_BREAK, '');
  const pieces = paragraph.split(/[，、；。,;]/);
  const items = pieces.map((p) => p.replace(/^[”“\s]+/, '')).filter((p) => p.length > suffix.length + 1 && p.endsWith(suffix));
  return items.length >= count ? items.slice(0, count) : [];
}

/** Each text's discovered slogans, per glossary and segmenter (hovers ask for the whole workspace each time). */
const discoveries = new WeakMap<Glossary, WeakMap<object, Map<string, DiscoveredSlogan[]>>>();
const MEMO_TEXTS = 2000;
const NO_SEGMENTER = {};

function discoveredIn(text: string, glossary: Glossary, segmenter: Segmenter | undefined): readonly DiscoveredSlogan[] {
  let bySegmenter = discoveries.get(glossary);
  if (!bySegmenter) discoveries.set(glossary, (bySegmenter = new WeakMap()));
  let memo = bySegmenter.get(segmenter ?? NO_SEGMENTER);
  if (!memo) bySegmenter.set(segmenter ?? NO_SEGMENTER, (memo = new Map()));
  let found = memo.get(text);
  if (!found) {
    found = discoverSlogans(text, glossary, segmenter);
    if (memo.size >= MEMO_TEXTS) memo.delete(memo.keys().next().value!);
    memo.set(text, found);
  }
  return found;
}

/** Discovered slogans of many texts (a workspace, a folder), merged by term, with the number of texts holding each. */
export function discoverInTexts(texts: readonly { text: string }[], glossary: Glossary, segmenter?: Segmenter): (DiscoveredSlogan & { files: number })[] {
  const merged = new Map<string, DiscoveredSlogan & { files: number }>();
  for (const { text } of texts) {
    for (const slogan of discoveredIn(text, glossary, segmenter)) {
      const known = merged.get(slogan.term);
      if (!known) merged.set(slogan.term, { ...slogan, occurrences: [...slogan.occurrences], files: 1 });
      else {
        known.occurrences.push(...slogan.occurrences);
        known.files += 1;
        if (known.components.length === 0) known.components = slogan.components;
      }
    }
  }
  return [...merged.values()].sort((a, b) => b.occurrences.length - a.occurrences.length || a.term.localeCompare(b.term, 'zh'));
}

export function discoveredAt(text: string, offset: number, glossary: Glossary, segmenter?: Segmenter): { slogan: DiscoveredSlogan; span: Span } | null {
  for (const slogan of discoveredIn(text, glossary, segmenter)) {
    const occurrence = slogan.occurrences.find((o) => o.span.start <= offset && offset < o.span.end);
    if (occurrence) return { slogan, span: occurrence.span };
  }
  return null;
}
