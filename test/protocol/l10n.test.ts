/**
 * The server's labels over stdio in the client's language (the `locale` of initialize) or the
 * one `corpusLens.language` asks for: outline details, page-mark kinds, quick-fix titles and
 * diagnostics.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeAction,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbol,
  DocumentSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { StartOptions, TestClient, waitFor } from '../support/lspClient';

const URI = 'file:///tmp/l10n.corpus.txt';
const TEXT = '0303\n\n连日来，我认真学习了有关精神，深受启发。\n\n调研重点项目 推进工程建设\n\n区党工委书记何武周来到项目现场。何武周指出，要抢工期,保质量。他强调，要保质量。\n';

const flat = (symbols: DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap((s) => [s, ...flat(s.children ?? [])]);

function server(options: StartOptions) {
  const state = { client: undefined as unknown as TestClient };
  before(async () => {
    state.client = await TestClient.start(options);
    await state.client.open(URI, TEXT);
  });
  after(() => state.client.stop());
  return state;
}

const symbols = async (client: TestClient) => flat((await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[]);
const titlesAtComma = async (client: TestClient) => {
  const line = TEXT.split('\n')[6];
  const position = { line: 6, character: line.indexOf(',') };
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: { start: position, end: position }, context: { diagnostics: [] } })) as CodeAction[];
  return actions.map((a) => a.title);
};

describe('labels for a client with a Chinese locale', () => {
  const state = server({ locale: 'zh-cn' });

  it('outline details and page-mark kinds in Chinese', async () => {
    const all = await symbols(state.client);
    assert.ok(all.some((s) => s.name.startsWith('（无标题） 连日来')), all.map((s) => s.name).join(' | '));
    assert.equal(all.find((s) => s.name === '0303')!.detail, '页码');
    assert.equal(all.find((s) => s.name === '何武周')!.detail, '区党工委书记 · 2 处');
    assert.deepEqual(all.find((s) => s.name === '何武周')!.children!.map((c) => c.name), ['指出：要抢工期,保质量', '强调：要保质量']);
  });

  it('diagnostics and quick fixes in Chinese', async () => {
    const published = await waitFor(() => state.client.diagnostics.get(URI), (p) => !!p && p.diagnostics.length > 0, 10000, 'diagnostics');
    assert.match(String(published!.diagnostics[0].message), /[\u4e00-\u9fff]/);
    const titles = await titlesAtComma(state.client);
    assert.ok(titles.length > 0);
    assert.ok(titles.every((t) => /[\u4e00-\u9fff]/.test(t)), titles.join(' | '));
  });
});

describe('labels for a client with an English locale, then corpusLens.language', () => {
  const state = server({ locale: 'en' });

  it('outline details and page-mark kinds in English', async () => {
    const all = await symbols(state.client);
    assert.ok(all.some((s) => s.name.startsWith('(untitled) 连日来')), all.map((s) => s.name).join(' | '));
    assert.equal(all.find((s) => s.name === '0303')!.detail, 'page number');
    assert.equal(all.find((s) => s.name === '何武周')!.detail, '区党工委书记 · 2 statements');
  });

  it('follows corpusLens.language when it is set', async () => {
    await state.client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { corpusLens: { language: 'zh-cn' } } });
    await waitFor(() => symbols(state.client), (all) => all.some((s) => s.detail === '页码'), 10000, 'Chinese labels');
    const published = await waitFor(() => state.client.diagnostics.get(URI), (p) => !!p && /[\u4e00-\u9fff]/.test(String(p.diagnostics[0]?.message)), 10000, 'Chinese diagnostics');
    assert.ok(published);
  });
});

describe('corpusLens.language over a Chinese locale', () => {
  const state = server({ locale: 'zh-cn', settings: { language: 'en' } });

  it('is English when the setting says en', async () => {
    const all = await symbols(state.client);
    assert.equal(all.find((s) => s.name === '0303')!.detail, 'page number');
    const titles = await titlesAtComma(state.client);
    assert.ok(titles.length > 0 && titles.every((t) => /^(?:Replace with|Fix all)/.test(t)), titles.join(' | '));
  });
});
