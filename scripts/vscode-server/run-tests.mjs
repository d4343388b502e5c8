#!/usr/bin/env node
// Runs extension test suites (the @vscode/test-electron contract: a compiled index.js exporting
// run()) inside a real VS Code without internet: code-server (installed by install.sh) serves the
// workbench, Debian's Chromium opens it headless through playwright-core, and VS Code calls run()
// in its extension host.
//
//   node scripts/vscode-server/run-tests.mjs --tests test/out/test/e2e/index.js
//        [--extension .] [--workspace seeds] [--vsix file.vsix] [--screenshots dir] [--timeout 600]
//
// Protocol with the test side (test/e2e/harness.ts): the driver writes <tmp>/e2e-config.json
// { resultFile, screenshotRequestDir } and starts code-server with CORPUS_LENS_E2E_CONFIG=<that
// path>; the extension host inherits the server's environment. The harness appends suite events to
// <resultFile>.progress and finally writes <resultFile> { passed, failed, tests }. A screenshot is
// asked for with <screenshotRequestDir>/<name>.request ({ name, waitFor?: { selector, text?,
// frames?, state?: 'visible'|'hidden', click?, timeoutMs? }, picture? }: an element to wait for
// (or to wait out, or to click once it is there) first; picture: false only waits) and answered
// with <name>.done.
//
// Prints "✔ name" / "✖ name: error" per test and a last line "N passed, M failed"; exits 0 only if
// nothing failed and something passed. The server and the browser are always stopped.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CODE_SERVER_DIR = path.resolve(process.env.CODE_SERVER_DIR || path.join(REPO_ROOT, '.vscode-test', 'code-server'));
const ENTRY = path.join(CODE_SERVER_DIR, 'package', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CONFIG_ENV = 'CORPUS_LENS_E2E_CONFIG';
const POLL_MS = 150;

const USAGE = `usage: node scripts/vscode-server/run-tests.mjs --tests <compiled test index.js>
    [--extension <extension folder, default: repo root>] [--workspace <folder, default: seeds/>]
    [--vsix <file.vsix: install it and test it instead of the development folder>]
    [--screenshots <folder for PNGs>] [--timeout <seconds, default 600>]`;

function parseArgs(argv) {
  const options = {
    extension: REPO_ROOT,
    workspace: path.join(REPO_ROOT, 'seeds'),
    tests: undefined,
    vsix: undefined,
    screenshots: undefined,
    timeout: 600,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[1] in options)) throw new UsageError(`unknown option ${arg}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${arg} needs a value`);
    if (match[1] === 'timeout') {
      options.timeout = Number(value);
      if (!(options.timeout > 0)) throw new UsageError(`--timeout must be a positive number of seconds, not ${value}`);
    } else {
      options[match[1]] = path.resolve(value);
    }
  }
  if (!options.tests) throw new UsageError('--tests <compiled test index.js> is required');
  const mustExist = [
    ['--tests', options.tests, 'file'],
    ['--extension', path.join(options.extension, 'package.json'), 'file'],
    ['--workspace', options.workspace, 'dir'],
  ];
  if (options.vsix) mustExist.push(['--vsix', options.vsix, 'file']);
  for (const [flag, file, kind] of mustExist) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || (kind === 'dir' ? !stat.isDirectory() : !stat.isFile())) {
      throw new UsageError(`${flag}: ${file} is not an existing ${kind === 'dir' ? 'folder' : 'file'}`);
    }
  }
  return options;
}

class UsageError extends Error {}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The server's environment: ours, less what would make code-server talk to an outer VS Code,
 * with code-server's own state (logs; the config is read from the repository) in `stateDir`
 * instead of ~/.config and ~/.local/share.
 */
function serverEnv(configFile, stateDir) {
  // EXTENSIONS_GALLERY={}: no marketplace, so no look-ups that this offline machine cannot answer.
  const env = {
    ...process.env,
    [CONFIG_ENV]: configFile,
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: path.join(stateDir, 'data'),
    XDG_CONFIG_HOME: path.join(stateDir, 'config'),
    CODE_SERVER_CONFIG: path.join(REPO_ROOT, 'scripts', 'vscode-server', 'config.yaml'),
  };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'PORT' || key === 'PASSWORD' || key === 'HASHED_PASSWORD') {
      delete env[key];
    }
  }
  return env;
}

function testLine(test) {
  return test.ok ? `✔ ${test.name} (${test.ms} ms)` : `✖ ${test.name}: ${test.error ?? 'failed'}`;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`run-tests: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(ENTRY) || !fs.existsSync(path.join(CODE_SERVER_DIR, '.installed'))) {
    console.error(`run-tests: code-server is not installed in ${CODE_SERVER_DIR}: run bash scripts/vscode-server/install.sh`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`run-tests: no Chromium at ${CHROMIUM}: run bash scripts/vscode-server/install.sh (or set CHROMIUM_PATH)`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    console.error('run-tests: playwright-core is not installed: run npm install in the repository');
    console.log('0 passed, 1 failed');
    return 1;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-e2e-'));
  const logFile = path.join(tmp, 'e2e.log');
  const logFd = fs.openSync(logFile, 'a');
  const log = (line) => fs.writeSync(logFd, `[${new Date().toISOString()}] ${line}\n`);
  const userData = path.join(tmp, 'data');
  const extensionsDir = path.join(tmp, 'extensions');
  const resultFile = path.join(tmp, 'result.json');
  const progressFile = `${resultFile}.progress`;
  const requestDir = path.join(tmp, 'screenshot-requests');
  const configFile = path.join(tmp, 'e2e-config.json');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  fs.mkdirSync(requestDir);
  if (options.screenshots) fs.mkdirSync(options.screenshots, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    `${JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'git.openRepositoryInParentFolders': 'never',
        'git.enabled': false,
        'npm.autoDetect': 'off',
      },
      null,
      2,
    )}\n`,
  );
  fs.writeFileSync(configFile, `${JSON.stringify({ resultFile, screenshotRequestDir: requestDir }, null, 2)}\n`);
  const env = serverEnv(configFile, path.join(tmp, 'code-server-state'));
  log(`tmp ${tmp}; code-server ${CODE_SERVER_DIR}; options ${JSON.stringify(options)}`);

  // ---- state shared with cleanup ----
  let server;
  let browser;
  let cleaning;
  const killServer = (signal) => {
    if (server && server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid, signal); // the whole group: server, extension host, watcher, pty host
      } catch {
        try {
          server.kill(signal);
        } catch {
          /* gone */
        }
      }
    }
  };
  const cleanup = () => {
    cleaning ??= (async () => {
      await Promise.race([browser?.close().catch(() => undefined), sleep(5000)]);
      killServer('SIGTERM');
      const deadline = Date.now() + 5000;
      while (server && server.exitCode === null && server.signalCode === null && Date.now() < deadline) await sleep(100);
      killServer('SIGKILL');
      if (server) {
        try {
          process.kill(-server.pid, 'SIGKILL'); // stragglers in the group after the leader exited
        } catch {
          /* none */
        }
      }
    })();
    return cleaning;
  };
  process.on('exit', () => {
    if (server) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.error(`\nrun-tests: ${signal}: stopping the server and the browser`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  const printed = new Set();
  let running;
  let progressOffset = 0;
  const readProgress = () => {
    let text;
    try {
      const fd = fs.openSync(progressFile, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        if (size <= progressOffset) return;
        const buffer = Buffer.alloc(size - progressOffset);
        fs.readSync(fd, buffer, 0, buffer.length, progressOffset);
        const end = buffer.lastIndexOf(0x0a);
        if (end < 0) return;
        text = buffer.subarray(0, end + 1).toString('utf8');
        progressOffset += end + 1;
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return;
    }
    for (const line of text.split('\n').filter(Boolean)) {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        continue;
      }
      if (event.event === 'start') running = event.name;
      if (event.event === 'end') {
        running = undefined;
        const key = `${printed.size}:${event.name}`;
        printed.add(key);
        console.log(testLine(event));
      }
    }
  };

  let failure;
  let result;
  try {
    // ---- optional VSIX ----
    let developmentPath = options.extension;
    if (options.vsix) {
      console.log(`run-tests: installing ${path.relative(process.cwd(), options.vsix) || options.vsix}`);
      const install = spawnSync(
        process.execPath,
        [ENTRY, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', options.vsix],
        { env, encoding: 'utf8', timeout: 120_000 },
      );
      log(`--install-extension exit ${install.status}\n${install.stdout}\n${install.stderr}`);
      if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
        throw new Error(`code-server --install-extension ${options.vsix} failed:\n${(install.stdout + install.stderr).trim()}`);
      }
      // VS Code runs extensionTestsPath only in extension development mode, so give it a stub
      // development extension that contributes nothing: the installed VSIX is what is tested.
      developmentPath = path.join(tmp, 'e2e-stub-extension');
      fs.mkdirSync(developmentPath);
      fs.writeFileSync(
        path.join(developmentPath, 'package.json'),
        `${JSON.stringify({ name: 'e2e-stub', publisher: 'corpus-lens-e2e', version: '0.0.0', engines: { vscode: '*' } }, null, 2)}\n`,
      );
    }

    // ---- server ----
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverArgs = [
      ENTRY,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userData,
      '--extensions-dir', extensionsDir,
      options.workspace,
    ];
    log(`starting: ${process.execPath} ${serverArgs.join(' ')}`);
    server = spawn(process.execPath, serverArgs, { env, detached: true, stdio: ['ignore', logFd, logFd] });
    const serverExited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
    const started = Date.now();
    for (;;) {
      if (server.exitCode !== null || server.signalCode !== null) throw new Error(`code-server exited at start (${server.exitCode ?? server.signalCode})`);
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() - started > 60_000) throw new Error('code-server did not answer within 60 s');
      await sleep(200);
    }
    log(`code-server up on ${base} after ${Date.now() - started} ms`);

    // ---- browser ----
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(developmentPath)],
      ['extensionTestsPath', remote(options.tests)],
    ];
    const url = `${base}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`url ${url}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let pageCrashed = false;
    page.on('console', (m) => log(`[browser ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => log(`[browser pageerror] ${e.stack || e.message}`));
    page.on('crash', () => {
      pageCrashed = true;
      log('[browser] page crashed');
    });
    page.on('requestfailed', (r) => log(`[browser requestfailed] ${r.url().slice(0, 200)} ${r.failure()?.errorText}`));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    console.log(`run-tests: VS Code ${options.vsix ? `with ${path.basename(options.vsix)} installed` : 'with the extension under development'} on ${path.relative(process.cwd(), options.workspace) || '.'}`);

    // ---- wait for the result, serving screenshot requests ----
    // A request may name an element of the workbench's own UI (a hover, the quick-fix menu)
    // that must be visible first; the wait runs even when no screenshots are kept.
    const waitForElement = async (waitFor) => {
      if (!waitFor || typeof waitFor.selector !== 'string') return undefined;
      const timeout = Number(waitFor.timeoutMs) > 0 ? Number(waitFor.timeoutMs) : 15_000;
      const inFrame = (frame) => {
        const locator = frame.locator(waitFor.selector);
        return (typeof waitFor.text === 'string' ? locator.filter({ hasText: waitFor.text }) : locator).first();
      };
      try {
        if (waitFor.state === 'hidden') {
          await inFrame(page).waitFor({ state: 'hidden', timeout });
          return undefined;
        }
        if (waitFor.frames) {
          // webviews (a walkthrough's markdown page) render in nested frames: look in every frame
          const deadline = Date.now() + timeout;
          for (;;) {
            const shown = await Promise.all(page.frames().map((f) => inFrame(f).isVisible().catch(() => false)));
            if (shown.some(Boolean)) return undefined;
            if (Date.now() > deadline) throw new Error('timeout');
            await sleep(150);
          }
        }
        await inFrame(page).waitFor({ state: 'visible', timeout });
        if (waitFor.click) await inFrame(page).click({ timeout });
        return undefined;
      } catch {
        const what = `${waitFor.selector}${typeof waitFor.text === 'string' ? ` containing ${JSON.stringify(waitFor.text)}` : ''}`;
        if (waitFor.state === 'hidden') return `${what} still visible after ${timeout} ms`;
        // what the selector alone matches, for the log
        const seen = await page.locator(waitFor.selector).allInnerTexts().catch(() => []);
        log(`waitFor ${what}: ${seen.length} element(s) match the selector: ${JSON.stringify(seen.map((t) => t.slice(0, 200)).slice(0, 5))}`);
        return `no visible ${what} within ${timeout} ms (${seen.length} element(s) match the selector alone)`;
      }
    };
    const takeScreenshot = async (name, request) => {
      const done = path.join(requestDir, `${name}.done`);
      let answer;
      const missing = await waitForElement(request?.waitFor);
      if (missing) {
        answer = { error: missing };
        log(`screenshot ${name}: ${missing}`);
      } else if (request?.picture === false || !options.screenshots) {
        answer = { skipped: true };
      } else {
        const file = path.join(options.screenshots, `${name}.png`);
        try {
          // let the workbench paint what the test just did
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          // finite animations (a hover fading in) are run to their end, the blinking cursor stopped
          await page.screenshot({ path: file, timeout: 20_000, animations: 'disabled' });
          answer = { path: file };
          console.log(`  screenshot ${file}`);
        } catch (error) {
          answer = { error: String(error?.message ?? error) };
          log(`screenshot ${name} failed: ${answer.error}`);
        }
      }
      const tmpDone = `${done}.tmp`;
      fs.writeFileSync(tmpDone, `${JSON.stringify(answer)}\n`);
      fs.renameSync(tmpDone, done);
    };
    const deadline = Date.now() + options.timeout * 1000;
    for (;;) {
      readProgress();
      for (const entry of fs.readdirSync(requestDir)) {
        if (!entry.endsWith('.request')) continue;
        const name = entry.slice(0, -'.request'.length);
        let request;
        try {
          request = JSON.parse(fs.readFileSync(path.join(requestDir, entry), 'utf8'));
        } catch {
          request = undefined; // an old-style or partial request: just take the picture
        }
        fs.rmSync(path.join(requestDir, entry), { force: true });
        await takeScreenshot(name, request);
      }
      if (fs.existsSync(resultFile)) {
        readProgress();
        result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
        break;
      }
      if (server.exitCode !== null || server.signalCode !== null) {
        const { code, signal } = await serverExited;
        throw new Error(`code-server exited (${code ?? signal}) before the tests finished`);
      }
      if (pageCrashed || !browser.isConnected()) throw new Error('the browser page crashed');
      if (Date.now() > deadline) {
        throw new Error(`no result within ${options.timeout} s${running ? ` (still running: "${running}")` : printed.size === 0 ? ' (no suite started: see the log)' : ''}`);
      }
      await sleep(POLL_MS);
    }
  } catch (error) {
    failure = error;
  } finally {
    await cleanup();
  }

  let passed;
  let failed;
  if (result) {
    const tests = Array.isArray(result.tests) ? result.tests : [];
    tests.forEach((test, i) => {
      if (!printed.has(`${i}:${test.name}`)) console.log(testLine(test));
    });
    passed = Number(result.passed) || 0;
    failed = Number(result.failed) || 0;
  } else {
    // count what the progress file showed, and the failure itself
    passed = 0;
    failed = 0;
    try {
      for (const line of fs.readFileSync(progressFile, 'utf8').split('\n').filter(Boolean)) {
        const event = JSON.parse(line);
        if (event.event === 'end') event.ok ? passed++ : failed++;
      }
    } catch {
      /* no progress */
    }
    console.log(`✖ ${running ?? 'run-tests'}: ${failure?.message ?? 'no result'}`);
    failed++;
  }
  const ok = failed === 0 && passed > 0;
  if (!ok) {
    if (result && passed === 0 && failed === 0) console.log('✖ run-tests: the test run reported no tests');
    console.log(`run-tests: log (server, browser console): ${logFile}`);
    console.log(`run-tests: VS Code logs: ${path.join(userData, 'logs')}`);
  }
  fs.closeSync(logFd);
  console.log(`${passed} passed, ${failed} failed`);
  if (ok && !process.env.E2E_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`run-tests: ${error?.stack ?? error}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
