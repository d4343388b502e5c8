/**
 * The word-level view of `fix --dry-run --word-diff`, for people: each change shown inside its
 * line with a few words of context, removed text as [-…-] and inserted text as {+…+} (git's
 * plain word diff), a line break as ↵. Joining two lines reads `…推动[-↵-]高质量发展…`, not
 * as two long lines removed and one added. The line diff (the default) is the one to apply.
 *
 * What changes is shown character by character, because a fix removes or replaces exactly
 * some characters (a space, a line break, a comma): a diff of jieba words would show 地↵位
 * joined as the word 地位 replacing three tokens. Only the context is cut at words, where
 * Intl.Segmenter puts a boundary, so that it does not end in the middle of one.
 *
 * The two texts are first lined up by sentence (cut after 。！？!?), compared on their letters
 * and digits alone (NFKC, so full-width forms match): a sentence whose spaces, punctuation or
 * line breaks were fixed still pairs with itself, and the `diff` package then compares the
 * characters of each pair. Lining up lines instead pairs the wrong paragraphs as soon as a
 * join shifts them.
 */
import { diffChars } from 'diff';
import { diffLines } from '../core/diff';

/** Characters of unchanged text shown before and after a change, at most. */
const CONTEXT = 16;
/** A hunk this long takes in no further change: the next one gets a line of its own. */
const LONG_HUNK = 80;
/** Old and new text of one place longer than this together are not compared character by character. */
const MAX_STRETCH = 100_000;
/** Nor those whose comparison would need more edits than this. */
const MAX_EDITS = 10_000;

export interface WordDiffHunk {
  /** 0-based line and UTF-16 character of the first change, in the old text. */
  line: number;
  character: number;
  text: string;
}

/** Old text kept, removed or too changed to compare ('skipped'), or new text added. */
interface Part {
  kind: 'same' | 'removed' | 'added' | 'skipped';
  text: string;
  /** skipped: the new text that replaces it. */
  replacement?: string;
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** `file:line:column: text` lines, 1-based like lint's, one per place that changes. */
export function wordDiffText(file: string, oldText: string, newText: string): string {
  return wordDiffHunks(oldText, newText)
    .map((h) => `${file}:${h.line + 1}:${h.character + 1}: ${h.text}\n`)
    .join('');
}

/** The changes that turn `oldText` into `newText`, one hunk per place, in order. */
export function wordDiffHunks(oldText: string, newText: string): WordDiffHunk[] {
  return hunksOf(diffParts(oldText, newText), oldText);
}

function diffParts(oldText: string, newText: string): Part[] {
  const a = sentences(oldText);
  const b = sentences(newText);
  const parts: Part[] = [];
  // Unchanged text in one part, however many sentences it spans.
  const push = (more: Part[]) => {
    for (const part of more) {
      const last = parts[parts.length - 1];
      if (part.kind === 'same' && last?.kind === 'same') last.text += part.text;
      else parts.push({ ...part });
    }
  };
  let i = 0;
  let j = 0;
  const pairUp = (iEnd: number) => {
    for (; i < iEnd; i++, j++) push(characterParts(a[i], b[j]));
  };
  for (const change of diffLines(a.map(letters), b.map(letters))) {
    pairUp(change.oldStart);
    push(characterParts(a.slice(change.oldStart, change.oldEnd).join(''), b.slice(change.newStart, change.newEnd).join('')));
    i = change.oldEnd;
    j = change.newEnd;
  }
  pairUp(a.length);
  return parts;
}

/** The text cut after each run of sentence-ending marks; the pieces join back to it. */
function sentences(text: string): string[] {
  return text.match(/[^。！？!?]*[。！？!?]+|[^。！？!?]+$/g) ?? [];
}

/** What a sentence says, whatever its spaces, punctuation, line breaks and character widths. */
function letters(sentence: string): string {
  return sentence.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

function characterParts(before: string, after: string): Part[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const changes = before.length + after.length > MAX_STRETCH ? undefined : diffChars(before, after, { maxEditLength: MAX_EDITS });
  if (!changes) return [{ kind: 'skipped', text: before, replacement: after }];
  return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/**
 * The hunks of `parts` over the old text. Unchanged text that holds a line break or is longer
 * than the context separates two hunks; a long hunk ends at its last change, and the next one
 * starts there. A hunk's context never shows old text that another hunk changes.
 */
function hunksOf(parts: Part[], oldText: string): WordDiffHunk[] {
  const hunks: WordDiffHunk[] = [];
  let line = 0;
  let lineStart = 0;
  let offset = 0;
  /** Where the last change ended in the old text. */
  let changeEnd = 0;
  let current: WordDiffHunk | undefined;
  const close = (context: string) => {
    if (current) hunks.push({ ...current, text: current.text + headContext(context) });
    current = undefined;
  };
  const open = () => {
    current ??= { line, character: offset - lineStart, text: tailContext(oldText.slice(Math.max(lineStart, changeEnd), offset)) };
    return current;
  };
  for (const [k, part] of parts.entries()) {
    if (part.kind === 'same') {
      const breakAt = part.text.indexOf('\n');
      const last = k === parts.length - 1;
      if (current && breakAt < 0 && part.text.length <= CONTEXT && !last) {
        if (current.text.length < LONG_HUNK) current.text += part.text;
        else close('');
      } else close(breakAt < 0 ? part.text : part.text.slice(0, breakAt).replace(/\r$/, ''));
    } else if (part.kind === 'removed') {
      open().text += `[-${visible(part.text)}-]`;
    } else if (part.kind === 'added') {
      open().text += `{+${visible(part.text)}+}`;
    } else {
      close('');
      const lines = lineCount(part.text);
      hunks.push({ line, character: offset - lineStart, text: `(${lines} line${lines === 1 ? '' : 's'} replaced by ${lineCount(part.replacement ?? '')}: too many changes to show word by word; the line diff shows them)` });
    }
    if (part.kind !== 'added') {
      // Lines and columns are the old text's.
      for (let n = part.text.indexOf('\n'); n >= 0; n = part.text.indexOf('\n', n + 1)) {
        line++;
        lineStart = offset + n + 1;
      }
      offset += part.text.length;
    }
    if (part.kind !== 'same') changeEnd = offset;
  }
  close('');
  return hunks;
}

function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Line breaks and tabs as marks that can be seen. */
function visible(text: string): string {
  return text.replace(/\r\n|\n|\r/g, '↵').replace(/\t/g, '⇥');
}

/** The start of `text`, cut at a word boundary with … when longer than the context. */
function headContext(text: string): string {
  if (text.length <= CONTEXT) return text;
  // Only the words near the cut matter.
  const window = text.slice(0, codePointCut(text, 2 * CONTEXT));
  let cut = 0;
  for (const { index } of wordSegmenter.segment(window)) {
    if (index > CONTEXT) break;
    cut = index;
  }
  return `${text.slice(0, cut || codePointCut(text, CONTEXT))}…`;
}

/** The end of `text`, cut at a word boundary with … when longer than the context. */
function tailContext(text: string): string {
  if (text.length <= CONTEXT) return text;
  const start = Math.max(0, text.length - 2 * CONTEXT);
  const from = isLowSurrogate(text.charCodeAt(start)) ? start + 1 : start;
  let cut = isLowSurrogate(text.charCodeAt(text.length - CONTEXT)) ? text.length - CONTEXT + 1 : text.length - CONTEXT;
  for (const { index } of wordSegmenter.segment(text.slice(from))) {
    if (from + index >= text.length - CONTEXT) {
      cut = from + index;
      break;
    }
  }
  return `…${text.slice(cut)}`;
}

/** `at`, or one less where `at` would cut a surrogate pair in two. */
function codePointCut(text: string, at: number): number {
  return isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
