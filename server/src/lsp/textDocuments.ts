/**
 * The open documents as the client syncs them: incremental changes applied in order, an
 * out-of-order change refused, and what each change left unchanged noted for the live analysis.
 */
import { Connection, TextDocuments } from 'vscode-languageserver';
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
