#!/usr/bin/env node
/**
 * corpus-lens: the command-line front end over the same analysis as the language server.
 */
import { runGloss } from './commands/gloss';
import { CommandOptions, Output, UsageError } from './commands/common';
import { runOutline } from './commands/outline';
import { runSlogans } from './commands/slogans';
import { InputError } from './io/files';
import { isSegmenterPreference } from './segment';

const USAGE = `Usage: corpus-lens <command> [options] <arguments…>

Commands:
  outline <file|folder…>   the articles, sections and speakers of each file
  gloss <term>             what a policy slogan means, with its source
  slogans <file|folder…>   slogans no glossary knows yet, with counts and contexts

Options:
  --format json|text       output format (default: text)
  --segmenter auto|node-rs-jieba|nodejieba|intl
                           word segmenter backend (default: auto)
  --glossary <file>        an extra glossary (repeatable); ./.corpus-lens/glossary.json is
                           always read when present
  -h, --help               show this help

Exit codes: 0 success, 1 not found (gloss), 2 usage or input errors.
`;

const COMMANDS: Record<string, (options: CommandOptions, output: Output) => number> = {
  outline: runOutline,
  gloss: runGloss,
  slogans: runSlogans,
};

export function parseArgs(argv: string[]): { command: string; options: CommandOptions } {
  const options: CommandOptions = { inputs: [], format: 'text', segmenter: 'auto', glossaries: [] };
  let command = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'text') throw new UsageError(`unknown format "${v}" (json or text)`);
      options.format = v;
    } else if (arg === '--segmenter') {
      const v = value();
      if (!isSegmenterPreference(v)) throw new UsageError(`unknown segmenter "${v}"`);
      options.segmenter = v;
    } else if (arg === '--glossary') {
      options.glossaries.push(value());
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (!command) {
      command = arg;
    } else {
      options.inputs.push(arg);
    }
  }
  if (!command) throw new UsageError('no command given');
  if (!COMMANDS[command]) throw new UsageError(`unknown command "${command}"`);
  if (options.inputs.length === 0) throw new UsageError(`${command} needs an argument`);
  return { command, options };
}

export function main(argv: string[], output: Output): number {
  try {
    const { command, options } = parseArgs(argv);
    return COMMANDS[command](options, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`corpus-lens: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      output.err(`corpus-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(USAGE);
  } else {
    process.exitCode = main(argv, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  }
}
