/**
 * What a user does in VS Code, checked in a real VS Code: the extension activates on a seed,
 * the outline is there, hover explains, navigation moves, settings apply, the server restarts,
 * and an English .txt is left alone. Every wait polls; none sleeps a fixed time.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { requestScreenshot, waitFor } from './harness';

export const EXTENSION_ID = 'corpus-lens.corpus-lens';

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e run needs a workspace folder (seeds/)');
  return folder.uri.fsPath;
}

async function openSeed(name: string, language = 'zh-corpus'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), name));
  const typed = document.languageId === language ? document : await vscode.languages.setTextDocumentLanguage(document, language);
  return vscode.window.showTextDocument(typed, { preview: false });
}

async function outline(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  return waitFor(
    async () => ((await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri)) ?? []) as vscode.DocumentSymbol[],
    (symbols) => symbols.some((s) => s.kind === vscode.SymbolKind.Module),
    { timeoutMs: 30000, intervalMs: 200 },
  );
}

export const suites: { name: string; fn: () => Promise<void> }[] = [
  {
    name: 'the extension activates on a seed',
    fn: async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      await openSeed('004_a83841e51ddda90c.txt');
      await waitFor(() => extension.isActive, (active) => active, { timeoutMs: 30000, intervalMs: 100 });
    },
  },
  {
    name: 'the outline lists articles, sections and speakers',
    fn: async () => {
      const editor = await openSeed('004_a83841e51ddda90c.txt');
      const symbols = await outline(editor.document);
      const articles = symbols.filter((s) => s.kind === vscode.SymbolKind.Module);
      assert.equal(articles.length, 5);
      assert.equal(articles[1].name, '解放思想 提高站位 为副中心城市建设贡献力量');
      assert.equal(articles[1].detail, '张生伟');
      assert.ok(articles[4].children.some((c) => c.name === '习近平' && c.children.length === 3));
      await vscode.commands.executeCommand('outline.focus');
      await requestScreenshot('outline');
    },
  },
  {
    name: 'next and previous article move the cursor',
    fn: async () => {
      const editor = await openSeed('004_a83841e51ddda90c.txt');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('corpusLens.nextArticle');
      await waitFor(() => editor.selection.active.line, (line) => line === 3, { timeoutMs: 10000, intervalMs: 50 });
      await vscode.commands.executeCommand('corpusLens.nextArticle');
      await waitFor(() => editor.selection.active.line, (line) => line === 108, { timeoutMs: 10000, intervalMs: 50 });
      await vscode.commands.executeCommand('corpusLens.previousArticle');
      await waitFor(() => editor.selection.active.line, (line) => line === 3, { timeoutMs: 10000, intervalMs: 50 });
    },
  },
  {
    name: 'hover on a speaker shows their role and statements',
    fn: async () => {
      const editor = await openSeed('003_c2943cd1c302380c.txt');
      const line = editor.document.lineAt(70).text;
      const position = new vscode.Position(70, line.indexOf('何武周') + 1);
      const hovers = await waitFor(
        async () => ((await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, position)) ?? []) as vscode.Hover[],
        (h) => h.length > 0,
        { timeoutMs: 20000, intervalMs: 200 },
      );
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.match(text, /区党工委书记/);
    },
  },
  {
    name: 'turning plaintext support off removes the outline of a .txt seed',
    fn: async () => {
      const document = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), '001_9815b3dfd2404847.txt'));
      const plain = document.languageId === 'plaintext' ? document : await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
      await vscode.window.showTextDocument(plain);
      await outline(plain);
      const config = vscode.workspace.getConfiguration('corpusLens');
      await config.update('plaintext.enabled', false, vscode.ConfigurationTarget.Global);
      // VS Code caches a document's outline per version: an edit makes it ask again.
      const editor = vscode.window.activeTextEditor!;
      const end = plain.lineAt(plain.lineCount - 1).range.end;
      await editor.edit((e) => e.insert(end, ' '));
      try {
        await waitFor(
          async () => ((await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', plain.uri)) ?? []) as vscode.DocumentSymbol[],
          (symbols) => symbols.length === 0,
          { timeoutMs: 20000, intervalMs: 200 },
        );
      } finally {
        await config.update('plaintext.enabled', undefined, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    },
  },
  {
    name: 'an English .txt gets no outline',
    fn: async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'An English note.\nNothing to see here.\n' });
      await vscode.window.showTextDocument(document);
      const symbols = ((await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri)) ?? []) as vscode.DocumentSymbol[];
      assert.deepEqual(symbols, []);
    },
  },
  {
    name: 'the restart command brings the server back',
    fn: async () => {
      await vscode.commands.executeCommand('corpusLens.restartServer');
      const editor = await openSeed('000_c507521ed4d42cd6.txt');
      const symbols = await outline(editor.document);
      assert.equal(symbols.filter((s) => s.kind === vscode.SymbolKind.Module).length, 1);
    },
  },
];
