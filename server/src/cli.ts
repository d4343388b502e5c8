#!/usr/bin/env node
/**
 * corpus-lens: the command-line front end over the same analysis as the language server.
 */
import { analyzeDocument } from './core/analysis';
import { OutlineJson, outlineJson } from './core/outline';
import { InputError, collectFiles, readCorpusFile } from './io/files';
import { SegmenterPreference, chooseSegmenter, isSegmenterPreference } from './segment';

const USAGE = `Usage: corpus-lens <command> [options] <file|folder…>

Commands:
  outline <file|folder…>   list the articles, sections and speakers of each file

Options:
  --format json|text       output format (default: text)
  --segmenter auto|node-rs-jieba|nodejieba|intl
                           word segmenter backend (default: auto)
  -h, --help               show this help
`;

export class UsageError extends Error {}

interface Options {
  command: string;
  inputs: string[];
  format: 'json' | 'text';
  segmenter: SegmenterPreference;
}

export function parseArgs(argv: string[]): Options {
  const options: Options = { command: '', inputs: [], format: 'text', segmenter: 'auto' };
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
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (!options.command) {
      options.command = arg;
    } else {
      options.inputs.push(arg);
    }
  }
  if (!options.command) throw new UsageError('no command given');
  if (options.command !== 'outline') throw new UsageError(`unknown command "${options.command}"`);
  if (options.inputs.length === 0) throw new UsageError('no file or folder given');
  return options;
}

function runOutline(options: Options, out: (s: string) => void): number {
  const { segmenter, fallbackReason } = chooseSegmenter(options.segmenter);
  if (fallbackReason) process.stderr.write(`corpus-lens: ${fallbackReason}\n`);
  const results: OutlineJson[] = [];
  let failed = false;
  for (const file of collectFiles(options.inputs)) {
    try {
      const { text, encoding } = readCorpusFile(file);
      results.push(outlineJson(analyzeDocument(text, { segmenter }), file, encoding));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`corpus-lens: ${error.message}\n`);
      failed = true;
    }
  }
  out(options.format === 'json' ? JSON.stringify(results, null, 2) + '\n' : results.map(outlineText).join('\n'));
  return failed ? 2 : 0;
}

export function outlineText(outline: OutlineJson): string {
  const lines = [`${outline.file} (${outline.encoding}): ${outline.articles.length} articles`];
  for (const article of outline.articles) {
    const where = `${article.range.start.line + 1}`;
    const meta = [article.authors.join('、'), article.date, article.source].filter(Boolean).join(' · ');
    lines.push(`  ${where.padStart(4)}  ${article.title ?? '(untitled)'}${meta ? `  [${meta}]` : ''}`);
    if (article.deck) lines.push(`        ${article.deck}`);
    for (const section of article.sections) lines.push(`  ${String(section.range.start.line + 1).padStart(4)}    § ${section.title}`);
    for (const speaker of article.speakers) {
      const verbs = speaker.statements.map((s) => `${s.verb}@${s.range.start.line + 1}`).join(' ');
      lines.push(`          ${speaker.role ? speaker.role + ' ' : ''}${speaker.name}: ${verbs}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function main(argv: string[]): number {
  try {
    const options = parseArgs(argv);
    return runOutline(options, (s) => process.stdout.write(s));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`corpus-lens: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`corpus-lens: ${error.message}\n`);
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
    process.exitCode = main(argv);
  }
}
