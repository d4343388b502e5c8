/**
 * The server on project files of hostile sizes: a config.json nested thousands of levels deep
 * is reported in that file, and the documents are still linted with the defaults.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DocumentDiagnosticReport, DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, waitFor } from '../support/lspClient';

const TEXT = '会议召开 部署工作\n\n会议指出,要深入学习习 近平总书记重要讲话精神,推动推动高质量发展。\n';
const deep = (key: string) => `{"${key}": ${'['.repeat(6000)}${']'.repeat(6000)}}`;

describe('a config.json and ignore.json nested 6,000 levels deep', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-sizes-'));
    fs.mkdirSync(path.join(root, '.corpus-lens'));
    fs.writeFileSync(path.join(root, '.corpus-lens', 'config.json'), deep('rules'));
    fs.writeFileSync(path.join(root, '.corpus-lens', 'ignore.json'), deep('ignore'));
    client = await TestClient.start({ workspace: root, capabilities: { textDocument: { diagnostic: {} } } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('are reported in those files, and a pull still gets the findings of the defaults', async () => {
    const uri = pathToFileURL(path.join(root, 'a.corpus.txt')).toString();
    await client.open(uri, TEXT);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
    assert.deepEqual([...new Set(report.items.map((d) => d.code))].sort(), ['cjk-space', 'duplicate-text', 'halfwidth-punctuation']);
    for (const name of ['config.json', 'ignore.json']) {
      const fileUri = pathToFileURL(path.join(root, '.corpus-lens', name)).toString();
      const problems = await waitFor(() => client.diagnostics.get(fileUri), (p) => !!p && p.diagnostics.length > 0, 5000, `${name} problems`);
      assert.match(String(problems!.diagnostics[0].message), /nested deeper than 64 levels/);
    }
  });
});
