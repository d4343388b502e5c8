/**
 * corpus-lens gloss <term>: what a slogan means, from the bundled and workspace glossaries.
 */
import { GlossaryEntry } from '../core/glossary/entries';
import { editDistance } from '../core/glossary/variants';
import { CommandOptions, Output, UsageError, cliProjects } from './common';

export function runGloss(options: CommandOptions, output: Output): number {
  if (options.inputs.length !== 1) throw new UsageError('gloss takes exactly one term');
  const query = options.inputs[0].replace(/^[“"「]|[”"」]$/g, '');
  const { glossary } = cliProjects(options, output).of(process.cwd());
  const entry = glossary.lookup(query);
  if (!entry) {
    const near = glossary.entries
      .filter((e) => e.term.includes(query) || query.includes(e.term) || editDistance(e.term, query) <= 1)
      .map((e) => e.term);
    output.err(`corpus-lens: “${query}” is not in the glossary${near.length ? `; did you mean ${near.map((t) => `“${t}”`).join('、')}?` : ''}\n`);
    return 1;
  }
  output.out(options.format === 'json' ? JSON.stringify(entry, null, options.pretty ? 2 : undefined) + '\n' : glossText(entry));
  return 0;
}

export function glossText(entry: GlossaryEntry): string {
  const lines = [entry.term + (entry.aliases.length ? `（又作 ${entry.aliases.join('、')}）` : '')];
  if (entry.components.length) lines.push(`  构成: ${entry.components.join('、')}`);
  lines.push(`  释义: ${entry.definition.zh}`, `  Gloss: ${entry.definition.en}`);
  lines.push(`  提出: ${entry.since.date} ${entry.since.event}`);
  lines.push(`  范围: ${entry.scope.level}${entry.scope.place ? ` (${entry.scope.place})` : ''}`);
  lines.push(`  来源: ${entry.source.publisher}《${entry.source.title}》${entry.source.date}${entry.source.url ? ` ${entry.source.url}` : ''}`);
  if (entry.related.length) lines.push(`  相关: ${entry.related.join('、')}`);
  return lines.join('\n') + '\n';
}
