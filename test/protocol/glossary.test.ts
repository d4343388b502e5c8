/**
 * Glossary features of the real server over stdio, in a scratch workspace with its own
 * glossary: definition, references, highlights, discovery hover, the add-to-glossary action,
 * and problems of a broken glossary reported in that file.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentHighlightRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  Location,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ReferencesRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from '../support/paths';

const GLOSSARY = {
  version: 1,
  entries: [
    {
      term: '六稳',
      aliases: ['“六稳”工作'],
      components: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'],
      definition: { zh: '六个方面的稳定。', en: 'Six stabilities.' },
      since: { date: '2018-07', event: '中央政治局会议' },
      scope: { level: 'national' },
      source: { title: '中共中央政治局召开会议', publisher: '新华社', date: '2018-07-31' },
      related: [],
    },
  ],
};

describe('glossary features over stdio', () => {
  let child: ChildProcess;
  let connection: ProtocolConnection;
  let workspace: string;
  let glossaryFile: string;
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const text = '标题甲 标题乙\n\n要做好“六稳”工作，推动“三服务”工作高质量。坚持六稳不动摇。\n';
  let uri: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-ws-'));
    fs.mkdirSync(path.join(workspace, '.corpus-lens'));
    glossaryFile = path.join(workspace, '.corpus-lens', 'glossary.json');
    fs.writeFileSync(glossaryFile, JSON.stringify(GLOSSARY, null, 2));
    fs.writeFileSync(path.join(workspace, 'other.corpus.txt'), '其他文章 标题\n\n落实“六稳”要求，做好“三服务”。\n');
    uri = pathToFileURL(path.join(workspace, 'open.corpus.txt')).toString();
    child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.method, (params: PublishDiagnosticsParams) => {
      diagnostics.set(params.uri, params);
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).toString(),
      capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'ws' }],
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'zh-corpus', version: 1, text } });
  });

  after(async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
    child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const at = (needle: string) => ({ line: 2, character: text.split('\n')[2].indexOf(needle) + 1 });

  it('hovers a workspace slogan with its definition, components and counts', async () => {
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('六稳') });
    const value = (hover!.contents as { value: string }).value;
    assert.match(value, /\*\*六稳\*\*：稳就业、稳金融/);
    // Values from the glossary are escaped markdown (2018\-07\-31 renders as 2018-07-31).
    assert.match(value, /新华社《中共中央政治局召开会议》，2018\\-07\\-31/);
    assert.match(value, /2 in this file · 3 in the workspace/);
  });

  it('goes to the definition in the glossary file', async () => {
    const location = (await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: at('六稳') })) as Location;
    assert.equal(location.uri, pathToFileURL(glossaryFile).toString());
    assert.equal(fs.readFileSync(glossaryFile, 'utf8').split('\n')[location.range.start.line].trim(), '"term": "六稳",');
  });

  it('finds references across the workspace and highlights in the file', async () => {
    const refs = (await connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: at('六稳'), context: { includeDeclaration: true } }))!;
    assert.equal(refs.length, 3);
    assert.ok(refs.some((r) => r.uri.endsWith('other.corpus.txt')));
    const marks = (await connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: at('六稳') }))!;
    assert.equal(marks.length, 2);
  });

  it('hints at a slogan no glossary knows and offers to add it', async () => {
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('三服务') });
    const value = (hover!.contents as { value: string }).value;
    assert.match(value, /not in any glossary/);
    assert.match(value, /2 in the workspace, in 2 files/);
    const position = at('三服务');
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    }))!;
    const add = actions.find((a) => 'title' in a && /Add “三服务” to the workspace glossary/.test(a.title));
    assert.ok(add && 'edit' in add && add.edit?.changes);
    const edits = add.edit!.changes![pathToFileURL(glossaryFile).toString()];
    assert.ok(edits.some((e) => e.newText.includes('"term": "三服务"')));
  });

  it('reports a broken workspace glossary in that file and keeps serving', async () => {
    fs.writeFileSync(glossaryFile, '{ "entries": [ { "term": "六稳", } ');
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(glossaryFile).toString(), type: FileChangeType.Changed }],
    });
    const glossaryUri = pathToFileURL(glossaryFile).toString();
    for (let i = 0; i < 100 && !(diagnostics.get(glossaryUri)?.diagnostics.length); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(diagnostics.get(glossaryUri)!.diagnostics.length > 0);
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 0 } });
    assert.equal(hover, null);
  });
});
