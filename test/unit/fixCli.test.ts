/**
 * corpus-lens fix on the built CLI, always on scratch copies: safe fixes only, Han characters
 * kept, encodings, BOMs and line endings kept byte for byte, clean files untouched, --dry-run,
 * the audit log and --rules.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { fixText } from '../../server/src/commands/fix';
import { checkHanPreserved, intendedDeletions } from '../../server/src/core/fixes';
import { anchorOf, ignoreFileData } from '../../server/src/core/lint/ignore';
import { Finding, LintResult } from '../../server/src/core/lint/lint';
import { LineIndex } from '../../server/src/core/text';
import { runCli } from '../support/cli';
import { damagedSeed001 } from '../support/damaged';
import { SEEDS_DIR } from '../support/paths';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-fix-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const HEAD = '加快建设副中心 奋力实现新跨越\n\n';
/** Two ASCII commas and a stray space, all with safe fixes. */
const DAMAGED = HEAD + '会议指出,要深入领会习 近平总书记重要讲话精神,推动高质量发展。\n';
const DAMAGED_FIXED = HEAD + '会议指出，要深入领会习近平总书记重要讲话精神，推动高质量发展。\n';
const CLEAN = HEAD + '会议强调，要坚持实干为本，推动高质量发展。\n';
/** A page number and a running head between the halves of a sentence, and a doubled 的. */
const RESIDUE = HEAD + '会议指出，洛阳在黄河流域生态保护和高质量发展上地\n\n0303\n\n2020年4月30日 星期四\n\n位重要、作用突出。会议强调，要推动经济高质量的的发展。\n';

let counter = 0;
/** A fresh project folder (with .corpus-lens/) holding `files`. */
function project(files: Record<string, string | Buffer>, withProjectFolder = true): string {
  const dir = path.join(scratch, `case-${counter++}`);
  if (withProjectFolder) fs.mkdirSync(path.join(dir, '.corpus-lens'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface LogRecord {
  time: string;
  file: string;
  pass: number;
  line: number;
  character: number;
  rule: string;
  before: string;
  after: string;
  span: { start: number; end: number };
}
const readLog = (dir: string): LogRecord[] => {
  const file = path.join(dir, '.corpus-lens', 'fixes.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l)) : [];
};

describe('corpus-lens fix on the seeds', () => {
  const dir = project({});
  fs.cpSync(SEEDS_DIR, path.join(dir, 'seeds'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'seeds', 'residue.txt'), RESIDUE);
  const names = fs.readdirSync(path.join(dir, 'seeds')).sort();
  const originals = new Map(names.map((n) => [n, fs.readFileSync(path.join(dir, 'seeds', n), 'utf8')]));
  const result = runCli(['fix', 'seeds'], { cwd: dir });

  it('changes every file and says what it did on stderr', () => {
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^corpus-lens fix: 6 of 6 files changed, \d+ edits \(broken-line \d+, split-paragraph \d+, cjk-space \d+, halfwidth-punctuation \d+, duplicate-text 1, page-residue 1\)$/m);
    assert.match(result.stderr, /findings need a human:\n {2}seeds\/002_4fb8176c685af46a\.txt:\d+:\d+: error \[slogan-variant\]/);
    assert.doesNotMatch(result.stderr, /\r/, 'no progress bar when stderr is not a terminal');
  });

  it('leaves no finding that still has a safe fix', () => {
    const lint = runCli(['lint', 'seeds', '--format', 'json'], { cwd: dir });
    const left = JSON.parse(lint.stdout).files.flatMap((f: { file: string; diagnostics: { rule: string; fixes: { safe: boolean }[] }[] }) =>
      f.diagnostics.filter((d) => d.fixes.some((x) => x.safe)).map((d) => `${f.file}: ${d.rule}`),
    );
    assert.deepEqual(left, []);
  });

  it('keeps every Han character, except the duplicate and the page furniture it deletes', () => {
    const log = readLog(dir);
    for (const name of names) {
      const records = log.filter((r) => r.file === `seeds/${name}`);
      const original = originals.get(name)!;
      // Fixed in one pass, so the logged spans are offsets in the original.
      assert.ok(records.every((r) => r.pass === 1));
      for (const r of records) assert.equal(original.slice(r.span.start, r.span.end), r.before, `${name}: ${JSON.stringify(r)}`);
      const fixed = fs.readFileSync(path.join(dir, 'seeds', name), 'utf8');
      const check = checkHanPreserved(original, fixed, intendedDeletions(records));
      assert.ok(check.ok, `${name}: ${check.detail}`);
    }
    const deleted = log.filter((r) => intendedDeletions([r]).length > 0).map((r) => r.before);
    assert.deepEqual(deleted, ['\n\n0303\n\n2020年4月30日 星期四\n\n', '的']);
  });

  it('logs every edit with its place in the file before fixing', () => {
    const log = readLog(dir);
    assert.ok(log.length > 100);
    for (const r of log) {
      assert.deepEqual(Object.keys(r), ['time', 'file', 'pass', 'line', 'character', 'rule', 'before', 'after', 'span']);
      assert.ok(!Number.isNaN(Date.parse(r.time)) && r.time === new Date(r.time).toISOString());
      const original = originals.get(r.file.replace(/^seeds\//, ''))!;
      assert.deepEqual(new LineIndex(original).positionAt(r.span.start), { line: r.line, character: r.character });
    }
  });

  it('finds nothing more to fix on a second run, and rewrites nothing', () => {
    const before = names.map((n) => fs.statSync(path.join(dir, 'seeds', n)).mtimeMs);
    const again = runCli(['fix', 'seeds'], { cwd: dir });
    assert.equal(again.status, 0);
    assert.match(again.stderr, /^corpus-lens fix: 0 of 6 files changed, 0 edits$/m);
    assert.deepEqual(names.map((n) => fs.statSync(path.join(dir, 'seeds', n)).mtimeMs), before);
  });
});

describe('corpus-lens fix keeps the bytes it does not fix', () => {
  it('GB18030', () => {
    const dir = project({ 'gb.txt': iconv.encode(DAMAGED, 'gb18030') });
    assert.equal(runCli(['fix', 'gb.txt'], { cwd: dir }).status, 0);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'gb.txt')), iconv.encode(DAMAGED_FIXED, 'gb18030'));
  });

  it('UTF-8 with a BOM and CRLF line endings', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const dir = project({ 'bom.txt': Buffer.concat([bom, Buffer.from(crlf(DAMAGED))]) });
    assert.equal(runCli(['fix', 'bom.txt'], { cwd: dir }).status, 0);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'bom.txt')), Buffer.concat([bom, Buffer.from(crlf(DAMAGED_FIXED))]));
  });

  it('joins the lines of a CRLF file without leaving a lone CR', () => {
    const dir = project({ 'split.txt': HEAD.replace(/\n/g, '\r\n') + '会议指出，洛阳要开创美好的明天，是脚踏实地干出\r\n\r\n来的。\r\n' });
    assert.equal(runCli(['fix', 'split.txt'], { cwd: dir }).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'split.txt'), 'utf8'), HEAD.replace(/\n/g, '\r\n') + '会议指出，洛阳要开创美好的明天，是脚踏实地干出来的。\r\n');
  });

  it('does not rewrite a file with nothing to fix', () => {
    const dir = project({ 'clean.txt': CLEAN, 'damaged.txt': DAMAGED });
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(path.join(dir, 'clean.txt'), old, old);
    const result = runCli(['fix', '.'], { cwd: dir });
    assert.equal(result.status, 0);
    assert.match(result.stderr, /^corpus-lens fix: 1 of 2 files changed, 3 edits \(cjk-space 1, halfwidth-punctuation 2\)$/m);
    assert.equal(fs.statSync(path.join(dir, 'clean.txt')).mtimeMs, old.getTime());
    assert.deepEqual([...new Set(readLog(dir).map((r) => r.file))], ['damaged.txt']);
  });
});

describe('corpus-lens fix --dry-run', () => {
  it('prints a unified diff, writes nothing and exits 1', () => {
    const dir = project({ 'docs/a.txt': DAMAGED, 'clean.txt': CLEAN });
    const result = runCli(['fix', '--dry-run', 'docs', 'clean.txt'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stdout,
      [
        '--- a/docs/a.txt',
        '+++ b/docs/a.txt',
        '@@ -1,3 +1,3 @@',
        ' 加快建设副中心 奋力实现新跨越',
        ' ',
        '-会议指出,要深入领会习 近平总书记重要讲话精神,推动高质量发展。',
        '+会议指出，要深入领会习近平总书记重要讲话精神，推动高质量发展。',
        '',
      ].join('\n'),
    );
    assert.match(result.stderr, /^corpus-lens fix: 1 of 2 files would change, 3 edits/m);
    assert.equal(fs.readFileSync(path.join(dir, 'docs', 'a.txt'), 'utf8'), DAMAGED);
    assert.deepEqual(readLog(dir), []);
  });

  it('exits 0 when nothing would change', () => {
    const dir = project({ 'clean.txt': CLEAN });
    const result = runCli(['fix', '--dry-run', 'clean.txt'], { cwd: dir });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
  });
});

describe('corpus-lens fix --dry-run diffs apply to every encoding and line ending', () => {
  // A hard-wrapped paragraph (broken lines to join), ASCII commas and a stray space.
  const TEXT = HEAD + '会议指出,要深入领会习 近平总书记重要讲话精神,推动高质量发展,加快建设副中心城市,\n奋力谱写新时代中原更加出彩的\n绚丽篇章。\n\n第二段落在这里。\n';
  const CR = TEXT.replace(/\n/g, '\r');
  const MIXED = TEXT.split('\n').map((line, k) => line + ['\n', '\r\n', '\r'][k % 3]).join('').replace(/(\r\n|\n|\r)$/, '\n');
  const cases: [string, Buffer][] = [
    ['utf-8 LF', Buffer.from(TEXT)],
    ['utf-8 CRLF with a BOM', Buffer.from('\ufeff' + TEXT.replace(/\n/g, '\r\n'))],
    ['CR only', Buffer.from(CR)],
    ['mixed line endings', Buffer.from(MIXED)],
    ['no line break at the end', Buffer.from(TEXT.trimEnd())],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace(/\n/g, '\r\n'), 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()])],
    ['GB18030', iconv.encode(TEXT.replace(/\n/g, '\r\n'), 'gb18030')],
  ];
  const tool = (command: string) => spawnSync(command, ['--version']).status === 0;
  for (const [name, bytes] of cases) {
    it(`${name}: patch and git apply give the bytes fix writes`, (t) => {
      if (!tool('patch') || !tool('git')) {
        t.skip('patch or git is missing');
        return;
      }
      const dir = project({ 'a.txt': bytes }, false);
      const dry = spawnSync(process.execPath, [path.join(__dirname, '../../../../server/out/cli.js'), 'fix', '--dry-run', 'a.txt'], { cwd: dir, env: { ...process.env, LANG: 'C.UTF-8' } });
      assert.equal(dry.status, 1, dry.stderr.toString());
      const diff = dry.stdout as Buffer;
      for (const copy of ['patched', 'applied']) fs.writeFileSync(path.join(dir, `${copy}.txt`), bytes);
      const patched = spawnSync('patch', ['--batch', '--silent', 'patched.txt'], { cwd: dir, input: diff });
      assert.equal(patched.status, 0, patched.stdout.toString() + patched.stderr.toString());
      fs.writeFileSync(path.join(dir, 'applied.diff'), Buffer.from(diff.toString('latin1').replace(/^(---|\+\+\+) ([ab])\/a\.txt$/gm, '$1 $2/applied.txt'), 'latin1'));
      const applied = spawnSync('git', ['apply', '--unsafe-paths', 'applied.diff'], { cwd: dir });
      assert.equal(applied.status, 0, applied.stderr.toString());
      const fix = runCli(['fix', 'a.txt'], { cwd: dir });
      assert.equal(fix.status, 0, fix.stderr);
      const written = fs.readFileSync(path.join(dir, 'a.txt'));
      assert.notDeepEqual(written, bytes, 'the file had something to fix');
      assert.deepEqual(fs.readFileSync(path.join(dir, 'patched.txt')), written, 'patch(1)');
      assert.deepEqual(fs.readFileSync(path.join(dir, 'applied.txt')), written, 'git apply');
    });
  }
});

describe('corpus-lens fix --rules and the audit log', () => {
  it('applies the fixes of the rules named only', () => {
    const dir = project({ 'a.txt': DAMAGED });
    const result = runCli(['fix', '--rules', 'cjk-space', 'a.txt'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), DAMAGED.replace('习 近平', '习近平'));
    const log = readLog(dir);
    assert.deepEqual(log.map((r) => [r.file, r.line, r.character, r.rule, r.before, r.after]), [['a.txt', 2, 11, 'cjk-space', ' ', '']]);
  });

  it('logs to the nearest project folder above the file, by the path below it', () => {
    const dir = project({ 'corpus/2020/a.txt': DAMAGED });
    assert.equal(runCli(['fix', path.join(dir, 'corpus')], { cwd: scratch }).status, 0);
    assert.deepEqual([...new Set(readLog(dir).map((r) => r.file))], ['corpus/2020/a.txt']);
  });

  it('logs to ./.corpus-lens/fixes.jsonl for a file in no project, run in no project', () => {
    const dir = project({ 'a.txt': DAMAGED }, false);
    assert.equal(runCli(['fix', 'a.txt'], { cwd: dir }).status, 0);
    assert.equal(readLog(dir).length, 3);
  });

  it('logs a file in no project next to it, never in the current folder, and says where', () => {
    const outside = project({ 'a.txt': DAMAGED }, false);
    const dir = project({ 'sub/b.txt': CLEAN });
    const result = runCli(['fix', path.join(outside, 'a.txt')], { cwd: path.join(dir, 'sub') });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!fs.existsSync(path.join(dir, 'sub', '.corpus-lens')));
    assert.deepEqual(readLog(dir), [], "nothing in the current folder's project");
    assert.deepEqual([...new Set(readLog(outside).map((r) => r.file))], ['a.txt']);
    assert.match(result.stderr, /1 file in no project: edits logged in .*\.corpus-lens\/fixes\.jsonl$/m);
  });

  it('logs the files of a folder in no project in that folder, by their paths below it', () => {
    const outside = project({ 'corpus/2020/a.txt': DAMAGED, 'corpus/b.txt': DAMAGED }, false);
    const result = runCli(['fix', 'corpus'], { cwd: outside });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!fs.existsSync(path.join(outside, '.corpus-lens')));
    assert.deepEqual([...new Set(readLog(path.join(outside, 'corpus')).map((r) => r.file))], ['2020/a.txt', 'b.txt']);
    assert.match(result.stderr, /^corpus-lens fix: 2 files in no project: edits logged in corpus\/\.corpus-lens\/fixes\.jsonl$/m);
  });

  it('logs the pass of every edit, placed in the text of its pass', () => {
    // A tripled 的: each pass deletes one copy.
    const text = HEAD + '会议强调，要推动经济高质量的的的发展。\n';
    const dir = project({ 'a.txt': text });
    assert.equal(runCli(['fix', 'a.txt'], { cwd: dir }).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), text.replace('的的的', '的'));
    const log = readLog(dir);
    assert.deepEqual(log.map((r) => [r.pass, r.rule, r.before]), [[1, 'duplicate-text', '的'], [2, 'duplicate-text', '的']]);
    const texts = [text, text.slice(0, log[0].span.start) + text.slice(log[0].span.end)];
    for (const r of log) {
      const ofPass = texts[r.pass - 1];
      assert.equal(ofPass.slice(r.span.start, r.span.end), r.before);
      assert.deepEqual(new LineIndex(ofPass).positionAt(r.span.start), { line: r.line, character: r.character });
    }
  });

  it('follows the project config: a rule turned off is not fixed', () => {
    const dir = project({ 'a.txt': DAMAGED, '.corpus-lens/config.json': '{ "rules": { "halfwidth-punctuation": "off" } }' });
    assert.equal(runCli(['fix', 'a.txt'], { cwd: dir }).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), DAMAGED.replace('习 近平', '习近平'));
  });

  it('reports a missing file with exit code 2 and fixes the others', () => {
    const dir = project({ 'a.txt': DAMAGED });
    const result = runCli(['fix', 'nope.txt', 'a.txt'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /nope\.txt: no such file or folder/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), DAMAGED_FIXED);
  });
});

describe('corpus-lens fix and ignored findings', () => {
  it('leaves an ignored place as it is, through every pass and inside a fix for the whole file', () => {
    // Enough ASCII commas for one file-level fix, and the space in 习 近平 ignored.
    const text = HEAD + Array.from({ length: 6 }, () => '会议强调,总书记习 近平同志,推动高质量发展。').join('\n') + '\n';
    const first = text.indexOf('习 ') + 1;
    const firstComma = text.indexOf(',');
    const entries = [anchorOf('a.txt', 'cjk-space', text, { start: first, end: first + 1 })!, anchorOf('a.txt', 'halfwidth-punctuation', text, { start: firstComma, end: firstComma + 1 })!];
    const dir = project({ 'a.txt': text, '.corpus-lens/ignore.json': JSON.stringify(ignoreFileData(entries)) });
    const result = runCli(['fix', 'a.txt'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const fixed = fs.readFileSync(path.join(dir, 'a.txt'), 'utf8');
    const lines = fixed.split('\n').filter((l) => l.startsWith('会议'));
    assert.equal(lines[0], '会议强调,总书记习 近平同志，推动高质量发展。', 'both ignored places kept');
    for (const line of lines.slice(1)) assert.equal(line, '会议强调，总书记习近平同志，推动高质量发展。');
  });
});

describe('corpus-lens fix never writes bytes it cannot reproduce', () => {
  const refusal = /not fixed: its bytes do not survive decoding and re-encoding \(.*\); fix it by hand or convert it first/;

  it('refuses damaged UTF-8 (seed 001 with one invalid byte), and fixes the other files', () => {
    const damaged = damagedSeed001();
    const dir = project({ 'damaged.txt': damaged, 'a.txt': DAMAGED });
    const lint = runCli(['lint', '--format', 'json', 'damaged.txt'], { cwd: dir });
    const [file] = JSON.parse(lint.stdout).files;
    assert.equal(file.encoding, 'utf-8', 'damaged UTF-8, not GB18030');
    assert.ok(file.diagnostics.some((d: { rule: string; message: string }) => d.rule === 'mojibake' && /�/.test(d.message)));
    const result = runCli(['fix', '.'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, new RegExp(`^corpus-lens: damaged\\.txt: ${refusal.source}$`, 'm'));
    assert.match(result.stderr, /damaged UTF-8/);
    assert.match(result.stderr, /^corpus-lens fix: 1 of 2 files changed, 3 edits \(cjk-space 1, halfwidth-punctuation 2\), 1 not fixed$/m);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'damaged.txt')), damaged);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), DAMAGED_FIXED);
    assert.deepEqual([...new Set(readLog(dir).map((r) => r.file))], ['a.txt']);
  });

  it('says so in --dry-run too, and prints no diff for the file', () => {
    const dir = project({ 'damaged.txt': damagedSeed001() });
    const result = runCli(['fix', '--dry-run', 'damaged.txt'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, refusal);
  });

  for (const [name, odd] of [['0x80 (€)', [0x80]], ['A3A0', [0xa3, 0xa0]]] as const) {
    it(`refuses a GB18030 file with ${name}, which the encoder would write otherwise`, () => {
      const bytes = Buffer.concat([iconv.encode(DAMAGED.slice(0, -1), 'gb18030'), Buffer.from(odd), Buffer.from('\n')]);
      const dir = project({ 'gb.txt': bytes });
      const result = runCli(['fix', 'gb.txt'], { cwd: dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, refusal);
      assert.match(result.stderr, /GB18030 sequence the encoder writes differently/);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'gb.txt')), bytes);
    });
  }

  it('keeps a second BOM (U+FEFF) after the BOM of a UTF-8 file', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const dir = project({ 'bom.txt': Buffer.concat([bom, bom, Buffer.from(DAMAGED)]) });
    assert.equal(runCli(['fix', 'bom.txt'], { cwd: dir }).status, 0);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'bom.txt')), Buffer.concat([bom, bom, Buffer.from(DAMAGED_FIXED)]));
  });

  it('fixes UTF-16BE and UTF-16LE files in their own encoding', () => {
    const be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
    const le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const dir = project({ 'be.txt': be(DAMAGED), 'le.txt': le(DAMAGED) });
    assert.equal(runCli(['fix', '.'], { cwd: dir }).status, 0);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'be.txt')), be(DAMAGED_FIXED));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'le.txt')), le(DAMAGED_FIXED));
  });
});

describe('corpus-lens fix on links, CRLF diffs and the counts', () => {
  it('fixes the target of a symbolic link and keeps the link', () => {
    const dir = project({ 'corpus/a.txt': DAMAGED });
    fs.symlinkSync(path.join('corpus', 'a.txt'), path.join(dir, 'link.txt'));
    const result = runCli(['fix', 'link.txt'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink());
    assert.equal(fs.readlinkSync(path.join(dir, 'link.txt')), path.join('corpus', 'a.txt'));
    assert.equal(fs.readFileSync(path.join(dir, 'corpus', 'a.txt'), 'utf8'), DAMAGED_FIXED);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'corpus')), ['a.txt'], 'no temporary file left');
  });

  it('prints the diff of a CRLF file with CRLF lines, which patch(1) applies', (t) => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const dir = project({ 'a.txt': crlf(DAMAGED) });
    const result = runCli(['fix', '--dry-run', 'a.txt'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^-会议指出,要深入领会习 近平总书记重要讲话精神,推动高质量发展。\r\n\+会议指出，要深入领会习近平总书记重要讲话精神，推动高质量发展。\r\n$/m);
    if (spawnSync('patch', ['--version']).status !== 0) {
      t.skip('no patch(1) on this machine');
      return;
    }
    const patched = spawnSync('patch', ['-p1', '--batch', '--silent'], { cwd: dir, input: result.stdout, encoding: 'utf8' });
    assert.equal(patched.status, 0, patched.stdout + patched.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), crlf(DAMAGED_FIXED));
  });

  it('counts the files read as lint does, and the unreadable ones apart', () => {
    const dir = project({ 'a.txt': DAMAGED, 'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) });
    const lint = runCli(['lint', '.', 'nope.txt'], { cwd: dir });
    assert.match(lint.stdout, /^1 file, 3 findings \(3 information\), 2 unreadable$/m);
    const fix = runCli(['fix', '.', 'nope.txt'], { cwd: dir });
    assert.equal(fix.status, 2);
    assert.match(fix.stderr, /^corpus-lens fix: 1 of 1 file changed, 3 edits \(cjk-space 1, halfwidth-punctuation 2\), 2 unreadable$/m);
  });
});

describe('fixText', () => {
  const result = (findings: Finding[]): LintResult => ({ findings, shown: findings, shownNear: () => findings, total: findings.length, overCap: false, findingsTouching: () => [], ignored: 0, ignoredSpans: [], failures: [] });
  const finding = (start: number, end: number, newText: string, rule = 'cjk-space'): Finding => ({
    rule,
    span: { start, end },
    message: { zh: '', en: '' },
    fixes: [{ title: { zh: '', en: '' }, edits: [{ span: { start, end }, newText }], safe: true }],
    severity: 'warning',
  });

  it('fixes in passes until nothing changes, placing each edit in the text of its pass', () => {
    // A fake lint: "ab" → "a" first, then the "aa" that reveals → "a".
    const lint = (text: string) => {
      const at = text.indexOf('ab');
      if (at >= 0) return result([finding(at + 1, at + 2, '')]);
      const aa = text.indexOf('aa');
      return result(aa >= 0 ? [finding(aa, aa + 1, '')] : []);
    };
    const outcome = fixText('x\naab', lint);
    assert.equal(outcome.text, 'x\na');
    assert.deepEqual(outcome.edits.map((e) => [e.line, e.character, e.before]), [[1, 2, 'b'], [1, 0, 'a']]);
    assert.equal(outcome.hanProblem, null);
  });

  it('refuses fixes that would lose a Han character, and leaves the text as it is', () => {
    const outcome = fixText('习 近平', () => result([finding(0, 2, '')]));
    assert.equal(outcome.text, '习 近平');
    assert.deepEqual(outcome.edits, []);
    assert.match(outcome.hanProblem ?? '', /Han character/);
  });

  it('stops after a few passes when fixes keep coming back', () => {
    let n = 0;
    const outcome = fixText('a', (text) => result([finding(0, text.length, `a${n++}`)]));
    assert.equal(outcome.edits.length, 5);
  });
});
