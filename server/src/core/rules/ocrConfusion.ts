/**
 * ocr-confusion: a character OCR probably misread for a look-alike (形近字): 己/已, 末/未,
 * 太/大, 人/入, 土/士, 侯/候 … A character is suspected when one of its look-alikes (from the
 * character-structure tables, `core/confusion/`) makes the text much more plausible by the
 * segmenter's own dictionary: it forms a common word there that the printed character does not
 * (越来赴赖 → 越来越, 灰头士脸 → 灰头土脸). The file itself is evidence: the proposed word spelled
 * right elsewhere raises the score; the printed form recurring while the proposal never does (a
 * name, a term the dictionary lacks) silences the finding. Names and roles the parser found,
 * glossary terms and the user dictionary are left alone. Without word frequencies
 * (Intl.Segmenter) the rule says nothing.
 *
 * One quick fix per candidate, best first, each replacing the one character; none is safe, so
 * fix-all and `corpus-lens fix` never apply them.
 */
import { DEFAULT_THRESHOLD, Evidence, Suspect, detectConfusions } from '../confusion/detect';
import { confusionTables } from '../confusion/model';
import { Issue, Rule, RuleContext } from './types';
import { ProseBlock, blockEdit, dictionaryTokens, docSpan, makeFix, makeIssue, message, proseBlocks } from './util';

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
    const tables = confusionTables();
    const evidence = documentEvidence(ctx.text);
    const names = protectedWords(ctx);
    const issues: Issue[] = [];
    // A paragraph that recurs (boilerplate, a repeated notice) is read once.
    const seen = new Map<string, Suspect[]>();
    for (const block of proseBlocks(ctx)) checkBlock(ctx, block, threshold, evidence, names, seen, issues);
    return issues;
  },
};

function checkBlock(
  ctx: RuleContext,
  block: ProseBlock,
  threshold: number,
  evidence: Evidence,
  names: string[],
  seen: Map<string, Suspect[]>,
  issues: Issue[],
): void {
  const text = block.text;
  let suspects = seen.get(text);
  if (!suspects) {
    suspects = suspectsIn(ctx, text, threshold, evidence, names);
    seen.set(text, suspects);
  }
  for (const suspect of suspects) issues.push(issueOf(block, suspect));
}

function suspectsIn(ctx: RuleContext, text: string, threshold: number, evidence: Evidence, names: string[]): Suspect[] {
  const lexicon = ctx.segmenter.lexicon!()!;
  // Characters inside a multi-character dictionary word (the segmentation other rules share) are read as printed.
  let inWord: Uint8Array;
  try {
    inWord = new Uint8Array(text.length);
    for (const token of dictionaryTokens(ctx, text)) if (token.end - token.start > 1) inWord.fill(1, token.start, token.end);
  } catch {
    return [];
  }
  // Names and glossary terms are looked up only in a paragraph that has a candidate.
  let guarded: { start: number; end: number }[] | null = null;
  return detectConfusions(text, lexicon, confusionTables(), {
    threshold,
    evidence,
    skip: (i) => inWord[i] === 1,
    isProtected: (start, end) => {
      guarded ??= guardedSpans(ctx, text, names);
      return guarded.some((s) => s.start < end && start < s.end) || lexicon.isUserWord(text.slice(start, end));
    },
  });
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

/** Counts of a form in the whole document, computed once per form. */
function documentEvidence(text: string): Evidence {
  const cache = new Map<string, number>();
  return {
    count(form) {
      let n = cache.get(form);
      if (n === undefined) {
        n = 0;
        for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) n++;
        cache.set(form, n);
      }
      return n;
    },
  };
}

/** The names, roles and bylines the parser found in the document. */
function protectedWords(ctx: RuleContext): string[] {
  const words = new Set<string>();
  for (const article of ctx.articles) {
    for (const author of article.authors) words.add(author);
    for (const speaker of article.speakers) {
      words.add(speaker.name);
      if (speaker.role) words.add(speaker.role);
    }
  }
  return [...words].filter((w) => w.length >= 2);
}

/** Where in `text` a found name or a glossary term stands. */
function guardedSpans(ctx: RuleContext, text: string, names: string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const name of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) spans.push({ start: i, end: i + name.length });
  }
  if (ctx.glossary) for (const m of ctx.glossary.findAll(text)) spans.push({ start: m.span.start, end: m.span.end });
  return spans;
}
