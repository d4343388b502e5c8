/**
 * The server in a cloned workspace whose settings and .corpus-lens point elsewhere: a glossary
 * path outside the workspace folders is not read (any client, not only VS Code in Restricted
 * Mode), "Ignore here" never writes through a link out of the project, and hovers carry
 * glossary text as inert markdown.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionRequest, Diagnostic, DocumentDiagnosticReport, DocumentDiagnosticRequest, ExecuteCommandRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, waitFor } from '../support/lspClient';

const TEXT = '会议召开 部署工作\n\n会议指出，要做好“六稳”工作，深入学习习 近平总书记重要讲话精神。\n';
const entry = (term: string, zh: string) => ({ term, definition: { zh, en: 'gloss' }, since: { date: '2020', event: '会议' }, scope: { level: 'national' }, source: { title: 't', publisher: 'p', date: '2020' } });

describe('a workspace whose settings and .corpus-lens lead outside it', () => {
  let client: TestClient;
  let root: string;
  let outside: string;
  let uri: string;
  before(async () => {
    const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-security-')));
    root = path.join(base, 'ws');
    outside = path.join(base, 'elsewhere');
    fs.mkdirSync(path.join(root, '.corpus-lens'), { recursive: true });
    fs.mkdirSync(outside);
    // A glossary outside the workspace that would redefine 六稳, and one whose keys are secrets.
    fs.writeFileSync(path.join(outside, 'glossary.json'), JSON.stringify({ entries: [entry('六稳', '外部释义 OUTSIDE')] }));
    fs.writeFileSync(path.join(outside, 'credentials.json'), '{ "aws_secret_access_key": "s3cr3t" }');
    fs.writeFileSync(path.join(outside, 'ignore.json'), '{ "version": 1, "ignore": [] }\n');
    fs.symlinkSync(path.join(outside, 'ignore.json'), path.join(root, '.corpus-lens', 'ignore.json'));
    client = await TestClient.start({
      workspace: root,
      capabilities: { textDocument: { diagnostic: {} } },
      settings: { glossary: { paths: ['../elsewhere/glossary.json', path.join(outside, 'credentials.json')] } },
    });
    uri = pathToFileURL(path.join(root, 'a.corpus.txt')).toString();
    await client.open(uri, TEXT);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('reads no glossary named in settings outside the workspace folders, and shows none of its keys', async () => {
    const lines = TEXT.split('\n');
    const line = lines.findIndex((l) => l.includes('六稳'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: lines[line].indexOf('六稳') + 1 } });
    const value = (hover!.contents as { value: string }).value;
    assert.doesNotMatch(value, /OUTSIDE/);
    assert.match(value, /稳就业/, 'the bundled entry');
    for (const name of ['glossary.json', 'credentials.json']) assert.equal(client.diagnostics.get(pathToFileURL(path.join(outside, name)).toString()), undefined);
    assert.doesNotMatch(JSON.stringify([...client.diagnostics.values()]), /aws_secret_access_key/);
  });

  it('refuses to ignore a finding through an ignore.json linked outside, and says so', async () => {
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
    const space = report.items.find((d) => d.code === 'cjk-space')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: space.range, context: { diagnostics: [space] } })) as CodeAction[];
    const ignore = actions.find((a) => a.command?.command === 'corpusLens.server.ignore');
    assert.ok(ignore, actions.map((a) => a.title).join(' | '));
    const done = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: ignore!.command!.command, arguments: ignore!.command!.arguments });
    assert.equal(done, false);
    await waitFor(() => client.messages, (m) => m.some((x) => /leads outside/.test(x)), 5000, 'the refusal');
    assert.equal(fs.readFileSync(path.join(outside, 'ignore.json'), 'utf8'), '{ "version": 1, "ignore": [] }\n');
  });
});
