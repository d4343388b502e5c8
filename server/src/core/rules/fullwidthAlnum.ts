/**
 * fullwidth-alnum: full-width Latin letters and digits (２０２０年, ＧＤＰ) where half-width
 * ones belong. One issue per run; a full-width point between full-width digits (３．５) goes
 * with the run. A run right after a ? is left to mojibake (。?Ｋ孀殴).
 */
import { Issue, Rule, RuleContext } from './types';
import { makeFix, makeIssue, message } from './util';

export const ID = 'fullwidth-alnum';

function isFullwidthAlnum(code: number): boolean {
  return (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

function isFullwidthDigit(code: number): boolean {
  return code >= 0xff10 && code <= 0xff19;
}

/** Half-width form of a full-width run (letters, digits, and ． between digits). */
export function toHalfwidth(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : run[i];
  }
  return out;
}

export const fullwidthAlnum: Rule = {
  id: ID,
  defaultSeverity: 'information',
  description: message('全角字母或数字', 'Full-width letters or digits'),
  examples: [{ bad: '２０２０年全市ＧＤＰ增长３．５％', good: '2020年全市GDP增长3.5％' }],
  check(ctx: RuleContext): Issue[] {
    const { text } = ctx;
    const issues: Issue[] = [];
    for (let i = 0; i < text.length; i++) {
      if (!isFullwidthAlnum(text.charCodeAt(i))) continue;
      let end = i + 1;
      for (;;) {
        const code = text.charCodeAt(end);
        if (isFullwidthAlnum(code)) end++;
        else if (code === 0xff0e && isFullwidthDigit(text.charCodeAt(end - 1)) && isFullwidthDigit(text.charCodeAt(end + 1))) end++;
        else break;
      }
      const start = i;
      i = end - 1;
      if (text[start - 1] === '?') continue;
      const run = text.slice(start, end);
      const half = toHalfwidth(run);
      issues.push(
        makeIssue(
          ID,
          { start, end },
          message(`全角字母或数字“${run}”应为半角“${half}”`, `Full-width “${run}”: use “${half}”`),
          [makeFix(message(`改为“${half}”`, `Replace with “${half}”`), [{ span: { start, end }, newText: half }], true)],
        ),
      );
    }
    return issues;
  },
};
