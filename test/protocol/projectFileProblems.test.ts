/**
 * Problems in a workspace glossary reach the editor as the other project files' do: as
 * diagnostics in that file, from the start (an entry the validator drops, a link that is no
 * http(s) URL), without a crash and without a silent drop.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, waitFor } from '../support/lspClient';

const entry = (term: string, extra: Record<string, unknown>) => ({
  term,
  definition: { zh: '一个示例条目。', en: 'An example entry.' },
  since: { date: '2019-01', event: '示例会议' },
  scope: { level: 'national' },
  source: { title: '示例文章', publisher: '示例出版社', date: '2019-01-02' },
  ...extra,
});

const GLOSSARY = {
  version: 1,
  entries: [
    entry('三个示例', { scope: { level: 'provincial' } }),
    entry('四个示例', { source: { title: '示例文章', publisher: '示例出版社', date: '2019-01-02', url: 'javascript:alert(1)' } }),
  ],
};

describe('a workspace glossary with invalid entries, in the editor', () => {
  let client: TestClient;
  let workspace: string;
  let glossaryUri: string;
  const text = '示例标题 示例副题\n\n要做好四个示例工作，推动三个示例落实。\n';
  let uri: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-project-files-'));
    fs.mkdirSync(path.join(workspace, '.corpus-lens'));
    const glossaryFile = path.join(workspace, '.corpus-lens', 'glossary.json');
    fs.writeFileSync(glossaryFile, JSON.stringify(GLOSSARY, null, 2));
    glossaryUri = pathToFileURL(glossaryFile).toString();
    uri = pathToFileURL(path.join(workspace, 'open.corpus.txt')).toString();
    client = await TestClient.start({ workspace });
    await client.open(uri, text);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the problems in the glossary file', async () => {
    const published = await waitFor(() => client.diagnostics.get(glossaryUri), (d) => !!d && d.diagnostics.length >= 2, 10000, 'diagnostics on the glossary');
    const messages = published!.diagnostics.map((d) => String(d.message));
    assert.ok(messages.some((m) => /"scope\.place" is required/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /"source\.url" must be an http/.test(m)), messages.join('\n'));
  });

  it('logs them once, for clients that show the diagnostics of open files only', async () => {
    const logged = await waitFor(() => client.loggedWarnings.filter((m) => m.includes('glossary.json')), (l) => l.length > 0, 10000, 'the log');
    assert.equal(logged.length, 1, logged.join('\n---\n'));
    assert.match(logged[0], /^Problems in .*glossary\.json \(shown in the file\):\n.*glossary\.json:\d+:\d+: "scope\.place" is required/);
  });

  it('keeps the entry with a bad link, without the link', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 4 } });
    const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(value, /四个示例/);
    assert.doesNotMatch(value, /javascript/);
  });
});
