/**
 * corpus-lens lint on the built CLI: the design §3 JSON, text and SARIF output, exit codes,
 * rule selection, message language and the project's config.json and ignore.json.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { artifactLocation } from '../../server/src/commands/sarif';
import { anchorOf } from '../../server/src/core/lint/ignore';
import { RULES } from '../../server/src/core/rules/index';
import { LineIndex } from '../../server/src/core/text';
import { runCli } from '../support/cli';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-lint-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const HEAD = '加快建设副中心 奋力实现新跨越\n\n';
/** Two ASCII commas and a stray space: three findings of layout (information) with safe fixes. */
const DAMAGED = HEAD + '会议指出,要深入领会习 近平总书记重要讲话精神,推动高质量发展。\n';
const CLEAN = HEAD + '会议强调，要坚持实干为本，推动高质量发展。\n';
/** A word printed twice: damage (a warning). */
const DOUBLED = HEAD + '会议强调，要推动推动高质量发展。\n';

let counter = 0;
/** Writes `files` (name → text) into a fresh folder under the scratch folder. */
function folder(files: Record<string, string>): string {
  const dir = path.join(scratch, `case-${counter++}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const lintJson = (args: string[], cwd?: string) => {
  const result = runCli(['lint', '--format', 'json', ...args], { cwd });
  return { ...result, json: result.stdout ? JSON.parse(result.stdout) : null };
};

describe('corpus-lens lint --format json', () => {
  it('prints the design §3 shape with a summary', () => {
    const { status, stderr, json } = lintJson(['seeds']);
    assert.equal(status, 1, stderr);
    assert.deepEqual(Object.keys(json), ['files', 'summary']);
    assert.equal(json.files.length, 5);
    assert.deepEqual(Object.keys(json.files[0]), ['file', 'encoding', 'diagnostics']);
    const withFix = json.files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics).find((d: { fixes: unknown[] }) => d.fixes.length > 0);
    assert.deepEqual(Object.keys(withFix), ['rule', 'severity', 'range', 'message', 'fixes']);
    assert.deepEqual(Object.keys(withFix.range), ['start', 'end']);
    assert.deepEqual(Object.keys(withFix.range.start), ['line', 'character']);
    assert.deepEqual(Object.keys(withFix.fixes[0]), ['title', 'safe', 'edits']);
    assert.deepEqual(Object.keys(withFix.fixes[0].edits[0]), ['range', 'newText']);
    const { summary } = json;
    assert.deepEqual(Object.keys(summary), ['files', 'findings', 'bySeverity', 'byRule', 'ignored', 'unreadable']);
    const all = json.files.flatMap((f: { diagnostics: { severity: string }[] }) => f.diagnostics);
    assert.equal(summary.files, 5);
    assert.equal(summary.findings, all.length);
    assert.deepEqual(Object.keys(summary.bySeverity), ['error', 'warning', 'information', 'hint']);
    assert.equal(summary.bySeverity.hint, all.filter((d: { severity: string }) => d.severity === 'hint').length);
    assert.equal(Object.values(summary.byRule as Record<string, number>).reduce((a, b) => a + b, 0), all.length);
    assert.deepEqual(summary.unreadable, []);
  });
});

describe('corpus-lens lint --format text', () => {
  it('prints path:line:col: severity [rule] message (1-based) and a summary line', () => {
    const dir = folder({ 'a.txt': DAMAGED });
    const text = runCli(['lint', 'a.txt', '--fail-on', 'information'], { cwd: dir });
    assert.equal(text.status, 1);
    const lines = text.stdout.trimEnd().split('\n');
    const { json } = lintJson(['a.txt'], dir);
    const d = json.files[0].diagnostics[0];
    assert.equal(lines[0], `a.txt:${d.range.start.line + 1}:${d.range.start.character + 1}: information [halfwidth-punctuation] ${d.message}`);
    assert.equal(lines[0], 'a.txt:3:5: information [halfwidth-punctuation] ASCII “,” in a Chinese sentence: use “，”');
    assert.equal(lines.length, 4);
    assert.equal(lines[3], '1 file, 3 findings (3 information)');
    assert.equal(runCli(['lint', 'clean.txt'], { cwd: folder({ 'clean.txt': CLEAN }) }).stdout, '1 file, no findings\n');
  });
  it('counts the per-place hints of a file-level finding but lists them only with --fail-on hint', () => {
    const seed = 'seeds/002_4fb8176c685af46a.txt';
    const { json } = lintJson([seed]);
    const hints = json.files[0].diagnostics.filter((d: { severity: string }) => d.severity === 'hint').length;
    assert.ok(hints > 100);
    const listed = (args: string[]) => runCli(['lint', seed, ...args]).stdout.split('\n').filter((l) => l.startsWith(seed));
    assert.equal(listed([]).length, json.files[0].diagnostics.length - hints);
    assert.match(runCli(['lint', seed]).stdout, new RegExp(`${hints} hints\\)\n\\(hints are places`));
    assert.equal(listed(['--fail-on', 'hint']).length, json.files[0].diagnostics.length);
  });
});

describe('corpus-lens lint --format sarif', () => {
  it('is a SARIF 2.1.0 log with the rules, levels, 1-based regions and fixes', () => {
    const result = runCli(['lint', 'seeds/004_a83841e51ddda90c.txt', '--format', 'sarif']);
    assert.equal(result.status, 1, result.stderr);
    const sarif = JSON.parse(result.stdout);
    const { json } = lintJson(['seeds/004_a83841e51ddda90c.txt']);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const [run] = sarif.runs;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const { driver } = run.tool;
    assert.equal(driver.name, 'corpus-lens');
    assert.equal(driver.semanticVersion, JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    const mojibake = driver.rules.find((r: { id: string }) => r.id === 'mojibake');
    assert.equal(mojibake.defaultConfiguration.level, 'error');
    assert.equal(mojibake.shortDescription.text, 'Mojibake from encoding damage');
    assert.match(mojibake.helpUri, /^file:.*docs\/rules\.md$/);
    const diagnostics = json.files[0].diagnostics;
    assert.equal(run.results.length, diagnostics.length);
    const levels = new Set(run.results.map((r: { level: string }) => r.level));
    assert.ok(levels.has('note') && levels.has('error'), 'information and hints are notes');
    diagnostics.forEach((d: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixes: { edits: { range: typeof d.range; newText: string }[] }[] }, i: number) => {
      const r = run.results[i];
      assert.equal(r.ruleId, d.rule);
      assert.equal(driver.rules[r.ruleIndex].id, d.rule);
      assert.equal(r.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[d.severity]);
      assert.equal(r.message.text, d.message);
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'seeds/004_a83841e51ddda90c.txt', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(region, { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 });
      assert.equal(r.fixes?.length ?? 0, d.fixes.length);
      d.fixes.forEach((fix, k) => {
        const replacements = r.fixes[k].artifactChanges[0].replacements;
        assert.equal(replacements.length, fix.edits.length);
        assert.equal(replacements[0].insertedContent.text, fix.edits[0].newText);
        assert.equal(replacements[0].deletedRegion.startLine, fix.edits[0].range.start.line + 1);
        assert.equal(replacements[0].deletedRegion.endColumn, fix.edits[0].range.end.character + 1);
      });
    });
    assert.deepEqual(run.invocations[0].toolExecutionNotifications, []);
  });
});

describe('corpus-lens lint exit codes', () => {
  const dir = folder({ 'damaged.txt': DAMAGED, 'doubled.txt': DOUBLED, 'clean.txt': CLEAN, 'image.txt': '\u0000\u0001PNG' });
  const status = (...args: string[]) => runCli(['lint', ...args], { cwd: dir }).status;

  it('is 0 without findings at or above --fail-on (warning by default), 1 with', () => {
    assert.equal(status('clean.txt'), 0);
    assert.equal(status('doubled.txt'), 1);
    assert.equal(status('doubled.txt', '--fail-on', 'error'), 0);
    // Layout (stray spaces, ASCII commas) is information: below the default --fail-on.
    assert.equal(status('damaged.txt'), 0);
    assert.equal(status('damaged.txt', '--fail-on', 'information'), 1);
    assert.equal(status('damaged.txt', '--fail-on', 'hint'), 1);
    assert.equal(status('damaged.txt', '--fail-on', 'none'), 0);
  });

  it('is 2 for an unreadable or missing file, and the other files are still linted', () => {
    const result = runCli(['lint', '--format', 'json', 'clean.txt', 'image.txt', 'nope.txt', 'damaged.txt'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /image\.txt: this looks like a binary file/);
    assert.match(result.stderr, /nope\.txt: no such file or folder/);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.files.map((f: { file: string }) => f.file), ['clean.txt', 'damaged.txt']);
    assert.deepEqual(json.summary.unreadable, ['nope.txt', 'image.txt']);
    assert.equal(status('image.txt', '--fail-on', 'none'), 2);
  });

  it('is 2 for usage errors', () => {
    assert.equal(status('damaged.txt', '--fail-on', 'loud'), 2);
    assert.equal(status('damaged.txt', '--format', 'xml'), 2);
  });
});

describe('corpus-lens lint --rules', () => {
  it('runs only the rules named', () => {
    const { json } = lintJson(['--rules', 'cjk-space', 'seeds']);
    const rules = new Set(json.files.flatMap((f: { diagnostics: { rule: string }[] }) => f.diagnostics.map((d) => d.rule)));
    assert.deepEqual([...rules], ['cjk-space']);
    const two = lintJson(['--rules', 'cjk-space,split-paragraph', 'seeds']).json;
    assert.deepEqual(Object.keys(two.summary.byRule), ['split-paragraph', 'cjk-space']);
  });

  it('rejects an unknown rule, listing the rules there are', () => {
    const result = runCli(['lint', '--rules', 'cjk-spaces', 'seeds']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown rule "cjk-spaces"/);
    for (const rule of RULES) assert.ok(result.stderr.includes(rule.id), rule.id);
    assert.equal(result.stdout, '');
  });
});

describe('corpus-lens lint --lang', () => {
  const dir = folder({ 'a.txt': DAMAGED });
  const messages = (args: string[], env?: NodeJS.ProcessEnv) => JSON.parse(runCli(['lint', '--format', 'json', 'a.txt', ...args], { cwd: dir, env }).stdout).files[0].diagnostics.map((d: { message: string }) => d.message);

  it('writes Chinese or English messages', () => {
    assert.equal(messages(['--lang', 'zh'])[0], '中文句子里的半角“,”应为全角“，”');
    assert.equal(messages(['--lang', 'en'])[0], 'ASCII “,” in a Chinese sentence: use “，”');
  });

  it('follows the locale by default: LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.match(messages([], { LANG: 'zh_CN.UTF-8' })[0], /^中文句子/);
    assert.match(messages([], { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })[0], /^ASCII/);
    assert.match(messages([], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' })[0], /^中文句子/);
    assert.match(messages(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })[0], /^ASCII/);
  });
});

describe('corpus-lens lint and the project folder', () => {
  const rulesOf = (json: { files: { diagnostics: { rule: string; severity: string }[] }[] }) => json.files[0].diagnostics.map((d) => `${d.rule}:${d.severity}`);

  it('reports a broken config.json as file:line:col and lints with the defaults', () => {
    const dir = folder({ 'docs/a.txt': DAMAGED, '.corpus-lens/config.json': '{\n  "rules": { "cjk-space": "off" \n' });
    const broken = lintJson(['docs/a.txt'], dir);
    assert.match(broken.stderr, /^\.corpus-lens\/config\.json:3:1: JSON syntax error: /m);
    assert.deepEqual(rulesOf(broken.json), ['halfwidth-punctuation:information', 'cjk-space:information', 'halfwidth-punctuation:information']);
  });

  it('reports a wrong value where it is and keeps the rest of the config', () => {
    const dir = folder({ 'a.txt': DAMAGED, '.corpus-lens/config.json': '{\n  "rules": { "cjk-space": "loud", "halfwidth-punctuation": "off" }\n}\n' });
    const result = lintJson(['a.txt'], dir);
    assert.match(result.stderr, /^\.corpus-lens\/config\.json:2:27: "cjk-space": "loud" is not one of/m);
    assert.deepEqual(rulesOf(result.json), ['cjk-space:information']);
  });

  it('turns a rule off and changes a severity as config.json says, for files in subfolders too', () => {
    const dir = folder({ 'sub/deeper/a.txt': DAMAGED, '.corpus-lens/config.json': JSON.stringify({ rules: { 'cjk-space': 'off', 'halfwidth-punctuation': 'error' } }) });
    const result = lintJson(['sub'], dir);
    assert.equal(result.stderr, '');
    assert.deepEqual(rulesOf(result.json), ['halfwidth-punctuation:error', 'halfwidth-punctuation:error']);
    assert.equal(runCli(['lint', 'sub', '--fail-on', 'error'], { cwd: dir }).status, 1);
    // --rules runs a rule the config turns off, at its default severity.
    assert.deepEqual(rulesOf(lintJson(['sub', '--rules', 'cjk-space'], dir).json), ['cjk-space:information']);
  });

  it('hides a finding that ignore.json lists, and counts it', () => {
    const dir = folder({ 'docs/a.txt': DAMAGED });
    const { json } = lintJson(['docs/a.txt'], dir);
    const space = json.files[0].diagnostics.find((d: { rule: string }) => d.rule === 'cjk-space');
    const index = new LineIndex(DAMAGED);
    const span = { start: index.offsetAt(space.range.start), end: index.offsetAt(space.range.end) };
    const entry = anchorOf('docs/a.txt', 'cjk-space', DAMAGED, span);
    fs.mkdirSync(path.join(dir, '.corpus-lens'));
    fs.writeFileSync(path.join(dir, '.corpus-lens', 'ignore.json'), JSON.stringify({ version: 1, ignore: [entry] }));
    const ignored = lintJson(['docs/a.txt'], dir);
    assert.deepEqual(rulesOf(ignored.json), ['halfwidth-punctuation:information', 'halfwidth-punctuation:information']);
    assert.equal(ignored.json.summary.ignored, 1);
    assert.match(runCli(['lint', 'docs'], { cwd: dir }).stdout, /2 findings \(2 information\), 1 ignored\n$/);
    // The entry is keyed by the path below the project root, wherever lint runs from.
    assert.equal(lintJson([path.join(dir, 'docs', 'a.txt')], scratch).json.summary.ignored, 1);
  });
});

describe('SARIF artifact locations', () => {
  it('percent-encodes each segment of a relative path (#, ?, %, spaces) and keeps the slashes', () => {
    const cwd = path.join(scratch, 'sarif root');
    const file = path.join(cwd, 'a b', 'c#1?%.txt');
    assert.deepEqual(artifactLocation(file, cwd), { uri: 'a%20b/c%231%3F%25.txt', uriBaseId: '%SRCROOT%' });
    assert.equal(new URL(artifactLocation(file, cwd).uri, pathToFileURL(cwd + path.sep)).pathname, pathToFileURL(file).pathname);
  });

  it('gives a file: URI for a file outside the current folder', () => {
    const outside = path.join(os.tmpdir(), 'x #1.txt');
    const { uri } = artifactLocation(outside, path.join(scratch, 'elsewhere'));
    assert.equal(fileURLToPath(uri), outside);
  });

  it('is what lint --format sarif writes', () => {
    const dir = folder({ 'a #1/b?.txt': DAMAGED });
    const result = runCli(['lint', '--format', 'sarif', '.'], { cwd: dir });
    assert.equal(result.stderr, '');
    const uris = new Set(JSON.parse(result.stdout).runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['a%20%231/b%3F.txt']);
  });
});

describe('corpus-lens lint --jobs', () => {
  const seeds = fs.readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join('seeds', f), 'utf8'));
  // More than 1 MB in all, so that worker threads are used; files of different sizes finish out of order.
  const files: Record<string, string> = {};
  for (let k = 0; k < 5; k++) files[`part-${k}.txt`] = Array.from({ length: 6 + 6 * k }, (_, i) => seeds[(i + k) % seeds.length]).join('\n\n');
  files['broken.txt'] = '\u0000\u0001\u0002 not text'.repeat(100);
  const dir = folder(files);

  it('writes what one job writes, in the order of the files, with the same exit code and summary', () => {
    const one = runCli(['lint', dir, '--format', 'json', '--jobs', '1']);
    const two = runCli(['lint', dir, '--format', 'json', '--jobs', '3']);
    assert.ok(fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0) > 1 << 20);
    assert.equal(two.status, one.status);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    const report = JSON.parse(two.stdout);
    assert.equal(report.summary.files, 5);
    assert.deepEqual(report.summary.unreadable, [path.join(dir, 'broken.txt')]);
  });

  it('refuses a count that is no number of threads, in one line', () => {
    const result = runCli(['lint', dir, '--jobs', 'many']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--jobs needs a number of threads from 1 to 256, not "many"/);
  });
});
