import { SpawnSyncReturns, spawnSync } from 'node:child_process';
import { CLI, ROOT } from './paths';

/**
 * Runs the built CLI. The locale is English unless `env` says otherwise, so that messages do
 * not depend on the machine running the tests. With `timeoutMs`, a run that takes longer is killed
 * (its `signal` is then set).
 */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...options.env };
  return spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs, killSignal: 'SIGKILL' });
}
