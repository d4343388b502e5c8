/** Shared set-up for the rule tests: analyse a text with the real segmenter and the bundled glossary, and run rules. */
import { analyzeDocument } from '../../../server/src/core/analysis';
import { DEFAULT_LINT_CONFIG } from '../../../server/src/core/lint/config';
import { Finding, lintDocument } from '../../../server/src/core/lint/lint';
import { applyFixes } from '../../../server/src/core/fixes';
import { Issue, RuleContext, RuleOptions, ruleById, ruleContext, runRules } from '../../../server/src/core/rules/index';
import { bundledGlossary } from '../../support/glossary';
import { defaultSegmenter } from '../../support/segmenters';

export function contextOf(text: string, options: Partial<RuleOptions> = {}): RuleContext {
  const segmenter = defaultSegmenter();
  return ruleContext(analyzeDocument(text, { segmenter }), segmenter, options, bundledGlossary());
}

/** The issues one rule finds in `text`. */
export function check(ruleId: string, text: string, options: Partial<RuleOptions> = {}): Issue[] {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule.check(contextOf(text, options));
}

/** The text each issue points at. */
export function flagged(text: string, issues: Issue[]): string[] {
  return issues.map((i) => text.slice(i.span.start, i.span.end));
}

/** `text` with every fix of one rule applied (safe ones only unless `all`). */
export function fixWith(ruleId: string, text: string, all = false, options: Partial<RuleOptions> = {}): string {
  return applyFixes(text, check(ruleId, text, options), { safeOnly: !all }).text;
}

/** `text` with every safe fix of every rule applied. */
export function fixAll(text: string): string {
  return applyFixes(text, runRules(contextOf(text))).text;
}

/** A hard-wrapped body long enough for the layout profile to see the wrap width. */
export const WRAPPED_BODY = [
  '近期，按照市委理论学习中心组要求，我',
  '深入学习了习近平新时代中国特色社会主义',
  '思想，特别是习近平总书记对河南工作的重',
  '要指示、在推动中部地区崛起工作座谈会及',
  '黄河流域生态保护和高质量发展座谈会上的',
  '重要讲话精神，以及省委省政府加快洛阳副',
  '中心城市建设工作推进会精神、全市领导干',
  '部会议精神等，通过学习，思想认识更加深',
  '刻、精神更加振奋、谋划发展更有信心。下面',
  '我结合分管工作实际，谈几点认识和体会。',
].join('\n');

/** Every finding of `text` as the product reports them: file groups, severities, one rule or all. */
export function lintFindings(text: string, ruleId?: string): Finding[] {
  const segmenter = defaultSegmenter();
  const findings = lintDocument(analyzeDocument(text, { segmenter }), segmenter, { config: DEFAULT_LINT_CONFIG, glossary: bundledGlossary() }).findings;
  return ruleId ? findings.filter((f) => f.rule === ruleId) : findings;
}
