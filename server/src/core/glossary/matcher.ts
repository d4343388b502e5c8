/**
 * Finds glossary terms in raw text, independent of segmentation: at each position the
 * longest term or alias that starts there wins. One pass of an Aho–Corasick automaton over the
 * text, so the time is linear in the text whatever the glossary holds.
 */
import { Span } from '../text';
import { TermAutomaton } from './automaton';
import { GlossaryEntry } from './entries';

export interface SloganMatch {
  entry: GlossaryEntry;
  /** The form found in the text (the term or one of its aliases). */
  form: string;
  span: Span;
}

/** Whole texts whose matches a glossary remembers (the oldest is forgotten first). */
const MEMO_TEXTS = 2000;

/** A line this short before a break is a headline or heading, not a hard-wrapped line. */
const MIN_WRAPPED_LINE = 8;

const isBreak = (code: number) => code === 0x0a || code === 0x0d;

export class Glossary {
  private readonly memo = new Map<string, SloganMatch[]>();
  private readonly byTerm = new Map<string, GlossaryEntry>();
  /** Aliases by form, for lookup (a term wins over another entry's alias). */
  private readonly byAlias = new Map<string, GlossaryEntry>();
  /** The forms matched in text (terms and aliases of two characters or more) and their entries. */
  private readonly forms: { form: string; entry: GlossaryEntry }[] = [];
  private readonly automaton: TermAutomaton;

  /** Later entries override earlier ones with the same term (workspace over bundled). */
  constructor(entries: GlossaryEntry[]) {
    for (const entry of entries) this.byTerm.set(entry.term, entry);
    const forms = new Map<string, GlossaryEntry>();
    for (const entry of this.byTerm.values()) {
      for (const alias of entry.aliases) if (!this.byAlias.has(alias)) this.byAlias.set(alias, entry);
      for (const form of [entry.term, ...entry.aliases]) if (form.length >= 2) forms.set(form, entry);
    }
    for (const [form, entry] of forms) this.forms.push({ form, entry });
    this.automaton = new TermAutomaton(this.forms.map((f) => f.form));
  }

  get entries(): GlossaryEntry[] {
    return [...this.byTerm.values()];
  }

  get size(): number {
    return this.byTerm.size;
  }

  lookup(termOrAlias: string): GlossaryEntry | undefined {
    return this.byTerm.get(termOrAlias) ?? this.byAlias.get(termOrAlias);
  }

  /** Every glossary word, for the segmenter's user dictionary. */
  words(): string[] {
    return this.forms.map((f) => f.form);
  }

  /**
   * Every term or alias in `text`, also when a hard wrap (a single line break) cuts it. The
   * matches of whole texts are remembered (hover counts and references ask for every file of the
   * workspace again and again); treat the result as read-only.
   */
  findAll(text: string, base = 0): readonly SloganMatch[] {
    if (base !== 0) return this.match(text, 0, text.length, base);
    let matches = this.memo.get(text);
    if (!matches) {
      matches = this.match(text, 0, text.length, 0);
      if (this.memo.size >= MEMO_TEXTS) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(text, matches);
    }
    return matches;
  }

  /** Every term or alias in `text`, not remembered (for texts that are parts of a larger one). */
  findFresh(text: string): SloganMatch[] {
    return this.match(text, 0, text.length, 0);
  }

  /** The match covering `offset`, if any: the text around it is matched, not the whole text. */
  findAt(text: string, offset: number): SloganMatch | null {
    // The farthest a match covering `offset` can reach: the longest form, with the hard wraps
    // it can hold (a wrapped line has MIN_WRAPPED_LINE characters at least).
    const longest = this.automaton.maxLength;
    const reach = longest + 2 * (Math.ceil(longest / MIN_WRAPPED_LINE) + 1);
    const from = Math.max(0, offset - reach);
    return this.match(text, from, Math.min(text.length, offset + reach), 0).find((m) => m.span.start <= offset && offset < m.span.end) ?? null;
  }

  /**
   * The matches in text[from, to): at each position the longest form that starts there, then on
   * after it. The text is fed to the automaton without its hard wraps — a single line break
   * (\n, \r\n or \r) after a line long enough to be wrapped, before a line that is not
   * blank — so a form cut by one is found, spanning the break. Linear in `to - from`: each
   * break's line is measured from the line start kept while scanning (looking back at most
   * MIN_WRAPPED_LINE characters before `from`).
   */
  private match(text: string, from: number, to: number, base: number): SloganMatch[] {
    const automaton = this.automaton;
    const ring = new Int32Array(Math.max(1, automaton.maxLength));
    /** The longest form starting at each raw offset, and its raw end. */
    const longest = new Map<number, { term: number; length: number; end: number }>();
    let lineStart = from;
    for (let k = from - 1; k >= Math.max(0, from - MIN_WRAPPED_LINE); k--) {
      if (isBreak(text.charCodeAt(k))) break;
      lineStart = k;
    }
    if (lineStart === Math.max(0, from - MIN_WRAPPED_LINE) && lineStart > 0 && !isBreak(text.charCodeAt(lineStart - 1))) lineStart = -MIN_WRAPPED_LINE;
    let state = 0;
    let fed = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (isBreak(code)) {
        const length = code === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        const wrap = i - lineStart >= MIN_WRAPPED_LINE && i + length < to && !isBreak(text.charCodeAt(i + length));
        lineStart = i + length;
        if (wrap) {
          // The automaton reads on across the break, as if the two lines were one.
          i += length - 1;
          continue;
        }
      }
      state = automaton.step(state, code);
      ring[fed % ring.length] = i;
      fed++;
      automaton.ends(state, (term, length) => {
        const start = ring[(fed - length) % ring.length];
        const known = longest.get(start);
        if (!known || known.length < length) longest.set(start, { term, length, end: i + 1 });
      });
    }
    const matches: SloganMatch[] = [];
    let end = -1;
    for (const start of [...longest.keys()].sort((a, b) => a - b)) {
      if (start < end) continue;
      const hit = longest.get(start)!;
      const { form, entry } = this.forms[hit.term];
      matches.push({ entry, form, span: { start: base + start, end: base + hit.end } });
      end = hit.end;
    }
    return matches;
  }
}
