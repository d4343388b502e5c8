/**
 * The server under clients other than VS Code and under bad input: plain-text language ids
 * (Neovim's `text`, none at all), clients that do not pull diagnostics, odd Unicode, requests
 * with missing parameters, and changes sent out of order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  HoverRequest,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { TestClient, waitFor } from '../support/lspClient';

const ARTICLE = '全市领导干部会议召开\n\n李亚\n\n2020年3月31日，全市领导干部会议召开，李亚指出，要深入学习习 近平总书记重要讲话精神。\n';

async function errorOf(request: Promise<unknown>, what = 'the request'): Promise<ResponseError<unknown>> {
  let result: unknown;
  try {
    result = await request;
  } catch (error) {
    return error as ResponseError<unknown>;
  }
  throw new Error(`${what} succeeded: ${JSON.stringify(result)}`);
}

describe('a client that does not pull diagnostics (Neovim before 0.10, eglot, Helix)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  for (const languageId of ['text', '', 'plaintext']) {
    it(`analyses a mostly Chinese document whose language id is ${JSON.stringify(languageId)}`, async () => {
      const uri = `file:///tmp/robust-${languageId || 'none'}.txt`;
      await client.open(uri, ARTICLE, languageId);
      const published = await waitFor(() => client.diagnostics.get(uri), (d) => !!d && d.diagnostics.length > 0, 10000, 'published diagnostics');
      assert.ok(published!.diagnostics.some((d) => d.code === 'cjk-space'));
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as { name: string }[];
      assert.equal(symbols.find((s) => s.name === '全市领导干部会议召开')?.name, '全市领导干部会议召开');
    });
  }

  it('leaves an English text document alone', async () => {
    const uri = 'file:///tmp/robust-english.txt';
    await client.open(uri, 'Notes for the meeting.\n\nNothing in Chinese here.\n', 'text');
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.deepEqual(symbols, []);
  });

  it('stays up on odd Unicode at every seam and keeps publishing', async () => {
    const uri = 'file:///tmp/robust-unicode.txt';
    await client.open(uri, '全市召开会议\n\n他𠮷说，习 近平总书记强调。\n😀\n\ud842，🇨🇳 \udfb7要\n推动\n', 'text');
    const published = await waitFor(() => client.diagnostics.get(uri), (d) => !!d && d.diagnostics.some((x) => x.code === 'cjk-space'), 10000, 'diagnostics');
    assert.ok(!published!.diagnostics.some((d) => d.code === 'internal-error'), JSON.stringify(published!.diagnostics));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 1 } });
    assert.equal(hover, null);
  });

  it('ignores a change for an older version, and serves the text of the newest', async () => {
    const uri = 'file:///tmp/robust-versions.txt';
    await client.open(uri, ARTICLE, 'text');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 5 },
      contentChanges: [{ text: '新的标题\n\n王五\n\n王五指出，要抓落实。\n' }],
    });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: '旧的标题\n\n张三\n\n张三指出，要抓落实。\n' }],
    });
    const symbols = await waitFor(
      async () => (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as { name: string }[],
      (s) => s.length > 0 && s[0].name === '新的标题',
      10000,
      'the version-5 text',
    );
    assert.equal(symbols[0].name, '新的标题');
  });
});

describe('requests with missing or malformed parameters', () => {
  let client: TestClient;
  const uri = 'file:///tmp/robust-params.corpus.txt';
  before(async () => {
    client = await TestClient.start({ capabilities: { textDocument: { diagnostic: {} } } });
    await client.open(uri, ARTICLE);
  });
  after(() => client.stop());

  it('answers InvalidParams, never an internal error', async () => {
    const cases: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri } }],
      ['textDocument/hover', null],
      ['textDocument/documentSymbol', {}],
      ['textDocument/codeAction', { textDocument: { uri } }],
      ['textDocument/diagnostic', { textDocument: {} }],
      ['corpusLens/articles', null],
      ['workspace/executeCommand', { command: 'corpusLens.server.ignore' }],
      ['workspace/executeCommand', { command: 'corpusLens.server.ignore', arguments: [{ uri, version: 1, rule: 'no-such-rule', start: 0, end: 3 }] }],
      ['workspace/executeCommand', { command: 'corpusLens.server.fixAll', arguments: [] }],
    ];
    for (const [method, params] of cases) {
      const error = await errorOf(client.connection.sendRequest(method, params), `${method} ${JSON.stringify(params)}`);
      assert.equal(error.code, ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}: ${error.code} ${error.message}`);
    }
  });

  it('takes a code action request without a context', async () => {
    const actions = await client.connection.sendRequest(CodeActionRequest.method, {
      textDocument: { uri },
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 60 } },
    });
    assert.ok(Array.isArray(actions));
  });

  it('refuses to ignore a finding that is not there', async () => {
    const error = await errorOf(
      client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'corpusLens.server.ignore',
        arguments: [{ uri, version: 1, rule: 'cjk-space', start: 0, end: 2 }],
      }),
    );
    assert.equal(error.code, ErrorCodes.InvalidParams);
  });
});

describe('malformed document sync notifications', () => {
  let client: TestClient;
  const uri = 'file:///tmp/robust-sync.corpus.txt';
  before(async () => {
    client = await TestClient.start({ capabilities: { textDocument: { diagnostic: {} } } });
  });
  after(() => client.stop());

  const malformed: [string, unknown][] = [
    ['textDocument/didOpen', { textDocument: { uri: 5 } }],
    ['textDocument/didOpen', { textDocument: { uri: null, languageId: 'zh-corpus', version: 1, text: ARTICLE } }],
    ['textDocument/didOpen', { textDocument: { uri: 'file:///tmp/robust-nolang.corpus.txt', version: 1, text: ARTICLE } }],
    ['textDocument/didOpen', { textDocument: { uri: 'file:///tmp/robust-notext.corpus.txt', languageId: 'zh-corpus', version: 1 } }],
    ['textDocument/didOpen', { textDocument: { uri: 'file:///tmp/robust-badversion.corpus.txt', languageId: 'zh-corpus', version: 'one', text: ARTICLE } }],
    ['textDocument/didOpen', { textDocument: 'file:///tmp/robust-flat.corpus.txt' }],
    ['textDocument/didChange', { textDocument: { uri: 7, version: 2 }, contentChanges: [{ text: 'x' }] }],
    ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: 1 }, text: 'x' }] }],
    ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 'x' }],
    ['textDocument/didSave', { textDocument: { uri: {} } }],
    ['textDocument/didClose', { textDocument: { uri: [] } }],
    ['textDocument/didClose', {}],
  ];

  it('ignores each one, logs it once, and keeps serving every document', async () => {
    for (const [method, params] of malformed) await client.connection.sendNotification(method, params);
    await client.open(uri, ARTICLE);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string }[] };
    assert.ok(report.items.some((d) => d.code === 'cjk-space'), JSON.stringify(report));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.ok(hover === null || typeof hover === 'object');
    const ignored = await waitFor(() => client.loggedWarnings.filter((m) => m.startsWith('Ignored a textDocument/')), (m) => m.length >= malformed.length, 10000, 'the warnings');
    assert.equal(ignored.length, malformed.length, ignored.join('\n'));
    assert.deepEqual(client.loggedErrors, []);
    // The document opened after them is whole: its text is the one sent, not changed by the bad change.
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as { name: string }[];
    assert.equal(symbols[0]?.name, '全市领导干部会议召开');
  });
});
