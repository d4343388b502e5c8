/**
 * Finds glossary terms in raw text, independent of segmentation: at each position the
 * longest term or alias that starts there wins. Fast enough to run on every keystroke.
 */
import { Span } from '../text';
import { GlossaryEntry } from './entries';

export interface SloganMatch {
  entry: GlossaryEntry;
  /** The form found in the text (the term or one of its aliases). */
  form: string;
  span: Span;
}

/** Whole texts whose matches a glossary remembers (the oldest is forgotten first). */
const MEMO_TEXTS = 2000;

export class Glossary {
  private readonly memo = new Map<string, SloganMatch[]>();
  private readonly byTerm = new Map<string, GlossaryEntry>();
  /** Forms (terms and aliases) grouped by first character, longest first. */
  private readonly formsByFirst = new Map<string, { form: string; entry: GlossaryEntry }[]>();

  /** Later entries override earlier ones with the same term (workspace over bundled). */
  constructor(entries: GlossaryEntry[]) {
    for (const entry of entries) this.byTerm.set(entry.term, entry);
    const forms = new Map<string, GlossaryEntry>();
    for (const entry of this.byTerm.values()) {
      for (const form of [entry.term, ...entry.aliases]) if (form.length >= 2) forms.set(form, entry);
    }
    for (const [form, entry] of forms) {
      const list = this.formsByFirst.get(form[0]) ?? [];
      list.push({ form, entry });
      this.formsByFirst.set(form[0], list);
    }
    for (const list of this.formsByFirst.values()) list.sort((a, b) => b.form.length - a.form.length);
  }

  get entries(): GlossaryEntry[] {
    return [...this.byTerm.values()];
  }

  get size(): number {
    return this.byTerm.size;
  }

  lookup(termOrAlias: string): GlossaryEntry | undefined {
    const direct = this.byTerm.get(termOrAlias);
    if (direct) return direct;
    for (const entry of this.byTerm.values()) if (entry.aliases.includes(termOrAlias)) return entry;
    return undefined;
  }

  /** Every glossary word, for the segmenter's user dictionary. */
  words(): string[] {
    return [...this.formsByFirst.values()].flat().map((f) => f.form);
  }

  /**
   * Every term or alias in `text`, also when a hard wrap (a single line break) cuts it. The
   * matches of whole texts are remembered (hover counts and references ask for every file of the
   * workspace again and again); treat the result as read-only.
   */
  findAll(text: string, base = 0): readonly SloganMatch[] {
    if (base !== 0) return this.match(text, base);
    let matches = this.memo.get(text);
    if (!matches) {
      matches = this.match(text, 0);
      if (this.memo.size >= MEMO_TEXTS) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(text, matches);
    }
    return matches;
  }

  private match(text: string, base: number): SloganMatch[] {
    const matches: SloganMatch[] = [];
    for (let i = 0; i < text.length; ) {
      const candidates = this.formsByFirst.get(text[i]);
      let length = -1;
      const hit = candidates?.find((c) => (length = lengthAt(text, c.form, i)) > 0);
      if (hit) {
        matches.push({ entry: hit.entry, form: hit.form, span: { start: base + i, end: base + i + length } });
        i += length;
      } else i++;
    }
    return matches;
  }

  /** The match covering `offset`, if any. */
  findAt(text: string, offset: number): SloganMatch | null {
    const lineStart = Math.max(0, offset - 40);
    return this.match(text.slice(lineStart, offset + 40), lineStart).find((m) => m.span.start <= offset && offset < m.span.end) ?? null;
  }
}

/** A line this short before a break is a headline or heading, not a hard-wrapped line. */
const MIN_WRAPPED_LINE = 8;

/**
 * How many characters of `text` from `i` spell `form`, allowing one line break (\n, \r\n or
 * \r) between two of its characters — a hard wrap: not a blank line, and not after a line too
 * short to be a wrapped one; -1 when it is not there.
 */
function lengthAt(text: string, form: string, i: number): number {
  if (text.startsWith(form, i)) return form.length;
  let j = i;
  for (let k = 0; k < form.length; k++) {
    if (k > 0 && (text[j] === '\n' || text[j] === '\r')) {
      const lineStart = Math.max(text.lastIndexOf('\n', j - 1), text.lastIndexOf('\r', j - 1)) + 1;
      if (j - lineStart < MIN_WRAPPED_LINE) return -1;
      j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
      if (text[j] === '\n' || text[j] === '\r') return -1;
    }
    if (text[j] !== form[k]) return -1;
    j++;
  }
  return j - i;
}
