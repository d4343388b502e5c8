/**
 * corpus-lens outline: articles, sections and speakers of each file.
 */
import { OutlineJson, outlineJson } from '../core/outline';
import { readCorpusFile } from '../io/files';
import { CommandOptions, Output, RunProblems, cliProjects, collectInputs, plural } from './common';

export function runOutline(options: CommandOptions, output: Output): number {
  const projects = cliProjects(options, output);
  const results: OutlineJson[] = [];
  const { files, missing } = collectInputs(options.inputs, output);
  const problems = new RunProblems(output, missing.length);
  for (const file of files) {
    try {
      const { text, encoding } = readCorpusFile(file);
      results.push(outlineJson(projects.of(file).analyze(text), file, encoding));
    } catch (error) {
      problems.fileFailed(error, file);
    }
  }
  if (options.format !== 'json') output.out(results.map(outlineText).join('\n'));
  else if (options.pretty) output.out(JSON.stringify(results, null, 2) + '\n');
  else output.out(`[${results.map((r) => JSON.stringify(r)).join(',')}]\n`);
  return problems.exitCode(0);
}

export function outlineText(outline: OutlineJson): string {
  const lines = [`${outline.file} (${outline.encoding}): ${plural(outline.articles.length, 'article')}`];
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
