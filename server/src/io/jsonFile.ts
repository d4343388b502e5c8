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

/** Reads and parses a JSON file; an unreadable file is one diagnostic at its start. */
export function readJsonFile(file: string): ParsedJson {
  try {
    return parseJsonText(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const parsed = parseJsonText('{}');
    return { ...parsed, data: undefined, diagnostics: [problemAt(parsed.rangeAt([]), `cannot read the file: ${(error as Error).message}`)] };
  }
}

export function problemAt(range: Range, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic {
  return Diagnostic.create(range, message, severity, undefined, SOURCE);
}

/** Diagnostics for validator problems given by JSON path. */
export function placeProblems(parsed: ParsedJson, problems: { path: JSONPath; message: string }[]): Diagnostic[] {
  return problems.map((p) => problemAt(parsed.rangeAt(p.path), p.message));
}
