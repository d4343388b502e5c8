/**
 * What the command-line commands share: options, output, errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Segmenter } from '../core/segmenter';
import { SegmenterPreference, chooseSegmenter } from '../segment';
import { LoadedGlossary, WORKSPACE_GLOSSARY, loadGlossaries } from '../lsp/glossaryStore';

export class UsageError extends Error {}

export interface CommandOptions {
  inputs: string[];
  format: 'json' | 'text';
  segmenter: SegmenterPreference;
  glossaries: string[];
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export function loadSegmenter(options: CommandOptions, output: Output): Segmenter {
  const { segmenter, fallbackReason } = chooseSegmenter(options.segmenter);
  if (fallbackReason) output.err(`corpus-lens: ${fallbackReason}\n`);
  return segmenter;
}

/** The bundled glossary, ./.corpus-lens/glossary.json and any --glossary files; problems go to stderr. */
export function loadCliGlossary(options: CommandOptions, output: Output): LoadedGlossary {
  const workspace = path.resolve(WORKSPACE_GLOSSARY);
  const files = [...(fs.existsSync(workspace) ? [workspace] : []), ...options.glossaries.map((g) => path.resolve(g))];
  const loaded = loadGlossaries(files);
  for (const warning of loaded.warnings) output.err(`corpus-lens: ${warning}\n`);
  for (const report of loaded.reports) {
    for (const d of report.diagnostics) {
      output.err(`${path.relative(process.cwd(), report.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}\n`);
    }
  }
  return loaded;
}
