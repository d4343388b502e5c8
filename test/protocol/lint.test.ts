/**
 * OCR-artefact diagnostics of the real server over stdio: pushed to clients without pull
 * support, pulled by those with it; quick fixes, fix-all of a rule, source.fixAll and the
 * fix-all command with version-checked edits; ignoring a finding in .corpus-lens/ignore.json;
 * rule settings from .corpus-lens/config.json, and a broken config reported in that file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionRequest,
  Diagnostic,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  FileChangeType,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import * as iconv from 'iconv-lite';
import { StartOptions, TestClient, waitFor } from '../support/lspClient';

const TEXT = '会议召开 部署工作\n\n会议指出,要深入学习习 近平总书记重要讲话精神,推动推动高质量发展。\n';

function scratchWorkspace(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-lint-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const rulesOf = (diagnostics: Diagnostic[]) => [...new Set(diagnostics.map((d) => d.code))].sort();

/**
 * A server on a scratch workspace holding `files`, started before the suite's tests and stopped
 * (its workspace removed) after them. `folder` opens a subfolder of it as the workspace, and
 * `open` opens one corpus document with TEXT.
 */
function serverOn(files: Record<string, string | Buffer>, options: Omit<StartOptions, 'workspace'> & { folder?: string; open?: string } = {}) {
  const server = { client: undefined as unknown as TestClient, root: '', uri: '' };
  before(async () => {
    server.root = scratchWorkspace(files);
    const { folder, open, ...start } = options;
    server.client = await TestClient.start({ ...start, workspace: folder ? path.join(server.root, folder) : server.root });
    if (open) {
      server.uri = pathToFileURL(path.join(server.root, open)).toString();
      await server.client.open(server.uri, TEXT);
    }
  });
  after(async () => {
    await server.client.stop();
    fs.rmSync(server.root, { recursive: true, force: true });
  });
  return server;
}

/** The diagnostics a pulling client gets for `uri`. */
async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  return ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport & { items: Diagnostic[] }).items;
}

describe('diagnostics pushed to a client without pull support', () => {
  const server = serverOn({}, { open: 'a.corpus.txt' });

  it('publishes the findings with the rule id as code, in English by default', async () => {
    const published = await waitFor(() => server.client.diagnostics.get(server.uri), (p) => !!p && p.diagnostics.length > 0, 10000, 'diagnostics');
    assert.deepEqual(rulesOf(published!.diagnostics), ['cjk-space', 'duplicate-text', 'halfwidth-punctuation']);
    const space = published!.diagnostics.find((d) => d.code === 'cjk-space')!;
    assert.equal(space.source, 'corpus-lens');
    assert.equal(space.range.start.line, 2);
    assert.match(String(space.message), /[A-Za-z]/);
  });

  it('offers the fix, fix-all of the rule and ignore-here at a finding; the fix carries the document version', async () => {
    const published = server.client.diagnostics.get(server.uri)!;
    const comma = published.diagnostics.find((d) => d.code === 'halfwidth-punctuation')!;
    const actions = (await server.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: server.uri },
      range: comma.range,
      context: { diagnostics: [comma] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /Replace with “，”/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /Fix all halfwidth-punctuation problems in this file \(2\)/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /Ignore halfwidth-punctuation here/.test(t)), titles.join(' | '));
    const fix = actions.find((a) => /Replace with/.test(a.title))!;
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [comma]);
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, server.client.version(server.uri));
    const fixAll = actions.find((a) => /Fix all halfwidth/.test(a.title))!;
    await server.client.applyEdit(fixAll.edit!);
    assert.equal(server.client.text(server.uri), TEXT.replace(/,/g, '，'));
  });

  it('updates the diagnostics after the edit', async () => {
    const published = await waitFor(
      () => server.client.diagnostics.get(server.uri)!,
      (p) => !p.diagnostics.some((d) => d.code === 'halfwidth-punctuation'),
      10000,
      'diagnostics without halfwidth-punctuation',
    );
    assert.deepEqual(rulesOf(published.diagnostics), ['cjk-space', 'duplicate-text']);
  });

  it('source.fixAll fixes every safe finding at once', async () => {
    const actions = (await server.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: server.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.corpus-lens');
    const edit = actions[0].edit!;
    const stale = { ...edit, documentChanges: [{ ...(edit.documentChanges![0] as TextDocumentEdit), textDocument: { uri: server.uri, version: 1 } }] };
    assert.equal((await server.client.applyEdit(stale)).applied, false, 'an edit for an older version is refused');
    await server.client.applyEdit(edit);
    // A repeated word is offered for deletion one by one, never by fix-all.
    assert.equal(server.client.text(server.uri), '会议召开 部署工作\n\n会议指出，要深入学习习近平总书记重要讲话精神，推动推动高质量发展。\n');
  });
});

describe('the fix-all command', () => {
  const server = serverOn({}, { open: 'b.corpus.txt' });

  it('refuses when the document changed since, and says so', async () => {
    const result = await server.client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corpusLens.server.fixAll', arguments: [{ uri: server.uri, version: 0 }] });
    assert.deepEqual(result, { applied: 0 });
    assert.equal(server.client.text(server.uri), TEXT);
    await waitFor(() => server.client.messages, (m) => m.some((x) => /changed since/.test(x)), 5000, 'a warning');
  });

  it('applies every safe fix through workspace/applyEdit', async () => {
    const result = (await server.client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'corpusLens.server.fixAll',
      arguments: [{ uri: server.uri, version: server.client.version(server.uri) }],
    })) as { applied: number };
    assert.equal(result.applied, 3);
    // A repeated word is offered for deletion one by one, never by fix-all.
    assert.equal(server.client.text(server.uri), '会议召开 部署工作\n\n会议指出，要深入学习习近平总书记重要讲话精神，推动推动高质量发展。\n');
  });
});

describe('the workspace fix', () => {
  const server = serverOn({ 'disk.corpus.txt': TEXT, 'sub/clean.txt': '标题甲 标题乙\n\n会议指出，要推动高质量发展。\n' });

  it('sends one edit over the files with safe fixes, every part annotated with its rule and needing confirmation', async () => {
    const open = pathToFileURL(path.join(server.root, 'open.corpus.txt')).toString();
    await server.client.open(open, TEXT.replace('习 近平', '习近平'));
    const result = (await server.client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corpusLens.server.fixWorkspace', arguments: [] })) as { files: number; edits: number };
    const edit = server.client.requestedEdits.at(-1)!;
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => [path.basename(new URL(c.textDocument.uri).pathname), c.textDocument.version]), [
      ['open.corpus.txt', 1],
      ['disk.corpus.txt', null],
    ]);
    assert.deepEqual(changes.map((c) => c.edits.length), [2, 3]);
    assert.deepEqual(Object.keys(edit.changeAnnotations!).sort(), ['cjk-space', 'halfwidth-punctuation']);
    assert.ok(Object.values(edit.changeAnnotations!).every((a) => a.needsConfirmation));
    assert.ok(changes.every((c) => c.edits.every((e) => 'annotationId' in e)));
    // This client cannot edit files it has not opened, so it refuses the whole edit.
    assert.deepEqual(result, { files: 0, edits: 0 });
  });
});

describe('projects and workspace folders', () => {
  // A repository whose .corpus-lens/ turns cjk-space off; the workspace is opened at sub/.
  const server = serverOn(
    {
      '.corpus-lens/config.json': '{ "rules": { "cjk-space": "off" } }',
      'sub/a.corpus.txt': TEXT,
      'other/b.corpus.txt': TEXT,
      'other/.corpus-lens/config.json': '{ "rules": { "halfwidth-punctuation": "off" } }',
      'gb/g.corpus.txt': iconv.encode(TEXT, 'gb18030'),
    },
    { folder: 'sub', capabilities: { textDocument: { diagnostic: {} }, workspace: { applyEdit: true, workspaceFolders: true } } },
  );

  it('takes the configuration of the nearest .corpus-lens above the file, as the command line does', async () => {
    const uri = pathToFileURL(path.join(server.root, 'sub', 'a.corpus.txt')).toString();
    await server.client.open(uri, TEXT);
    assert.deepEqual(rulesOf(await pull(server.client, uri)), ['duplicate-text', 'halfwidth-punctuation']);
  });

  it('follows a workspace folder added later, with its own project', async () => {
    assert.deepEqual(server.client.initializeResult.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    await server.client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(path.join(server.root, 'other')).toString(), name: 'other' }], removed: [] },
    });
    const uri = pathToFileURL(path.join(server.root, 'other', 'b.corpus.txt')).toString();
    await server.client.open(uri, TEXT);
    assert.deepEqual(rulesOf(await pull(server.client, uri)), ['cjk-space', 'duplicate-text']);
  });

  it('leaves GB18030 files on disk out of the workspace fix, and says so', async () => {
    await server.client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(path.join(server.root, 'gb')).toString(), name: 'gb' }], removed: [] },
    });
    await server.client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'corpusLens.server.fixWorkspace', arguments: [] });
    const edit = server.client.requestedEdits.at(-1)!;
    const files = (edit.documentChanges as TextDocumentEdit[]).map((c) => path.basename(new URL(c.textDocument.uri).pathname));
    assert.ok(!files.includes('g.corpus.txt'), files.join(', '));
    await waitFor(() => server.client.messages, (m) => m.some((x) => /1 GB18030 file\(s\) left out/.test(x)), 5000, 'a message');
  });
});

describe('pulled diagnostics, project config and ignores', () => {
  const server = serverOn(
    { '.corpus-lens/config.json': '{ "rules": { "duplicate-text": "error" } }' },
    { open: 'c.corpus.txt', locale: 'zh-cn', capabilities: { textDocument: { diagnostic: {} } } },
  );
  const configFile = () => path.join(server.root, '.corpus-lens', 'config.json');
  const reloadProjectFiles = (file: string) =>
    server.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Changed }] });

  it('declares a diagnostic provider and answers pulls, in Chinese for a Chinese display language', async () => {
    assert.ok(server.client.initializeResult.capabilities.diagnosticProvider);
    const items = await pull(server.client, server.uri);
    assert.deepEqual(rulesOf(items), ['cjk-space', 'duplicate-text', 'halfwidth-punctuation']);
    assert.match(String(items[0].message), /[\u4e00-\u9fff]/);
    assert.equal(server.client.diagnostics.get(server.uri), undefined, 'nothing is pushed to a pulling client');
  });

  it('takes rule severities from .corpus-lens/config.json', async () => {
    const duplicate = (await pull(server.client, server.uri)).find((d) => d.code === 'duplicate-text')!;
    assert.equal(duplicate.severity, 1);
  });

  it('reports a broken config.json in that file and carries on with the defaults', async () => {
    fs.writeFileSync(configFile(), '{ "rules": { "cjk-spaces": "off", "duplicate-text": "loud" } }');
    await reloadProjectFiles(configFile());
    const configUri = pathToFileURL(configFile()).toString();
    const problems = await waitFor(() => server.client.diagnostics.get(configUri), (p) => !!p && p.diagnostics.length === 2, 5000, 'config problems');
    assert.match(problems!.diagnostics.map((d) => d.message).join('\n'), /unknown rule "cjk-spaces" \(did you mean "cjk-space"\?\)/);
    const items = await waitFor(() => pull(server.client, server.uri), (d) => d.find((x) => x.code === 'duplicate-text')?.severity === 2, 5000, 'default severity');
    assert.deepEqual(rulesOf(items), ['cjk-space', 'duplicate-text', 'halfwidth-punctuation']);
  });

  it('turns a rule off from config.json and clears the config problems once mended', async () => {
    fs.writeFileSync(configFile(), '{ "rules": { "halfwidth-punctuation": "off" } }');
    await reloadProjectFiles(configFile());
    const configUri = pathToFileURL(configFile()).toString();
    await waitFor(() => server.client.diagnostics.get(configUri), (p) => !!p && p.diagnostics.length === 0, 5000, 'config problems cleared');
    assert.deepEqual(rulesOf(await pull(server.client, server.uri)), ['cjk-space', 'duplicate-text']);
  });

  it('ignores a finding here: the entry goes to .corpus-lens/ignore.json and survives an edit elsewhere', async () => {
    const space = (await pull(server.client, server.uri)).find((d) => d.code === 'cjk-space')!;
    const actions = (await server.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: server.uri },
      range: space.range,
      context: { diagnostics: [space] },
    })) as CodeAction[];
    const ignore = actions.find((a) => /在此处忽略“cjk-space”/.test(a.title))!;
    assert.ok(ignore.command, actions.map((a) => a.title).join(' | '));
    const done = await server.client.connection.sendRequest(ExecuteCommandRequest.type, { command: ignore.command!.command, arguments: ignore.command!.arguments });
    assert.equal(done, true);
    const stored = JSON.parse(fs.readFileSync(path.join(server.root, '.corpus-lens', 'ignore.json'), 'utf8'));
    assert.deepEqual(stored.ignore.map((e: { file: string; rule: string; text: string }) => [e.file, e.rule, e.text]), [['c.corpus.txt', 'cjk-space', ' ']]);
    assert.deepEqual(rulesOf(await pull(server.client, server.uri)), ['duplicate-text']);
    await server.client.change(server.uri, [TextEdit.insert({ line: 0, character: 0 }, '新的一行。\n')]);
    assert.deepEqual(rulesOf(await pull(server.client, server.uri)), ['duplicate-text']);
  });
});
