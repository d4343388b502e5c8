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
import { parseJsonText, readJsonFile } from '../../server/src/io/jsonFile';
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
    const result = runCli(['lint', 'a.txt', '--fail-on', 'information'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^\.corpus-lens\/config\.json:1:1: cannot read the file: is a folder, not a file$/m);
    assert.match(result.stdout, /\[halfwidth-punctuation\]/);
  });
});

describe('project file messages', () => {
  it('say what is wrong with the JSON in words, each place once, never a parser code', () => {
    const cases: [string, RegExp][] = [
      ['{\n  "rules": { "cjk-space": "off"\n', /^JSON syntax error: a \} is missing$/],
      ['{ "rules": [1, 2 }', /^JSON syntax error: a \] is missing$/],
      ['{ "rules" {} }', /^JSON syntax error: a : is missing after the name$/],
      ['{ "a": 1 "b": 2 }', /^JSON syntax error: a comma is missing$/],
      ['{ "a": }', /^JSON syntax error: a value is missing$/],
      ['{ "a": "open }', /^JSON syntax error: a string is not closed with a double quote$/],
      ['{} {}', /^JSON syntax error: there is more after the end of the JSON value$/],
    ];
    for (const [text, message] of cases) {
      const messages = parseJsonText(text).diagnostics.map((d) => String(d.message));
      assert.ok(messages.length > 0, text);
      assert.ok(messages.some((m) => message.test(m)), `${text}: ${messages.join(' | ')}`);
      assert.equal(new Set(messages).size, messages.length, `${text}: ${messages.join(' | ')}`);
      for (const m of messages) assert.doesNotMatch(m, /[a-z][A-Z]|Expected|Invalid/, text);
    }
    // Two objects left open at the end: one message.
    assert.deepEqual(parseJsonText('{ "rules": {').diagnostics.map((d) => d.message), ['JSON syntax error: a } is missing']);
  });

  it('say that a config.json holding null must be an object, as for [], 5 and "x"', () => {
    for (const content of ['null', '[]', '5', '"x"', 'null\n']) {
      const dir = fs.mkdtempSync(path.join(scratch, 'null-'));
      fs.mkdirSync(path.join(dir, '.corpus-lens'));
      fs.writeFileSync(path.join(dir, '.corpus-lens', 'config.json'), content);
      fs.writeFileSync(path.join(dir, 'a.txt'), '加快建设副中心 奋力实现新跨越\n\n会议指出，要推动高质量发展。\n');
      const result = runCli(['lint', 'a.txt'], { cwd: dir });
      assert.match(result.stderr, /^\.corpus-lens\/config\.json:1:1: the configuration must be a JSON object$/m, `${content}: ${result.stderr}`);
    }
  });
});
