/**
 * Security: a cloned corpus may hold symbolic links in .corpus-lens and name any file in its
 * settings. Every path the project reads or writes is resolved and refused outside its project
 * or workspace folder; the audit log goes next to the files and is appended line by line;
 * glossary and corpus text is inert in hover markdown; untrusted workspaces restrict the
 * settings that read files.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { validateGlossary } from '../../server/src/core/glossary/entries';
import { FixLogRecord, OutsideError, addIgnoreEntry, appendFixLog, readIgnoreList, readProjectConfig } from '../../server/src/io/project';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { isInside, resolvedPath } from '../../server/src/io/safePaths';
import { discoveryHover, sloganMarkdown } from '../../server/src/lsp/features/hover';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { Workspace } from '../../server/src/workspace/workspace';
import { link, safeUrl, text } from '../../server/src/lsp/markdown';
import { runCli } from '../support/cli';
import { ROOT } from '../support/paths';

const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-security-')));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const DAMAGED = '会议召开 部署工作\n\n李亚\n\n会议指出,要深入学习习 近平总书记重要讲话精神。\n';
/** What an attacker wants read: a credentials file (JSON, so that its keys would show as glossary problems). */
const SECRET = '{ "aws_access_key_id": "AKIA-SECRET", "entries": 5 }\n';

let n = 0;
function folder(files: Record<string, string> = {}): string {
  const dir = path.join(scratch, `d${n++}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
const record = (file: string): FixLogRecord => ({ time: 't', file, pass: 1, line: 0, character: 0, rule: 'cjk-space', span: { start: 0, end: 1 }, before: ' ', after: '' });

describe('paths resolved through symbolic links', () => {
  it('resolves a path not there yet by its nearest existing folder', () => {
    const outside = folder();
    const dir = folder();
    fs.symlinkSync(outside, path.join(dir, '.corpus-lens'));
    assert.equal(resolvedPath(path.join(dir, '.corpus-lens', 'new', 'fixes.jsonl')), path.join(outside, 'new', 'fixes.jsonl'));
    assert.equal(isInside(dir, path.join(dir, '.corpus-lens', 'fixes.jsonl')), false);
    assert.equal(isInside(dir, path.join(dir, 'a', '..', 'b.txt')), true);
    assert.equal(isInside(dir, path.join(dir, '..', 'b.txt')), false);
  });
});

describe('corpus-lens fix and a .corpus-lens that leads elsewhere', () => {
  it('does not append to a fixes.jsonl linked outside the project, and leaves the file unfixed', () => {
    const outside = folder({ 'victim.log': 'keep\n' });
    const dir = folder({ 'a.txt': DAMAGED });
    fs.mkdirSync(path.join(dir, '.corpus-lens'));
    fs.symlinkSync(path.join(outside, 'victim.log'), path.join(dir, '.corpus-lens', 'fixes.jsonl'));
    const result = runCli(['fix', 'a.txt'], { cwd: dir });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /a\.txt: not fixed: its edits could not be logged: the audit log .* leads outside/);
    assert.equal(fs.readFileSync(path.join(outside, 'victim.log'), 'utf8'), 'keep\n');
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), DAMAGED);
  });

  it('does not write into a .corpus-lens folder linked outside the project, nor read its config', () => {
    const outside = folder({ 'config.json': '{ "rules": { "cjk-space": "off" } }' });
    const dir = folder({ 'a.txt': DAMAGED });
    fs.symlinkSync(outside, path.join(dir, '.corpus-lens'));
    const lint = runCli(['lint', 'a.txt'], { cwd: dir });
    assert.match(lint.stderr, /config\.json:1:1: this file leads outside the project folder/);
    assert.match(lint.stdout, /\[cjk-space\]/, 'the linked config is not applied');
    const fix = runCli(['fix', 'a.txt'], { cwd: dir });
    assert.equal(fix.status, 2, fix.stderr);
    assert.deepEqual(fs.readdirSync(outside), ['config.json']);
  });

  it('refuses an ignore.json linked outside, for reading and for Ignore here', () => {
    const outside = folder({ 'ignore.json': '{ "version": 1, "ignore": [] }\n' });
    const dir = folder();
    fs.mkdirSync(path.join(dir, '.corpus-lens'));
    fs.symlinkSync(path.join(outside, 'ignore.json'), path.join(dir, '.corpus-lens', 'ignore.json'));
    assert.match(String(readIgnoreList(dir).report?.diagnostics[0].message), /leads outside the project folder/);
    assert.throws(() => addIgnoreEntry(dir, { file: 'a.txt', rule: 'cjk-space', text: ' ', before: '习', after: '近平' }), OutsideError);
    assert.equal(fs.readFileSync(path.join(outside, 'ignore.json'), 'utf8'), '{ "version": 1, "ignore": [] }\n');
    assert.equal(readProjectConfig(dir, DEFAULT_LINT_CONFIG).report, null);
  });

  it('does not show the keys of a file that .corpus-lens/glossary.json links to', () => {
    const outside = folder({ 'credentials.json': SECRET });
    const dir = folder({ 'a.txt': DAMAGED });
    fs.mkdirSync(path.join(dir, '.corpus-lens'));
    fs.symlinkSync(path.join(outside, 'credentials.json'), path.join(dir, '.corpus-lens', 'glossary.json'));
    const result = runCli(['lint', 'a.txt'], { cwd: dir });
    assert.doesNotMatch(result.stderr + result.stdout, /aws_access_key_id|AKIA/);
    assert.match(result.stderr, /glossary\.json:1:1: this file leads outside the project folder/);
  });
});

describe('the audit log', () => {
  it('starts a new line after a log whose last line has no line break', () => {
    const dir = folder({ '.corpus-lens/fixes.jsonl': JSON.stringify(record('old.txt')) });
    appendFixLog(dir, [record('a.txt'), record('b.txt')]);
    const lines = fs.readFileSync(path.join(dir, '.corpus-lens', 'fixes.jsonl'), 'utf8').split('\n');
    assert.deepEqual(lines.map((l) => (l ? JSON.parse(l).file : '')), ['old.txt', 'a.txt', 'b.txt', '']);
  });
});

describe('glossaries named in settings', () => {
  it('are read inside the workspace folders only, links resolved', () => {
    const outside = folder({ 'credentials.json': SECRET });
    const glossary = JSON.stringify({ entries: [{ term: '三服务', definition: { zh: '释义', en: 'gloss' }, since: { date: '2020', event: '会议' }, scope: { level: 'national' }, source: { title: 't', publisher: 'p', date: '2020' } }] });
    const ws = folder({ 'terms/local.json': glossary });
    fs.symlinkSync(path.join(outside, 'credentials.json'), path.join(ws, 'terms', 'linked.json'));
    const paths = ['terms/local.json', '../' + path.basename(outside) + '/credentials.json', path.join(outside, 'credentials.json'), 'terms/linked.json'];
    const workspace = new Workspace({ ...DEFAULT_SETTINGS, glossary: { paths } }, () => undefined);
    workspace.setFolders([ws]);
    const loaded = workspace.projects.of(path.join(ws, 'a.txt')).loaded;
    assert.ok(loaded.glossary.lookup('三服务'));
    assert.equal(loaded.files.filter((f) => f.includes('credentials') || f.includes('linked')).length, 0);
    assert.equal(workspace.warnings.filter((w) => /outside the workspace folders/.test(w)).length, 3);
    assert.doesNotMatch(JSON.stringify(loaded.reports), /aws_access_key_id/);
  });
});

describe('hover markdown built from glossary and corpus text', () => {
  const HOSTILE = '[点击](https://evil.example/x) ![img](https://evil.example/i.png) <img src=x onerror=alert(1)> <a href="command:x">a</a> &amp;\n# 标题\n1. 列表 https://evil.example www.evil.example `code` *强调* | a | b |';
  const entry = validateGlossary(
    {
      entries: [
        {
          term: '四个[意识](command:x)',
          aliases: ['<b>别名</b>'],
          components: ['政治意识', '![x](y)'],
          definition: { zh: HOSTILE, en: HOSTILE },
          since: { date: '2016', event: HOSTILE },
          scope: { level: 'local', place: '<script>' },
          source: { title: HOSTILE, publisher: '# p', date: '2016', url: 'javascript:alert(1)' },
        },
      ],
    },
    'ws/.corpus-lens/glossary.json',
  ).entries[0];

  /** What the hostile text would form if it were not escaped: links, images, tags, entities, code, tables, URLs. */
  const LIVE_MARKUP = /\]\(|!\[|<[a-z/]|&[a-z#]|`|\||https?:\/\/|www\.|^\s*(?:#|\d+\.)/im;
  /** Markup outside backslash escapes: what a renderer would act on. */
  const unescaped = (markdown: string) => markdown.replace(/\\[!-/:-@[-`{-~]/g, '');

  it('escapes every value: no link, image, HTML, heading, list, table or bare URL is formed', () => {
    const value = sloganMarkdown(entry, { inFile: 1, inWorkspace: 2 });
    const live = unescaped(value);
    assert.doesNotMatch(live, LIVE_MARKUP, live);
    assert.ok(value.split('\n').every((line) => !/^\s*(?:#|\d+\.|[-+*>]\s|=+$)/.test(line.replace(/^\*\*?/, ''))), value);
    assert.ok(!value.includes('](javascript'), 'no link to the javascript: URL');
  });

  it('escapes the contexts of a discovered slogan, which are corpus text', () => {
    const hover = discoveryHover('三[服务](https://evil.example)', { term: 'x', occurrences: [{ span: { start: 0, end: 1 }, context: HOSTILE }], components: ['<i>x</i>'], files: 1 }, undefined);
    const live = unescaped((hover.contents as { value: string }).value);
    assert.doesNotMatch(live, LIVE_MARKUP, live);
  });

  it('links the source only to an http(s) URL, percent-encoding what would end the link', () => {
    assert.equal(safeUrl('javascript:alert(1)'), null);
    assert.equal(safeUrl('command:corpusLens.server.fixWorkspace'), null);
    assert.equal(safeUrl('file:///etc/passwd'), null);
    assert.equal(safeUrl('not a url'), null);
    assert.equal(safeUrl('https://example.org/a b(c)<d>'), 'https://example.org/a%20b%28c%29%3Cd%3E');
    assert.equal(link('新华社《文件》[1]', 'https://www.gov.cn/x.htm'), '[新华社《文件》\\[1\\]](https://www.gov.cn/x.htm)');
    assert.equal(link('a', 'ftp://example.org'), 'a');
    assert.equal(text('a\n\n# b'), 'a \\# b');
  });
});

describe('untrusted workspaces', () => {
  it('declare limited support, with the settings that read files restricted', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.restrictedConfigurations.includes('corpusLens.glossary.paths'));
    assert.match(untrusted.description, /glossary/);
  });
});
