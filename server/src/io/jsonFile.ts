/**
 * Reading the project's JSON files (glossaries, config.json, ignore.json) with every problem
 * placed where it is in the file, as a diagnostic: a syntax error, or a value a validator
 * rejected (given by its JSON path). Never throws.
 *
 * The files come with the corpus (a cloned repository), so they are parsed within limits: a
 * file larger than MAX_JSON_BYTES is not read, and one nested deeper than MAX_JSON_DEPTH is not
 * parsed (jsonc-parser's tree building and its visitor recurse once per level, and a few
 * thousand levels overflow the stack). The depth is measured first with jsonc-parser's own
 * scanner, which does not recurse, so strings and comments are told apart exactly as the
 * parser does.
 */
import * as fs from 'node:fs';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { JSONPath, Node, ParseError, ParseErrorCode, SyntaxKind, createScanner, findNodeAtLocation, getNodeValue, parseTree } from 'jsonc-parser';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { InputError, readRegularFile } from './files';

/** Deeper than any project file needs (a glossary entry is four levels down). */
export const MAX_JSON_DEPTH = 64;
/** Larger than any project file needs (a glossary of 20,000 full entries is about 12 MB). */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

export interface JsonLimits {
  maxDepth: number;
  maxBytes: number;
}

export const JSON_LIMITS: JsonLimits = { maxDepth: MAX_JSON_DEPTH, maxBytes: MAX_JSON_BYTES };

/**
 * Where `text` first goes deeper than `maxDepth` arrays and objects, with a message; null when
 * it does not. Linear in the text and without recursion.
 */
export function tooDeep(text: string, maxDepth = MAX_JSON_DEPTH): { offset: number; message: string } | null {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > maxDepth) {
        return { offset: scanner.getTokenOffset(), message: `the file is nested deeper than ${maxDepth} levels of arrays and objects; it was not read` };
      }
    } else if ((token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) && depth > 0) depth--;
  }
  return null;
}

/** What a jsonc-parser error code means, in words. */
const PARSE_ERRORS: Record<ParseErrorCode, string> = {
  [ParseErrorCode.InvalidSymbol]: 'a character that does not belong here (a value, a name in quotes or a bracket was expected)',
  [ParseErrorCode.InvalidNumberFormat]: 'a number is not written as JSON writes numbers',
  [ParseErrorCode.PropertyNameExpected]: 'a name in double quotes is missing (a comma before a } may be one too many)',
  [ParseErrorCode.ValueExpected]: 'a value is missing',
  [ParseErrorCode.ColonExpected]: 'a : is missing after the name',
  [ParseErrorCode.CommaExpected]: 'a comma is missing',
  [ParseErrorCode.CloseBraceExpected]: 'a } is missing',
  [ParseErrorCode.CloseBracketExpected]: 'a ] is missing',
  [ParseErrorCode.EndOfFileExpected]: 'there is more after the end of the JSON value',
  [ParseErrorCode.InvalidCommentToken]: 'a comment is not written as /* … */ or // …',
  [ParseErrorCode.UnexpectedEndOfComment]: 'a comment is not closed with */',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string is not closed with a double quote',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number ends too early',
  [ParseErrorCode.InvalidUnicode]: 'a \\u escape is not four hexadecimal digits',
  [ParseErrorCode.InvalidEscapeCharacter]: 'a backslash escape is not one JSON knows',
  [ParseErrorCode.InvalidCharacter]: 'a string holds a character that must be escaped (such as a line break or a tab)',
};

export function parseErrorMessage(code: ParseErrorCode): string {
  return PARSE_ERRORS[code] ?? 'the text is not valid JSON';
}

export interface ParsedJson {
  /** The parsed value, or undefined when the text is not JSON. */
  data: unknown;
  tree: Node | undefined;
  diagnostics: Diagnostic[];
  /** The range of the value at a JSON path (or of its nearest existing parent). */
  rangeAt(path: JSONPath): Range;
}

export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): ParsedJson {
  const document = TextDocument.create('file:///config.json', 'json', 1, text);
  const deep = tooDeep(text, maxDepth);
  if (deep) {
    const at = document.positionAt(deep.offset);
    return { data: undefined, tree: undefined, diagnostics: [problemAt({ start: at, end: at }, deep.message)], rangeAt: () => ({ start: at, end: at }) };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  const rangeAt = (path: JSONPath): Range => {
    let node = tree ? findNodeAtLocation(tree, path) : undefined;
    for (let i = path.length - 1; !node && tree && i >= 0; i--) node = findNodeAtLocation(tree, path.slice(0, i));
    const start = node?.offset ?? 0;
    return { start: document.positionAt(start), end: document.positionAt(start + (node?.length ?? 0)) };
  };
  if (errors.length > 0 || !tree) {
    // The parser reports a missing } once per object left open, all at the same place: said once.
    const seen = new Set<string>();
    const diagnostics = errors
      .filter((e) => !seen.has(`${e.offset}:${e.length}:${e.error}`) && !!seen.add(`${e.offset}:${e.length}:${e.error}`))
      .map((e) => problemAt({ start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) }, `JSON syntax error: ${parseErrorMessage(e.error)}`));
    return { data: undefined, tree: undefined, diagnostics: diagnostics.length ? diagnostics : [problemAt(rangeAt([]), 'the file is empty')], rangeAt };
  }
  return { data: getNodeValue(tree), tree, diagnostics: [], rangeAt };
}

/**
 * Reads and parses a JSON file (UTF-8, a leading BOM skipped). A file that cannot be read, is
 * not UTF-8, is too large or nested too deep is one diagnostic, with `data` and `tree` undefined.
 */
export function readJsonFile(file: string, limits: JsonLimits = JSON_LIMITS): ParsedJson {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > limits.maxBytes) return unreadable(`the file is ${megabytes(size)} MB, larger than the ${megabytes(limits.maxBytes)} MB limit; it was not read`);
    bytes = readRegularFile(file, limits.maxBytes);
  } catch (error) {
    if (error instanceof InputError) return unreadable(`cannot read the file: ${error.message.slice(error.message.indexOf(': ') + 2)}`);
    return unreadable(`cannot read the file: ${(error as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return unreadable('cannot read the file: it is not UTF-8 text');
  }
  return parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, limits.maxDepth);
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1048576) * 10) / 10);
}

function unreadable(message: string): ParsedJson {
  const parsed = parseJsonText('{}');
  return { ...parsed, data: undefined, tree: undefined, diagnostics: [problemAt(parsed.rangeAt([]), message)] };
}

export function problemAt(range: Range, message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic {
  return Diagnostic.create(range, message, severity, undefined, DIAGNOSTIC_SOURCE);
}

/** Diagnostics for validator problems given by JSON path. */
export function placeProblems(parsed: ParsedJson, problems: { path: JSONPath; message: string }[]): Diagnostic[] {
  return problems.map((p) => problemAt(parsed.rangeAt(p.path), p.message));
}
