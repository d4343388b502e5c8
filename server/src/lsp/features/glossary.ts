/**
 * Glossary features beyond hover: go to a slogan's definition, its references across the
 * workspace, its highlights in the file, and the "Add to workspace glossary" code action for a
 * slogan no glossary knows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeAction, CodeActionKind, DocumentHighlight, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { modify } from 'jsonc-parser';
import { DiscoveredSlogan } from '../../core/glossary/discovery';
import { GlossaryEntry } from '../../core/glossary/entries';
import { Glossary } from '../../core/glossary/matcher';
import { L, Lang, say } from '../../core/l10n';
import { LineIndex } from '../../core/text';
import { MAX_JSON_BYTES, tooDeep } from '../../io/jsonFile';
import { isInside } from '../../io/safePaths';
import { WorkspaceText } from '../../workspace/workspace';
import { ServerContext } from '../context';
import { positionParam, textDocumentUri } from '../params';

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
export function addToGlossaryAction(slogan: DiscoveredSlogan, glossaryFile: string, lang: Lang = 'en'): CodeAction | null {
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
    title: say(L.addToGlossary(slogan.term), lang),
    kind: CodeActionKind.QuickFix,
    edit,
  };
}

/** The open document and the glossary slogan at the request's position, if any. */
function sloganAt(ctx: ServerContext, params: unknown) {
  const uri = textDocumentUri(params, 'params');
  const position = positionParam((params as { position?: unknown }).position, 'params.position');
  const doc = ctx.analyzed(uri);
  if (!doc) return null;
  const match = doc.project.glossary.findAt(doc.analysis.text, doc.lineIndex.offsetAt(position));
  return match ? { doc, match } : null;
}

export function registerGlossary(ctx: ServerContext): void {
  ctx.connection.onDefinition((params) => {
    const found = sloganAt(ctx, params);
    return found ? (found.doc.project.loaded.definitions.get(found.match.entry) ?? null) : null;
  });
  ctx.connection.onReferences((params) => {
    const found = sloganAt(ctx, params);
    return found ? references(found.match.entry, found.doc.project.glossary, ctx.workspace.texts(ctx.documents.all())) : [];
  });
  ctx.connection.onDocumentHighlight((params) => {
    const found = sloganAt(ctx, params);
    return found ? highlights(found.match.entry, found.doc.project.glossary, found.doc.analysis.text, found.doc.lineIndex) : [];
  });
}
