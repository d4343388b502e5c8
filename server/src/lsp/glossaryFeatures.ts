/**
 * Glossary features beyond hover: references across the workspace, highlights in the file,
 * the discovery hint for slogans no glossary knows, and the "Add to workspace glossary"
 * code action.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeAction, CodeActionKind, DocumentHighlight, Hover, Location, MarkupKind, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { modify } from 'jsonc-parser';
import { DiscoveredSlogan, discoverSlogans } from '../core/glossary/discovery';
import { GlossaryEntry } from '../core/glossary/entries';
import { Glossary } from '../core/glossary/matcher';
import { LineIndex, Span } from '../core/text';
import { MAX_JSON_BYTES, tooDeep } from '../io/jsonFile';
import { isInside } from '../io/safePaths';
import * as md from './markdown';

/** A corpus text of the workspace: an open document or a file on disk. */
export interface WorkspaceText {
  uri: string;
  text: string;
}

export function references(entry: GlossaryEntry, glossary: Glossary, texts: WorkspaceText[]): Location[] {
  const locations: Location[] = [];
  for (const { uri, text } of texts) {
    const matches = glossary.findAll(text).filter((m) => m.entry === entry);
    if (matches.length === 0) continue;
    const index = new LineIndex(text);
    for (const m of matches) locations.push(Location.create(uri, index.rangeOf(m.span)));
  }
  return locations;
}

export function highlights(entry: GlossaryEntry, glossary: Glossary, text: string, index: LineIndex): DocumentHighlight[] {
  return glossary
    .findAll(text)
    .filter((m) => m.entry === entry)
    .map((m) => DocumentHighlight.create(index.rangeOf(m.span)));
}

/** Each text's discovered slogans, per glossary (hovers ask for the whole workspace each time). */
const discoveries = new WeakMap<Glossary, Map<string, DiscoveredSlogan[]>>();
const MEMO_TEXTS = 2000;

function discoveredIn(text: string, glossary: Glossary): readonly DiscoveredSlogan[] {
  let memo = discoveries.get(glossary);
  if (!memo) discoveries.set(glossary, (memo = new Map()));
  let found = memo.get(text);
  if (!found) {
    found = discoverSlogans(text, glossary);
    if (memo.size >= MEMO_TEXTS) memo.delete(memo.keys().next().value!);
    memo.set(text, found);
  }
  return found;
}

/** Discovered slogans of the whole workspace, merged by term. */
export function discoverInWorkspace(texts: WorkspaceText[], glossary: Glossary): (DiscoveredSlogan & { files: number })[] {
  const merged = new Map<string, DiscoveredSlogan & { files: number }>();
  for (const { text } of texts) {
    for (const slogan of discoveredIn(text, glossary)) {
      const known = merged.get(slogan.term);
      if (!known) merged.set(slogan.term, { ...slogan, occurrences: [...slogan.occurrences], files: 1 });
      else {
        known.occurrences.push(...slogan.occurrences);
        known.files += 1;
        if (known.components.length === 0) known.components = slogan.components;
      }
    }
  }
  return [...merged.values()].sort((a, b) => b.occurrences.length - a.occurrences.length || a.term.localeCompare(b.term, 'zh'));
}

export function discoveredAt(text: string, offset: number, glossary: Glossary): { slogan: DiscoveredSlogan; span: Span } | null {
  for (const slogan of discoveredIn(text, glossary)) {
    const occurrence = slogan.occurrences.find((o) => o.span.start <= offset && offset < o.span.end);
    if (occurrence) return { slogan, span: occurrence.span };
  }
  return null;
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

/** An entry to be completed by the user: the fields left empty are reported until filled in. */
export type GlossaryStub = Omit<GlossaryEntry, 'origin' | 'category' | 'canonical'>;

export function stubEntry(slogan: DiscoveredSlogan): GlossaryStub {
  return {
    term: slogan.term,
    aliases: [],
    components: slogan.components,
    definition: { zh: '', en: '' },
    since: { date: '', event: '' },
    scope: { level: 'local', place: '' },
    source: { title: '', publisher: '', date: '' },
    related: [],
  };
}

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' };

/**
 * A code action that appends a stub entry to the workspace glossary (creating the file when
 * needed). The stub is incomplete on purpose: the glossary file then shows what to fill in.
 * None for a glossary too large or too deeply nested to parse (its problem is shown in it), or
 * one that leads outside its project through a symbolic link.
 */
export function addToGlossaryAction(slogan: DiscoveredSlogan, glossaryFile: string): CodeAction | null {
  // The client writes where the edit says: never through a link out of the project.
  if (!isInside(path.dirname(path.dirname(glossaryFile)), glossaryFile)) return null;
  const uri = pathToFileURL(glossaryFile).toString();
  const stub = stubEntry(slogan);
  let edit: WorkspaceEdit;
  if (fs.existsSync(glossaryFile)) {
    if (fs.statSync(glossaryFile).size > MAX_JSON_BYTES) return null;
    const text = fs.readFileSync(glossaryFile, 'utf8');
    if (tooDeep(text)) return null;
    const edits = modify(text, ['entries', -1], stub, { formattingOptions: FORMAT, isArrayInsertion: true });
    const document = TextDocument.create(uri, 'json', 0, text);
    const textEdits = edits.map((e) => TextEdit.replace({ start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) }, e.content));
    edit = { changes: { [uri]: textEdits } };
  } else {
    const content = JSON.stringify({ version: 1, entries: [stub] }, null, 2) + '\n';
    edit = {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [TextEdit.insert({ line: 0, character: 0 }, content)] },
      ],
    };
  }
  return {
    title: `添加“${slogan.term}”到工作区词表 (Add to workspace glossary)`,
    kind: CodeActionKind.QuickFix,
    edit,
  };
}
