/**
 * The quick-fix menu: one fix-all per rule, the place's own fix first, and never two actions
 * that make the same edits (a rule's fix-all and the file's fix-all when one rule has all the
 * safe fixes; a finding for the whole file and its first place).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/lsp/features/codeActions';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { Workspace } from '../../server/src/workspace/workspace';
import { SEEDS_DIR } from '../support/paths';

const workspace = new Workspace(DEFAULT_SETTINGS, () => undefined);
let n = 0;

function actionsAt(text: string, offset: number, only?: string[]): CodeAction[] {
  const doc = workspace.documents.get(TextDocument.create(`file:///actions-${n++}.corpus.txt`, 'zh-corpus', 1, text))!;
  const findings = workspace.documents.lint(doc).findings;
  return codeActions({ doc, text, findings, start: offset, end: offset, only, diagnostics: [], lang: 'en', canIgnore: true });
}

const editsOf = (action: CodeAction) =>
  JSON.stringify(((action.edit?.documentChanges ?? []) as TextDocumentEdit[]).flatMap((c) => c.edits as TextEdit[]).map((e) => [e.range, e.newText]).sort());

function assertNoRepeats(actions: CodeAction[]): void {
  const withEdits = actions.filter((a) => a.edit);
  const keys = withEdits.map(editsOf);
  const repeated = withEdits.filter((a, k) => keys.indexOf(keys[k]) !== k).map((a) => a.title);
  assert.deepEqual(repeated, [], `actions that repeat another's edits, among: ${actions.map((a) => a.title).join(' | ')}`);
}

describe('the quick-fix menu', () => {
  const seed = fs.readFileSync(path.join(SEEDS_DIR, '002_4fb8176c685af46a.txt'), 'utf8');

  it('at a place of a file with ASCII punctuation throughout: the place’s fix first, then one fix-all of the rule', () => {
    const comma = seed.indexOf(',');
    const titles = actionsAt(seed, comma).map((a) => a.title);
    assert.match(titles[0], /^Replace with “，”/);
    assert.equal(titles.filter((t) => /^Fix all halfwidth-punctuation problems/.test(t)).length, 1, titles.join(' | '));
    assert.ok(titles.indexOf(titles.find((t) => /^Fix all halfwidth/.test(t))!) < titles.findIndex((t) => /^Ignore/.test(t)));
  });

  it('leaves out the file’s fix-all in a menu of every kind when one rule’s fix-all does the same', () => {
    const text = '测试标题甲 测试标题乙\n\n会议指出,要深入学习,推动高质量发展。\n';
    const all = actionsAt(text, text.indexOf(','));
    assert.equal(all.filter((a) => /^Fix all/.test(a.title)).length, 1, all.map((a) => a.title).join(' | '));
    assert.match(all.find((a) => /^Fix all/.test(a.title))!.title, /Fix all halfwidth-punctuation problems in this file \(2\)/);
    // Asked for on its own (editor.codeActionsOnSave), the file's fix-all is there.
    const onSave = actionsAt(text, 0, ['source.fixAll']);
    assert.deepEqual(onSave.map((a) => a.title), ['Fix all 2 safe OCR artefacts']);
  });

  it('keeps the file’s fix-all when it does more than the rule’s', () => {
    const text = '测试标题甲 测试标题乙\n\n会议指出,要深入学习习 近平总书记讲话,推动高质量发展。\n';
    const titles = actionsAt(text, text.indexOf(',')).map((a) => a.title);
    assert.ok(titles.includes('Fix all 3 safe OCR artefacts'), titles.join(' | '));
  });

  it('never offers two actions with the same edits, anywhere in the seeds', () => {
    for (const file of fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
      const doc = workspace.documents.get(TextDocument.create(`file:///seed-${file}`, 'zh-corpus', 1, text))!;
      const findings = workspace.documents.lint(doc).findings;
      for (let k = 0; k < findings.length; k += 7) {
        const at = findings[k].span.start;
        assertNoRepeats(codeActions({ doc, text, findings, start: at, end: findings[k].span.end, diagnostics: [], lang: 'en', canIgnore: true }));
      }
    }
  });
});
