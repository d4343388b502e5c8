import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/cli';
import { CLI, ROOT } from '../support/paths';

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('corpus-lens outline', () => {
  it('prints the design §3 JSON shape for a folder', () => {
    const result = run('outline', 'seeds', '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const outline = JSON.parse(result.stdout);
    assert.equal(outline.length, 5);
    const file = outline[0];
    assert.deepEqual(Object.keys(file), ['file', 'encoding', 'pageMarks', 'articles']);
    assert.deepEqual(Object.keys(file.articles[0]), ['title', 'titleRange', 'range', 'deck', 'authors', 'source', 'date', 'sections', 'speakers']);
    assert.deepEqual(Object.keys(file.articles[0].range), ['start', 'end']);
    assert.deepEqual(Object.keys(file.articles[0].speakers[0]), ['name', 'role', 'statements']);
  });
  it('reads GB18030 files and reports the encoding', () => {
    const file = path.join(scratch, 'gb.txt');
    // 标题甲 标题乙 / 张三 / 正文。 in GB18030.
    fs.writeFileSync(file, Buffer.from('b1eacce2bcd720b1eacce2d2d20a0ad5c5c8fd0a0ad5fdcec4a1a30a', 'hex'));
    const result = run('outline', file, '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const [outline] = JSON.parse(result.stdout);
    assert.equal(outline.encoding, 'gb18030');
    assert.equal(outline.articles[0].title, '标题甲 标题乙');
    assert.deepEqual(outline.articles[0].authors, ['张三']);
  });
  it('reports a binary file and a missing path with exit code 2, without a stack trace', () => {
    const binary = path.join(scratch, 'image.txt');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const result = run('outline', binary);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /binary/);
    assert.doesNotMatch(result.stderr, /at .*\.js/);
    const missing = run('outline', path.join(scratch, 'nope.txt'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
  });
  it('goes on after a missing path, says when a folder has no corpus files, and reads a file named twice once', () => {
    const dir = path.join(scratch, 'inputs');
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'empty', 'notes.md'), '# not a corpus file\n');
    fs.writeFileSync(path.join(dir, 'a.txt'), '标题甲 标题乙\n\n正文。\n');
    for (const command of ['outline', 'slogans', 'lint']) {
      const result = runCli([command, 'nope.txt', 'empty', 'a.txt', '.', '--format', 'json'], { cwd: dir });
      assert.equal(result.status, 2, command);
      assert.match(result.stderr, /^corpus-lens: nope\.txt: no such file or folder$/m, command);
      assert.match(result.stderr, /^corpus-lens: empty: no corpus files \(\*\.txt, \*\.text, \*\.corpus\) in this folder$/m, command);
      const json = JSON.parse(result.stdout);
      const files = command === 'outline' ? json.map((f: { file: string }) => f.file) : command === 'lint' ? json.files.map((f: { file: string }) => f.file) : null;
      if (files) assert.deepEqual(files, ['a.txt'], command);
    }
  });
  it('rejects unknown options with usage and exit code 2', () => {
    const result = run('outline', '--frobnicate', 'seeds');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Usage: corpus-lens/);
  });
});

describe('corpus-lens gloss and slogans', () => {
  const glossary = () => {
    const file = path.join(scratch, 'glossary.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        entries: [
          {
            term: '三服务',
            components: ['服务省委', '服务市委', '服务基层'],
            definition: { zh: '测试释义。', en: 'A test gloss.' },
            since: { date: '2019', event: '测试会议' },
            scope: { level: 'local', place: '洛阳' },
            source: { title: '测试来源', publisher: '洛阳日报', date: '2019-01-01' },
          },
        ],
      }),
    );
    return file;
  };
  it('explains a term from an extra glossary, quoted or not', () => {
    const result = run('gloss', '“三服务”', '--glossary', glossary());
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /构成: 服务省委、服务市委、服务基层/);
    assert.match(result.stdout, /来源: 洛阳日报《测试来源》2019-01-01/);
  });
  it("reads the glossary of the current folder's project, also from a folder below its root", () => {
    const dir = path.join(scratch, 'project');
    fs.mkdirSync(path.join(dir, '.corpus-lens'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.copyFileSync(glossary(), path.join(dir, '.corpus-lens', 'glossary.json'));
    const result = runCli(['gloss', '三服务'], { cwd: path.join(dir, 'sub') });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /构成: 服务省委、服务市委、服务基层/);
  });
  it('says when a term is unknown, with exit code 1', () => {
    const result = run('gloss', '不存在的口号', '--glossary', glossary());
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not in the glossary/);
  });
  it('lists slogans no glossary knows, with components spelled out in the corpus', () => {
    const corpus = path.join(scratch, 'slogans');
    fs.mkdirSync(corpus, { recursive: true });
    fs.writeFileSync(path.join(corpus, 'a.txt'), '标题甲 标题乙\n\n推动“三服务”工作。坚持“两结合”，把理论和实践结合、把当前和长远结合。\n');
    fs.writeFileSync(path.join(corpus, 'b.txt'), '标题丙 标题丁\n\n落实“两结合”要求。\n');
    const result = run('slogans', corpus, '--format', 'json', '--glossary', glossary());
    assert.equal(result.status, 0, result.stderr);
    const { slogans } = JSON.parse(result.stdout);
    const terms = slogans.map((s: { term: string }) => s.term);
    assert.ok(!terms.includes('三服务'), 'a glossary term is not “discovered”');
    const found = slogans.find((s: { term: string }) => s.term === '两结合');
    assert.deepEqual(found.components, ['把理论和实践结合', '把当前和长远结合']);
    assert.equal(found.count, 2);
    assert.equal(found.files, 2);
  });
});
