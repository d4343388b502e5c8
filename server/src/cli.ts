#!/usr/bin/env node
/**
 * corpus-lens: the command-line front end over the same analysis as the language server.
 */
import { runGloss } from './commands/gloss';
import { CommandOptions, EXIT_INPUT, EXIT_INTERNAL, Output, UsageError } from './commands/common';
import { runFix } from './commands/fix';
import { runLint } from './commands/lint';
import { runOutline } from './commands/outline';
import { runSlogans } from './commands/slogans';
import { editDistance } from './core/glossary/variants';
import { SPACING_PROFILES } from './core/lint/config';
import { Lang } from './core/lint/json';
import { RULES, SEVERITIES, Severity, SpacingProfile } from './core/rules/index';
import { InputError } from './io/files';
import { isSegmenterPreference } from './segment';

const RULE_IDS = RULES.map((r) => r.id);
const FAIL_ON = [...SEVERITIES, 'none'];
const LANGS: readonly Lang[] = ['zh', 'en'];

/** Wraps a comma-separated list to the help's right-hand column. */
function column(items: readonly string[], indent: number, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (indent + next.length > width && line) {
      lines.push(line + ',');
      line = item;
    } else line = next;
  }
  lines.push(line);
  return lines.join('\n' + ' '.repeat(indent));
}

export const USAGE = `Usage: corpus-lens <command> [options] <arguments…>

Commands:
  outline <file|folder…>   the articles, sections and speakers of each file
  gloss <term>             what a policy slogan means, with its source
  slogans <file|folder…>   slogans no glossary knows yet, with counts and contexts
  lint <file|folder…>      OCR damage and other findings, with the fixes offered
  fix <file|folder…>       apply the safe fixes in place, keeping encoding, BOM and line endings

Options:
  --format json|text       output format (default: text); lint also writes sarif
  --pretty                 indented JSON (default: compact, written file by file)
  --segmenter auto|node-rs-jieba|nodejieba|intl
                           word segmenter backend (default: auto)
  --glossary <file>        an extra glossary (repeatable), read after the project's
  --rules <id,id…>         lint, fix: only these rules, of
                           ${column(RULE_IDS, 27)}
  --spacing newspaper|copywriting
                           lint, fix: spacing profile (default: the project's, else newspaper)
  --lang zh|en             lint, fix, gloss: message language (default: from LC_ALL, LC_MESSAGES,
                           LANG)
  --fail-on ${FAIL_ON.join('|')}
                           lint: exit 1 when a finding is at or above this (default: warning)
  --dry-run                fix: print a diff of what would change and write nothing
  --word-diff              fix --dry-run: each change inside its line, [-removed-]{+added+}, to read
  --stat                   fix --dry-run: the edits counted per file and rule, instead of the diff
  --jobs <n>               lint: files linted in n worker threads at once (default: the cores;
                           one for less than 1 MB of text in all)
  -h, --help               show this help

A project is a folder with a .corpus-lens folder; a file's project is the nearest one at or
above it. lint and fix read config.json, ignore.json and glossary.json in the .corpus-lens
folder of each file's project, and fix logs every edit to its fixes.jsonl. gloss and slogans
read the glossary of the current folder's project. A file in no project is linted with the
defaults and that glossary, and fix logs its edits next to it: in .corpus-lens/fixes.jsonl of
the folder named on the command line that holds it, else of the file's own folder (fix says
where). Project files, and logs, that lead outside their project through a symbolic link
are neither read nor written.

Exit codes: 0 success; 1 not found (gloss), findings at or above --fail-on (lint), changes
to make (fix --dry-run); 2 usage or input errors; 3 an internal error (a bug: the other files
were still done, and the message names the file and rule).
`;

/** Each command, and what it needs on the command line (named in the message when it is missing). */
const COMMANDS: Record<string, { run: (options: CommandOptions, output: Output) => number | Promise<number>; needs: string; synopsis: string }> = {
  outline: { run: runOutline, needs: 'a file or folder', synopsis: 'outline <file|folder…>' },
  gloss: { run: runGloss, needs: 'a term', synopsis: 'gloss <term>' },
  slogans: { run: runSlogans, needs: 'a file or folder', synopsis: 'slogans <file|folder…>' },
  lint: { run: runLint, needs: 'a file or folder', synopsis: 'lint <file|folder…>' },
  fix: { run: runFix, needs: 'a file or folder', synopsis: 'fix <file|folder…>' },
};

/** What a usage error ends with, instead of the whole usage. */
export const HELP_HINT = 'Run corpus-lens --help for the commands and options.';

/** Options that only some commands take (the others are taken by all, as before). */
const OPTION_COMMANDS: Record<string, string[]> = {
  '--format': ['outline', 'gloss', 'slogans', 'lint'],
  '--rules': ['lint', 'fix'],
  '--spacing': ['lint', 'fix'],
  '--lang': ['lint', 'fix', 'gloss'],
  '--fail-on': ['lint'],
  '--dry-run': ['fix'],
  '--word-diff': ['fix'],
  '--stat': ['fix'],
  '--jobs': ['lint'],
  '--pretty': ['outline', 'gloss', 'slogans', 'lint'],
};

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${option}: unknown value "${value}" (${allowed.join(', ')})`);
  return value as T;
}

function ruleList(value: string): string[] {
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError(`--rules needs rule ids (${RULE_IDS.join(', ')})`);
  const unknown = ids.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => `"${id}"${didYouMean(id, RULE_IDS)}`).join(', ');
    throw new UsageError(`--rules: unknown rule ${names}; the rules are ${RULE_IDS.join(', ')}`);
  }
  return ids;
}

/** ` (did you mean "lint"?)` when one of `known` is a typo away from `word`, else ''. */
function didYouMean(word: string, known: readonly string[]): string {
  const near = known
    .map((k) => ({ k, d: editDistance(word, k) }))
    .filter(({ k, d }) => d <= Math.min(2, k.length - 1))
    .sort((x, y) => x.d - y.d)[0];
  return near ? ` (did you mean "${near.k}"?)` : '';
}

const OPTIONS = ['--format', '--segmenter', '--glossary', '--rules', '--spacing', '--lang', '--fail-on', '--dry-run', '--word-diff', '--stat', '--pretty', '--jobs', '--help'];

export function parseArgs(argv: string[]): { command: string; options: CommandOptions } {
  const options: CommandOptions = {
    inputs: [],
    format: 'text',
    segmenter: 'auto',
    glossaries: [],
    failOn: 'warning',
    rules: null,
    spacing: null,
    lang: null,
    dryRun: false,
    dryRunView: 'diff',
    pretty: false,
  };
  let command = '';
  const used = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg.startsWith('-')) used.add(arg);
    if (arg === '--format') {
      options.format = oneOf(arg, value(), ['json', 'text', 'sarif'] as const);
    } else if (arg === '--segmenter') {
      const v = value();
      if (!isSegmenterPreference(v)) throw new UsageError(`unknown segmenter "${v}"`);
      options.segmenter = v;
    } else if (arg === '--glossary') {
      options.glossaries.push(value());
    } else if (arg === '--rules') {
      options.rules = [...new Set([...(options.rules ?? []), ...ruleList(value())])];
    } else if (arg === '--spacing') {
      options.spacing = oneOf<SpacingProfile>(arg, value(), SPACING_PROFILES);
    } else if (arg === '--lang') {
      options.lang = oneOf(arg, value(), LANGS);
    } else if (arg === '--fail-on') {
      options.failOn = oneOf<Severity | 'none'>(arg, value(), FAIL_ON as (Severity | 'none')[]);
    } else if (arg === '--dry-run') {
      options.dryRun = true;
    } else if (arg === '--word-diff' || arg === '--stat') {
      const view = arg === '--stat' ? 'stat' : 'word-diff';
      if (options.dryRunView !== 'diff' && options.dryRunView !== view) throw new UsageError('--word-diff and --stat are two views of --dry-run: choose one');
      options.dryRunView = view;
    } else if (arg === '--pretty') {
      options.pretty = true;
    } else if (arg === '--jobs') {
      const v = value();
      const jobs = Number(v);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs needs a number of threads from 1 to 256, not "${v}"`);
      options.jobs = jobs;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}${didYouMean(arg, OPTIONS)}`);
    } else if (!command) {
      command = arg;
    } else {
      options.inputs.push(arg);
    }
  }
  if (!command) throw new UsageError(`no command given (one of ${Object.keys(COMMANDS).join(', ')})`);
  if (!COMMANDS[command]) throw new UsageError(`unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}`);
  for (const option of used) {
    const commands = OPTION_COMMANDS[option];
    if (commands && !commands.includes(command)) throw new UsageError(`${command} does not take ${option} (it is an option of ${commands.join(', ')})`);
  }
  if (options.format === 'sarif' && command !== 'lint') throw new UsageError(`--format sarif is for lint only; ${command} writes json or text`);
  if (options.dryRunView !== 'diff' && !options.dryRun) throw new UsageError(`--${options.dryRunView} shows what fix would do: add --dry-run`);
  if (options.inputs.length === 0) throw new UsageError(`${command} needs ${COMMANDS[command].needs}: corpus-lens ${COMMANDS[command].synopsis}`);
  return { command, options };
}

export async function main(argv: string[], output: Output): Promise<number> {
  try {
    const { command, options } = parseArgs(argv);
    return await COMMANDS[command].run(options, output);
  } catch (error) {
    if (error instanceof UsageError) {
      // One line that says what is wrong; the usage is one --help away.
      output.err(`corpus-lens: ${error.message}\n${HELP_HINT}\n`);
      return EXIT_INPUT;
    }
    if (error instanceof InputError) {
      output.err(`corpus-lens: ${error.message}\n`);
      return EXIT_INPUT;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    output.err(`corpus-lens: internal error (a bug in corpus-lens; please report it):\n${detail}\n`);
    return EXIT_INTERNAL;
  }
}

if (require.main === module) {
  // A reader that stops early (corpus-lens lint … | head) is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const argv = process.argv.slice(2);
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(USAGE);
  } else if (argv.length === 0) {
    process.stderr.write(USAGE);
    process.exitCode = EXIT_INPUT;
  } else {
    void main(argv, {
      out: (s) => process.stdout.write(s),
      outBytes: (b) => process.stdout.write(b),
      err: (s) => process.stderr.write(s),
      errIsTTY: process.stderr.isTTY === true,
    }).then((code) => (process.exitCode = code));
  }
}
