/**
 * ocr-confusion: a character OCR probably misread for a look-alike (形近字): 己/已, 末/未,
 * 太/大, 人/入, 土/士, 侯/候 … A character is suspected when one of its look-alikes (from the
 * character-structure tables, `core/confusion/`) makes the text much more plausible by the
 * segmenter's own dictionary: it forms a common word there that the printed character does not
 * (越来赴赖 → 越来越, 灰头士脸 → 灰头土脸). The file itself is evidence: the proposed word spelled
 * right elsewhere raises the score; the printed form recurring while the proposal never does (a
 * name, a term the dictionary lacks) silences the finding. Names and roles the parser found,
 * glossary terms and the words of the segmenter's layers (`withWords`: the project's glossary
 * phrases, the region's names) are left alone. Without word frequencies
 * (Intl.Segmenter) the rule says nothing.
 *
 * One quick fix per candidate, best first, each replacing the one character; none is safe, so
 * fix-all and `corpus-lens fix` never apply them.
 */
import { DEFAULT_THRESHOLD, Evidence, RawSuspect, Suspect, aloneIndexes, countForms, findCandidates, settle } from '../confusion/detect';
import { ConfusionTables, confusionTables, withObserved } from '../confusion/model';
import { Lexicon } from '../lexicon';
import { layerWordOverlaps } from '../segmenter';
import { Issue, Rule, RuleContext } from './types';
import { ProseBlock, blockEdit, docSpan, makeFix, makeIssue, message, proseBlocks } from './util';

export const ID = 'ocr-confusion';

export const ocrConfusion: Rule = {
  id: ID,
  defaultSeverity: 'information',
  description: message('疑似形近字识别错误（如“己/已”“末/未”“土/士”）', 'A character OCR probably misread for a look-alike (己/已, 末/未, 土/士)'),
  examples: [
    { bad: '经过多年努力，我们己经取得了显著成绩。', good: '经过多年努力，我们已经取得了显著成绩。' },
    { bad: '他说得我口千舌燥，灰头士脸。', good: '他说得我口干舌燥，灰头土脸。' },
  ],
  check(ctx: RuleContext): Issue[] {
    const lexicon = ctx.segmenter.lexicon?.() ?? null;
    if (!lexicon) return [];
    const threshold = ctx.options.ocrConfusionThreshold ?? DEFAULT_THRESHOLD;
    const observed = ctx.options.ocrConfusionObserved;
    const tables = observed && Object.keys(observed).length ? withObserved(confusionTables(), observed) : confusionTables();
    const names = protectedWords(ctx);
    const cache = candidateCache(lexicon, tables, threshold);
    const found: { block: ProseBlock; raw: RawSuspect[] }[] = [];
    const forms = new Set<string>();
    for (const block of proseBlocks(ctx)) {
      const text = block.text;
      // A paragraph that recurs (boilerplate, a repeated notice, the paragraphs an edit left
      // alone) is read once per process; names and glossary terms are checked where it stands.
      let unprotected = cache.get(text);
      if (!unprotected) {
        unprotected = suspectsIn(lexicon, tables, text, threshold);
        cache.set(text, unprotected);
      }
      if (unprotected.length === 0) continue;
      const raw = withoutProtected(ctx, lexicon, text, names, unprotected);
      if (raw.length === 0) continue;
      found.push({ block, raw });
      for (const s of raw) for (const c of s.candidates) forms.add(c.word).add(c.printed);
    }
    if (found.length === 0) return [];
    // The file's evidence for every candidate at once: one pass over the document.
    const counts = countForms(ctx.text, forms);
    const evidence: Evidence = { count: (form) => counts.get(form) ?? 0 };
    const issues: Issue[] = [];
    for (const { block, raw } of found) for (const suspect of settle(raw, threshold, evidence)) issues.push(issueOf(block, suspect));
    return issues;
  },
};

let alone: Int32Array = new Int32Array(4096);

function suspectsIn(lexicon: Lexicon, tables: ConfusionTables, text: string, threshold: number): RawSuspect[] {
  // The characters the dictionary's best segmentation leaves alone: the only ones looked at (one
  // buffer for every paragraph, no allocation per paragraph).
  const only = aloneIndexes(text, lexicon, alone);
  alone = only.indexes;
  return findCandidates(text, lexicon, tables, { threshold, only });
}

/**
 * The candidates whose word stands on no word the project or the document knows: a user word of
 * the lexicon, a word of the segmenter's layers (the project's glossary phrases, the region's
 * names, over the backend's dictionary), a name the parser found or a glossary term there.
 */
function withoutProtected(ctx: RuleContext, lexicon: Lexicon, text: string, names: NameIndex, raw: RawSuspect[]): RawSuspect[] {
  const out: RawSuspect[] = [];
  for (const s of raw) {
    const candidates = s.candidates.filter((c) => {
      const end = c.wordStart + c.word.length;
      if (lexicon.isUserWord(text.slice(c.wordStart, end)) || layerWordOverlaps(ctx.segmenter, text, c.wordStart, end)) return false;
      return !isGuarded(ctx, text, names, c.wordStart, end);
    });
    if (candidates.length) out.push(candidates.length === s.candidates.length ? s : { ...s, candidates });
  }
  return out;
}

/** Raw candidates by paragraph text, for one lexicon (and its user words), table set and threshold; bounded. */
interface CandidateCache {
  lexicon: Lexicon;
  tables: ConfusionTables;
  threshold: number;
  userWords: number;
  chars: number;
  map: Map<string, RawSuspect[]>;
}
let cached: CandidateCache | null = null;

/** Forgets every paragraph read (benchmarks measure the rule cold). */
export function clearCandidateCache(): void {
  cached = null;
}
/** The cache is dropped when its paragraphs add up to more characters than this. */
const CACHE_CHARS = 20_000_000;

function candidateCache(lexicon: Lexicon, tables: ConfusionTables, threshold: number): { get(text: string): RawSuspect[] | undefined; set(text: string, raw: RawSuspect[]): void } {
  if (!cached || cached.lexicon !== lexicon || cached.tables !== tables || cached.threshold !== threshold || cached.userWords !== lexicon.userList.length || cached.chars > CACHE_CHARS) {
    cached = { lexicon, tables, threshold, userWords: lexicon.userList.length, chars: 0, map: new Map() };
  }
  const c = cached;
  return {
    get: (text) => c.map.get(text),
    set(text, raw) {
      c.map.set(text, raw);
      c.chars += text.length;
    },
  };
}

/** Glossary terms and slogans are at most this long, for the window a protected place is looked for in. */
const GUARD_REACH = 24;

/** The protected names by their first character, and the longest one's length. */
interface NameIndex {
  byFirst: Map<string, string[]>;
  longest: number;
}

/** True when a found name or a glossary term overlaps `[start, end)` of `text`. */
function isGuarded(ctx: RuleContext, text: string, names: NameIndex, start: number, end: number): boolean {
  // A name overlapping the span starts at most `longest - 1` characters before it: a lookup per place.
  for (let p = Math.max(0, start - names.longest + 1); p < end; p++) {
    const list = names.byFirst.get(text[p]);
    if (list) for (const name of list) if (p + name.length > start && text.startsWith(name, p)) return true;
  }
  if (ctx.glossary) {
    const from = Math.max(0, start - GUARD_REACH);
    for (const m of ctx.glossary.findAll(text.slice(from, Math.min(text.length, end + GUARD_REACH)))) if (from + m.span.start < end && start < from + m.span.end) return true;
  }
  return false;
}

function issueOf(block: ProseBlock, suspect: Suspect): Issue {
  {
    const best = suspect.candidates[0];
    const others = suspect.candidates.slice(1).map((c) => `“${c.char}”`);
    const alsoZh = others.length ? `（也可能是${others.join('、')}）` : '';
    const alsoEn = others.length ? ` (or ${others.join(', ')})` : '';
    return makeIssue(
        ID,
        docSpan(block, suspect.index, suspect.index + 1),
        message(
          `“${suspect.char}”疑为“${best.char}”的形近误识：改后成词“${best.word}”${alsoZh}`,
          `“${suspect.char}” looks like an OCR misreading of “${best.char}”, which makes the word “${best.word}”${alsoEn}`,
        ),
        suspect.candidates.map((c) =>
          makeFix(message(`改为“${c.char}”（${c.word}）`, `Replace with “${c.char}” (${c.word})`), [blockEdit(block, suspect.index, suspect.index + 1, c.char)], false),
        ),
      );
  }
}

/** The names, roles and bylines the parser found in the document. */
function protectedWords(ctx: RuleContext): NameIndex {
  const words = new Set<string>();
  for (const article of ctx.articles) {
    for (const author of article.authors) words.add(author);
    for (const speaker of article.speakers) {
      words.add(speaker.name);
      if (speaker.role) words.add(speaker.role);
    }
  }
  const index: NameIndex = { byFirst: new Map(), longest: 0 };
  for (const w of words) {
    if (w.length < 2) continue;
    const list = index.byFirst.get(w[0]);
    if (list) list.push(w);
    else index.byFirst.set(w[0], [w]);
    index.longest = Math.max(index.longest, w.length);
  }
  return index;
}
