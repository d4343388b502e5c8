/**
 * mixed-script: a traditional form inside simplified text (們 in 我們, 沒 in 沒有), or a
 * simplified form inside traditional text: OCR trained on both scripts, or a page set in the
 * other script, leaves them. Which script a file is in is decided by the file itself: the
 * characters that only one script uses (OpenCC's character tables, `core/confusion/tables.ts`)
 * must be at least four to one, ten or more; otherwise nothing is reported. Names the parser
 * found and glossary terms are left alone.
 *
 * The fix writes the other script's form (for a character with several, one fix each, the one
 * that forms a dictionary word first); not safe: a traditional name or a quotation may be meant.
 */
import { confusionTables } from '../confusion/model';
import { Issue, Rule, RuleContext } from './types';
import { blockEdit, docSpan, makeFix, makeIssue, message, proseBlocks } from './util';

export const ID = 'mixed-script';

/** The dominant script's distinctive characters must outnumber the other's this many times … */
const RATIO = 4;
/** … and be at least this many. */
const MIN_DOMINANT = 10;

export const mixedScript: Rule = {
  id: ID,
  defaultSeverity: 'information',
  description: message('简体文本中夹杂繁体字（或繁体文本中夹杂简体字）', 'A traditional form in simplified text (or a simplified form in traditional text)'),
  examples: [{ bad: '我們沒有忘记过去，一直在努力学习，不断提高自己的水平和能力。认真总结经验，继续前进，实现新的发展。', good: '我们没有忘记过去，一直在努力学习，不断提高自己的水平和能力。认真总结经验，继续前进，实现新的发展。' }],
  check(ctx: RuleContext): Issue[] {
    const tables = confusionTables();
    const kinds = scriptKinds();
    let traditional = 0;
    let simplified = 0;
    const text = ctx.text;
    for (let i = 0; i < text.length; i++) {
      const kind = kinds[text.charCodeAt(i)];
      if (kind === 1) traditional++;
      else if (kind === 2) simplified++;
    }
    // Characters each script has of its own; the simplified ones are far more frequent in text.
    let foreign: Map<string, string[]>;
    let foreignKind: number;
    let inScript: { zh: string; en: string };
    if (simplified >= MIN_DOMINANT && simplified >= RATIO * traditional && traditional > 0) {
      foreign = tables.traditional;
      foreignKind = 1;
      inScript = { zh: '简体文本中的繁体字', en: 'traditional form in simplified text' };
    } else if (traditional >= MIN_DOMINANT && traditional >= RATIO * simplified && simplified > 0) {
      foreign = tables.simplified;
      foreignKind = 2;
      inScript = { zh: '繁体文本中的简体字', en: 'simplified form in traditional text' };
    } else return [];
    const lexicon = ctx.segmenter.lexicon?.() ?? null;
    const guarded = new Set<string>();
    for (const article of ctx.articles) {
      for (const a of article.authors) guarded.add(a);
      for (const s of article.speakers) guarded.add(s.name);
    }
    const issues: Issue[] = [];
    // The paragraphs hold no more foreign forms than the whole text: once all are met, stop.
    let remaining = foreignKind === 1 ? traditional : simplified;
    for (const block of proseBlocks(ctx)) {
      if (remaining === 0) break;
      const text = block.text;
      let terms: { start: number; end: number }[] | null = null;
      for (let i = 0; i < text.length; i++) {
        // One array lookup per character; the rest only at a foreign form.
        if (kinds[text.charCodeAt(i)] !== foreignKind) continue;
        remaining--;
        const forms = foreign.get(text[i]);
        if (!forms) continue;
        terms ??= ctx.glossary ? ctx.glossary.findAll(text).map((m) => m.span) : [];
        if (terms.some((s) => s.start <= i && i < s.end)) continue;
        if ([...guarded].some((g) => g.includes(text[i]) && text.indexOf(g) >= 0 && isInside(text, i, g))) continue;
        const ranked = lexicon ? rankForms(text, i, forms, (w) => lexicon.frequency(w)) : forms;
        issues.push(
          makeIssue(
            ID,
            docSpan(block, i, i + 1),
            message(`${inScript.zh}：“${text[i]}”应作“${ranked.join('”或“')}”`, `A ${inScript.en}: “${text[i]}” is written “${ranked.join('” or “')}” there`),
            ranked.map((f) => makeFix(message(`改为“${f}”`, `Replace with “${f}”`), [blockEdit(block, i, i + 1, f)], false)),
          ),
        );
      }
    }
    return issues;
  },
};

let kindsTable: Uint8Array | null = null;

/** By UTF-16 code unit: 1 for a traditional-only form, 2 for a simplified-only one, else 0. */
function scriptKinds(): Uint8Array {
  if (kindsTable) return kindsTable;
  const tables = confusionTables();
  const kinds = new Uint8Array(0x10000);
  for (const ch of tables.traditional.keys()) if (ch.length === 1) kinds[ch.charCodeAt(0)] = 1;
  for (const ch of tables.simplified.keys()) if (ch.length === 1) kinds[ch.charCodeAt(0)] = 2;
  kindsTable = kinds;
  return kinds;
}

function isInside(text: string, i: number, word: string): boolean {
  for (let s = text.indexOf(word); s >= 0 && s <= i; s = text.indexOf(word, s + 1)) if (i < s + word.length) return true;
  return false;
}

/** The forms ordered by the best dictionary word each makes with its neighbours (stable otherwise). */
function rankForms(text: string, i: number, forms: string[], frequency: (w: string) => number): string[] {
  if (forms.length < 2) return forms;
  const best = (f: string) => {
    let top = 0;
    for (let len = 2; len <= 4; len++) {
      for (let s = Math.max(0, i - len + 1); s <= i && s + len <= text.length; s++) top = Math.max(top, frequency(text.slice(s, i) + f + text.slice(i + 1, s + len)));
    }
    return top;
  };
  return forms.map((f, k) => ({ f, k, score: best(f) })).sort((a, b) => b.score - a.score || a.k - b.k).map((x) => x.f);
}
