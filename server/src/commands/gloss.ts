/**
 * corpus-lens gloss <term>: what a slogan means, from the bundled and workspace glossaries.
 */
import { GlossaryEntry, webUrl } from '../core/glossary/entries';
import { editDistance } from '../core/glossary/variants';
import { Lang } from '../core/lint/json';
import { CommandOptions, Output, UsageError, cliProjects, localeLang } from './common';

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
  const lang = options.lang ?? localeLang();
  output.out(options.format === 'json' ? JSON.stringify(entry, null, options.pretty ? 2 : undefined) + '\n' : glossText(entry, lang));
  return 0;
}

const LABELS = {
  zh: {
    aliases: (list: string) => `（又作 ${list}）`,
    components: '构成',
    definition: '释义',
    otherDefinition: '英文释义',
    since: '提出',
    scope: '范围',
    source: '来源',
    related: '相关',
    levels: { national: '全国', provincial: '省级', local: '地方' },
    colon: '：',
    list: '、',
  },
  en: {
    aliases: (list: string) => ` (also ${list})`,
    components: 'Components',
    definition: 'Definition',
    otherDefinition: 'Chinese',
    since: 'Proposed',
    scope: 'Scope',
    source: 'Source',
    related: 'Related',
    levels: { national: 'national', provincial: 'provincial', local: 'local' },
    colon: ': ',
    list: ', ',
  },
} as const;

/**
 * An entry as text with labels in `lang`: the definition in that language first, then the
 * other one. The glossary's facts (events, places, titles) are Chinese as written.
 */
export function glossText(entry: GlossaryEntry, lang: Lang): string {
  const l = LABELS[lang];
  const [definition, other] = lang === 'zh' ? [entry.definition.zh, entry.definition.en] : [entry.definition.en, entry.definition.zh];
  const field = (label: string, value: string) => `  ${label}${l.colon}${value}`;
  const lines = [entry.term + (entry.aliases.length ? l.aliases(entry.aliases.join(l.list)) : '')];
  if (entry.components.length) lines.push(field(l.components, entry.components.join('、')));
  lines.push(field(l.definition, definition), field(l.otherDefinition, other));
  lines.push(field(l.since, `${entry.since.date} ${entry.since.event}`));
  const place = entry.scope.place ? (lang === 'zh' ? `（${entry.scope.place}）` : ` (${entry.scope.place})`) : '';
  lines.push(field(l.scope, l.levels[entry.scope.level] + place));
  lines.push(field(l.source, `${entry.source.publisher}《${entry.source.title}》${entry.source.date}${webUrl(entry.source.url) ? ` ${webUrl(entry.source.url)}` : ''}`));
  if (entry.related.length) lines.push(field(l.related, entry.related.join('、')));
  return lines.join('\n') + '\n';
}
