/**
 * A project: a folder with a `.corpus-lens/` folder (or, in the editor, a workspace folder
 * without one), and everything that decides how its files are analysed and linted: the lint
 * configuration (defaults or the editor's settings ← `.corpus-lens/config.json` ← command-line
 * flags), the ignored findings of `.corpus-lens/ignore.json`, its glossary, and a segmenter
 * that keeps the glossary's phrases whole. The editor and the command line read projects the
 * same way; a broken project file is reported in that file and the defaults are used.
 */
import { DocumentAnalysis, RegionResult, analyzeDocument } from '../core/analysis';
import { Glossary } from '../core/glossary/matcher';
import { LintConfig } from '../core/lint/config';
import { IgnoreList } from '../core/lint/ignore';
import { LintResult, lintDocument, lintRegion } from '../core/lint/lint';
import { RULES, SpacingProfile } from '../core/rules/index';
import { Segmenter, withWords } from '../core/segmenter';
import { Span } from '../core/text';
import { FileReport, projectPath, readIgnoreList, readProjectConfig } from '../io/project';
import { LoadedGlossary, loadProjectGlossary } from './glossaries';

/** What the editor or the command line puts around a project's own files. */
export interface ProjectSettings {
  /** The configuration under the project's config.json: the defaults, or the editor's settings. */
  lint: LintConfig;
  /** Command-line flags over the project's config.json. */
  flags?: LintFlags;
  /** Glossaries beyond the bundled one and the project's own, resolved (--glossary, settings). */
  glossaries: readonly string[];
}

export interface LintFlags {
  rules: string[] | null;
  spacing: SpacingProfile | null;
}

/**
 * `config` with the command-line flags on top: `rules` leaves only the named rules running (a
 * named rule the config turns off runs at its default severity), `spacing` replaces the profile.
 */
export function withFlags(config: LintConfig, flags: LintFlags): LintConfig {
  const rules = { ...config.rules };
  if (flags.rules) {
    const chosen = new Set(flags.rules);
    for (const rule of RULES) {
      if (!chosen.has(rule.id)) rules[rule.id] = 'off';
      else if (rules[rule.id] === 'off') delete rules[rule.id];
    }
  }
  return { ...config, rules, spacing: flags.spacing ?? config.spacing };
}

export class Project {
  constructor(
    /** The project's folder, or null for files in no project (the settings alone apply). */
    readonly root: string | null,
    readonly config: LintConfig,
    readonly ignore: IgnoreList,
    readonly loaded: LoadedGlossary,
    /** The shared backend with the glossary's phrases kept whole (its dictionary is not changed). */
    readonly segmenter: Segmenter,
    /** Problems in the project's files (config.json, ignore.json, glossaries); empty ones too. */
    readonly reports: FileReport[],
  ) {}

  get glossary(): Glossary {
    return this.loaded.glossary;
  }

  /** The path of `file` as the project's ignore entries name it, or null outside a project. */
  pathOf(file: string): string | null {
    return this.root === null ? null : projectPath(this.root, file);
  }

  analyze(text: string): DocumentAnalysis {
    return analyzeDocument(text, { segmenter: this.segmenter });
  }

  /**
   * Lints an analysis of `file` (null for a text with no file) as the project configures it;
   * findings over `ignoredSpans` (places ignored before a pass of fixes moved them) count as
   * ignored too.
   */
  /** Runs the rules on one region of an analysis (see `lintRegion`). */
  lintRegion(region: RegionResult): void {
    lintRegion(region, this.segmenter, { config: this.config, glossary: this.glossary });
  }

  lint(analysis: DocumentAnalysis, file: string | null, ignoredSpans: Span[] = []): LintResult {
    const path = file === null ? null : this.pathOf(file);
    return lintDocument(analysis, this.segmenter, {
      config: this.config,
      glossary: this.glossary,
      ignore: path === null ? undefined : { list: this.ignore, file: path },
      ignoredSpans,
    });
  }
}

/**
 * Reads the project at `root` (null: no project) under `settings`, over the segmenter
 * `backend`; the glossary and segmenter of `unchanged` are kept when given (only the project's
 * config or ignore file changed).
 */
export function readProject(root: string | null, settings: ProjectSettings, backend: Segmenter, unchanged: Project | null = null): Project {
  const loaded = unchanged?.loaded ?? loadProjectGlossary(root, settings.glossaries);
  const segmenter = unchanged?.segmenter ?? withWords(backend, new Set(loaded.glossary.words()));
  const flagged = (config: LintConfig) => (settings.flags ? withFlags(config, settings.flags) : config);
  if (root === null) return new Project(null, flagged(settings.lint), new IgnoreList(), loaded, segmenter, loaded.reports);
  const { config, report: configReport } = readProjectConfig(root, settings.lint);
  const { list, report: ignoreReport } = readIgnoreList(root);
  const reports = [...loaded.reports, configReport, ignoreReport].filter((r): r is FileReport => r !== null);
  return new Project(root, flagged(config), list, loaded, segmenter, reports);
}
