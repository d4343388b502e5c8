/**
 * Paths that are not regular files (a character device, a FIFO, a socket) given to the CLI are
 * refused before any reading, and reading stops at the size limit even when the file's stat
 * says it is empty.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError, readCorpusFile, readRegularFile } from '../../server/src/io/files';
import { runCli } from '../support/cli';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-special-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const COMMANDS: string[][] = [['lint'], ['outline', '--format', 'json'], ['fix', '--dry-run'], ['slogans']];

function makeFifo(): string | null {
  const fifo = path.join(scratch, 'pipe.txt');
  try {
    execFileSync('mkfifo', [fifo]);
    return fifo;
  } catch {
    return null;
  }
}

describe('the CLI given a path that is not a regular file', () => {
  let server: net.Server | null = null;
  const socket = path.join(scratch, 'socket.txt');
  before(async () => {
    server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(socket, resolve);
    }).catch(() => {
      server = null;
    });
  });
  after(() => server?.close());

  const special: [string, () => string | null, RegExp][] = [
    ['a character device', () => (fs.existsSync('/dev/zero') ? '/dev/zero' : null), /is a character device, not a regular file/],
    ['a FIFO', makeFifo, /is a named pipe \(FIFO\), not a regular file/],
    ['a socket', () => (server ? socket : null), /is a socket, not a regular file/],
  ];
  for (const [what, make, message] of special) {
    it(`refuses ${what} with one line and exit 2, for each command`, (t) => {
      const target = make();
      if (!target) return t.skip(`no ${what} here`);
      for (const command of COMMANDS) {
        const run = runCli([...command, target], { timeoutMs: 20000 });
        assert.equal(run.signal, null, `${command[0]} ${target} did not end`);
        assert.equal(run.status, 2, `${command[0]}: ${run.stderr}`);
        const lines = run.stderr.split('\n').filter((l) => message.test(l));
        assert.equal(lines.length, 1, `${command[0]}: ${run.stderr}`);
      }
    });
  }

  it('still lints the regular files named with it', (t) => {
    if (!fs.existsSync('/dev/zero')) return t.skip('no /dev/zero here');
    const file = path.join(scratch, 'article.txt');
    fs.writeFileSync(file, '加快建设副中心\n\n会议指出,要推动高质量发展。\n');
    const run = runCli(['lint', '--format', 'json', '/dev/zero', file], { timeoutMs: 20000 });
    assert.equal(run.status, 2, run.stderr);
    const report = JSON.parse(run.stdout) as { files: { file: string }[] };
    assert.deepEqual(report.files.map((f) => f.file), [file]);
  });
});

describe('readRegularFile', () => {
  it('stops at the limit when the stat says less than the file holds', (t) => {
    // A kernel's pseudo-file: its stat size is 0, its text is not.
    const pseudo = '/proc/self/maps';
    if (!fs.existsSync(pseudo) || fs.statSync(pseudo).size !== 0) return t.skip('no pseudo-file of size 0 here');
    assert.throws(() => readRegularFile(pseudo, 16), (e) => e instanceof InputError && /larger than the/.test(e.message));
    assert.ok(readRegularFile(pseudo).length > 16);
  });

  it('reads a regular file whole, and refuses one over the limit', () => {
    const file = path.join(scratch, 'sized.txt');
    fs.writeFileSync(file, '会议指出，要推动高质量发展。\n'.repeat(5000));
    assert.deepEqual(readRegularFile(file), fs.readFileSync(file));
    assert.equal(readCorpusFile(file).text, fs.readFileSync(file, 'utf8'));
    assert.throws(() => readRegularFile(file, 1000), (e) => e instanceof InputError && /larger than the/.test(e.message));
  });
});
