/**
 * The findings of `corpus-lens lint` as a SARIF 2.1.0 log, for code-scanning tools. Columns
 * are counted in UTF-16 code units, as in LSP ranges; lines and columns are 1-based.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticJson, Lang } from '../core/lint/json';
import { RULES, Severity } from '../core/rules/index';
import { Range } from '../core/text';

/** The package's root folder (server/out/commands/ → ../../..). */
const PACKAGE_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface SarifFile {
  /** The path as given on the command line. */
  file: string;
  diagnostics: DiagnosticJson[];
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface Manifest {
  version: string;
  homepage?: string;
}

function readManifest(): Manifest {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    return { version: String(raw.version ?? '0.0.0'), homepage: typeof raw.homepage === 'string' ? raw.homepage : undefined };
  } catch {
    return { version: '0.0.0' };
  }
}

/** 1-based region of a 0-based LSP range; the end column is just past the last character. */
function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/**
 * A relative URI (against %SRCROOT%, the current folder) for files below it, each path segment
 * percent-encoded (`#`, `?`, `%`, spaces), else a file: URI.
 */
export function artifactLocation(file: string, cwd: string) {
  const relative = path.relative(cwd, path.resolve(file));
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(file)).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function sarifLog(files: SarifFile[], lang: Lang, notifications: string[] = [], cwd = process.cwd()) {
  const manifest = readManifest();
  const helpUri = pathToFileURL(path.join(PACKAGE_ROOT, 'docs', 'rules.md')).href;
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const results = files.flatMap(({ file, diagnostics }) => {
    const location = artifactLocation(file, cwd);
    return diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: ruleIndex.get(d.rule),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
      ...(d.fixes.length > 0
        ? {
            fixes: d.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation: location,
                  replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
              properties: { safe: fix.safe },
            })),
          }
        : {}),
    }));
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'corpus-lens',
            semanticVersion: manifest.version,
            ...(manifest.homepage ? { informationUri: manifest.homepage } : {}),
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description[lang] },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              helpUri,
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            toolExecutionNotifications: notifications.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        results,
      },
    ],
  };
}
