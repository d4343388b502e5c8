/**
 * What lint and fix share: the segmenter and glossary, and for each file the settings of its
 * project (the nearest folder above it with a .corpus-lens folder): the lint configuration
 * (defaults ← .corpus-lens/config.json ← command-line flags) and the ignored findings. A broken
 * config or ignore file is reported once on stderr and the defaults are used.
 */
import { analyzeDocument } from '../core/analysis';
import { DEFAULT_LINT_CONFIG, LintConfig } from '../core/lint/config';
import { IgnoreList } from '../core/lint/ignore';
import { LintResult, lintDocument } from '../core/lint/lint';
import { Glossary } from '../core/glossary/matcher';
import { RULES, SpacingProfile } from '../core/rules/index';
import { Segmenter } from '../core/segmenter';
import { Span } from '../core/text';
import { findProjectRoot, projectPath, readIgnoreList, readProjectConfig } from '../io/project';
import { CommandOptions, Output, loadCliGlossary, loadSegmenter, reportFileProblems } from './common';

export interface Project {
  /** The folder holding .corpus-lens/, or null when no folder above the file has one. */
  root: string | null;
  config: LintConfig;
  ignore: IgnoreList;
  /** The bundled glossary with the project's own and the --glossary files. */
  glossary: Glossary;
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

export class LintSetup {
  readonly segmenter: Segmenter;
  private readonly projects = new Map<string | null, Project>();

  constructor(
    private readonly options: CommandOptions,
    private readonly output: Output,
  ) {
    this.segmenter = loadSegmenter(options, output);
  }

  /** The project of `file`, read once per project root. */
  projectOf(file: string): Project {
    const root = findProjectRoot(file);
    let project = this.projects.get(root);
    if (!project) {
      project = this.readProject(root);
      this.projects.set(root, project);
    }
    return project;
  }

  /**
   * Lints `text`, the content of `file`, as its project configures; findings over `ignoredSpans`
   * (places ignored before a pass of fixes moved them) count as ignored too.
   */
  lint(file: string, text: string, ignoredSpans: Span[] = []): LintResult {
    const { root, config, ignore: list, glossary } = this.projectOf(file);
    const ignore = root ? { list, file: projectPath(root, file) } : undefined;
    return lintDocument(analyzeDocument(text, { segmenter: this.segmenter }), this.segmenter, { config, glossary, ignore, ignoredSpans });
  }

  private readProject(root: string | null): Project {
    const flags: LintFlags = { rules: this.options.rules, spacing: this.options.spacing };
    const glossary = loadCliGlossary(this.options, this.output, root).glossary;
    // As in the editor: the glossary's slogans stay whole in the segmentation.
    this.segmenter.addWords(glossary.words());
    if (!root) return { root, config: withFlags(DEFAULT_LINT_CONFIG, flags), ignore: new IgnoreList(), glossary };
    const { config, report: configReport } = readProjectConfig(root, DEFAULT_LINT_CONFIG);
    const { list, report: ignoreReport } = readIgnoreList(root);
    reportFileProblems(configReport, this.output);
    reportFileProblems(ignoreReport, this.output);
    return { root, config: withFlags(config, flags), ignore: list, glossary };
  }
}
