/**
 * The open documents as the client syncs them: incremental changes applied in order, an
 * out-of-order change refused, a malformed sync notification ignored, and what each change left
 * unchanged noted for the live analysis.
 */
import { Connection, Disposable, TextDocuments } from 'vscode-languageserver';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChangeEnds, OpenDocuments } from '../workspace/documents';

/**
 * Applies an editor's change events to a document one by one, and says how much of the text's
 * start and end they left as they were (null when one of them replaced the whole text), so
 * that the analysis need not compare old and new text to find the change.
 */
export function applyChanges(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): { document: TextDocument; ends: ChangeEnds | null } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let whole = false;
  for (const change of changes) {
    if (!('range' in change)) {
      whole = true;
      TextDocument.update(document, [change], version);
      continue;
    }
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    const shift = change.text.length - (end - start);
    if (lo <= hi) {
      // Where the changed stretch so far lies once this change is made.
      lo = lo < start ? lo : lo >= end ? lo + shift : start;
      hi = hi <= start ? hi : hi >= end ? hi + shift : start + change.text.length;
    }
    lo = Math.min(lo, start);
    hi = Math.max(hi, start + change.text.length);
    TextDocument.update(document, [change], version);
  }
  const ends = whole || lo > hi ? null : { prefix: lo, suffix: document.getText().length - hi };
  return { document, ends };
}

export function syncedDocuments(connection: Connection, analyses: OpenDocuments): TextDocuments<TextDocument> {
  return new TextDocuments({
    create: TextDocument.create,
    // A change sent under an older version than the document has is out of order: applying it
    // would put the text out of step with the client's. (A change under the same version is
    // applied; the analysis compares texts, so it never serves results of the text before.)
    update: (document, changes, version) => {
      if (version < document.version) {
        connection.console.warn(`Ignored a change to ${document.uri} for version ${version}: the document is already at version ${document.version}`);
        return document;
      }
      const from = document.version;
      const applied = applyChanges(document, changes, version);
      analyses.noteChange(document.uri, from, version, applied.ends);
      return applied.document;
    },
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
  return isObject(value) && Number.isSafeInteger(value.line) && Number.isSafeInteger(value.character);
}

function isRange(value: unknown): boolean {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

/** The `textDocument` of a sync notification, or what is wrong with it. */
function identifier(params: unknown): Record<string, unknown> | string {
  if (!isObject(params)) return 'its parameters are not an object';
  const textDocument = params.textDocument;
  if (!isObject(textDocument)) return 'textDocument is not an object';
  if (typeof textDocument.uri !== 'string' || textDocument.uri === '') return 'textDocument.uri is not a non-empty string';
  return textDocument;
}

/** What is wrong with a `textDocument/didOpen` notification's parameters, or null. */
export function didOpenProblem(params: unknown): string | null {
  const textDocument = identifier(params);
  if (typeof textDocument === 'string') return textDocument;
  if (typeof textDocument.languageId !== 'string') return 'textDocument.languageId is not a string';
  if (!Number.isSafeInteger(textDocument.version)) return 'textDocument.version is not a whole number';
  if (typeof textDocument.text !== 'string') return 'textDocument.text is not a string';
  return null;
}

/** What is wrong with a `textDocument/didChange` notification's parameters, or null. */
export function didChangeProblem(params: unknown): string | null {
  const textDocument = identifier(params);
  if (typeof textDocument === 'string') return textDocument;
  if (!Number.isSafeInteger(textDocument.version)) return 'textDocument.version is not a whole number';
  const changes = (params as Record<string, unknown>).contentChanges;
  if (!Array.isArray(changes)) return 'contentChanges is not an array';
  for (const change of changes) {
    if (!isObject(change) || typeof change.text !== 'string') return 'a content change has no text';
    if ('range' in change && !isRange(change.range)) return 'a content change has a malformed range';
  }
  return null;
}

/** What is wrong with a close, save or will-save notification's parameters, or null. */
export function identifierProblem(params: unknown): string | null {
  const textDocument = identifier(params);
  return typeof textDocument === 'string' ? textDocument : null;
}

/**
 * Lets `documents` listen to the connection's sync notifications, each checked at the boundary
 * first: a malformed one (a uri that is no string, a text or version missing) is logged once and
 * ignored, so that it never reaches the open documents, whose every later use it would break.
 */
export function listenSynced(documents: TextDocuments<TextDocument>, connection: Connection): Disposable {
  const checked = <P>(method: string, problem: (params: unknown) => string | null, handler: (params: P) => void) => (params: P) => {
    const wrong = problem(params);
    if (wrong) {
      connection.console.warn(`Ignored a ${method} notification: ${wrong}`);
      return;
    }
    handler(params);
  };
  const guarded: Parameters<TextDocuments<TextDocument>['listen']>[0] = {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(checked('textDocument/didOpen', didOpenProblem, handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(checked('textDocument/didChange', didChangeProblem, handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(checked('textDocument/didClose', identifierProblem, handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(checked('textDocument/willSave', identifierProblem, handler)),
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onWillSaveTextDocumentWaitUntil((params, token) => {
        const wrong = identifierProblem(params);
        if (wrong) {
          connection.console.warn(`Ignored a textDocument/willSaveWaitUntil request: ${wrong}`);
          return [];
        }
        return handler(params, token);
      }),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(checked('textDocument/didSave', identifierProblem, handler)),
  };
  return documents.listen(guarded);
}
