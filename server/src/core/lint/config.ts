/**
 * Lint configuration: which rules run, at which severity, the spacing profile and the cap on
 * findings per document. The same shape is read from the `corpusLens.*` settings and from a
 * workspace's `.corpus-lens/config.json`; a wrong value is reported with its JSON path and the
 * value it would have replaced is kept, so a broken config never stops the analysis.
 */
import { editDistance } from '../glossary/variants';
import { RULES, Severity, SpacingProfile } from '../rules/index';

export type RuleSetting = Severity | 'off';

export interface LintConfig {
  /** Per-rule overrides of the registry's default severities; rules not named keep theirs. */
  rules: Record<string, RuleSetting>;
  spacing: SpacingProfile;
  /** Findings shown per document in the editor before a summary takes the rest. */
  maxProblems: number;
  /** ocr-confusion: the least score a finding needs (higher: fewer, surer findings). */
  ocrConfusion?: {
    threshold?: number;
    /**
     * OCR confusions observed in the user's own data, `"<printed><right>": count` ("己已": 12):
     * they raise the weight of a look-alike pair, or add a pair the shapes do not give. Written
     * by scripts/confusion/learn.mjs.
     */
    observed?: Record<string, number>;
  };
}

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'information', 'hint'];
export const SPACING_PROFILES: readonly SpacingProfile[] = ['newspaper', 'copywriting'];

export const DEFAULT_LINT_CONFIG: LintConfig = { rules: {}, spacing: 'newspaper', maxProblems: 500 };

export interface ConfigProblem {
  /** JSON path of the offending value, e.g. ['rules', 'cjk-spaces']. */
  path: (string | number)[];
  message: string;
}

const KNOWN_RULES = new Set(RULES.map((r) => r.id));

/**
 * Reads the lint keys (`rules`, `spacing`, `maxProblems`) of `raw` over `base`. Other keys are
 * left to their owners (the settings object also holds `segmenter`, `glossary` …) unless
 * `strict`, as for config.json, where an unknown key is a problem.
 */
export function readLintConfig(raw: unknown, base: LintConfig = DEFAULT_LINT_CONFIG, strict = false): { config: LintConfig; problems: ConfigProblem[] } {
  const config: LintConfig = { ...base, rules: { ...base.rules } };
  const problems: ConfigProblem[] = [];
  // No settings at all is the defaults; a config.json that holds null is a mistake like [] or 5.
  if (raw === undefined || (raw === null && !strict)) return { config, problems };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ path: [], message: 'the configuration must be a JSON object' });
    return { config, problems };
  }
  const r = raw as Record<string, unknown>;
  if (r.rules !== undefined) {
    if (typeof r.rules !== 'object' || r.rules === null || Array.isArray(r.rules)) {
      problems.push({ path: ['rules'], message: '"rules" must be an object of rule id → severity or "off"' });
    } else {
      for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
        if (!KNOWN_RULES.has(id)) problems.push({ path: ['rules', id], message: `unknown rule "${id}"${suggest(id)}` });
        else if (!RULE_SETTINGS.includes(value as RuleSetting)) {
          problems.push({ path: ['rules', id], message: `"${id}": ${JSON.stringify(value)} is not one of ${RULE_SETTINGS.join(', ')}` });
        } else config.rules[id] = value as RuleSetting;
      }
    }
  }
  if (r.spacing !== undefined) {
    if (SPACING_PROFILES.includes(r.spacing as SpacingProfile)) config.spacing = r.spacing as SpacingProfile;
    else problems.push({ path: ['spacing'], message: `"spacing": ${JSON.stringify(r.spacing)} is not one of ${SPACING_PROFILES.join(', ')}` });
  }
  if (r.maxProblems !== undefined) {
    if (Number.isInteger(r.maxProblems) && (r.maxProblems as number) >= 1) config.maxProblems = r.maxProblems as number;
    else problems.push({ path: ['maxProblems'], message: '"maxProblems" must be a whole number of 1 or more' });
  }
  if (r.ocrConfusion !== undefined) {
    const o = r.ocrConfusion as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) problems.push({ path: ['ocrConfusion'], message: '"ocrConfusion" must be an object such as { "threshold": 10 }' });
    else {
      const ocr: NonNullable<LintConfig['ocrConfusion']> = { ...base.ocrConfusion };
      if (o.threshold !== undefined) {
        if (typeof o.threshold === 'number' && Number.isFinite(o.threshold) && o.threshold >= 0) ocr.threshold = o.threshold;
        else problems.push({ path: ['ocrConfusion', 'threshold'], message: '"threshold" must be a number of 0 or more' });
      }
      if (o.observed !== undefined) {
        const observed = o.observed as Record<string, unknown> | null;
        if (typeof observed !== 'object' || observed === null || Array.isArray(observed)) {
          problems.push({ path: ['ocrConfusion', 'observed'], message: '"observed" must be an object of "<printed><right>": count, such as { "己已": 12 }' });
        } else {
          const pairs: Record<string, number> = {};
          for (const [key, n] of Object.entries(observed)) {
            const chars = Array.from(key);
            if (chars.length !== 2 || chars[0] === chars[1] || chars.some((c) => c.length !== 1)) problems.push({ path: ['ocrConfusion', 'observed', key], message: `"${key}" must be two different characters: the one printed, then the right one` });
            else if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) problems.push({ path: ['ocrConfusion', 'observed', key], message: `"${key}": the count must be a number above 0` });
            else pairs[key] = n;
          }
          ocr.observed = pairs;
        }
      }
      if (strict) for (const key of Object.keys(o)) if (key !== 'threshold' && key !== 'observed') problems.push({ path: ['ocrConfusion', key], message: `unknown setting "${key}"` });
      config.ocrConfusion = ocr;
    }
  }
  if (strict) {
    for (const key of Object.keys(r)) {
      if (!['$schema', 'rules', 'spacing', 'maxProblems', 'ocrConfusion'].includes(key)) problems.push({ path: [key], message: `unknown setting "${key}"` });
    }
  }
  return { config, problems };
}

/** The rules that run under `config`. */
export function enabledRules(config: LintConfig): Set<string> {
  return new Set(RULES.filter((r) => config.rules[r.id] !== 'off').map((r) => r.id));
}

/** The rule id a misspelt one is closest to, when it is close (at most three edits). */
function suggest(id: string): string {
  const [close] = RULES.map((r) => ({ id: r.id, distance: editDistance(id, r.id) }))
    .filter((r) => r.distance <= 3)
    .sort((a, b) => a.distance - b.distance);
  return close ? ` (did you mean "${close.id}"?)` : '';
}
