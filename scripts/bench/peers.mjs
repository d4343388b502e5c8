// The linters people use now, installed by the benchmark itself into the repository's ignored
// cache folder (never runtime dependencies): AutoCorrect's Node binding and zhlint. Each is
// run as a whole process on a file, writing its findings as JSON, as our CLI does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const PEERS = [
  { name: 'AutoCorrect', pkg: 'autocorrect-node', version: '2.14.0', runner: 'peer-autocorrect.mjs' },
  { name: 'zhlint', pkg: 'zhlint', version: '0.8.2', runner: 'peer-zhlint.mjs' },
];

/** Installs the peers into `cache` (once) and returns their folder, or null when npm cannot. */
export function installPeers(cache, log) {
  const folder = path.join(cache, 'bench-peers');
  const wanted = PEERS.map((p) => `${p.pkg}@${p.version}`);
  const have = PEERS.every((p) => fs.existsSync(path.join(folder, 'node_modules', p.pkg, 'package.json')));
  if (have) return folder;
  fs.mkdirSync(folder, { recursive: true });
  if (!fs.existsSync(path.join(folder, 'package.json'))) fs.writeFileSync(path.join(folder, 'package.json'), '{ "private": true }\n');
  log(`installing ${wanted.join(', ')} into ${path.relative(process.cwd(), folder)}`);
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', ...wanted], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
    return folder;
  } catch {
    log('the peers could not be installed (no npm registry?); their columns stay empty');
    return null;
  }
}

export function peerVersion(folder, pkg) {
  return JSON.parse(fs.readFileSync(path.join(folder, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}
