/**
 * Server settings (`corpusLens.*`), read defensively: a wrong value falls back to its default
 * and is reported, never thrown.
 */
import { DEFAULT_LINT_CONFIG, readLintConfig } from '../core/lint/config';
import { isSegmenterPreference } from '../segment';
import { WorkspaceSettings } from '../workspace/workspace';

/** `corpusLens.language`: the language of the server's messages; `auto` follows the client's locale. */
export type LanguageSetting = 'auto' | 'en' | 'zh-cn';
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', 'en', 'zh-cn'];

/** What the server reads from `corpusLens.*`: the workspace's settings and its own. */
export interface ServerSettings extends WorkspaceSettings {
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  language: 'auto',
  segmenter: 'auto',
  plaintext: { enabled: true },
  glossary: { paths: [] },
  lint: DEFAULT_LINT_CONFIG,
};

export function readSettings(raw: unknown, warn: (message: string) => void): ServerSettings {
  const settings: ServerSettings = structuredClone(DEFAULT_SETTINGS);
  if (raw === null || raw === undefined) return settings;
  if (typeof raw !== 'object') {
    warn('corpusLens settings are not an object; using defaults');
    return settings;
  }
  const r = raw as Record<string, unknown>;
  if (r.language !== undefined) {
    if (LANGUAGE_SETTINGS.includes(r.language as LanguageSetting)) settings.language = r.language as LanguageSetting;
    else warn(`corpusLens.language: unknown value ${JSON.stringify(r.language)}; using "auto"`);
  }
  if (r.segmenter !== undefined) {
    if (isSegmenterPreference(r.segmenter)) settings.segmenter = r.segmenter;
    else warn(`corpusLens.segmenter: unknown value ${JSON.stringify(r.segmenter)}; using "auto"`);
  }
  const plaintext = r.plaintext as Record<string, unknown> | undefined;
  if (plaintext && typeof plaintext === 'object' && plaintext.enabled !== undefined) {
    if (typeof plaintext.enabled === 'boolean') settings.plaintext.enabled = plaintext.enabled;
    else warn('corpusLens.plaintext.enabled must be true or false; using true');
  }
  const glossary = r.glossary as Record<string, unknown> | undefined;
  if (glossary && typeof glossary === 'object' && glossary.paths !== undefined) {
    if (Array.isArray(glossary.paths) && glossary.paths.every((p) => typeof p === 'string')) settings.glossary.paths = glossary.paths;
    else warn('corpusLens.glossary.paths must be a list of file paths; ignoring it');
  }
  const lint = readLintConfig(r);
  settings.lint = lint.config;
  for (const problem of lint.problems) warn(`corpusLens.${problem.path.join('.')}: ${problem.message}; using the default`);
  return settings;
}
