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
import { markupProfile } from '../../server/src/core/markup';
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
