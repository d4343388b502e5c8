/**
 * Which documents are corpus files, decided as the server decides (server/src/workspace/documents.ts):
 * the Chinese Corpus language, and plain text that is mostly Chinese while
 * corpusLens.plaintext.enabled is on. Two context keys follow the active editor:
 * corpusLens.corpusFileActive (the commands' menus and keys) and corpusLens.corpusFileShown,
 * which flips each time a corpus file becomes the active editor (the walkthrough's first step).
 */
import * as vscode from 'vscode';
import { isMostlyChinese } from '../../server/out/core/text';

export const CORPUS_LANGUAGE = 'zh-corpus';
export const CORPUS_FILE_ACTIVE = 'corpusLens.corpusFileActive';
/**
 * VS Code creates its walkthrough service when it is first needed (often when a walkthrough
 * opens), and an onContext completion event whose expression already holds then counts as seen
 * without completing its step. The step waits for `corpusLens.corpusFileShown` and for
 * `!corpusLens.corpusFileShown`: whatever the key is when the service starts, the next corpus
 * file shown makes the other expression true and completes the step.
 */
export const CORPUS_FILE_SHOWN = 'corpusLens.corpusFileShown';
/** isMostlyChinese judges a text on its start: no need to copy a whole large document. */
const SAMPLE = 4000;

export function mostlyChinese(document: vscode.TextDocument): boolean {
  return isMostlyChinese(document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(SAMPLE))));
}

export function isCorpusDocument(document: vscode.TextDocument): boolean {
  if (document.languageId === CORPUS_LANGUAGE) return true;
  return document.languageId === 'plaintext' && vscode.workspace.getConfiguration('corpusLens').get('plaintext.enabled', true) && mostlyChinese(document);
}

/** Keeps the context keys up to date with the active editor. */
export function trackActiveCorpusFile(): vscode.Disposable {
  let active: boolean | undefined;
  /** The corpus document last shown, as `uri languageId` (a change of language shows it anew). */
  let lastShown: string | undefined;
  let shown = false;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const isCorpus = document !== undefined && isCorpusDocument(document);
    const key = isCorpus ? `${document.uri.toString()} ${document.languageId}` : undefined;
    if (key !== undefined && key !== lastShown) {
      shown = !shown;
      void vscode.commands.executeCommand('setContext', CORPUS_FILE_SHOWN, shown);
    }
    lastShown = key;
    if (isCorpus === active) return;
    active = isCorpus;
    void vscode.commands.executeCommand('setContext', CORPUS_FILE_ACTIVE, isCorpus);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    // A change of language reopens the document.
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('corpusLens.plaintext.enabled')) update();
    }),
  );
}
