/**
 * Offers to open a plain-text file that is mostly Chinese as Chinese Corpus, where it gets the
 * language's word wrap, font and line height ([zh-corpus] in the manifest's
 * configurationDefaults) and the grammar's colours. Each file is considered once a session,
 * when it is first shown as plain text, so a file the user turns back to Plain Text stays so.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CORPUS_LANGUAGE, mostlyChinese } from './corpusDocuments';
import { WorkspaceAnswer, openAsCorpusAction } from './openAsCorpusPolicy';

/** The workspaceState key of the answer Always or Never. */
export const ANSWER_KEY = 'corpusLens.openAsCorpus';
/** Files on disk, here or in a remote window; an untitled note is the user's own business. */
const SCHEMES = new Set(['file', 'vscode-remote']);

const t = vscode.l10n.t;

export function offerCorpusLanguage(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.Disposable {
  const considered = new Set<string>();
  let asking = false;

  const consider = async (document: vscode.TextDocument): Promise<void> => {
    const key = document.uri.toString();
    if (asking || considered.has(key) || document.languageId !== 'plaintext' || !SCHEMES.has(document.uri.scheme)) return;
    considered.add(key);
    if (!mostlyChinese(document)) return;
    const setting = vscode.workspace.getConfiguration('corpusLens').get('plaintext.openAsCorpus');
    const action = openAsCorpusAction(setting, context.workspaceState.get(ANSWER_KEY));
    if (action === 'leave') return;
    if (action === 'switch') return switchLanguage(document, output);
    asking = true;
    try {
      const open = t('Open as Chinese Corpus');
      const always = t('Always');
      const notNow = t('Not Now');
      const never = t('Never');
      const answer = await vscode.window.showInformationMessage(
        t('{0} is mostly Chinese. Open it as Chinese Corpus, with wrapped lines, a font for Chinese and the corpus colours? Always and Never apply to this workspace.', path.basename(document.uri.path)),
        open,
        always,
        notNow,
        never,
      );
      const remembered: WorkspaceAnswer | undefined = answer === always ? 'always' : answer === never ? 'never' : undefined;
      if (remembered) await context.workspaceState.update(ANSWER_KEY, remembered);
      if (answer === open || answer === always) await switchLanguage(document, output);
    } finally {
      asking = false;
    }
    // Files shown while the question was open are considered now.
    await considerVisible();
  };

  const considerVisible = async () => {
    for (const editor of vscode.window.visibleTextEditors) await consider(editor.document);
  };

  void considerVisible();
  return vscode.Disposable.from(
    vscode.window.onDidChangeVisibleTextEditors(() => void considerVisible()),
    // A change of the setting forgets the answer: back at `ask`, the question comes again.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('corpusLens.plaintext.openAsCorpus')) void context.workspaceState.update(ANSWER_KEY, undefined);
    }),
  );
}

async function switchLanguage(document: vscode.TextDocument, output: vscode.LogOutputChannel): Promise<void> {
  if (document.isClosed || document.languageId !== 'plaintext') return;
  try {
    await vscode.languages.setTextDocumentLanguage(document, CORPUS_LANGUAGE);
  } catch (error) {
    output.warn(`could not open ${document.uri.toString()} as ${CORPUS_LANGUAGE}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
