/**
 * The project model the editor and the command line share: which project a file belongs to,
 * what a project reads, when it is read again, and that analysis never changes the shared
 * segmenter.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { anchorOf } from '../../server/src/core/lint/ignore';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { Project, ProjectSettings } from '../../server/src/workspace/project';
import { Projects } from '../../server/src/workspace/projects';
import { Workspace } from '../../server/src/workspace/workspace';
import { defaultSegmenter } from '../support/segmenters';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-workspace-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

let n = 0;
/** A folder with the given files (paths relative to it). */
function folder(files: Record<string, string>): string {
  const dir = path.join(scratch, `w${n++}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const GLOSSARY = JSON.stringify({
  entries: [{ term: '三服务', definition: { zh: '服务企业、服务群众、服务基层', en: 'three services' }, since: { date: '2019', event: '会议' }, scope: { level: 'local', place: '某市' }, source: { title: 't', publisher: 'p', date: '2019' } }],
});
const SETTINGS: ProjectSettings = { lint: DEFAULT_LINT_CONFIG, glossaries: [] };
const TEXT = '标题\n\n本报讯 这是一篇文章，讲到“三服务”。要深入领会、准确把握习 近平总书记重要讲话精神。\n';

/** Projects over the default segmenter that count how often a backend was asked for. */
function projects(folders: string[] = [], settings = SETTINGS) {
  const loads = { n: 0 };
  const read: Project[] = [];
  const all = new Projects(settings, () => (loads.n++, defaultSegmenter()), folders, (p) => read.push(p));
  return { all, loads, read };
}

describe('a file’s project', () => {
  it('is the nearest folder with a .corpus-lens folder, else the innermost workspace folder, else none', () => {
    const ws = folder({ 'inner/.corpus-lens/config.json': '{}', 'inner/deep/a.txt': TEXT, 'b.txt': TEXT });
    const { all } = projects([ws]);
    assert.equal(all.of(path.join(ws, 'inner', 'deep', 'a.txt')).root, path.join(ws, 'inner'));
    assert.equal(all.of(path.join(ws, 'b.txt')).root, ws);
    assert.equal(projects().all.of(path.join(ws, 'b.txt')).root, null);
    assert.equal(all.of(null).root, null);
  });

  it('is read once, with its glossary over the bundled one', () => {
    const ws = folder({ '.corpus-lens/glossary.json': GLOSSARY });
    const { all, read } = projects();
    const project = all.of(path.join(ws, 'a.txt'));
    assert.equal(all.of(path.join(ws, 'b.txt')), project);
    assert.equal(read.length, 1);
    assert.ok(project.glossary.lookup('三服务'));
    assert.ok(project.glossary.lookup('四个意识'), 'the bundled glossary is there too');
    assert.ok(!projects().all.of(null).glossary.lookup('三服务'));
  });

  it('takes its config.json under the command-line flags', () => {
    const ws = folder({ '.corpus-lens/config.json': JSON.stringify({ rules: { 'cjk-space': 'error' }, spacing: 'copywriting' }) });
    const plain = projects().all.of(path.join(ws, 'a.txt'));
    assert.equal(plain.config.rules['cjk-space'], 'error');
    assert.equal(plain.config.spacing, 'copywriting');
    const flagged = projects([], { ...SETTINGS, flags: { rules: ['mojibake'], spacing: 'newspaper' } }).all.of(path.join(ws, 'a.txt'));
    assert.equal(flagged.config.rules['cjk-space'], 'off');
    assert.equal(flagged.config.spacing, 'newspaper');
  });

  it('reports a broken project file and uses the defaults', () => {
    const ws = folder({ '.corpus-lens/config.json': '{ "rules": ' });
    const project = projects().all.of(path.join(ws, 'a.txt'));
    assert.deepEqual(project.config, DEFAULT_LINT_CONFIG);
    assert.ok(project.reports.some((r) => r.file.endsWith('config.json') && r.diagnostics.length > 0));
  });
});

describe('reading projects again', () => {
  it('keeps the segmenter when only config.json or ignore.json changed, and makes a new one when the glossary did', () => {
    const ws = folder({ '.corpus-lens/config.json': '{}', '.corpus-lens/glossary.json': GLOSSARY });
    const { all } = projects();
    const before = all.of(path.join(ws, 'a.txt'));
    fs.writeFileSync(path.join(ws, '.corpus-lens', 'config.json'), JSON.stringify({ rules: { mojibake: 'off' } }));
    all.filesChanged([path.join(ws, '.corpus-lens', 'config.json')]);
    const configured = all.of(path.join(ws, 'a.txt'));
    assert.notEqual(configured, before);
    assert.equal(configured.config.rules.mojibake, 'off');
    assert.equal(configured.segmenter, before.segmenter);
    all.filesChanged([path.join(ws, '.corpus-lens', 'glossary.json')]);
    assert.notEqual(all.of(path.join(ws, 'a.txt')).segmenter, before.segmenter);
  });

  it('leaves projects whose files did not change as they are', () => {
    const one = folder({ '.corpus-lens/config.json': '{}' });
    const two = folder({ '.corpus-lens/config.json': '{}' });
    const { all } = projects();
    const kept = all.of(path.join(two, 'a.txt'));
    all.of(path.join(one, 'a.txt'));
    all.filesChanged([path.join(one, '.corpus-lens', 'config.json')]);
    assert.equal(all.of(path.join(two, 'a.txt')), kept);
  });

  it('finds a .corpus-lens folder made since', () => {
    const ws = folder({ 'sub/a.txt': TEXT });
    const { all } = projects([ws]);
    assert.equal(all.of(path.join(ws, 'sub', 'a.txt')).root, ws);
    fs.mkdirSync(path.join(ws, 'sub', '.corpus-lens'));
    fs.writeFileSync(path.join(ws, 'sub', '.corpus-lens', 'config.json'), '{}');
    all.filesChanged([path.join(ws, 'sub', '.corpus-lens', 'config.json')]);
    assert.equal(all.of(path.join(ws, 'sub', 'a.txt')).root, path.join(ws, 'sub'));
  });
});

describe('the segmenter', () => {
  it('is loaded only when a text is segmented', () => {
    const ws = folder({ '.corpus-lens/glossary.json': GLOSSARY });
    const { all, loads } = projects();
    const project = all.of(path.join(ws, 'a.txt'));
    assert.ok(project.glossary.lookup('三服务'));
    assert.equal(loads.n, 0, 'reading a project and its glossary loads no segmenter');
    project.analyze(TEXT);
    assert.ok(loads.n > 0);
  });

  it('is never changed by analysis: a project’s glossary phrases and a text’s names stay in layers', () => {
    const backend = defaultSegmenter();
    const sample = '刘宛康强调增强落实力执行力，三服务';
    const cutBefore = backend.cut(sample).join('/');
    const ws = folder({ '.corpus-lens/glossary.json': GLOSSARY });
    const project = projects().all.of(path.join(ws, 'a.txt'));
    project.lint(project.analyze('刘宛康强调增强落实力执行力。市委书记刘宛康指出，要抓好“三服务”。\n'), null);
    assert.equal(backend.cut(sample).join('/'), cutBefore);
    assert.ok(project.segmenter.cut('要抓好三服务工作').includes('三服务'));
  });
});

describe('the editor’s workspace', () => {
  const open = (file: string, text: string, version = 1) => TextDocument.create(pathToFileURL(file).toString(), 'zh-corpus', version, text);

  it('analyses an open document under its project and lints it once per version', () => {
    const ws = folder({ '.corpus-lens/glossary.json': GLOSSARY });
    const workspace = new Workspace(DEFAULT_SETTINGS, () => undefined);
    workspace.setFolders([ws]);
    const doc = workspace.documents.get(open(path.join(ws, 'a.txt'), TEXT))!;
    assert.equal(doc.project.root, ws);
    assert.ok(doc.project.glossary.lookup('三服务'));
    assert.equal(workspace.documents.lint(doc), workspace.documents.lint(doc));
  });

  it('keeps a document’s analysis when only an ignore file changed, and lints it again', () => {
    const ws = folder({ '.corpus-lens/config.json': '{}' });
    const workspace = new Workspace(DEFAULT_SETTINGS, () => undefined);
    workspace.setFolders([ws]);
    const document = open(path.join(ws, 'a.txt'), TEXT);
    const first = workspace.documents.get(document)!;
    const findings = workspace.documents.lint(first).findings;
    const space = findings.find((f) => f.rule === 'cjk-space');
    assert.ok(space, JSON.stringify(findings.map((f) => f.rule)));
    const anchor = anchorOf('a.txt', 'cjk-space', TEXT, space.span);
    fs.writeFileSync(path.join(ws, '.corpus-lens', 'ignore.json'), JSON.stringify({ version: 1, ignore: [anchor] }));
    workspace.projectFilesChanged([path.join(ws, '.corpus-lens', 'ignore.json')]);
    const second = workspace.documents.get(document)!;
    assert.equal(second.analysis, first.analysis, 'the analysis is kept');
    const after = workspace.documents.lint(second);
    assert.ok(!after.findings.some((f) => f.rule === 'cjk-space'));
    assert.equal(after.ignored, 1);
  });

  it('lists the corpus texts of its folders and its open documents, once each', () => {
    const ws = folder({ 'a.txt': TEXT, 'b.corpus': TEXT, 'notes.md': '# notes', 'sub/c.txt': TEXT });
    const workspace = new Workspace(DEFAULT_SETTINGS, () => undefined);
    workspace.setFolders([ws]);
    const edited = open(path.join(ws, 'a.txt'), TEXT + '补一句。\n', 2);
    const texts = workspace.texts([edited]);
    assert.deepEqual(texts.map((t) => path.basename(new URL(t.uri).pathname)).sort(), ['a.txt', 'b.corpus', 'c.txt']);
    assert.equal(texts.find((t) => t.uri === edited.uri)?.text, edited.getText());
  });
});
