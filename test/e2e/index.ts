/**
 * The e2e entry point in the @vscode/test-electron contract: VS Code loads this module in the
 * extension host and calls run().
 */
import { runSuites } from './harness';
import { suites } from './suites';

export function run(): Promise<void> {
  return runSuites(suites);
}
