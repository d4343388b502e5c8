/**
 * The report of every finding ("Show All Findings in This File"): grouped by severity and rule,
 * linked to each place, corpus text inert in Markdown, in the language asked for, written only
 * to a file name of the document's own letters in a private temporary folder.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Finding } from '../../server/src/core/lint/lint';
import { LineIndex } from '../../server/src/core/text';
import { safeFileName, writeReport } from '../../server/src/io/reports';
import { documentName, findingsJson, findingsMarkdown, inert } from '../../server/src/lsp/features/report';

const TEXT = '第一行\n第二行有问题\n第三行也有\n';
const finding = (rule: string, start: number, severity: Finding['severity'], en: string): Finding => ({
  rule,
  span: { start, end: start + 1 },
  message: { zh: `中文：${en}`, en },
  fixes: [],
  severity,
});
const FINDINGS = [finding('cjk-space', 6, 'information', 'Stray space'), finding('mojibake', 12, 'error', 'Mojibake [x](https://evil.example) <b>'), finding('cjk-space', 13, 'information', 'Stray *space*')];

describe('the report of every finding', () => {
  const index = new LineIndex(TEXT);

  it('groups by severity (errors first) and rule, with a link to each place', () => {
    const report = findingsMarkdown('file:///tmp/my%20file.txt', FINDINGS, index, 500, 'en');
    assert.match(report, /^# Corpus Lens: all findings in my file\.txt\n\n3 findings\. The editor shows at most 500 per file/);
    const order = ['## Errors (1)', '### mojibake (1)', '## Information (2)', '### cjk-space (2)'].map((h) => report.indexOf(h));
    assert.ok(order.every((at, k) => at >= 0 && (k === 0 || at > order[k - 1])), report);
    assert.match(report, /\n- \[2:3\]\(file:\/\/\/tmp\/my%20file\.txt#L2,3\) Stray space\n/);
  });

  it('keeps corpus text in messages inert: no link, tag or emphasis forms', () => {
    const report = findingsMarkdown('file:///tmp/a.txt', FINDINGS, index, 500, 'en');
    assert.ok(report.includes('Mojibake \\[x\\](https://evil.example) \\<b\\>'), report);
    assert.ok(report.includes('Stray \\*space\\*'));
    // A line break would let the rest start a heading or a list: it becomes a space.
    assert.equal(inert('a\n# b'), 'a # b');
  });

  it('has no links for a document that is not a file, and speaks Chinese when asked', () => {
    const report = findingsMarkdown('untitled:Untitled-1', FINDINGS, index, 500, 'zh');
    assert.match(report, /^# Corpus Lens：Untitled-1 的全部结果/);
    assert.match(report, /## 错误（1）/);
    assert.match(report, /\n- 2:3 中文：Stray space\n/);
    assert.doesNotMatch(report, /\[\d+:\d+\]\(/);
    assert.equal(findingsMarkdown('untitled:x', [], index, 500, 'en').trim().split('\n').pop(), 'No findings.');
  });

  it('is the JSON of corpus-lens lint when asked for', () => {
    const json = JSON.parse(findingsJson('file:///tmp/a.txt', FINDINGS, index, 'en'));
    assert.equal(json.files[0].file, path.resolve('/tmp/a.txt'));
    assert.deepEqual(json.files[0].diagnostics.map((d: { rule: string }) => d.rule), ['cjk-space', 'mojibake', 'cjk-space']);
  });

  it('is written under a file name made of the document’s name only, in a private temporary folder', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'etc_passwd');
    assert.equal(safeFileName('报纸 2020.txt'), '报纸 2020.txt');
    assert.equal(safeFileName('///'), 'document');
    assert.equal(documentName('file:///tmp/%E6%8A%A5%E7%BA%B8.txt'), '报纸.txt');
    const file = writeReport('../x', '.md', 'content');
    try {
      assert.ok(file.startsWith(os.tmpdir()) && path.basename(file) === 'x.md', file);
      assert.equal(fs.statSync(path.dirname(file)).mode & 0o077, 0, 'only the user can read the folder');
      assert.equal(fs.readFileSync(file, 'utf8'), 'content');
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
