/**
 * Loads the bundled glossary and the workspace glossaries (`.corpus-lens/glossary.json` and
 * paths from settings), merges them (workspace over bundled) and reports problems in each
 * glossary file as diagnostics there, never as a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Diagnostic, DiagnosticSeverity, Location, Range } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import { GlossaryEntry, validateGlossary } from '../core/glossary/entries';
import { Glossary } from '../core/glossary/matcher';

/** server/data/ in a checkout (server/out/lsp/ → ../../data); dist/data/ next to the bundled server. */
export const BUNDLED_GLOSSARY = [path.join(__dirname, '..', '..', 'data', 'glossary.json'), path.join(__dirname, 'data', 'glossary.json')].find((f) =>
  fs.existsSync(f),
) ?? path.join(__dirname, '..', '..', 'data', 'glossary.json');
export const WORKSPACE_GLOSSARY = path.join('.corpus-lens', 'glossary.json');

export interface GlossaryFileReport {
  file: string;
  diagnostics: Diagnostic[];
}

export interface LoadedGlossary {
  glossary: Glossary;
  reports: GlossaryFileReport[];
  /** Files read, in order (bundled first). */
  files: string[];
  /** Where each entry is defined (its "term" value), for go-to-definition. */
  definitions: Map<GlossaryEntry, Location>;
  /** Problems that belong to no glossary file (the bundled one missing). */
  warnings: string[];
}

export function loadGlossaries(workspaceFiles: string[]): LoadedGlossary {
  const entries: GlossaryEntry[] = [];
  const reports: GlossaryFileReport[] = [];
  const files: string[] = [];
  const definitions = new Map<GlossaryEntry, Location>();
  const warnings: string[] = [];
  for (const file of [BUNDLED_GLOSSARY, ...workspaceFiles]) {
    if (!fs.existsSync(file)) {
      if (file === BUNDLED_GLOSSARY) warnings.push(`the bundled glossary is missing (${file}); slogans are explained from workspace glossaries only`);
      continue;
    }
    files.push(file);
    const { entries: found, diagnostics, termRanges } = readGlossaryFile(file, file === BUNDLED_GLOSSARY ? 'bundled' : file);
    entries.push(...found);
    reports.push({ file, diagnostics });
    const uri = pathToFileURL(file).toString();
    for (const entry of found) {
      const range = termRanges.get(entry.term);
      if (range) definitions.set(entry, Location.create(uri, range));
    }
  }
  return { glossary: new Glossary(entries), reports, files, definitions, warnings };
}

interface ParsedGlossaryFile {
  entries: GlossaryEntry[];
  diagnostics: Diagnostic[];
  /** The range of each entry's "term" value. */
  termRanges: Map<string, Range>;
}

export function readGlossaryFile(file: string, origin: string): ParsedGlossaryFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { entries: [], diagnostics: [problem(0, 0, `cannot read the glossary: ${(error as Error).message}`)], termRanges: new Map() };
  }
  return parseGlossaryText(text, origin);
}

/** Parses and validates glossary JSON text, placing every problem in the text. */
export function parseGlossaryText(text: string, origin: string): ParsedGlossaryFile {
  const document = TextDocument.create('file:///glossary.json', 'json', 1, text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !tree) {
    const diagnostics = errors.map((e) => {
      const range = { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) };
      return Diagnostic.create(range, `JSON syntax error: ${printParseErrorCode(e.error)}`, DiagnosticSeverity.Error, undefined, 'corpus-lens');
    });
    return { entries: [], diagnostics: diagnostics.length ? diagnostics : [problem(0, 0, 'the glossary is empty')], termRanges: new Map() };
  }
  const data: unknown = getNodeValue(tree);
  const { entries, problems } = validateGlossary(data, origin);
  const diagnostics = problems.map((p) => {
    let node = findNodeAtLocation(tree, p.path);
    for (let i = p.path.length - 1; !node && i >= 0; i--) node = findNodeAtLocation(tree, p.path.slice(0, i));
    const start = node?.offset ?? 0;
    const end = start + (node?.length ?? 0);
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    return Diagnostic.create(range, p.message, DiagnosticSeverity.Error, undefined, 'corpus-lens');
  });
  const termRanges = new Map<string, Range>();
  const list = findNodeAtLocation(tree, ['entries']);
  for (const child of list?.children ?? []) {
    const termNode = findNodeAtLocation(child, ['term']);
    if (termNode && typeof termNode.value === 'string') {
      termRanges.set(termNode.value.trim(), {
        start: document.positionAt(termNode.offset),
        end: document.positionAt(termNode.offset + termNode.length),
      });
    }
  }
  return { entries, diagnostics, termRanges };
}

function problem(line: number, character: number, message: string): Diagnostic {
  return Diagnostic.create({ start: { line, character }, end: { line, character } }, message, DiagnosticSeverity.Error, undefined, 'corpus-lens');
}
