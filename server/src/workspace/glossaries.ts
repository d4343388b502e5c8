/**
 * Glossaries as a project sees them: the bundled glossary, the project's own
 * `.corpus-lens/glossary.json` and any others named (settings, --glossary), merged with the
 * later over the earlier. Problems in a glossary file are diagnostics there, never a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Diagnostic, Location, Range } from 'vscode-languageserver';
import { FileReport, outsideReport } from '../io/project';
import { pathToFileURL } from 'node:url';
import { findNodeAtLocation, getNodePath } from 'jsonc-parser';
import { GlossaryEntry, validateGlossary } from '../core/glossary/entries';
import { Glossary } from '../core/glossary/matcher';
import { ParsedJson, parseJsonText, placeProblems, readJsonFile } from '../io/jsonFile';

/**
 * The bundled glossary: server/data/ in a checkout (for server/out/workspace/ and for the tests'
 * copy of the sources alike), dist/data/ next to the bundled server; the nearest one above.
 */
export const BUNDLED_GLOSSARY = findBundledGlossary(__dirname);

function findBundledGlossary(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    for (const file of [path.join(dir, 'data', 'glossary.json'), path.join(dir, 'server', 'data', 'glossary.json')]) if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return path.join(from, '..', '..', 'data', 'glossary.json');
  }
}
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

/** The bundled glossary, read once: every project starts from it. */
let bundled: ParsedGlossaryFile | null = null;

function readBundled(): ParsedGlossaryFile {
  bundled ??= readGlossaryFile(BUNDLED_GLOSSARY, 'bundled');
  return bundled;
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
    const { entries: found, diagnostics, termRanges } = file === BUNDLED_GLOSSARY ? readBundled() : readGlossaryFile(file, file);
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
 * The glossary of the project at `root` (none for a file in no project): the bundled glossary,
 * the project's own `.corpus-lens/glossary.json` and the `others` (already resolved). The
 * project's own glossary is not read when it leads outside the project through a symbolic
 * link; that is reported in it.
 */
export function loadProjectGlossary(root: string | null, others: readonly string[]): LoadedGlossary {
  const files: string[] = [];
  const refused: FileReport[] = [];
  if (root !== null) {
    const own = path.join(root, WORKSPACE_GLOSSARY);
    const outside = fs.existsSync(own) ? outsideReport(root, own) : null;
    if (outside) refused.push(outside);
    else if (fs.existsSync(own)) files.push(own);
  }
  for (const file of others) if (!files.includes(file)) files.push(file);
  const loaded = loadGlossaries(files);
  return { ...loaded, reports: [...loaded.reports, ...refused] };
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
