/**
 * The safety invariant of fixes: applying every offered safe fix never removes or reorders a
 * Han character, except the copies duplicate-text deletes and the page furniture
 * page-residue deletes. Checked over every seed and over generated inputs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyFixes, checkHanPreserved, intendedDeletions } from '../../../server/src/core/fixes';
import { runRules } from '../../../server/src/core/rules/index';
import { seedFiles } from '../../support/paths';
import { contextOf } from './helpers';

function assertSafe(text: string, label: string): void {
  const issues = runRules(contextOf(text));
  for (const issue of issues) {
    assert.ok(issue.span.start >= 0 && issue.span.start <= issue.span.end && issue.span.end <= text.length, `${label}: span out of range`);
    for (const fix of issue.fixes) for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end, `${label}: edit out of range`);
  }
  const result = applyFixes(text, issues);
  const check = checkHanPreserved(text, result.text, intendedDeletions(result.applied));
  assert.ok(check.ok, `${label}: ${check.detail}`);
  // Safe deletions of Han are duplicates or page furniture only.
  for (const a of result.applied) {
    if (/[\u4e00-\u9fff]/.test(a.before) && !/[\u4e00-\u9fff]/.test(a.after)) assert.ok(['duplicate-text', 'page-residue'].includes(a.rule), `${label}: ${a.rule} deletes “${a.before}”`);
  }
  // A second pass over the fixed text keeps the invariant too.
  const again = applyFixes(result.text, runRules(contextOf(result.text)));
  assert.ok(checkHanPreserved(result.text, again.text, intendedDeletions(again.applied)).ok, `${label}: second pass`);
}

describe('safe fixes keep every Han character', () => {
  for (const file of seedFiles()) {
    it(`seed ${path.basename(file)}`, () => assertSafe(fs.readFileSync(file, 'utf8'), path.basename(file)));
  }

  // Generated inputs: Chinese phrases mixed with spaces, ASCII punctuation, line breaks, blank
  // lines, full-width digits, doubled characters, page marks and stray Latin, from a fixed seed.
  const PHRASES = [
    '会议指出', '洛阳在黄河流域生态保护和高质量发展上地', '位重要', '习', '近平总书记', '重要讲话精神', '的', '了', '推动', '高质量发展',
    '3', '月', '27', '日', '2020年', '加快建设副中心', '致力打造增长极', '李亚强调', '研究研究', '落实落实再落实', '刘宛康', '阮现武 董浩',
    '“自满”', '《关于支持洛阳的若干意见》', '(洛阳)', 'GDP', '3.5%', '12:30', 'and', '２０２０', '0303', '2020年4月30日 星期四', '编辑:郭立翔',
    '一、', '一是', '𠀀', '?', '??', '\ufffd', '新发展理念',
  ];
  const SEPARATORS = ['', '', '', '，', '。', '、', ' ', '  ', '\u3000', ',', ';', ':', '?', '!', '(', ')', '\n', '\n', '\n\n', '\r\n', '\n\n\n', '”', '“'];
  let seed = 12345;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let doc = 0; doc < 60; doc++) {
    const parts: string[] = [];
    const length = 20 + random(120);
    for (let k = 0; k < length; k++) parts.push(PHRASES[random(PHRASES.length)], SEPARATORS[random(SEPARATORS.length)]);
    const text = parts.join('');
    it(`generated input ${doc}`, () => assertSafe(text, `generated ${doc}: ${JSON.stringify(text.slice(0, 60))}`));
  }
});
