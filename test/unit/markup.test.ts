/**
 * Markup-like files (pseudo-XML exports such as the Sogou news corpus): no line is joined to a
 * tag line, and corpus-lens fix leaves the file alone.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis';
import { DEFAULT_LINT_CONFIG } from '../../server/src/core/lint/config';
import { lintDocument } from '../../server/src/core/lint/lint';
import { markupProfile, tagLayout } from '../../server/src/core/markup';
import * as iconv from 'iconv-lite';
import { runCli } from '../support/cli';
import { defaultSegmenter } from '../support/segmenters';

// Made up in the Sogou layout: one element per line, the body on one <content> line.
const DOCS = [
  '<doclist>',
  '<doc>',
  '<url>http://news.example.com/20120612/n1.shtml</url>',
  '<docno>0001</docno>',
  '<contenttitle>全市召开领导干部会议</contenttitle>',
  '<content>会议指出,要深入学习习 近平总书记重要讲话精神,推动高质量发展。</content>',
  '</doc>',
  '<doc>',
  '<url>http://news.example.com/20120612/n2.shtml</url>',
  '<docno>0002</docno>',
  '<contenttitle>加快建设副中心城市</contenttitle>',
  '<content>会议强调，要坚持实干为本，加快推动各项措施落地落实</content>',
  '</doc>',
  '</doclist>',
  '',
].join('\n');

describe('markup-like files', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-markup-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('are told from corpus text', () => {
    assert.deepEqual(markupProfile(DOCS)?.tags, ['doclist', 'doc', 'url', 'docno']);
    assert.equal(markupProfile('全市召开会议\n\n李亚指出，要用好<政策>。\n会议强调，要抓落实。\n'), null);
  });

  it('get no broken-line or split-paragraph at a tag line', () => {
    const result = lintDocument(analyzeDocument(DOCS, { segmenter: defaultSegmenter() }), defaultSegmenter(), { config: DEFAULT_LINT_CONFIG, glossary: null });
    const rules = new Set(result.findings.map((f) => f.rule));
    assert.ok(!rules.has('broken-line') && !rules.has('split-paragraph'), [...rules].join(', '));
    assert.ok(rules.has('halfwidth-punctuation'), 'the body is still checked');
  });

  it('are left alone by fix, which says so', () => {
    const file = path.join(scratch, 'sogou.txt');
    fs.writeFileSync(file, DOCS);
    const result = runCli(['fix', 'sogou.txt'], { cwd: scratch });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /sogou\.txt: left alone: 14 of its 14 lines are markup \(<doclist>, <doc>, <url>, <docno>\)/);
    assert.equal(fs.readFileSync(file, 'utf8'), DOCS);
  });
});

// Made up in the same layout: bodies that end without a full stop (the next document's tags
// then stand between two halves of what reads as one sentence), two with damage inside.
const BODIES = [
  '会议指出，要深入学习贯彻会议精神，推动高质量发展',
  '会议强调,要坚持实干为本，加快推动各项措施落地落实。',
  '市政府召开常务会议，研究部署下一阶段重点工作',
  '全市上下要统一思想，凝心聚力，确保完成全年目标任务。',
  '各地区各部门要切实履行职责，抓 好工作落实',
  '记者从市发改委获悉，今年前五个月全市经济运行总体平稳。',
  '会议要求，要把安全生产摆在突出位置',
];
const SOGOU = [
  '<doclist>',
  ...BODIES.flatMap((body, i) => [
    '<doc>',
    `<url>http://news.example.com/2012/n${i}.shtml</url>`,
    `<docno>000${i}</docno>`,
    `<contenttitle>全市召开第${i + 1}次工作会议</contenttitle>`,
    `<content>${body}</content>`,
    '</doc>',
  ]),
  '</doclist>',
  '',
].join('\n');

describe('a pseudo-XML file under lint', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-markup-lint-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const lines = SOGOU.split('\n');
  const layout = tagLayout(SOGOU);

  it('reports nothing on a tag or a tag line without Chinese, and still checks the contents', () => {
    const file = path.join(scratch, 'sogou.txt');
    fs.writeFileSync(file, iconv.encode(SOGOU, 'gb18030'));
    const result = runCli(['lint', '--format', 'json', '--fail-on', 'none', 'sogou.txt'], { cwd: scratch });
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { files: { encoding: string; diagnostics: { rule: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[] };
    assert.equal(report.files[0].encoding, 'gb18030');
    const diagnostics = report.files[0].diagnostics;
    for (const d of diagnostics) {
      const { start, end } = d.range;
      const line = lines[start.line];
      assert.ok(/<content>|<contenttitle>/.test(line) && start.line === end.line, `${d.rule} on line ${start.line + 1} (${line}): ${d.message}`);
      const tagged = [...line.matchAll(/<\/?[a-z]+>/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
      assert.ok(!tagged.some((t) => t.start < end.character && start.character < t.end), `${d.rule} on a tag: ${d.message}`);
    }
    const rules = diagnostics.map((d) => d.rule).sort();
    assert.ok(rules.includes('halfwidth-punctuation') && rules.includes('cjk-space'), rules.join(', '));
    assert.ok(!rules.includes('page-residue') && !rules.includes('empty-article'), rules.join(', '));
  });

  it('finds the tags of every tag line, and the tag lines without Chinese', () => {
    assert.equal(layout.tags.length, 1 + BODIES.length * 10 + 1);
    assert.equal(layout.bareLines.length, 2 + BODIES.length * 4);
    assert.deepEqual(tagLayout('全市召开会议\n\n李亚指出，要用好<政策>。\n'), { tags: [], bareLines: [] });
  });
});
