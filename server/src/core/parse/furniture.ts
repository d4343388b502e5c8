/**
 * Running heads found by evidence rather than by a list: a short line that recurs through the
 * file, the same once its numbers are set aside (the periodical's name, an issue line, a
 * column name printed on every page), is page furniture. A headline or a line of verse may
 * recur too; what tells them apart is that a running head also turns up where no headline
 * can — between the two halves of a sentence — or keeps turning up from one end of the file
 * to the other.
 */
import { displayWidth } from '../text';

/** Lines up to this wide can be running heads. */
const MAX_WIDTH = 20;
/** A key seen fewer times is left alone. */
const MIN_COUNT = 3;
/** Sightings next to page marks that spread over this share of the file make a running head. */
const SPREAD = 0.4;

/** The line with its numbers, spaces and decorations set aside: what repeats from page to page. */
export function recurrenceKey(text: string): string | null {
  if (displayWidth(text) > MAX_WIDTH || /[，。；！？,;!?“”"]/.test(text)) return null;
  const key = text
    .replace(/[0-9０-９〇○零一二三四五六七八九十百]+/g, '#')
    .replace(/[\s·•・.．\-—_~～*＊()（）[\]【】〔〕<>《》:：|｜/／◆◇★☆]+/g, '')
    .toLowerCase();
  // A line of nothing but numbers is a page number, found by its shape; one character recurs by chance.
  if (key.replace(/#/g, '').length < 2) return null;
  return key;
}

export interface KeySighting {
  /** Index of the line in the document. */
  line: number;
  /** The line stands between the two halves of a sentence. */
  interrupts: boolean;
  /** A page number or page marker is next to it (within two lines). */
  nearPageMark: boolean;
  /** A page number or page marker follows it right away: it stands at the foot of a page. */
  atPageFoot: boolean;
}

/**
 * The keys of lines that are running heads, given every sighting of every candidate key. A key
 * qualifies when it recurs at least three times and either interrupts a sentence somewhere or
 * sits by the page marks from one end of the file to the other — or twice, once at the foot of
 * a page between the halves of a sentence.
 */
export function runningHeadKeys(sightings: Map<string, KeySighting[]>, lineCount: number): Set<string> {
  const keys = new Set<string>();
  for (const [key, seen] of sightings) {
    // Seen twice, once at the foot of a page between the halves of a sentence: no headline stands there.
    if (seen.length >= 2 && seen.some((s) => s.atPageFoot && s.interrupts)) {
      keys.add(key);
      continue;
    }
    if (seen.length < MIN_COUNT) continue;
    if (seen.some((s) => s.interrupts)) {
      keys.add(key);
      continue;
    }
    const near = seen.filter((s) => s.nearPageMark);
    if (near.length >= MIN_COUNT && near[near.length - 1].line - near[0].line >= SPREAD * lineCount) keys.add(key);
  }
  return keys;
}
