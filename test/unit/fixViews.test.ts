/**
 * The views of `corpus-lens fix --dry-run` for people: --word-diff (each change inside its line,
 * a removed line break as [-↵-]) and --stat (edits per file and rule). The line diff, for patch,
 * is fixCli.test.ts's.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { statText } from '../../server/src/commands/fixStat';
import { wordDiffHunks, wordDiffText } from '../../server/src/commands/wordDiff';
import { runCli } from '../support/cli';
import { ROOT } from '../support/paths';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-views-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const HEAD = '加快建设副中心 奋力实现新跨越\n\n';
const DAMAGED = HEAD + '会议指出,要深入领会习 近平总书记重要讲话精神,推动高质量发展。\n';

/** The removed and added pieces of a hunk's text, in order. */
const pieces = (text: string) => [...text.matchAll(/\[-(.*?)-\]|\{\+(.*?)\+\}/g)].map((m) => (m[1] !== undefined ? `-${m[1]}` : `+${m[2]}`));

describe('wordDiffHunks', () => {
  it('shows a joined line as a removed line break inside its sentence', () => {
    const before = '标题\n\n会议指出，要推动\n高质量发展。\n';
    const after = '标题\n\n会议指出，要推动高质量发展。\n';
    assert.deepEqual(wordDiffHunks(before, after), [{ line: 2, character: 8, text: '会议指出，要推动[-↵-]高质量发展。' }]);
  });

  it('keeps two long lines joined at a page break to one short line of context', () => {
    const first = '会议强调'.repeat(125);
    const second = '高质量发展'.repeat(100) + '。';
    const hunks = wordDiffHunks(`${first}\n\n${second}\n`, `${first}${second}\n`);
    assert.equal(hunks.length, 1);
    assert.match(hunks[0].text, /^…[^\n]{1,16}\[-↵↵-\][^\n]{1,16}…$/);
    assert.deepEqual({ line: hunks[0].line, character: hunks[0].character }, { line: 0, character: 500 });
  });

  it('pairs replaced marks, and splits a paragraph full of them into short lines', () => {
    const sentence = '会议指出,要深入领会讲话精神,推动高质量发展,';
    const before = `${sentence.repeat(8)}完。\n`;
    const after = before.replace(/,/g, '，');
    const hunks = wordDiffHunks(before, after);
    assert.ok(hunks.length > 1, 'more than one line');
    for (const h of hunks) {
      assert.ok(h.text.length <= 160, `a short line: ${h.text}`);
      for (const p of pieces(h.text)) assert.ok(p === '-,' || p === '+，', p);
    }
    assert.equal(hunks.reduce((n, h) => n + pieces(h.text).length, 0), 2 * 24, 'every comma, once');
  });

  it('lines up the sentences after a join, so that nothing else looks changed (seed 001)', () => {
    // A join shifts every later paragraph up by two lines; a later one has its own fix.
    const before = '第一段写到一半\n\n接着写完。\n\n第二段没有问题。\n\n第三段到 2025 年完成。\n';
    const after = '第一段写到一半接着写完。\n\n第二段没有问题。\n\n第三段到2025年完成。\n';
    const hunks = wordDiffHunks(before, after);
    assert.deepEqual(
      hunks.map((h) => [h.line, pieces(h.text)]),
      [
        [0, ['-↵↵']],
        [6, ['- ', '- ']],
      ],
    );
  });

  it('shows CRLF breaks as one ↵ and keeps the \\r out of the context', () => {
    const hunks = wordDiffHunks('甲乙\r\n丙丁。\r\n戊。\r\n', '甲乙丙丁。\r\n戊。\r\n');
    assert.deepEqual(hunks, [{ line: 0, character: 2, text: '甲乙[-↵-]丙丁。' }]);
  });

  it('cuts the context at word boundaries and never inside a surrogate pair', () => {
    const astral = '𠮷野家'.repeat(12);
    const hunks = wordDiffHunks(`${astral},${astral}。\n`, `${astral}，${astral}。\n`);
    assert.equal(hunks.length, 1);
    assert.doesNotMatch(hunks[0].text, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, 'no lone surrogate');
    assert.match(hunks[0].text, /^…[𠮷野家]+\[-,-\]\{\+，\+\}[𠮷野家]+…$/u);
  });

  it('says so where a stretch differs too much to compare, instead of taking minutes', () => {
    const before = '甲'.repeat(60_000);
    const after = '乙'.repeat(60_000);
    const started = Date.now();
    const hunks = wordDiffHunks(`${before}\n`, `${after}\n`);
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(hunks, [{ line: 0, character: 0, text: '(1 line replaced by 1: too many changes to show word by word; the line diff shows them)' }]);
  });

  it('shows inserted and deleted lines, and nothing for equal texts', () => {
    assert.deepEqual(wordDiffHunks('甲。\n', '甲。\n'), []);
    assert.deepEqual(pieces(wordDiffHunks('甲。\n乙。\n', '甲。\n').map((h) => h.text).join('')), ['-↵乙。']);
    assert.equal(wordDiffText('a.txt', '甲。\n', '甲。乙。\n'), 'a.txt:1:3: 甲。{+乙。+}\n');
  });
});

describe('statText', () => {
  it('counts the edits per file and per rule, in the registry order', () => {
    const text = statText([
      { file: 'a.txt', rules: ['halfwidth-punctuation', 'cjk-space', 'halfwidth-punctuation'] },
      { file: 'dir/b.txt', rules: ['cjk-space'] },
    ]);
    assert.equal(
      text,
      [
        'a.txt     | 3  cjk-space 1, halfwidth-punctuation 2',
        'dir/b.txt | 1  cjk-space 1',
        '2 files, 4 edits: cjk-space 2 in 2 files, halfwidth-punctuation 2 in 1 file',
        '',
      ].join('\n'),
    );
    assert.equal(statText([]), '');
  });
});

let counter = 0;
function project(files: Record<string, string | Buffer>): string {
  const dir = path.join(scratch, `case-${counter++}`);
  fs.mkdirSync(path.join(dir, '.corpus-lens'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('corpus-lens fix --dry-run --stat and --word-diff', () => {
  it('--stat prints the counts instead of the diff, writes nothing and exits 1', () => {
    const dir = project({ 'docs/a.txt': DAMAGED, 'clean.txt': HEAD + '会议强调，要推动高质量发展。\n' });
    const result = runCli(['fix', '--dry-run', '--stat', '.'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout, 'docs/a.txt | 3  cjk-space 1, halfwidth-punctuation 2\n1 file, 3 edits: cjk-space 1 in 1 file, halfwidth-punctuation 2 in 1 file\n');
    assert.equal(fs.readFileSync(path.join(dir, 'docs', 'a.txt'), 'utf8'), DAMAGED);
    assert.equal(fs.existsSync(path.join(dir, '.corpus-lens', 'fixes.jsonl')), false);
  });

  it('--word-diff prints each change in its line, readable for a GB18030 file too', () => {
    const dir = project({ 'gb.txt': iconv.encode(DAMAGED, 'gb18030') });
    const result = runCli(['fix', '--dry-run', '--word-diff', 'gb.txt'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout, 'gb.txt:3:5: 会议指出[-,-]{+，+}要深入领会习[- -]近平总书记重要讲话精神[-,-]{+，+}推动高质量发展。\n');
    assert.doesNotMatch(result.stderr, /iconv/, 'no note about reading the diff: it is UTF-8');
  });

  it('shows only the line breaks and spaces the safe fixes remove in seeds 000 and 001', () => {
    const result = runCli(['fix', '--dry-run', '--word-diff', 'seeds/000_c507521ed4d42cd6.txt', 'seeds/001_9815b3dfd2404847.txt'], { cwd: ROOT });
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 8, result.stdout);
    for (const line of lines) {
      assert.match(line, /^seeds\/00[01]_[0-9a-f]+\.txt:\d+:\d+: /);
      const found = pieces(line);
      assert.ok(found.length > 0 && found.every((p) => /^-[ ↵]+$/.test(p)), line);
      assert.ok(line.length < 200, `a short line: ${line}`);
    }
  });

  it('are views of --dry-run: alone, or together, they are usage errors and nothing is written', () => {
    const dir = project({ 'a.txt': DAMAGED });
    for (const args of [['--stat'], ['--word-diff'], ['--dry-run', '--stat', '--word-diff']]) {
      const result = runCli(['fix', ...args, 'a.txt'], { cwd: dir });
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stderr.trimEnd().split('\n').length, 2, result.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), DAMAGED);
    }
    assert.match(runCli(['fix', '--stat', 'a.txt'], { cwd: dir }).stderr, /^corpus-lens: --stat shows what fix would do: add --dry-run$/m);
    assert.match(runCli(['lint', '--stat', 'a.txt'], { cwd: dir }).stderr, /lint does not take --stat \(it is an option of fix\)/);
  });
});
