/**
 * The e2e entry point in the @vscode/test-electron contract: VS Code loads this module in the
 * extension host and calls run(). CORPUS_LENS_E2E_GREP=<regular expression> (in the environment
 * of the driver, which the extension host inherits) runs only the suites whose names match.
 */
import { runSuites } from './harness';
import { suites } from './suites';

export function run(): Promise<void> {
  const grep = process.env.CORPUS_LENS_E2E_GREP;
  const pattern = grep ? new RegExp(grep, 'i') : undefined;
  return runSuites(pattern ? suites.filter((s) => pattern.test(s.name)) : suites);
}
