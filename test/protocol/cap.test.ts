/**
 * The cap on diagnostics over stdio: a document with more findings than `maxProblems` shows
 * those near what the user sees (the `corpusLens/visibleRanges` notification) or, from a client
 * that does not send it, near the cursor (its code-action requests); one summary per rule, with
 * a quick fix that runs "Show All Findings", whose report lists every finding.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CodeAction, CodeActionRequest, Diagnostic, DocumentDiagnosticReport, DocumentDiagnosticRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { CLIENT_COMMANDS, SERVER_COMMANDS, ShowAllFindingsResult, VISIBLE_RANGES_NOTIFICATION } from '../../server/src/protocol';
import { TestClient, waitFor } from '../support/lspClient';
import { ROOT } from '../support/paths';

const URI = 'file:///tmp/cap.corpus.txt';
/** 300 paragraphs (lines 2, 4, …, 600), each with a stray space; every 50th a doubled word (a warning) too. */
const PARAGRAPHS = Array.from({ length: 300 }, (_, k) => (k % 50 === 7 ? `第${k}段要推动推动高质量发展，要深入学习习 近平总书记讲话。` : `第${k}段要深入学习习 近平总书记重要讲话精神。`));
const TEXT = '加快建设副中心 奋力实现新跨越\n\n' + PARAGRAPHS.join('\n\n') + '\n';
const MAX = 40;

const lines = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => !(d.data as { summary?: boolean })?.summary).map((d) => d.range.start.line);
const summaries = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => (d.data as { summary?: boolean })?.summary);
const visible = (first: number, last: number) => ({ uri: URI, ranges: [{ start: { line: first, character: 0 }, end: { line: last, character: 0 } }] });

describe('the cap near the visible ranges (published diagnostics)', () => {
  let client: TestClient;
  const reports = new Set<string>();
  before(async () => {
    client = await TestClient.start({ settings: { maxProblems: MAX }, capabilities: { window: { showDocument: { support: true } } } });
    await client.open(URI, TEXT);
  });
  after(async () => {
    await client.stop();
    // The server is stopped before it could remove its report folder.
    for (const dir of reports) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows at most maxProblems findings, the warnings among them, spread over the file, and one summary per rule', async () => {
    const published = await waitFor(() => client.diagnostics.get(URI), (p) => !!p && p.diagnostics.length > 0, 10000, 'diagnostics');
    const shown = lines(published!.diagnostics);
    assert.equal(shown.length, MAX);
    assert.equal(published!.diagnostics.filter((d) => d.code === 'duplicate-text' && !(d.data as { summary?: boolean }).summary).length, 6, 'every warning');
    assert.ok(Math.min(...shown) < 60 && Math.max(...shown) > 540, shown.join(','));
    const sums = summaries(published!.diagnostics);
    assert.deepEqual(sums.map((s) => s.code), ['cjk-space']);
    assert.match(String(sums[0].message), /^\d+ more cjk-space findings not shown: the command “Show All Findings in This File”/);
  });

  it('follows the view: every finding in the lines the client says it shows, once the view rests', async () => {
    await client.connection.sendNotification(VISIBLE_RANGES_NOTIFICATION, visible(400, 430));
    const published = await waitFor(
      () => client.diagnostics.get(URI)!,
      (p) => [402, 410, 420, 430].every((line) => lines(p.diagnostics).includes(line)),
      10000,
      'the findings of lines 400–430',
    );
    assert.equal(lines(published.diagnostics).length, MAX);
    // Still spread beyond the view with the rest of the cap, the warnings first.
    assert.ok(lines(published.diagnostics).some((line) => line < 100));
    assert.equal(published.diagnostics.filter((d) => d.code === 'duplicate-text').length, 6);
    // The summary of the rule is near the view.
    const [sum] = summaries(published.diagnostics);
    assert.ok(Math.abs(sum.range.start.line - 400) < 80, `summary at line ${sum.range.start.line}`);
  });

  it('offers “Show All Findings in This File” at a summary; its report lists every finding and the client is asked to open it', async () => {
    const [sum] = summaries(client.diagnostics.get(URI)!.diagnostics);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: sum.range, context: { diagnostics: [sum] } })) as CodeAction[];
    const show = actions.find((a) => a.title === 'Show All Findings in This File');
    assert.ok(show?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(show.command.command, SERVER_COMMANDS.showAllFindings);
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: show.command.command, arguments: show.command.arguments })) as ShowAllFindingsResult;
    assert.equal(result.findings, 306);
    assert.equal(result.shown, true);
    assert.deepEqual(client.shownDocuments, [result.uri]);
    reports.add(path.dirname(fileURLToPath(result.uri!)));
    assert.ok(path.dirname(fileURLToPath(result.uri!)).startsWith(os.tmpdir()), 'never in the workspace');
    const report = fs.readFileSync(fileURLToPath(result.uri!), 'utf8');
    assert.match(report, /^# Corpus Lens: all findings in cap\.corpus\.txt\n/);
    assert.match(report, /306 findings\. The editor shows at most 40 per file/);
    assert.match(report, /## Warnings \(6\)[\s\S]*### duplicate-text \(6\)[\s\S]*## Information \(300\)[\s\S]*### cjk-space \(300\)/);
    assert.equal(report.split('\n').filter((l) => l.startsWith('- [')).length, 306);
    assert.match(report, /\n- \[3:10\]\(file:\/\/\/tmp\/cap\.corpus\.txt#L3,10\) Stray space/);
  });

  it('writes the JSON of corpus-lens lint when asked for', async () => {
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.showAllFindings, arguments: [{ uri: URI, format: 'json' }] })) as ShowAllFindingsResult;
    reports.add(path.dirname(fileURLToPath(result.uri!)));
    const json = JSON.parse(fs.readFileSync(fileURLToPath(result.uri!), 'utf8'));
    assert.equal(json.files[0].diagnostics.length, 306);
    assert.deepEqual(Object.keys(json.files[0].diagnostics[0]), ['rule', 'severity', 'range', 'message', 'fixes']);
  });

  it('refuses a malformed notification or argument without failing', async () => {
    await client.connection.sendNotification(VISIBLE_RANGES_NOTIFICATION, { uri: URI, ranges: 'all' });
    await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.showAllFindings, arguments: [{ uri: URI, format: 'pdf' }] }), /format/);
    assert.ok(!client.exited);
  });
});

describe('the cap near the cursor (pulled diagnostics, no visible ranges)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { maxProblems: MAX }, capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } } });
    await client.open(URI, TEXT);
  });
  after(() => client.stop());

  const pull = async () => ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } })) as DocumentDiagnosticReport & { items: Diagnostic[] }).items;

  it('keeps the findings around the line where the client last asked for code actions', async () => {
    const before = lines(await pull());
    assert.ok(!before.includes(301) || !before.includes(303) || !before.includes(305));
    const cursor = { line: 302, character: 3 };
    await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: { start: cursor, end: cursor }, context: { diagnostics: [] } });
    const after = lines(await pull());
    for (const line of [296, 298, 300, 302, 304, 306, 308]) assert.ok(after.includes(line), `line ${line} near the cursor: ${after.join(',')}`);
    assert.equal(after.length, MAX);
  });
});

describe('the command ids', () => {
  it('the client contributes the Show All Findings command the summaries name', () => {
    const manifest = JSON.parse(fs.readFileSync(`${ROOT}/package.json`, 'utf8'));
    assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === CLIENT_COMMANDS.showAllFindings));
    const english = JSON.parse(fs.readFileSync(`${ROOT}/package.nls.json`, 'utf8'));
    assert.equal(english['command.showAllFindings'], 'Show All Findings in This File');
  });
});
