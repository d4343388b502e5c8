/**
 * A project's own files, in `.corpus-lens/` at the top of a workspace folder (or, for the
 * command line, the nearest folder above a corpus file that has one): the lint configuration,
 * the ignored findings and the audit log of applied fixes. Problems in these files are
 * diagnostics in the file; reading never throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Diagnostic } from 'vscode-languageserver';
import { ParseError, applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { AppliedEdit } from '../core/fixes';
import { LintConfig, readLintConfig } from '../core/lint/config';
import { IgnoreEntry, IgnoreList, ignoreFileData, readIgnoreFile } from '../core/lint/ignore';
import { placeProblems, problemAt, readJsonFile, tooDeep } from './jsonFile';
import { OutsideError, appendLines, insideOrThrow, isInside, resolvedPath } from './safePaths';

export const PROJECT_DIR = '.corpus-lens';
export const CONFIG_FILE = path.join(PROJECT_DIR, 'config.json');
export const IGNORE_FILE = path.join(PROJECT_DIR, 'ignore.json');
export const FIX_LOG = path.join(PROJECT_DIR, 'fixes.jsonl');

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

/** The nearest folder at or above `start` (a file or folder) that has a .corpus-lens folder. */
export function findProjectRoot(start: string): string | null {
  let dir = path.resolve(start);
  if (!isDirectory(dir)) dir = path.dirname(dir);
  for (;;) {
    if (isDirectory(path.join(dir, PROJECT_DIR))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * A project file that leads outside its project (it, or the .corpus-lens folder, is a symbolic
 * link to elsewhere): one problem at its start, and it is not read.
 */
export function outsideReport(root: string, file: string): FileReport | null {
  if (isInside(root, file)) return null;
  const start = { line: 0, character: 0 };
  return {
    file,
    diagnostics: [problemAt({ start, end: start }, `this file leads outside the project folder ${root} (to ${resolvedPath(file)}, through a symbolic link); it is not read`)],
  };
}

/** `root`'s config.json over `base`; a missing file is no problem, a broken one is reported. */
export function readProjectConfig(root: string, base: LintConfig): { config: LintConfig; report: FileReport | null } {
  const file = path.join(root, CONFIG_FILE);
  if (!fs.existsSync(file)) return { config: base, report: null };
  const outside = outsideReport(root, file);
  if (outside) return { config: base, report: outside };
  const parsed = readJsonFile(file);
  if (!parsed.tree) return { config: base, report: { file, diagnostics: parsed.diagnostics } };
  const { config, problems } = readLintConfig(parsed.data, base, true);
  return { config, report: { file, diagnostics: placeProblems(parsed, problems) } };
}

export function readIgnoreList(root: string): { list: IgnoreList; report: FileReport | null } {
  const file = path.join(root, IGNORE_FILE);
  if (!fs.existsSync(file)) return { list: new IgnoreList(), report: null };
  const outside = outsideReport(root, file);
  if (outside) return { list: new IgnoreList(), report: outside };
  const parsed = readJsonFile(file);
  if (!parsed.tree) return { list: new IgnoreList(), report: { file, diagnostics: parsed.diagnostics } };
  const { entries, problems } = readIgnoreFile(parsed.data);
  return { list: new IgnoreList(entries), report: { file, diagnostics: placeProblems(parsed, problems) } };
}

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' };

/**
 * Adds an entry to `root`'s ignore file (creating it), unless it is there already. The entry is
 * appended to the file's text, so comments, other keys and hand-written entries stay as they
 * are; a file that is not valid JSON is left alone and the error says so, and so is one that
 * leads outside the project (an OutsideError).
 */
export function addIgnoreEntry(root: string, entry: IgnoreEntry): void {
  const file = insideOrThrow(root, path.join(root, IGNORE_FILE), 'the ignore file');
  if (!fs.existsSync(file)) {
    writeText(file, JSON.stringify(ignoreFileData([entry]), null, 2) + '\n');
    return;
  }
  const { list } = readIgnoreList(root);
  if (list.has(entry)) return;
  const text = fs.readFileSync(file, 'utf8');
  if (tooDeep(text)) throw new Error(`${file} is not a valid ignore file (its problems are shown in it); mend it first`);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  const entries = tree && findNodeAtLocation(tree, ['ignore']);
  if (!tree || errors.length > 0 || tree.type !== 'object' || (entries && entries.type !== 'array')) {
    throw new Error(`${file} is not a valid ignore file (its problems are shown in it); mend it first`);
  }
  const edits = entries
    ? modify(text, ['ignore', -1], entry, { formattingOptions: FORMAT, isArrayInsertion: true })
    : modify(text, ['ignore'], [entry], { formattingOptions: FORMAT });
  writeText(file, applyEdits(text, edits));
}

/** The path of `file` relative to `root`, with forward slashes: how ignore entries name files. */
export function projectPath(root: string, file: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}

/**
 * A line of the audit log. `line`, `character` (0-based, UTF-16) and `span` are positions in the
 * text of pass `pass`: the file as it was for pass 1, the text after the passes before it for the
 * later ones.
 */
export interface FixLogRecord extends AppliedEdit {
  time: string;
  file: string;
  pass: number;
  line: number;
  character: number;
}

/**
 * Appends one JSON line per applied edit to `root`'s audit log, on lines of their own (a log
 * whose last line has no line break gets one first). A log, or a .corpus-lens folder, that
 * leads outside `root` is refused (an OutsideError), not written through.
 */
export function appendFixLog(root: string, records: FixLogRecord[]): void {
  if (records.length === 0) return;
  const dir = insideOrThrow(root, path.join(root, PROJECT_DIR), 'the project folder');
  fs.mkdirSync(dir, { recursive: true });
  const log = insideOrThrow(root, path.join(root, FIX_LOG), 'the audit log');
  appendLines(log, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** Throws an OutsideError when `root`'s audit log (or its .corpus-lens folder) leads outside `root`. */
export function checkFixLog(root: string): void {
  insideOrThrow(root, path.join(root, PROJECT_DIR), 'the project folder');
  insideOrThrow(root, path.join(root, FIX_LOG), 'the audit log');
}

export { OutsideError };

function writeText(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
