/**
 * corpus-lens slogans <dir>: numbered slogans and quoted fixed phrases that no glossary knows,
 * with counts, contexts and proposed components.
 */
import * as path from 'node:path';
import { readCorpusFile } from '../io/files';
import { discoverInTexts } from '../core/glossary/discovery';
import { pathToFileURL } from 'node:url';
import { CommandOptions, Output, RunProblems, cliProjects, collectInputs, plural } from './common';

const CONTEXTS_SHOWN = 3;

export function runSlogans(options: CommandOptions, output: Output): number {
  const { glossary, segmenter } = cliProjects(options, output).of(process.cwd());
  const texts: { uri: string; text: string }[] = [];
  const { files, missing } = collectInputs(options.inputs, output);
  const problems = new RunProblems(output, missing.length);
  for (const file of files) {
    try {
      texts.push({ uri: pathToFileURL(path.resolve(file)).toString(), text: readCorpusFile(file).text });
    } catch (error) {
      problems.fileFailed(error, file);
    }
  }
  const slogans = discoverInTexts(texts, glossary, segmenter).map((s) => ({
    term: s.term,
    count: s.occurrences.length,
    files: s.files,
    components: s.components,
    contexts: s.occurrences.slice(0, CONTEXTS_SHOWN).map((o) => o.context),
  }));
  if (options.format === 'json') output.out(JSON.stringify({ slogans }, null, options.pretty ? 2 : undefined) + '\n');
  else {
    const lines = [`${plural(slogans.length, 'slogan')} not in any glossary (${plural(texts.length, 'file')})`];
    for (const s of slogans) {
      lines.push(`“${s.term}”  ${s.count} in ${plural(s.files, 'file')}${s.components.length ? `  components: ${s.components.join('、')}` : ''}`);
      for (const context of s.contexts) lines.push(`    ${context}`);
    }
    output.out(lines.join('\n') + '\n');
  }
  return problems.exitCode(0);
}
