#!/usr/bin/env node
/**
 * Runs the e2e suites (test/e2e/) in VS Code desktop with @vscode/test-electron, for machines
 * that can download VS Code. Offline, use scripts/vscode-server/run-tests.mjs (npm run e2e),
 * which runs the same suites in VS Code's own server and workbench.
 *
 *   npm run e2e:electron [-- --version stable|<x.y.z>]
 *
 * Needs a display: under Linux without one, run it as `xvfb-run -a npm run e2e:electron`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const versionArg = process.argv.indexOf('--version');
const version = versionArg >= 0 ? process.argv[versionArg + 1] : 'stable';
const extensionTestsPath = path.join(root, 'test/out/test/e2e/index.js');
if (!fs.existsSync(extensionTestsPath)) {
  console.error('e2e-electron: the suites are not built: run npm run build first');
  process.exit(2);
}
// A fresh profile: no other extensions, no workspace-trust prompt, no git prompts.
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-e2e-'));
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'security.workspace.trust.enabled': false, 'git.openRepositoryInParentFolders': 'never', 'telemetry.telemetryLevel': 'off' }),
);

try {
  await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [path.join(root, 'seeds'), '--disable-extensions', `--user-data-dir=${userData}`],
  });
} catch (error) {
  console.error(`e2e-electron: ${error instanceof Error ? error.message : error}`);
  console.error('(Without internet VS Code cannot be downloaded: npm run e2e runs the same suites offline.)');
  process.exitCode = 1;
} finally {
  fs.rmSync(userData, { recursive: true, force: true });
}
