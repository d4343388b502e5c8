/**
 * Loads the bundled glossary and the workspace glossaries (`.corpus-lens/glossary.json` and
 * paths from settings), merges them (workspace over bundled) and reports problems in each
 * glossary file as diagnostics there, never as a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Diagnostic, Location, Range } from 'vscode-languageserver';
import { FileReport, outsideReport } from '../io/project';
import { folderHolding } from '../io/safePaths';
import { pathToFileURL } from 'node:url';
import { findNodeAtLocation, getNodePath } from 'jsonc-parser';
import { GlossaryEntry, validateGlossary } from '../core/glossary/entries';
import { Glossary } from '../core/glossary/matcher';
import { ParsedJson, parseJsonText, placeProblems, readJsonFile } from '../io/jsonFile';

/** server/data/ in a checkout (server/out/lsp/ → ../../data); dist/data/ next to the bundled server. */
export const BUNDLED_GLOSSARY = [path.join(__dirname, '..', '..', 'data', 'glossary.json'), path.join(__dirname, 'data', 'glossary.json')].find((f) =>
  fs.existsSync(f),
) ?? path.join(__dirname, '..', '..', 'data', 'glossary.json');
export const WORKSPACE_GLOSSARY = path.join('.corpus-lens', 'glossary.json');

export interface LoadedGlossary {
  glossary: Glossary;
  reports: FileReport[];
  /** Files read, in order (bundled first). */
  files: string[];
  /** Where each entry is defined (its "term" value), for go-to-definition. */
  definitions: Map<GlossaryEntry, Location>;
  /** Problems that belong to no glossary file (the bundled one missing). */
  warnings: string[];
}

export function loadGlossaries(workspaceFiles: string[]): LoadedGlossary {
  const entries: GlossaryEntry[] = [];
  const reports: FileReport[] = [];
  const files: string[] = [];
  const definitions = new Map<GlossaryEntry, Location>();
  const warnings: string[] = [];
  for (const file of [BUNDLED_GLOSSARY, ...workspaceFiles]) {
    if (!fs.existsSync(file)) {
      if (file === BUNDLED_GLOSSARY) warnings.push(`the bundled glossary is missing (${file}); slogans are explained from workspace glossaries only`);
      continue;
    }
    files.push(file);
    const { entries: found, diagnostics, termRanges } = readGlossaryFile(file, file === BUNDLED_GLOSSARY ? 'bundled' : file);
    entries.push(...found);
    reports.push({ file, diagnostics });
    const uri = pathToFileURL(file).toString();
    for (const entry of found) {
      const range = termRanges.get(entry.term);
      if (range) definitions.set(entry, Location.create(uri, range));
    }
  }
  return { glossary: new Glossary(entries), reports, files, definitions, warnings };
}

/**
 * The glossaries of the workspace folders (`.corpus-lens/glossary.json` in each) and those the
 * settings name (relative to the first folder). A path that leads outside its workspace folder
 * (through a symbolic link, or named so in settings: a cloned repository's settings may name
 * any file) is not read: a project glossary linked elsewhere is reported in it, a settings path
 * outside every workspace folder is a warning.
 */
export function loadWorkspaceGlossaries(folders: readonly string[], settingPaths: readonly string[]): LoadedGlossary {
  const files: string[] = [];
  const refused: FileReport[] = [];
  const warnings: string[] = [];
  for (const folder of folders) {
    const file = path.join(folder, WORKSPACE_GLOSSARY);
    if (!fs.existsSync(file)) continue;
    const outside = outsideReport(folder, file);
    if (outside) refused.push(outside);
    else files.push(file);
  }
  for (const setting of settingPaths) {
    const file = path.resolve(folders[0] ?? '.', setting);
    if (folderHolding(folders, file)) files.push(file);
    else warnings.push(`corpusLens.glossary.paths: ${setting} is outside the workspace folders (or leads there through a symbolic link); it is not read`);
  }
  const loaded = loadGlossaries(files);
  return { ...loaded, reports: [...loaded.reports, ...refused], warnings: [...loaded.warnings, ...warnings] };
}

interface ParsedGlossaryFile {
  entries: GlossaryEntry[];
  diagnostics: Diagnostic[];
  /** The range of each entry's "term" value. */
  termRanges: Map<string, Range>;
}

export function readGlossaryFile(file: string, origin: string): ParsedGlossaryFile {
  return glossaryFrom(readJsonFile(file), origin);
}

/** Parses and validates glossary JSON text, placing every problem in the text. */
export function parseGlossaryText(text: string, origin: string): ParsedGlossaryFile {
  return glossaryFrom(parseJsonText(text), origin);
}

function glossaryFrom(parsed: ParsedJson, origin: string): ParsedGlossaryFile {
  if (!parsed.tree) return { entries: [], diagnostics: parsed.diagnostics, termRanges: new Map() };
  const { entries, problems } = validateGlossary(parsed.data, origin);
  const termRanges = new Map<string, Range>();
  const list = findNodeAtLocation(parsed.tree, ['entries']);
  for (const child of list?.children ?? []) {
    const termNode = findNodeAtLocation(child, ['term']);
    if (termNode && typeof termNode.value === 'string') termRanges.set(termNode.value.trim(), parsed.rangeAt(getNodePath(termNode)));
  }
  return { entries, diagnostics: placeProblems(parsed, problems), termRanges };
}
