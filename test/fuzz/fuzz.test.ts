/**
 * Fuzz: thousands of random incremental edits (Han text, astral characters, CRLF and lone CRs,
 * spaces, ASCII punctuation, blank lines, slogans) sent to the real server over stdio, from a
 * client that has diagnostics pushed and one that pulls them, with requests in between. At each
 * checkpoint the servers' symbols and diagnostics must equal those of a fresh open of the same
 * text; no request may fail, no server may log an error or exit, their memory must stay level,
 * and applying any quick fix offered must keep the Han characters (checkHanPreserved).
 *
 * Deterministic: FUZZ_SEED (default 20261201) fixes the edits. Bounded: FUZZ_EDITS edits
 * (default 10000), stopped early after FUZZ_SECONDS (default 150) with the edits done so far
 * (at least a third of them, or the test fails).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeAction,
  CodeActionRequest,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  Range,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DELETING_RULES, checkHanPreserved } from '../../server/src/core/fixes';
import { TestClient, waitFor } from '../support/lspClient';
import { SEEDS_DIR } from '../support/paths';
import { random } from '../support/random';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const EDITS = Number(process.env.FUZZ_EDITS ?? 10000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 150);
const CHECK_EVERY = 100;

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本';
const PIECES = [
  '𠮷', '😀', '🇨🇳', '𪚥', '👨‍👩‍👧',
  '\r\n', '\n', '\n\n', '\r', '\r\n\r\n',
  ' ', '  ', '\u3000',
  ',', '.', ';', ':', '?', '??', '(', ')', '"', '!',
  '，', '。', '“', '”', '（', '）', '、',
  '四个意识', '六稳', '“放管服”', '习 近平', '李亚指出，', '会议强调，', '１２３', 'and', 'OCR',
];

function piece(next: () => number): string {
  const r = next();
  if (r < 0.45) {
    let s = '';
    const n = 1 + Math.floor(next() * 8);
    for (let k = 0; k < n; k++) s += HAN[Math.floor(next() * HAN.length)];
    return s;
  }
  return PIECES[Math.floor(next() * PIECES.length)];
}

/** One random change of `doc`, as a client sends it: a range of the current text and its new text. */
function randomChange(doc: TextDocument, next: () => number, baseLength: number): { range: Range; text: string } {
  const length = doc.getText().length;
  const start = Math.floor(next() * (length + 1));
  const grow = length < baseLength / 2 ? 0.8 : length > baseLength * 2 ? 0.2 : 0.5;
  const r = next();
  let deleteLength = 0;
  let text = '';
  if (r < grow) text = piece(next);
  else if (r < grow + (1 - grow) * 0.7) deleteLength = 1 + Math.floor(next() * 12);
  else {
    deleteLength = 1 + Math.floor(next() * 6);
    text = piece(next);
  }
  const end = Math.min(length, start + deleteLength);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text };
}

/** The text after a workspace edit's edits for `uri`. */
function applied(uri: string, text: string, action: CodeAction): string | null {
  const edit = action.edit;
  if (!edit) return null;
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) if (TextDocumentEdit.is(change) && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  edits.push(...(edit.changes?.[uri] ?? []));
  if (edits.length === 0) return null;
  const doc = TextDocument.create(uri, 'text', 0, text);
  return TextDocument.applyEdits(doc, edits);
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

describe('fuzz: random incremental edits against the real server', () => {
  let push: TestClient;
  let pull: TestClient;
  let fresh: TestClient;
  before(async () => {
    // Every finding shown (no cap), so that the deletions of fix-all can be told apart.
    const settings = { maxProblems: 1000000 };
    push = await TestClient.start({ settings });
    pull = await TestClient.start({ settings, capabilities: { textDocument: { diagnostic: {} } } });
    fresh = await TestClient.start({ settings, capabilities: { textDocument: { diagnostic: {} } } });
  });
  after(async () => {
    for (const client of [push, pull, fresh]) if (client && !client.exited) await client.stop();
  });

  it(`seed ${SEED}: ${EDITS} edits, checked every ${CHECK_EVERY}`, { timeout: (SECONDS + 120) * 1000 }, async () => {
    const next = random(SEED);
    const started = Date.now();
    const seed = fs.readFileSync(path.join(SEEDS_DIR, '000_c507521ed4d42cd6.txt'), 'utf8');
    // CRLF from the start, and a second article from another seed.
    const initial = (seed + '\n\n' + fs.readFileSync(path.join(SEEDS_DIR, '004_a83841e51ddda90c.txt'), 'utf8').slice(0, 3000)).replace(/\n/g, '\r\n');
    const uri = 'file:///fuzz/document.txt';
    await push.open(uri, initial, 'text');
    await pull.open(uri, initial, 'text');
    const failures: string[] = [];
    const request = async <T>(what: string, promise: Promise<T>): Promise<T | undefined> => {
      try {
        return await promise;
      } catch (error) {
        failures.push(`${what}: ${(error as Error).message}`);
        return undefined;
      }
    };
    const memory: { edits: number; push: number; pull: number }[] = [];
    let fixesChecked = 0;
    let done = 0;
    let checkpoints = 0;
    for (; done < EDITS; done++) {
      if ((Date.now() - started) / 1000 > SECONDS) break;
      const doc = pull.documents.get(uri)!;
      const count = next() < 0.2 ? 2 + Math.floor(next() * 2) : 1;
      const changes: { range: Range; text: string }[] = [];
      let scratch = doc;
      for (let k = 0; k < count; k++) {
        const change = randomChange(scratch, next, initial.length);
        changes.push(change);
        scratch = TextDocument.update(TextDocument.create(uri, 'text', 0, scratch.getText()), [change], 0);
      }
      await push.changeIncremental(uri, changes);
      await pull.changeIncremental(uri, changes);
      assert.equal(push.text(uri), pull.text(uri));
      // Requests between edits, as an editor sends them while the user types.
      const r = next();
      const current = pull.documents.get(uri)!;
      const position = current.positionAt(Math.floor(next() * (current.getText().length + 1)));
      const client = next() < 0.5 ? push : pull;
      if (r < 0.03) await request('hover', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
      else if (r < 0.05) await request('symbols', client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
      else if (r < 0.06) await request('folding', client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }));
      else if (r < 0.08) await request('code actions', client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }));
      else if (r < 0.1) await request('pull', pull.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));

      if ((done + 1) % CHECK_EVERY !== 0) continue;
      checkpoints++;
      const text = pull.text(uri);
      const freshUri = `file:///fuzz/fresh-${checkpoints}.txt`;
      await fresh.open(freshUri, text, 'text');
      const expectedSymbols = await request('fresh symbols', fresh.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: freshUri } }));
      const expected = ((await request('fresh pull', fresh.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: freshUri } }))) as { items: Diagnostic[] } | undefined)?.items;
      await fresh.close(freshUri);
      const report = (await request('pull', pull.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }))) as (DocumentDiagnosticReport & { items: Diagnostic[] }) | undefined;
      const where = `after ${done + 1} edits (seed ${SEED})`;
      assert.deepEqual(report?.items, expected, `pulled diagnostics ${where} differ from a fresh open`);
      assert.deepEqual(await request('symbols', pull.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })), expectedSymbols, `symbols (pull client) ${where}`);
      assert.deepEqual(await request('symbols', push.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })), expectedSymbols, `symbols (push client) ${where}`);
      await waitFor(
        () => push.diagnostics.get(uri)?.diagnostics,
        (published) => JSON.stringify(published) === JSON.stringify(expected),
        15000,
        `published diagnostics ${where} equal to a fresh open's`,
      );
      assert.ok(!(expected ?? []).some((d) => d.code === 'internal-error'), `an internal error ${where}`);
      // Every safe fix offered at a few findings keeps the Han characters: the preferred quick
      // fix, fix-all of its rule and source.fixAll (a slogan-variant replacement, never safe,
      // changes Han characters on purpose). Deletions inside the findings of duplicate-text and
      // page-residue are what those rules are for.
      const offsets = TextDocument.create(uri, 'text', 0, text);
      const spanOf = (range: Range) => ({ start: offsets.offsetAt(range.start), end: offsets.offsetAt(range.end) });
      const deleting = (expected ?? []).filter((d) => DELETING_RULES.has(String(d.code))).map((d) => spanOf(d.range));
      const sample = (expected ?? []).filter(() => next() < 0.3).slice(0, 6);
      for (const diagnostic of sample) {
        const actions = ((await request('quick fixes', pull.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }))) ?? []) as CodeAction[];
        for (const action of actions) {
          const safe = action.isPreferred || action.kind === 'source.fixAll.corpus-lens' || /^Fix all /.test(action.title);
          const after = safe ? applied(uri, text, action) : null;
          if (after === null) continue;
          const edits = (action.edit!.documentChanges ?? []).flatMap((c) => (TextDocumentEdit.is(c) ? (c.edits as TextEdit[]) : []));
          // A deleting fix may take the line breaks around its finding too (furniture between
          // the halves of a sentence goes with its breaks): the Han characters that may go are
          // those of the findings an edit that removes Han characters touches. An edit that keeps
          // them (a full-width digit made half-width inside a page number) does not make its
          // finding's Han characters go: fix-all may have left the deletion out, as it overlaps.
          const spans = edits.map((e) => ({ span: spanOf(e.range), newText: e.newText })).filter((e) => !checkHanPreserved(text.slice(e.span.start, e.span.end), e.newText).ok).map((e) => e.span);
          const deletions = deleting.filter((d) => spans.some((e) => e.start < d.end && d.start < e.end));
          const check = checkHanPreserved(text, after, deletions);
          if (!check.ok) {
            const dump = path.join(os.tmpdir(), `corpus-lens-fuzz-${SEED}.json`);
            fs.writeFileSync(dump, JSON.stringify({ text, diagnostic, action }, null, 1));
            assert.fail(`“${action.title}” ${where}: ${check.detail} (the text and the fix: ${dump})`);
          }
          fixesChecked++;
        }
        // Now and then a fix is applied for real, in both clients.
        const fix = actions.find((a) => a.isPreferred && a.edit);
        if (fix && next() < 0.3) {
          const after = applied(uri, text, fix)!;
          await push.change(uri, [TextEdit.replace({ start: { line: 0, character: 0 }, end: current.positionAt(text.length) }, after)]);
          await pull.change(uri, [TextEdit.replace({ start: { line: 0, character: 0 }, end: current.positionAt(text.length) }, after)]);
          break;
        }
      }
      memory.push({ edits: done + 1, push: rssMiB(push.pid), pull: rssMiB(pull.pid) });
      assert.deepEqual(failures, [], `failed requests ${where}`);
      assert.ok(!push.exited && !pull.exited && !fresh.exited, `a server exited ${where}`);
    }
    const seconds = (Date.now() - started) / 1000;
    const summary = memory
      .filter((_, k) => k % 10 === 0 || k === memory.length - 1)
      .map((m) => `${m.edits}:${m.push.toFixed(0)}/${m.pull.toFixed(0)}`)
      .join(' ');
    console.log(`# fuzz seed ${SEED}: ${done} edits in ${seconds.toFixed(0)} s, ${checkpoints} checkpoints, ${fixesChecked} fixes checked; RSS MiB (push/pull): ${summary}`);
    assert.ok(done >= EDITS / 3, `only ${done} of ${EDITS} edits within ${SECONDS} s`);
    assert.ok(checkpoints >= 3);
    assert.deepEqual(failures, []);
    assert.deepEqual([...push.loggedErrors, ...pull.loggedErrors, ...fresh.loggedErrors], [], 'errors logged by the servers');
    // Memory stays level: the last sample within 1.5 times the largest of the first three, plus 64 MiB.
    for (const side of ['push', 'pull'] as const) {
      const early = Math.max(...memory.slice(0, 3).map((m) => m[side]));
      const last = memory[memory.length - 1][side];
      assert.ok(last <= early * 1.5 + 64, `${side} server RSS grew from ${early.toFixed(0)} to ${last.toFixed(0)} MiB`);
    }
  });
});
