/**
 * Reading the project's JSON files (glossaries, config.json, ignore.json) with every problem
 * placed where it is in the file, as a diagnostic: a syntax error, or a value a validator
 * rejected (given by its JSON path). Never throws.
 */
import * as fs from 'node:fs';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { JSONPath, Node, ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';

export const SOURCE = 'corpus-lens';

export interface ParsedJson {
  /** The parsed value, or undefined when the text is not JSON. */
  data: unknown;
  tree: Node | undefined;
  diagnostics: Diagnostic[];
  /** The range of the value at a JSON path (or of its nearest existing parent). */
  rangeAt(path: JSONPath): Range;
}

export function parseJsonText(text: string): ParsedJson {
  const document = TextDocument.create('file:///config.json', 'json', 1, text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  const rangeAt = (path: JSONPath): Range => {
    let node = tree ? findNodeAtLocation(tree, path) : undefined;
    for (let i = path.length - 1; !node && tree && i >= 0; i--) node = findNodeAtLocation(tree, path.slice(0, i));
    const start = node?.offset ?? 0;
    return { start: document.positionAt(start), end: document.positionAt(start + (node?.length ?? 0)) };
  };
  if (errors.length > 0 || !tree) {
    const diagnostics = errors.map((e) =>
      problemAt({ start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) }, `JSON syntax error: ${printParseErrorCode(e.error)}`),
    );
    return { data: undefined, tree: undefined, diagnostics: diagnostics.length ? diagnostics : [problemAt(rangeAt([]), 'the file is empty')], rangeAt };
  }
  return { data: getNodeValue(tree), tree, diagnostics: [], rangeAt };
}

/**
 * Reads and parses a JSON file (UTF-8, a leading BOM skipped). A file that cannot be read or is
 * not UTF-8 is one diagnostic at its start, with `data` and `tree` undefined.
 */
export function readJsonFile(file: string): ParsedJson {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return unreadable(`cannot read the file: ${(error as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return unreadable('cannot read the file: it is not UTF-8 text');
  }
  return parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function unreadable(message: string): ParsedJson {
  const parsed = parseJsonText('{}');
  return { ...parsed, data: undefined, tree: undefined, diagnostics: [problemAt(parsed.rangeAt([]), message)] };
}

export function problemAt(range: Range, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic {
  return Diagnostic.create(range, message, severity, undefined, SOURCE);
}

/** Diagnostics for validator problems given by JSON path. */
export function placeProblems(parsed: ParsedJson, problems: { path: JSONPath; message: string }[]): Diagnostic[] {
  return problems.map((p) => problemAt(parsed.rangeAt(p.path), p.message));
}
