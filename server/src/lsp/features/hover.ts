/**
 * Hover: a slogan's sourced definition, what the workspace says of a slogan no glossary knows
 * yet, or what the corpus says about a person.
 */
import { Hover, MarkupKind } from 'vscode-languageserver';
import { DiscoveredSlogan, discoverInTexts, discoveredAt } from '../../core/glossary/discovery';
import { GlossaryEntry } from '../../core/glossary/entries';
import { Glossary } from '../../core/glossary/matcher';
import { occurrencesIn } from '../../core/glossary/counts';
import { PersonSummary, personAt, summarizePeople } from '../../core/people';
import { AnalyzedDocument } from '../../workspace/documents';
import { ServerContext } from '../context';
import * as md from '../markdown';
import { positionParam, textDocumentUri } from '../params';

const SCOPE_NAMES: Record<GlossaryEntry['scope']['level'], string> = {
  national: '全国 national',
  provincial: '省级 provincial',
  local: '地方 local',
};

export interface HoverCounts {
  inFile: number;
  inWorkspace: number;
}

export function hoverAt(
  doc: AnalyzedDocument,
  offset: number,
  glossary: Glossary,
  countOccurrences: (entry: GlossaryEntry) => HoverCounts,
): Hover | null {
  const text = doc.analysis.text;
  const slogan = glossary.findAt(text, offset);
  if (slogan) {
    return {
      contents: { kind: MarkupKind.Markdown, value: sloganMarkdown(slogan.entry, countOccurrences(slogan.entry)) },
      range: doc.lineIndex.rangeOf(slogan.span),
    };
  }
  const person = personAt(summarizePeople(doc.analysis), text, offset);
  if (!person) return null;
  const start = text.lastIndexOf(person.name, offset);
  return {
    contents: { kind: MarkupKind.Markdown, value: personMarkdown(person) },
    range: doc.lineIndex.rangeOf({ start, end: start + person.name.length }),
  };
}

/** The hover of a slogan: every value from the glossary escaped, the source linked only to an http(s) URL. */
export function sloganMarkdown(entry: GlossaryEntry, counts: HoverCounts): string {
  const lines = [`${md.bold(md.text(entry.term))}${entry.components.length ? `：${md.text(entry.components.join('、'))}` : ''}`, ''];
  lines.push(md.text(entry.definition.zh), '', md.italic(md.text(entry.definition.en)), '');
  const scope = SCOPE_NAMES[entry.scope.level] + (entry.scope.place ? `（${md.text(entry.scope.place)}）` : '');
  lines.push(`提出 Since: ${md.text(entry.since.date)}，${md.text(entry.since.event)} · 范围 Scope: ${scope}`, '');
  const source = `${entry.source.publisher}《${entry.source.title}》，${entry.source.date}`;
  lines.push(`来源 Source: ${md.link(source, entry.source.url)}`, '');
  if (entry.aliases.length) lines.push(`又作 Also: ${md.text(entry.aliases.join('、'))}`, '');
  lines.push(`本文件 ${counts.inFile} 处 · 工作区 ${counts.inWorkspace} 处 (in this file · in the workspace)`);
  if (entry.origin !== 'bundled') lines.push('', md.italic(md.text(entry.origin)));
  return lines.join('\n');
}

function personMarkdown(person: PersonSummary): string {
  const roles = person.roles.length ? md.text(person.roles.join('、')) : '（未见职务 no title given）';
  const kind = person.kind === 'body' ? '机构 body' : '人物 person';
  return [
    `${md.bold(md.text(person.name))} · ${kind}`,
    '',
    `职务 Roles: ${roles}`,
    '',
    `${person.statements} 处表态，见于 ${person.articles} 篇 (statements in articles of this file)`,
  ].join('\n');
}

export function discoveryHover(term: string, workspace: DiscoveredSlogan & { files: number }, range: Hover['range']): Hover {
  // The term and the contexts are corpus text: escaped, so that nothing in them renders as markup.
  const lines = [
    `${md.bold(`“${md.text(term)}”`)} — 未收录 not in any glossary`,
    '',
    `工作区 ${workspace.occurrences.length} 处，${workspace.files} 个文件 (occurrences in the workspace)`,
  ];
  if (workspace.components.length) lines.push('', `语料中列出的构成 Components spelled out in the corpus: ${md.text(workspace.components.join('、'))}`);
  lines.push('', '语境 Contexts:');
  for (const occurrence of workspace.occurrences.slice(0, 3)) lines.push(`- ${md.text(occurrence.context)}`);
  lines.push('', '使用“添加到工作区词表”快速操作 (Add to workspace glossary) 记录释义和来源。');
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params) => {
    const uri = textDocumentUri(params, 'params');
    const position = positionParam(params.position, 'params.position');
    const doc = ctx.analyzed(uri);
    if (!doc) return null;
    const offset = doc.lineIndex.offsetAt(position);
    const { glossary } = doc.project;
    const hover = hoverAt(doc, offset, glossary, (entry) => countOccurrences(ctx, glossary, entry, uri));
    if (hover) return hover;
    const discovered = discoveredAt(doc.analysis.text, offset, glossary);
    if (!discovered) return null;
    const inWorkspace = discoverInTexts(ctx.workspace.texts(ctx.documents.all()), glossary).find((s) => s.term === discovered.slogan.term);
    return discoveryHover(discovered.slogan.term, inWorkspace ?? { ...discovered.slogan, files: 1 }, doc.lineIndex.rangeOf(discovered.span));
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
