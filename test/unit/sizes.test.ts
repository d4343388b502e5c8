/**
 * Sizes: project files (config.json, ignore.json, glossaries) come with a cloned corpus and are
 * parsed within a depth and a size limit, and glossary matching stays linear in the text and in
 * the number of terms.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_JSON_DEPTH, parseJsonText, readJsonFile, tooDeep } from '../../server/src/io/jsonFile';
import { addIgnoreEntry, readIgnoreList, readProjectConfig } from '../../server/src/io/project';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { readGlossaryFile } from '../../server/src/workspace/glossaries';
import { runCli } from '../support/cli';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-sizes-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** `{"rules": [[[…]]]}` nested `depth` levels below the top object. */
const nested = (depth: number, key = 'rules') => `{"${key}": ${'['.repeat(depth)}${']'.repeat(depth)}}`;

let n = 0;
function project(files: Record<string, string>): string {
  const dir = path.join(scratch, `p${n++}`);
  fs.mkdirSync(path.join(dir, '.corpus-lens'), { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('project files nested thousands of levels deep', () => {
  it('measures the depth without recursion, telling strings and comments from structure', () => {
    assert.equal(tooDeep(nested(MAX_JSON_DEPTH - 1)), null);
    assert.match(tooDeep(nested(MAX_JSON_DEPTH))!.message, /nested deeper than 64 levels/);
    assert.equal(tooDeep(`{"a": "${'['.repeat(10000)}", /* ${'{'.repeat(10000)} */ "b": 1}\n// ${'['.repeat(10000)}`), null);
    assert.equal(tooDeep(nested(200000))?.offset, '{"rules": '.length + MAX_JSON_DEPTH - 1);
  });

  it('gives one problem where the file goes too deep, no tree and no crash', () => {
    const parsed = parseJsonText(nested(6000));
    assert.equal(parsed.tree, undefined);
    assert.equal(parsed.data, undefined);
    assert.equal(parsed.diagnostics.length, 1);
    assert.deepEqual(parsed.diagnostics[0].range.start, { line: 0, character: 73 });
  });

  it('reads a deep config.json, ignore.json and glossary as broken files, and the defaults are used', () => {
    const dir = project({ '.corpus-lens/config.json': nested(6000), '.corpus-lens/ignore.json': nested(6000, 'ignore') });
    const config = readProjectConfig(dir, DEFAULT_LINT_CONFIG);
    assert.equal(config.config, DEFAULT_LINT_CONFIG);
    assert.match(String(config.report!.diagnostics[0].message), /nested deeper/);
    const ignore = readIgnoreList(dir);
    assert.deepEqual(ignore.list.entries, []);
    assert.match(String(ignore.report!.diagnostics[0].message), /nested deeper/);
    const glossaryFile = path.join(dir, 'deep-glossary.json');
    fs.writeFileSync(glossaryFile, `{"entries": [{"term": "四个意识", "components": ${'['.repeat(6000)}${']'.repeat(6000)}}]}`);
    const glossary = readGlossaryFile(glossaryFile, glossaryFile);
    assert.deepEqual(glossary.entries, []);
    assert.match(String(glossary.diagnostics[0].message), /nested deeper/);
  });

  it('refuses to add to a deep ignore.json instead of overflowing the stack', () => {
    const dir = project({ '.corpus-lens/ignore.json': `{"ignore": [], "x": ${'['.repeat(6000)}${']'.repeat(6000)}}` });
    assert.throws(() => addIgnoreEntry(dir, { file: 'a.txt', rule: 'cjk-space', text: ' ', before: '习', after: '近平' }), /not a valid ignore file/);
  });

  it('lets lint report a deep config.json as file:line:column and lint with the defaults', () => {
    const dir = project({ '.corpus-lens/config.json': nested(6000), 'a.txt': '加快建设副中心 奋力实现新跨越\n\n会议指出,要推动高质量发展。\n' });
    const result = runCli(['lint', 'a.txt', '--fail-on', 'information'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^\.corpus-lens\/config\.json:1:74: the file is nested deeper than 64 levels/m);
    assert.match(result.stdout, /\[halfwidth-punctuation\]/);
  });
});

describe('project files larger than the limit', () => {
  it('are not read, and say so', () => {
    const file = path.join(scratch, 'big.json');
    fs.writeFileSync(file, `{"ignore": [], "pad": "${'x'.repeat(3 * 1048576)}"}`);
    const parsed = readJsonFile(file, { maxDepth: MAX_JSON_DEPTH, maxBytes: 2 * 1048576 });
    assert.equal(parsed.tree, undefined);
    assert.deepEqual(parsed.diagnostics.map((d) => d.message), ['the file is 3 MB, larger than the 2 MB limit; it was not read']);
    assert.ok(readJsonFile(file).tree, 'within the default limit');
  });
});
