/**
 * Bounded queues: a client that sends pulls and does not read the answers must not make the
 * server's memory grow without bound (it went from 144 to 574 MB over 3,000 pulls, and past
 * 1.4 GB over 10,000), and once it reads again every answer must come, in order.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SEEDS_DIR, SERVER } from '../support/paths';

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a client that does not read what the server sends', () => {
  it('keeps the server within bounds, and gets every answer in order once it reads', { timeout: 180000 }, async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      child.stdout.pause();
      const send = (message: object) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
        child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
      };
      // ASCII commas throughout: every pull answers with a few hundred kilobytes of findings.
      const text = fs.readFileSync(path.join(SEEDS_DIR, '004_a83841e51ddda90c.txt'), 'utf8').replace(/，/g, ',');
      send({ id: 0, method: 'initialize', params: { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } } });
      send({ method: 'initialized', params: {} });
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///flow.txt', languageId: 'text', version: 1, text } } });
      // A first pull (its answer, with a string id, is not counted below) makes the server load
      // what lint loads once per process, the dictionary's word frequencies for ocr-confusion
      // among them: the baseline holds them, so the growth measured is the queue's.
      send({ id: 'warm-up', method: 'textDocument/diagnostic', params: { textDocument: { uri: 'file:///flow.txt' } } });
      await sleep(3000);
      const baseline = rssMiB(child.pid!);
      const PULLS = 5000;
      for (let n = 1; n <= PULLS; n++) {
        send({ id: n, method: 'textDocument/diagnostic', params: { textDocument: { uri: 'file:///flow.txt' } } });
        if (n % 50 === 0) await sleep(15);
      }
      await sleep(3000);
      const held = rssMiB(child.pid!);
      // Measured: 136 -> 264 MiB now; 175 -> 1,000 MiB and more before.
      assert.ok(held - baseline < 250, `the server grew from ${baseline.toFixed(0)} to ${held.toFixed(0)} MiB while the client did not read`);

      // The client reads again: every answer arrives, in order.
      const ids: number[] = [];
      let buffer = Buffer.alloc(0);
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${ids.length} answers, the last ${ids[ids.length - 1]}`)), 150000);
        child.stdout.on('data', (chunk: Buffer) => {
          buffer = Buffer.concat([buffer, chunk]);
          for (;;) {
            const headerEnd = buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) break;
            const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, headerEnd).toString('ascii'))![1]);
            if (buffer.length < headerEnd + 4 + length) break;
            const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
            buffer = buffer.subarray(headerEnd + 4 + length);
            if (typeof message.id === 'number' && !message.method) {
              assert.ok(!message.error, JSON.stringify(message.error));
              ids.push(message.id);
              if (message.id === PULLS) {
                clearTimeout(timer);
                resolve();
              }
            }
          }
        });
        child.stdout.resume();
      });
      await done;
      assert.deepEqual(ids, Array.from({ length: PULLS + 1 }, (_, k) => k));
    } finally {
      child.kill();
    }
  });
});
