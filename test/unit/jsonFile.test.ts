/**
 * readJsonFile: the project's JSON files as read from disk (a BOM skipped, UTF-8 only, an
 * unreadable file reported with no tree to fall back on).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { readJsonFile } from '../../server/src/io/jsonFile';
import { runCli } from '../support/cli';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-json-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
};

describe('readJsonFile', () => {
  it('parses a file, and one with a BOM, with positions counted after the BOM', () => {
    const plain = readJsonFile(write('plain.json', '{ "spacing": "copywriting" }'));
    assert.deepEqual({ ...(plain.data as object) }, { spacing: 'copywriting' });
    const bom = readJsonFile(write('bom.json', '\ufeff{\n  "spacing": 1\n}'));
    assert.deepEqual({ ...(bom.data as object) }, { spacing: 1 });
    assert.deepEqual(bom.diagnostics, []);
    assert.deepEqual(bom.rangeAt(['spacing']), { start: { line: 1, character: 13 }, end: { line: 1, character: 14 } });
  });

  it('gives no tree and one problem for a folder or a missing file', () => {
    const folder = path.join(scratch, 'folder.json');
    fs.mkdirSync(folder);
    for (const file of [folder, path.join(scratch, 'missing.json')]) {
      const parsed = readJsonFile(file);
      assert.equal(parsed.tree, undefined);
      assert.equal(parsed.data, undefined);
      assert.equal(parsed.diagnostics.length, 1);
      assert.match(String(parsed.diagnostics[0].message), /^cannot read the file: /);
    }
  });

  it('gives no tree and says so for a file that is not UTF-8', () => {
    const parsed = readJsonFile(write('gbk.json', iconv.encode('{ "term": "四个意识" }', 'gb18030')));
    assert.equal(parsed.tree, undefined);
    assert.deepEqual(parsed.diagnostics.map((d) => d.message), ['cannot read the file: it is not UTF-8 text']);
  });

  it('lets lint report a config.json it cannot read, and lint with the defaults', () => {
    const dir = path.join(scratch, 'project');
    fs.mkdirSync(path.join(dir, '.corpus-lens', 'config.json'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.txt'), '加快建设副中心 奋力实现新跨越\n\n会议指出,要推动高质量发展。\n');
    const result = runCli(['lint', 'a.txt'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^\.corpus-lens\/config\.json:1:1: cannot read the file: is a folder, not a file$/m);
    assert.match(result.stdout, /\[halfwidth-punctuation\]/);
  });
});
