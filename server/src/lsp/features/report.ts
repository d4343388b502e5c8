/**
 * "Show All Findings": every finding of an open document, past the cap on diagnostics, as a
 * report the client opens beside the text. Markdown by default — grouped like the Problems
 * view (by severity, then rule), each finding linked to its place (`file#L12,5`) — or the JSON
 * of `corpus-lens lint` for tools. Written to a temporary file (io/reports.ts) and shown with
 * `window/showDocument` where the client supports it; otherwise the user is told where it is.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { L, Lang, say } from '../../core/l10n';
import { diagnosticsJson } from '../../core/lint/json';
import { Finding } from '../../core/lint/lint';
import { RULES, SEVERITIES, ruleById, severityRank } from '../../core/rules/index';
import { LineIndex } from '../../core/text';
import { writeReport } from '../../io/reports';
import { ShowAllFindingsArguments, ShowAllFindingsResult } from '../../protocol';
import { ServerContext } from '../context';
import { invalidParams, objectParam, stringField } from '../params';

const RULE_ORDER = new Map(RULES.map((r, k) => [r.id, k]));

/**
 * Corpus text (in messages, the document's name) made inert in Markdown while it stays easy to
 * read in the raw file: the characters that could make emphasis, code, a link, an HTML tag, a
 * table cell or an entity are escaped, and line breaks become spaces. Nothing of it starts a
 * line, so no heading or list can form.
 */
export function inert(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|&!~]/g, '\\$&');
}

/** The name a document goes by in the report (its file name, or the last part of its URI). */
export function documentName(uri: string): string {
  try {
    if (uri.startsWith('file:')) return path.basename(fileURLToPath(uri));
  } catch {
    // Not a file URI after all.
  }
  const last = uri.replace(/[?#].*$/, '').split(/[/:]/).pop() || uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The report of `findings` (all of a document's, in document order) in Markdown. */
export function findingsMarkdown(uri: string, findings: readonly Finding[], index: LineIndex, max: number, lang: Lang): string {
  const t = (message: { zh: string; en: string }) => say(message, lang);
  const lines = [`# ${t(L.reportTitle(inert(documentName(uri))))}`, ''];
  if (findings.length === 0) return [...lines, t(L.reportNone), ''].join('\n');
  lines.push(t(L.reportIntro(findings.length, max)), '');
  const sorted = [...findings].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || (RULE_ORDER.get(a.rule) ?? 99) - (RULE_ORDER.get(b.rule) ?? 99) || a.span.start - b.span.start,
  );
  const link = uri.startsWith('file:');
  // A link's destination ends at a space or bracket: those are percent-encoded.
  const target = uri.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  for (const severity of SEVERITIES) {
    const ofSeverity = sorted.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push(`## ${t(L.severityHeading(severity, ofSeverity.length))}`, '');
    for (const rule of new Set(ofSeverity.map((f) => f.rule))) {
      const ofRule = ofSeverity.filter((f) => f.rule === rule);
      const description = ruleById(rule)?.description;
      lines.push(`### ${inert(rule)} (${ofRule.length})${description ? ` — ${inert(t(description))}` : ''}`, '');
      for (const f of ofRule) {
        const { line, character } = index.positionAt(f.span.start);
        const where = `${line + 1}:${character + 1}`;
        lines.push(`- ${link ? `[${where}](${target}#L${line + 1},${character + 1})` : where} ${inert(t(f.message))}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

/** The report of `findings` as the JSON of `corpus-lens lint --format json` for one file. */
export function findingsJson(uri: string, findings: readonly Finding[], index: LineIndex, lang: Lang): string {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  return JSON.stringify({ files: [{ file, diagnostics: diagnosticsJson([...findings], index, lang) }] }, null, 2) + '\n';
}

function showArguments(arg: unknown): ShowAllFindingsArguments {
  const what = 'the argument of showAllFindings';
  const object = objectParam(arg, what);
  const format = object.format;
  if (format !== undefined && format !== 'markdown' && format !== 'json') throw invalidParams(`${what}.format must be "markdown" or "json"`);
  return { uri: stringField(object, 'uri', what), format };
}

/** Writes the report of every finding of the open document and asks the client to show it. */
export async function showAllFindings(ctx: ServerContext, arg: unknown): Promise<ShowAllFindingsResult> {
  const { uri, format = 'markdown' } = showArguments(arg);
  const doc = ctx.analyzed(uri);
  if (!doc) {
    ctx.warn(ctx.t(L.notACorpusFile));
    return { uri: null, findings: 0, shown: false };
  }
  const result = ctx.workspace.documents.lint(doc);
  const findings = result.findings;
  const max = doc.project.config.maxProblems;
  const content = format === 'json' ? findingsJson(uri, findings, doc.lineIndex, ctx.lang) : findingsMarkdown(uri, findings, doc.lineIndex, max, ctx.lang);
  let file: string;
  try {
    file = writeReport(`${documentName(uri)}.findings`, format === 'json' ? '.json' : '.md', content);
  } catch (error) {
    ctx.warn(`${ctx.t(L.cannotWriteReport)}: ${(error as Error).message}`);
    return { uri: null, findings: findings.length, shown: false };
  }
  const reportUri = pathToFileURL(file).toString();
  let shown = false;
  if (ctx.client.showDocument) {
    shown = (await ctx.connection.window.showDocument({ uri: reportUri, takeFocus: true }).catch(() => ({ success: false }))).success;
  }
  if (!shown) void ctx.connection.window.showInformationMessage(ctx.t(L.reportWritten(findings.length, file)));
  return { uri: reportUri, findings: findings.length, shown };
}
