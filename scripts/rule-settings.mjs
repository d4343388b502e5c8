#!/usr/bin/env node
/**
 * Writes what the rule registry decides outside the code, so it cannot drift (built code: run
 * `npx tsc -b` first):
 *   - the `corpusLens.rules` setting in package.json (one property per rule, with its default),
 *     its texts as %keys% whose English and Chinese are in package.nls.json and
 *     package.nls.zh-cn.json (the settings editor shows them in VS Code's display language);
 *   - server/data/config.schema.json, the schema of a workspace's .corpus-lens/config.json.
 *
 *   node scripts/rule-settings.mjs           rewrite both
 *   node scripts/rule-settings.mjs --check   exit 1 when either is out of date
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { RULES } = require(path.join(ROOT, 'server/out/core/rules/index.js'));
const { DEFAULT_LINT_CONFIG, RULE_SETTINGS, SPACING_PROFILES } = require(path.join(ROOT, 'server/out/core/lint/config.js'));

/** The value of each RULE_SETTINGS entry, in English and Chinese. */
const SEVERITY_DESCRIPTIONS = {
  off: ['Do not run the rule', '不运行此规则'],
  error: ['Error', '错误'],
  warning: ['Warning', '警告'],
  information: ['Information', '信息'],
  hint: ['Hint (shown faintly, not in the Problems count)', '提示（淡色显示，不计入“问题”数）'],
};
const RULES_DESCRIPTION = [
  "Severity of each OCR-artefact rule, or `off`. A workspace's `.corpus-lens/config.json` (shared with the command line) overrides these. Rule ids and what they find: `docs/rules.md`.",
  '各条 OCR 规则的严重级别，或 `off`（不运行）。工作区的 `.corpus-lens/config.json`（命令行也读取）优先于此设置。规则编号及其作用见 `docs/rules.md`。',
];
/** The manifest's texts of the setting, by nls key: [English, Chinese]. */
const texts = {
  'config.rules': RULES_DESCRIPTION,
  ...Object.fromEntries(RULE_SETTINGS.map((value) => [`config.rules.severity.${value}`, SEVERITY_DESCRIPTIONS[value]])),
  ...Object.fromEntries(RULES.map((rule) => [`config.rules.${rule.id}`, [`${rule.description.en}.`, `${rule.description.zh}。`]])),
};

const rulesSetting = {
  type: 'object',
  properties: Object.fromEntries(
    RULES.map((rule) => [
      rule.id,
      {
        type: 'string',
        enum: RULE_SETTINGS,
        enumDescriptions: RULE_SETTINGS.map((value) => `%config.rules.severity.${value}%`),
        default: rule.defaultSeverity,
        markdownDescription: `%config.rules.${rule.id}%`,
      },
    ]),
  ),
  additionalProperties: false,
  default: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
  markdownDescription: '%config.rules%',
};

const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Corpus Lens workspace configuration (.corpus-lens/config.json)',
  description: 'Read by the Corpus Lens language server and by `corpus-lens lint` / `fix`; overrides the corpusLens.* settings.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: {
      type: 'object',
      description: 'Severity of a rule, or "off".',
      additionalProperties: false,
      properties: Object.fromEntries(RULES.map((r) => [r.id, { enum: RULE_SETTINGS, default: r.defaultSeverity, description: `${r.description.en} (${r.description.zh})` }])),
    },
    spacing: {
      enum: SPACING_PROFILES,
      default: DEFAULT_LINT_CONFIG.spacing,
      description: 'newspaper: no spaces between Han characters, nor between digits and Chinese units (3月27日). copywriting: spaces between CJK and Latin letters or digits are kept.',
    },
    maxProblems: { type: 'integer', minimum: 1, default: DEFAULT_LINT_CONFIG.maxProblems, description: 'Findings shown per document in the editor; a summary stands for the rest.' },
  },
};

const packageFile = path.join(ROOT, 'package.json');
const schemaFile = path.join(ROOT, 'server', 'data', 'config.schema.json');
const manifest = JSON.parse(fs.readFileSync(packageFile, 'utf8'));
manifest.contributes.configuration.properties['corpusLens.rules'] = rulesSetting;

/** An nls file with the generated keys set (a rule no longer in the registry loses its key); the other keys stay in their order. */
function nlsFile(file, language) {
  const current = JSON.parse(fs.readFileSync(file, 'utf8'));
  const kept = Object.entries(current).filter(([key]) => !key.startsWith('config.rules') || key in texts);
  const strings = Object.fromEntries(kept);
  for (const [key, pair] of Object.entries(texts)) strings[key] = pair[language];
  return [file, JSON.stringify(strings, null, 2) + '\n'];
}

const wanted = [
  [packageFile, JSON.stringify(manifest, null, 2) + '\n'],
  nlsFile(path.join(ROOT, 'package.nls.json'), 0),
  nlsFile(path.join(ROOT, 'package.nls.zh-cn.json'), 1),
  [schemaFile, JSON.stringify(configSchema, null, 2) + '\n'],
];

if (process.argv.includes('--check')) {
  const stale = wanted.filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text).map(([file]) => path.relative(ROOT, file));
  if (stale.length > 0) {
    console.error(`out of date: ${stale.join(', ')}; run node scripts/rule-settings.mjs`);
    process.exit(1);
  }
  console.log('package.json rule settings, their texts in package.nls*.json and config.schema.json are up to date');
} else {
  for (const [file, text] of wanted) fs.writeFileSync(file, text);
}
