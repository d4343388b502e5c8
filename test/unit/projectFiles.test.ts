/**
 * The project's own files in .corpus-lens/: "Ignore here" appends to ignore.json without
 * touching what else the file holds, and never overwrites a file it cannot parse.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { IgnoreEntry } from '../../server/src/core/lint/ignore';
import { addIgnoreEntry, readIgnoreList } from '../../server/src/io/project';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-project-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

let n = 0;
function root(ignoreJson?: string): string {
  const dir = path.join(scratch, `p${n++}`);
  fs.mkdirSync(path.join(dir, '.corpus-lens'), { recursive: true });
  if (ignoreJson !== undefined) fs.writeFileSync(path.join(dir, '.corpus-lens', 'ignore.json'), ignoreJson);
  return dir;
}
const entry = (text: string): IgnoreEntry => ({ file: 'a.txt', rule: 'cjk-space', text, before: '习', after: '近平' });
const read = (dir: string) => fs.readFileSync(path.join(dir, '.corpus-lens', 'ignore.json'), 'utf8');

describe('addIgnoreEntry', () => {
  it('creates the file when there is none', () => {
    const dir = root();
    addIgnoreEntry(dir, entry(' '));
    assert.deepEqual(readIgnoreList(dir).list.entries, [entry(' ')]);
  });

  it('appends to the text, keeping comments, other keys and hand-written entries', () => {
    const original = '{\n  // reviewed by the desk\n  "version": 1,\n  "note": "keep",\n  "ignore": [\n    { "file": "b.txt", "rule": "mojibake", "text": "?", "before": "", "after": "" }\n  ]\n}\n';
    const dir = root(original);
    addIgnoreEntry(dir, entry(' '));
    const text = read(dir);
    assert.match(text, /\/\/ reviewed by the desk/);
    assert.match(text, /"note": "keep"/);
    assert.deepEqual(readIgnoreList(dir).list.entries.map((e) => e.file), ['b.txt', 'a.txt']);
    addIgnoreEntry(dir, entry(' '));
    assert.equal(readIgnoreList(dir).list.entries.length, 2, 'an entry that is there already is not added again');
  });

  it('adds the list to a file that has none yet', () => {
    const dir = root('{ "version": 1 }');
    addIgnoreEntry(dir, entry(' '));
    assert.deepEqual(readIgnoreList(dir).list.entries, [entry(' ')]);
  });

  it('refuses to touch a file that is not valid JSON, and says why', () => {
    const broken = '{ "ignore": [ { "file": "b.txt", ';
    const dir = root(broken);
    assert.throws(() => addIgnoreEntry(dir, entry(' ')), /not a valid ignore file/);
    assert.equal(read(dir), broken);
  });
});
