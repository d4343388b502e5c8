/**
 * A large document's rules run in slices: a hover sent while its diagnostics are being made is
 * answered first, an edit meanwhile makes the pull end with ServerCancelled (the client asks
 * again) instead of finishing findings of a version that is gone, and the work done is kept.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, Diagnostic, DocumentDiagnosticReport, DocumentDiagnosticRequest, HoverRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../support/paths';
import { TestClient } from '../support/lspClient';

/** About 1.5 MB of text that does not repeat: the seeds' lines rotated differently in each copy. */
function largeText(): string {
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
  const copies: string[] = [];
  for (let k = 0; copies.join('').length < 750_000; k++) {
    const seed = seeds[k % seeds.length];
    copies.push(seed.split('\n').map((line) => (line.length > 30 ? line.slice(k % 17) + line.slice(0, k % 17) : line)).join('\n'));
  }
  return copies.join('\n\n');
}

describe('a large document, while its findings are being made', () => {
  let client: TestClient;
  const uri = 'file:///tmp/corpus-lens-responsiveness/large.corpus.txt';
  let text: string;
  before(async () => {
    client = await TestClient.start({ capabilities: { textDocument: { diagnostic: {} } } });
    text = largeText();
  });
  after(() => client.stop());

  it('answers a hover before the diagnostics', async () => {
    await client.open(uri, text);
    const order: string[] = [];
    const pull = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }).then((r) => (order.push('diagnostics'), r));
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } }).then(() => order.push('hover'));
    const [report] = await Promise.all([pull, hover]);
    assert.deepEqual(order, ['hover', 'diagnostics']);
    assert.ok((report as DocumentDiagnosticReport & { items: Diagnostic[] }).items.length > 0);
  });

  it('ends a pull with ServerCancelled when the document changes meanwhile, and the next pull has the new version', async () => {
    const other = 'file:///tmp/corpus-lens-responsiveness/other.corpus.txt';
    await client.open(other, text.replace(/。/g, '；'));
    const pull = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: other } });
    await client.changeIncremental(other, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '会议,' }]);
    await assert.rejects(pull, (error: ResponseError<{ retriggerRequest: boolean }>) => error.code === LSPErrorCodes.ServerCancelled && error.data?.retriggerRequest === true);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: other } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
    assert.ok(report.items.some((d) => d.range.start.line === 0 && d.range.start.character === 2 && d.code === 'halfwidth-punctuation'), 'the comma typed at the start');
  });

  it('ends a pull the client cancels with RequestCancelled that asks to be retriggered (the client pulls again: a refresh cancels one in flight)', async () => {
    const third = 'file:///tmp/corpus-lens-responsiveness/third.corpus.txt';
    await client.open(third, text.replace(/。/g, '！'));
    const source = new CancellationTokenSource();
    const pull = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: third } }, source.token);
    source.cancel();
    await assert.rejects(pull, (error: ResponseError<{ retriggerRequest: boolean }>) => error.code === LSPErrorCodes.RequestCancelled && error.data?.retriggerRequest === true);
  });
});
