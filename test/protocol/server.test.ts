/**
 * Starts the real server over stdio and talks to it with a JSON-RPC client, as any LSP
 * client would.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DocumentSymbol,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidChangeConfigurationNotification,
  SymbolKind,
  WorkspaceSymbolRequest,
  HoverRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ROOT, SERVER } from '../support/paths';

describe('language server over stdio', () => {
  let child: ChildProcess;
  let connection: ProtocolConnection;
  const seed = path.join(ROOT, 'seeds', '004_a83841e51ddda90c.txt');
  const uri = pathToFileURL(seed).toString();
  const text = fs.readFileSync(seed, 'utf8');

  before(async () => {
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).toString(),
      capabilities: {},
      workspaceFolders: null,
    });
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.ok(init.capabilities.foldingRangeProvider);
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'zh-corpus', version: 1, text },
    });
  });

  after(async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
    child.kill();
  });

  it('returns the outline as a symbol hierarchy: articles with sections and speakers', async () => {
    const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const articles = symbols.filter((s) => s.kind === SymbolKind.Module);
    assert.equal(articles.length, 5);
    assert.equal(articles[1].name, '解放思想 提高站位 为副中心城市建设贡献力量');
    assert.equal(articles[1].detail, '张生伟');
    const sections = articles[1].children!.filter((c) => c.kind === SymbolKind.Namespace);
    assert.equal(sections[0].name, '一、加快建设副中心，机遇意识是前提');
    assert.deepEqual(sections[0].children!.map((c) => c.name), ['一是提升政治站位', '二是抢抓发展机遇']);
    const speaker = articles[0].children!.find((c) => c.kind === SymbolKind.Field)!;
    assert.equal(speaker.name, '王国生');
    assert.deepEqual(speaker.children!.map((c) => c.name), ['指出：洛阳要实现全方位开放…']);
    for (const article of articles) {
      assert.ok(article.selectionRange.start.line >= article.range.start.line);
      assert.ok(article.selectionRange.end.line <= article.range.end.line);
    }
  });

  it('returns folding ranges for articles and sections', async () => {
    const ranges = (await connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }))!;
    assert.ok(ranges.some((r) => r.startLine === 108), 'the second article folds from its headline');
    assert.ok(ranges.some((r) => r.startLine === 122), 'section 一、 of the second article folds');
  });

  it('applies incremental edits before answering', async () => {
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 108, character: 0 }, end: { line: 108, character: 4 } }, text: '深化改革' }],
    });
    const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.filter((s) => s.kind === SymbolKind.Module)[1].name, '深化改革 提高站位 为副中心城市建设贡献力量');
  });

  it('finds articles and speakers across open files by workspace symbol', async () => {
    const found = (await connection.sendRequest(WorkspaceSymbolRequest.type, { query: '王国生' }))!;
    assert.ok(found.some((s) => s.name === '王国生'));
  });

  it('leaves an English plaintext file alone', async () => {
    const english = 'file:///tmp/readme.txt';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: english, languageId: 'plaintext', version: 1, text: 'This is an English note.\nNothing to see.\n' },
    });
    const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: english } });
    assert.deepEqual(symbols, []);
  });
});

describe('hover over stdio', () => {
  it('tells the roles and statements of a person', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///tmp/hover.corpus.txt';
      const text = '调研重点项目 推进工程建设\n\n区党工委书记何武周来到项目现场。何武周指出，要抢工期。他强调，要保质量。\n';
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'zh-corpus', version: 1, text } });
      const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 18 } });
      const value = (hover!.contents as { value: string }).value;
      assert.match(value, /\*\*何武周\*\*/);
      assert.match(value, /区党工委书记/);
      assert.match(value, /2 statements in 1 article of this file/);
    } finally {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
      child.kill();
    }
  });
});

describe('settings over stdio', () => {
  it('pulls settings on change and stops analysing plaintext when told to, even with a client that lacks refresh support', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let enabled = true;
    connection.onRequest('workspace/configuration', () => [{ plaintext: { enabled } }]);
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
        workspaceFolders: null,
      });
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///tmp/plain.txt';
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'plaintext', version: 1, text: '标题甲 标题乙\n\n李亚强调，要抓落实。\n' },
      });
      const symbols = () => connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.equal((await symbols())!.length, 1);
      enabled = false;
      await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      let after = await symbols();
      for (let i = 0; i < 50 && after!.length > 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        after = await symbols();
      }
      assert.deepEqual(after, []);
    } finally {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
      child.kill();
    }
  });
});
