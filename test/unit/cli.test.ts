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
  it('rejects unknown options with one line and a hint, not the whole usage, and exit code 2', () => {
    const result = run('outline', '--frobnicate', 'seeds');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'corpus-lens: unknown option --frobnicate\nRun corpus-lens --help for the commands and options.\n');
  });
});

describe('corpus-lens usage errors', () => {
  const twoLines = (args: string[], message: string) => {
    const result = run(...args);
    assert.equal(result.status, 2, args.join(' '));
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `corpus-lens: ${message}\nRun corpus-lens --help for the commands and options.\n`, args.join(' '));
  };
  it('names a mistyped command or option with what was meant', () => {
    twoLines(['lnt', 'seeds'], 'unknown command "lnt" (did you mean "lint"?)');
    twoLines(['frobnicate', 'seeds'], 'unknown command "frobnicate"');
    twoLines(['fix', '--dryrun', 'seeds'], 'unknown option --dryrun (did you mean "--dry-run"?)');
  });
  it('says what a command needs when its argument is missing', () => {
    twoLines(['lint'], 'lint needs a file or folder: corpus-lens lint <file|folder…>');
    twoLines(['gloss'], 'gloss needs a term: corpus-lens gloss <term>');
    twoLines(['lint', 'seeds', '--fail-on'], '--fail-on needs a value');
  });
  it('lists the rules for an unknown one in --rules, on the same line', () => {
    const result = run('lint', 'seeds', '--rules', 'foo');
    assert.equal(result.status, 2);
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.match(lines[0], /^corpus-lens: --rules: unknown rule "foo"; the rules are broken-line, /);
    assert.match(run('lint', 'seeds', '--rules', 'cjk-spce').stderr, /unknown rule "cjk-spce" \(did you mean "cjk-space"\?\)/);
  });
  it('prints the usage for corpus-lens alone (exit 2) and for --help (exit 0)', () => {
    const bare = run();
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /^Usage: corpus-lens <command>/);
    const help = run('lint', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: corpus-lens <command>/);
    assert.match(help.stdout, /--word-diff/);
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
    const result = run('gloss', '“三服务”', '--glossary', glossary(), '--lang', 'zh');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /构成：服务省委、服务市委、服务基层/);
    assert.match(result.stdout, /来源：洛阳日报《测试来源》2019-01-01/);
  });
  it('labels the entry in the language asked for (--lang, else the locale), the definition in it first', () => {
    const zh = run('gloss', '三服务', '--glossary', glossary(), '--lang', 'zh');
    assert.equal(
      zh.stdout,
      ['三服务', '  构成：服务省委、服务市委、服务基层', '  释义：测试释义。', '  英文释义：A test gloss.', '  提出：2019 测试会议', '  范围：地方（洛阳）', '  来源：洛阳日报《测试来源》2019-01-01', ''].join('\n'),
    );
    const en = run('gloss', '三服务', '--glossary', glossary(), '--lang', 'en');
    assert.equal(
      en.stdout,
      ['三服务', '  Components: 服务省委、服务市委、服务基层', '  Definition: A test gloss.', '  Chinese: 测试释义。', '  Proposed: 2019 测试会议', '  Scope: local (洛阳)', '  Source: 洛阳日报《测试来源》2019-01-01', ''].join('\n'),
    );
    const byLocale = runCli(['gloss', '三服务', '--glossary', glossary()], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(byLocale.stdout, zh.stdout);
    assert.equal(runCli(['gloss', '三服务', '--glossary', glossary()]).stdout, en.stdout);
  });
  it("reads the glossary of the current folder's project, also from a folder below its root", () => {
    const dir = path.join(scratch, 'project');
    fs.mkdirSync(path.join(dir, '.corpus-lens'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.copyFileSync(glossary(), path.join(dir, '.corpus-lens', 'glossary.json'));
    const result = runCli(['gloss', '三服务'], { cwd: path.join(dir, 'sub') });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Components: 服务省委、服务市委、服务基层/);
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

describe('corpus-lens gloss and a workspace glossary with a bad link', () => {
  it('prints the entry, never a link that is no http(s) address, and reports the link', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-gloss-url-'));
    try {
      fs.mkdirSync(path.join(dir, '.corpus-lens'));
      const glossary = {
        version: 1,
        entries: [
          {
            term: '四个示例',
            definition: { zh: '一个示例条目。', en: 'An example entry.' },
            since: { date: '2019-01', event: '示例会议' },
            scope: { level: 'national' },
            source: { title: '示例文章', publisher: '示例出版社', date: '2019-01-02', url: 'javascript:alert(1)' },
          },
        ],
      };
      fs.writeFileSync(path.join(dir, '.corpus-lens', 'glossary.json'), JSON.stringify(glossary, null, 2));
      const result = runCli(['gloss', '四个示例'], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /示例出版社《示例文章》2019-01-02/);
      assert.doesNotMatch(result.stdout, /javascript/i);
      assert.match(result.stderr, /glossary\.json:\d+:\d+: "source\.url" must be an http/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
