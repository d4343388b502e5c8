/**
 * Test-side helpers for the end-to-end suites, in the @vscode/test-electron contract: the test
 * index's exported run() calls runSuites(), which runs in VS Code's extension host.
 *
 * Under scripts/vscode-server/run-tests.mjs the driver starts code-server with
 * CORPUS_LENS_E2E_CONFIG=<path of a JSON file> in its environment; the extension host inherits it.
 * The file holds { resultFile, screenshotRequestDir }. runSuites() then writes
 *   - <resultFile>.progress: one JSON line per suite start/end, so the driver can report live and
 *     name the suite that hung on a timeout;
 *   - <resultFile>: { passed, failed, tests: [{ name, ok, error?, ms }] }, written atomically last.
 * requestScreenshot(name) writes <screenshotRequestDir>/<name>.request (JSON: { name, at, waitFor?, picture });
 * the driver waits for the `waitFor` element, if any, takes a browser screenshot and answers with
 * <name>.done (JSON: { path } | { skipped } | { error }). waitForWorkbench() sends the same request
 * with picture: false: the driver only waits for the element. Without the variable (e.g. under @vscode/test-electron)
 * no file is written and requestScreenshot() is a no-op; runSuites() still throws on a failure.
 *
 * Only node builtins are imported, so the module loads anywhere the extension host runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CONFIG_ENV = 'CORPUS_LENS_E2E_CONFIG';

export interface E2EConfig {
  resultFile: string;
  screenshotRequestDir?: string;
}

export interface Suite {
  name: string;
  fn: () => Promise<void>;
}

export interface TestResult {
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
}

export interface RunResult {
  passed: number;
  failed: number;
  tests: TestResult[];
}

export interface RunOptions {
  /** A suite still running after this long is failed and the next one starts. Default 120 s. */
  suiteTimeoutMs?: number;
}

export interface WaitOptions {
  /** Default 10 s. */
  timeoutMs?: number;
  /** Default 100 ms. */
  intervalMs?: number;
  /** Named in the timeout error. */
  message?: string;
}

export interface StableOptions<T> {
  /** How long the value must stay the same. Default 500 ms. */
  quietMs?: number;
  /** Default 15 s. */
  timeoutMs?: number;
  /** Default 100 ms. */
  intervalMs?: number;
  /** Only a value that satisfies this can count as settled (e.g. "at least one diagnostic"). */
  predicate?: (value: T) => boolean;
  /** Default: JSON.stringify equality. */
  equals?: (a: T, b: T) => boolean;
  /** Named in the timeout error. */
  message?: string;
}

let cachedConfig: E2EConfig | null | undefined;

/** The driver's config, or undefined when the suites run without the driver. */
export function e2eConfig(): E2EConfig | undefined {
  if (cachedConfig !== undefined) return cachedConfig ?? undefined;
  const file = process.env[CONFIG_ENV];
  cachedConfig = null;
  if (file) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<E2EConfig>;
      if (typeof parsed.resultFile !== 'string') throw new Error('no "resultFile" string');
      cachedConfig = { resultFile: parsed.resultFile, screenshotRequestDir: parsed.screenshotRequestDir };
    } catch (error) {
      console.error(`[e2e] ${CONFIG_ENV}=${file} cannot be used: ${describe(error)}`);
    }
  }
  return cachedConfig ?? undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function writeAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

function appendProgress(config: E2EConfig | undefined, event: Record<string, unknown>): void {
  if (!config) return;
  try {
    fs.appendFileSync(`${config.resultFile}.progress`, `${JSON.stringify(event)}\n`);
  } catch (error) {
    console.error(`[e2e] cannot write progress: ${describe(error)}`);
  }
}

async function withTimeout(fn: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([Promise.resolve().then(fn), timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Runs the suites in order, records each result, writes the result file when the driver is
 * present, and throws if any failed (so a test-electron run fails too).
 */
export async function runSuites(suites: Suite[], options: RunOptions = {}): Promise<void> {
  const config = e2eConfig();
  const suiteTimeoutMs = options.suiteTimeoutMs ?? 120_000;
  const tests: TestResult[] = [];
  for (const suite of suites) {
    appendProgress(config, { event: 'start', name: suite.name });
    const started = Date.now();
    let result: TestResult;
    try {
      await withTimeout(suite.fn, suiteTimeoutMs);
      result = { name: suite.name, ok: true, ms: Date.now() - started };
      console.log(`[e2e] ✔ ${suite.name} (${result.ms} ms)`);
    } catch (error) {
      result = { name: suite.name, ok: false, error: describe(error), ms: Date.now() - started };
      console.error(`[e2e] ✖ ${suite.name}: ${error instanceof Error && error.stack ? error.stack : result.error}`);
    }
    tests.push(result);
    appendProgress(config, { event: 'end', ...result });
  }
  const run: RunResult = {
    passed: tests.filter((t) => t.ok).length,
    failed: tests.filter((t) => !t.ok).length,
    tests,
  };
  if (config) writeAtomic(config.resultFile, `${JSON.stringify(run, null, 2)}\n`);
  console.log(`[e2e] ${run.passed} passed, ${run.failed} failed`);
  if (run.failed > 0) {
    const names = tests.filter((t) => !t.ok).map((t) => t.name).join('; ');
    throw new Error(`${run.failed} of ${tests.length} e2e suites failed: ${names}`);
  }
}

export interface ScreenshotOptions {
  /** How long the driver may take to answer. Default 30 s. */
  timeoutMs?: number;
  /**
   * Something of the workbench's own UI (a hover, the quick-fix menu) that the extension host
   * cannot see: the driver waits until an element matching `selector` (and containing `text`,
   * if given) is visible in the page before it takes the picture, and answers with an error
   * when none appears. It waits even when it keeps no screenshots, so the check always runs.
   */
  waitFor?: {
    selector: string;
    text?: string;
    /** Look in every frame of the page too: webviews (a walkthrough's markdown page) are nested frames. */
    frames?: boolean;
    /** 'hidden': wait until no such element is visible instead (not with `frames`). Default 'visible'. */
    state?: 'visible' | 'hidden';
    /** Then click it, as a user would (a button of a notification). Not with `frames` or 'hidden'. */
    click?: boolean;
    /** Default 15 s. */
    timeoutMs?: number;
  };
}

/**
 * Asks the driver for a screenshot of the workbench as it is now, saved as <name>.png in the
 * driver's --screenshots folder. Resolves to the PNG's path (undefined when the driver keeps no
 * screenshots, or without the driver). Throws if the driver does not answer in time, or if
 * options.waitFor names an element that did not appear.
 */
export async function requestScreenshot(name: string, options: ScreenshotOptions = {}): Promise<string | undefined> {
  return askDriver(name, options, true);
}

let waits = 0;

/**
 * Waits until the workbench shows an element matching `what.selector` (containing `what.text`,
 * if given), as the driver sees the page; throws if none appears. No picture is taken. A no-op
 * without the driver.
 */
export async function waitForWorkbench(what: NonNullable<ScreenshotOptions['waitFor']>): Promise<void> {
  await askDriver(`wait-${process.pid}-${++waits}`, { waitFor: what }, false);
}

async function askDriver(name: string, options: ScreenshotOptions, picture: boolean): Promise<string | undefined> {
  const dir = e2eConfig()?.screenshotRequestDir;
  if (!dir) return undefined;
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.]+/, '') || 'screenshot';
  const done = path.join(dir, `${safe}.done`);
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(done, { force: true });
  const request = { name: safe, at: Date.now(), waitFor: options.waitFor, picture };
  writeAtomic(path.join(dir, `${safe}.request`), `${JSON.stringify(request)}\n`);
  const answer = await waitFor(
    () => (fs.existsSync(done) ? fs.readFileSync(done, 'utf8') : undefined),
    (text) => text !== undefined,
    { timeoutMs: options.timeoutMs ?? 30_000 + (options.waitFor ? (options.waitFor.timeoutMs ?? 15_000) : 0), intervalMs: 100, message: `screenshot "${safe}" answered by the driver` },
  );
  let parsed: { path?: string; error?: string } = {};
  try {
    parsed = JSON.parse(answer ?? '{}') as typeof parsed;
  } catch {
    // an empty or partial answer still means "done"
  }
  if (parsed.error) throw new Error(`screenshot "${safe}" failed: ${parsed.error}`);
  return parsed.path;
}

/**
 * Polls fn until predicate accepts its value and returns that value. A throwing fn counts as
 * "not yet". On timeout throws with the last value (or error) seen.
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  predicate: (value: T) => boolean,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let last: { value?: T; error?: unknown; seen: boolean } = { seen: false };
  for (;;) {
    try {
      const value = await fn();
      last = { value, seen: true };
      if (predicate(value)) return value;
    } catch (error) {
      last = { error, seen: true };
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  const what = options.message ? ` waiting for ${options.message}` : '';
  const seen = !last.seen ? 'nothing' : 'error' in last && last.error !== undefined ? `error: ${describe(last.error)}` : `value: ${preview(last.value)}`;
  throw new Error(`waitFor timed out after ${timeoutMs} ms${what}; last ${seen}`);
}

/**
 * Polls fn until its value has not changed for quietMs (and satisfies options.predicate, if
 * given), then returns it: for diagnostics and other results that arrive in several updates.
 */
export async function waitForStable<T>(fn: () => T | Promise<T>, options: StableOptions<T> = {}): Promise<T> {
  const quietMs = options.quietMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 100;
  const equals = options.equals ?? ((a: T, b: T) => a === b || safeJson(a) === safeJson(b));
  const deadline = Date.now() + timeoutMs;
  let hasValue = false;
  let current: T | undefined;
  let since = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      lastError = undefined;
      if (!hasValue || !equals(current as T, value)) {
        hasValue = true;
        current = value;
        since = Date.now();
      } else if (Date.now() - since >= quietMs && (!options.predicate || options.predicate(value))) {
        return value;
      }
    } catch (error) {
      lastError = error;
      hasValue = false;
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  const what = options.message ? ` waiting for ${options.message}` : '';
  const seen = lastError !== undefined ? `error: ${describe(lastError)}` : hasValue ? `value: ${preview(current)}` : 'nothing';
  throw new Error(`waitForStable timed out after ${timeoutMs} ms${what} (quiet ${quietMs} ms); last ${seen}`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
