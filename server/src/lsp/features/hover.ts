/**
 * Hover: a slogan's sourced definition, what the workspace says of a slogan no glossary knows
 * yet, or what the corpus says about a person.
 */
import { Hover, MarkupKind } from 'vscode-languageserver';
import { DiscoveredSlogan, discoverInTexts, discoveredAt } from '../../core/glossary/discovery';
import { GlossaryEntry } from '../../core/glossary/entries';
import { L, Lang, say } from '../../core/l10n';
import { Message } from '../../core/rules/types';
import { Glossary } from '../../core/glossary/matcher';
import { occurrencesIn } from '../../core/glossary/counts';
import { PersonSummary, personAt, summarizePeople } from '../../core/people';
import { AnalyzedDocument } from '../../workspace/documents';
import { ServerContext } from '../context';
import * as md from '../markdown';
import { positionParam, textDocumentUri } from '../params';

export interface HoverCounts {
  inFile: number;
  inWorkspace: number;
}

export function hoverAt(
  doc: AnalyzedDocument,
  offset: number,
  glossary: Glossary,
  countOccurrences: (entry: GlossaryEntry) => HoverCounts,
  lang: Lang = 'en',
): Hover | null {
  const text = doc.analysis.text;
  const slogan = glossary.findAt(text, offset);
  if (slogan) {
    return {
      contents: { kind: MarkupKind.Markdown, value: sloganMarkdown(slogan.entry, countOccurrences(slogan.entry), lang) },
      range: doc.lineIndex.rangeOf(slogan.span),
    };
  }
  const person = personAt(summarizePeople(doc.analysis), text, offset);
  if (!person) return null;
  const start = text.lastIndexOf(person.name, offset);
  return {
    contents: { kind: MarkupKind.Markdown, value: personMarkdown(person, lang) },
    range: doc.lineIndex.rangeOf({ start, end: start + person.name.length }),
  };
}

/** The hover of a slogan: every value from the glossary escaped, the source linked only to an http(s) URL. */
export function sloganMarkdown(entry: GlossaryEntry, counts: HoverCounts, lang: Lang = 'en'): string {
  // Labels are the server's, in the user's language; every value from the glossary is escaped
  // before it goes into one.
  const t = (message: Message) => say(message, lang);
  const lines = [`${md.bold(md.text(entry.term))}${entry.components.length ? `：${md.text(entry.components.join('、'))}` : ''}`, ''];
  lines.push(md.text(entry.definition.zh), '', md.italic(md.text(entry.definition.en)), '');
  const scope = t(L.scope(entry.scope.level)) + (entry.scope.place ? `（${md.text(entry.scope.place)}）` : '');
  lines.push(`${t(L.since(md.text(entry.since.date), md.text(entry.since.event)))} · ${t(L.scopeLabel(scope))}`, '');
  const source = `${entry.source.publisher}《${entry.source.title}》，${entry.source.date}`;
  lines.push(`${t(L.sourceLabel)}${md.link(source, entry.source.url)}`, '');
  if (entry.aliases.length) lines.push(t(L.aliases(md.text(entry.aliases.join('、')))), '');
  lines.push(t(L.occurrences(counts.inFile, counts.inWorkspace)));
  if (entry.origin !== 'bundled') lines.push('', md.italic(md.text(entry.origin)));
  return lines.join('\n');
}

function personMarkdown(person: PersonSummary, lang: Lang): string {
  const t = (message: Message) => say(message, lang);
  const roles = person.roles.length ? md.text(person.roles.join('、')) : t(L.noRole);
  return [
    `${md.bold(md.text(person.name))} · ${t(person.kind === 'body' ? L.body : L.person)}`,
    '',
    t(L.roles(roles)),
    '',
    t(L.statementsInArticles(person.statements, person.articles)),
  ].join('\n');
}

export function discoveryHover(term: string, workspace: DiscoveredSlogan & { files: number }, range: Hover['range'], lang: Lang = 'en'): Hover {
  // The term and the contexts are corpus text: escaped, so that nothing in them renders as markup.
  const t = (message: Message) => say(message, lang);
  const lines = [`${md.bold(`“${md.text(term)}”`)} — ${t(L.notInGlossary)}`, '', t(L.inWorkspace(workspace.occurrences.length, workspace.files))];
  if (workspace.components.length) lines.push('', t(L.componentsInCorpus(md.text(workspace.components.join('、')))));
  lines.push('', t(L.contexts));
  for (const occurrence of workspace.occurrences.slice(0, 3)) lines.push(`- ${md.text(occurrence.context)}`);
  lines.push('', t(L.addToGlossaryHint));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params) => {
    const uri = textDocumentUri(params, 'params');
    const position = positionParam(params.position, 'params.position');
    const doc = ctx.analyzed(uri);
    if (!doc) return null;
    const offset = doc.lineIndex.offsetAt(position);
    ctx.focus.noteCursor(uri, position.line);
    const { glossary } = doc.project;
    const hover = hoverAt(doc, offset, glossary, (entry) => countOccurrences(ctx, glossary, entry, uri), ctx.lang);
    if (hover) return hover;
    const discovered = discoveredAt(doc.analysis.text, offset, glossary, doc.project.segmenter);
    if (!discovered) return null;
    const inWorkspace = discoverInTexts(ctx.workspace.texts(ctx.documents.all()), glossary, doc.project.segmenter).find((s) => s.term === discovered.slogan.term);
    return discoveryHover(discovered.slogan.term, inWorkspace ?? { ...discovered.slogan, files: 1 }, doc.lineIndex.rangeOf(discovered.span), ctx.lang);
  });
}

/**
 * An open document is counted from its analysis, region by region (an edit recounts only what it
 * touched); a file on disk from its remembered matches.
 */
function countOccurrences(ctx: ServerContext, glossary: Glossary, entry: GlossaryEntry, uri: string): HoverCounts {
  let inFile = 0;
  let inWorkspace = 0;
  for (const { uri: textUri, text } of ctx.workspace.texts(ctx.documents.all())) {
    const analyzed = ctx.documents.get(textUri) ? ctx.analyzed(textUri) : null;
    const n = analyzed && analyzed.project.glossary === glossary ? occurrencesIn(glossary, analyzed.analysis, entry) : glossary.findAll(text).filter((m) => m.entry === entry).length;
    inWorkspace += n;
    if (textUri === uri) inFile = n;
  }
  return { inFile, inWorkspace };
}
