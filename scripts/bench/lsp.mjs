// The language server over stdio, as an editor drives it: open a document and pull its
// diagnostics and outline, type one character at a time in places spread over the file (each
// followed by a diagnostics pull, as VS Code does), hover slogans (the first hover after each
// edit, then more), and read the server's peak resident set size from /proc.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export async function benchServer(root, file, { edits = 20, hoversPerEdit = 5 } = {}) {
  const require = createRequire(path.join(root, 'package.json'));
  const rpc = require('vscode-languageserver-protocol/node');
  const { loadGlossaries } = require(path.join(root, 'server/out/workspace/glossaries.js'));
  const text = fs.readFileSync(file, 'utf8');
  const child = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []), path.join(root, 'server/out/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onNotification(() => undefined);
  connection.onRequest(() => null);
  connection.listen();
  const folder = path.dirname(file);
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: { textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  const uri = pathToFileURL(file).href;
  const at = (fn) => async (...args) => {
    const start = performance.now();
    const value = await fn(...args);
    return { ms: performance.now() - start, value };
  };
  const pull = at(() => connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }));
  const symbols = at(() => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }));
  const hover = at((position) => connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }));

  const opened = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-corpus', version: 1, text } });
  const first = await pull();
  const outline = await symbols();
  const open = { diagnosticsMs: performance.now() - opened, outlineMs: outline.ms, diagnostics: first.value.items.length };

  // Where the slogans are, to hover them: line/character of the bundled glossary's matches.
  const { glossary } = loadGlossaries([]);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const positionOf = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - lineStarts[lo] };
  };
  const slogans = glossary.findAll(text).filter((_, k, all) => k % Math.max(1, Math.floor(all.length / 200)) === 0);
  const editTimes = [];
  const firstHovers = [];
  const hovers = [];
  let version = 1;
  const lines = lineStarts.length;
  for (let k = 0; k < edits; k++) {
    // One character typed at the start of a line spread through the file: the lines below it move.
    const line = Math.floor((lines * (k + 0.5)) / edits);
    version++;
    const started = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '的' }],
    });
    await pull();
    editTimes.push(performance.now() - started);
    for (let h = 0; h < hoversPerEdit && slogans.length; h++) {
      const match = slogans[(k * hoversPerEdit + h) % slogans.length];
      // Offsets of the text as opened: an edit on the slogan's own line moves it by one character at most.
      const position = positionOf(match.span.start + 1);
      const result = await hover(position);
      (h === 0 ? firstHovers : hovers).push(result.ms);
    }
  }
  const rss = peakRss(child.pid);
  await connection.sendRequest('shutdown');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendNotification('exit');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  connection.dispose();
  child.kill();
  return { open, editTimes, firstHovers, hovers, rss };
}

/** VmHWM of a live process, in bytes (null where /proc is not there). */
function peakRss(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb * 1024 : null;
  } catch {
    return null;
  }
}
