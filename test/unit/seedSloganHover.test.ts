/**
 * Issue "Policy slogan glossary", done when: hovering each numbered slogan that appears in the
 * seeds shows either its sourced definition or, for a local slogan no source defines, the
 * discovery hint with the corpus context. A numbered slogan here is a quoted term that starts
 * with a numeral (“四个意识”, “十四五”, “三起来”, “一馆三中心” …), found in the seed text itself.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { discoveredAt } from '../../server/src/core/glossary/discovery';
import { hoverAt } from '../../server/src/lsp/features/hover';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { Workspace } from '../../server/src/workspace/workspace';
import { seedFiles } from '../support/paths';

const QUOTED_NUMBERED = /“([一二两三四五六七八九十百千][^”]{0,12})”/g;

describe('hover on every numbered slogan of the seeds', () => {
  const workspace = new Workspace(DEFAULT_SETTINGS, () => undefined);
  for (const file of seedFiles()) {
    it(path.basename(file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const doc = workspace.documents.get(TextDocument.create(`file://${file}`, 'zh-corpus', 1, text))!;
      const { glossary } = doc.project;
      const slogans = [...text.matchAll(QUOTED_NUMBERED)];
      const unexplained: string[] = [];
      for (const m of slogans) {
        const offset = m.index! + 1;
        const hover = hoverAt(doc, offset, glossary, () => ({ inFile: 1, inWorkspace: 1 }));
        const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        const defined = /Source: /.test(value);
        const discovered = discoveredAt(text, offset, glossary);
        if (!defined && !(discovered && discovered.slogan.occurrences.some((o) => o.context.includes(m[1].replace(/\r?\n/g, ''))))) unexplained.push(m[1]);
      }
      assert.deepEqual(unexplained, []);
    });
  }
});
