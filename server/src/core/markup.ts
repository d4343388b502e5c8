/**
 * Markup-like files: corpora exported as pseudo-XML (`<doc>`, `<url>…</url>`,
 * `<content>…</content>` each on a line, as the Sogou news corpus is) are not newspaper text
 * laid out in lines. Their line breaks are the markup's, not OCR's: no line may be joined to a
 * tag line, and `corpus-lens fix` leaves such a file alone. Tags are no prose in any text: no
 * rule reports a tag (a `</doc>` is no running head) or a tag line with no Chinese in it
 * (`<url>…</url>`, `<docno>…</docno>`), while the text inside the other elements is checked as
 * any. Pure.
 */
import { Span } from './text';

/** A line that opens or closes with a tag: `<doc>`, `</doc>`, `<url>…</url>`, `<content>…`. */
const TAG_LINE = /^\s*<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][\w:.-]*>\s*$/;
/** So many tag lines at least, and this share of the non-blank lines, make a file markup. */
const MIN_TAG_LINES = 3;
const MIN_TAG_SHARE = 0.2;

export interface MarkupProfile {
  tagLines: number;
  lines: number;
  /** A few tag names, for messages. */
  tags: string[];
  /** The line breaks that end a tag line or the line before one, in order. */
  breaks: Span[];
}

/** A tag. */
const TAG = /<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

export interface TagLayout {
  /** The tags (`<doc>`, `</content>`) of the tag lines, in order. */
  tags: Span[];
  /** The tag lines with no Han character outside their tags, in order. */
  bareLines: Span[];
}

/**
 * Where the tags of `text`'s tag lines are, and which tag lines hold no Chinese: in any text,
 * however few its tag lines (a region of a markup file may hold one or two).
 */
export function tagLayout(text: string): TagLayout {
  const tags: Span[] = [];
  const bareLines: Span[] = [];
  if (!text.includes('<')) return { tags, bareLines };
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
    const end = m ? m.index : text.length;
    const line = text.slice(start, end);
    if (line.includes('<') && TAG_LINE.test(line)) {
      TAG.lastIndex = 0;
      for (let t = TAG.exec(line); t; t = TAG.exec(line)) tags.push({ start: start + t.index, end: start + t.index + t[0].length });
      if (!HAN.test(line.replace(TAG, ''))) bareLines.push({ start, end });
    }
    if (!m) break;
    start = end + m[0].length;
  }
  return { tags, bareLines };
}

/**
 * True when `span` overlaps one of the (sorted, disjoint) `spans`: shares a character with it,
 * or, when empty, lies strictly inside it (an insertion at a tag's edge does not touch the tag).
 */
export function overlapsAny(spans: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < spans.length && spans[k].start <= span.end; k++) {
    const s = spans[k];
    if (span.start === span.end ? s.start < span.start && span.start < s.end : s.start < span.end && span.start < s.end) return true;
  }
  return false;
}

/** The profile of a markup-like text, or null for text that is not. */
export function markupProfile(text: string): MarkupProfile | null {
  const lines: { start: number; end: number; breakEnd: number; tag: boolean }[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
    const end = m ? m.index : text.length;
    const line = text.slice(start, end);
    lines.push({ start, end, breakEnd: m ? end + m[0].length : end, tag: TAG_LINE.test(line) });
    if (!m) break;
    start = end + m[0].length;
  }
  const nonBlank = lines.filter((l) => l.end > l.start && text.slice(l.start, l.end).trim() !== '').length;
  const tagged = lines.filter((l) => l.tag);
  if (tagged.length < MIN_TAG_LINES || tagged.length < nonBlank * MIN_TAG_SHARE) return null;
  const tags = [...new Set(tagged.map((l) => /<\/?([A-Za-z][\w:.-]*)/.exec(text.slice(l.start, l.end))?.[1]).filter((t): t is string => !!t))].slice(0, 4);
  const spans: Span[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.breakEnd > line.end && (line.tag || lines[k + 1]?.tag)) spans.push({ start: line.end, end: line.breakEnd });
  }
  return { tagLines: tagged.length, lines: nonBlank, tags, breaks: spans };
}

/** True when `span` touches one of the (sorted) `breaks`. */
export function touchesBreak(breaks: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid].end < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < breaks.length && breaks[k].start <= span.end; k++) {
    const b = breaks[k];
    if (b.start < span.end && span.start < b.end) return true;
    if (span.start === span.end && b.start <= span.start && span.start <= b.end) return true;
  }
  return false;
}
