/**
 * The commands the server executes: fix every safe finding of a file, ignore a finding here
 * (kept in the project's `.corpus-lens/ignore.json`), the workspace fix, sent for review, and
 * the report of every finding of a file (report.ts).
 */
import * as path from 'node:path';
import { L } from '../../core/l10n';
import { anchorOf } from '../../core/lint/ignore';
import { addIgnoreEntry, IGNORE_FILE } from '../../io/project';
import { FixAllResult, FixWorkspaceResult, IgnoreArguments, SERVER_COMMANDS } from '../../protocol';
import { AnalyzedDocument, fileOfUri } from '../../workspace/documents';
import { ServerContext } from '../context';
import { integerField, invalidParams, objectParam, optionalIntegerField, stringField } from '../params';
import { WorkspaceFixItem, safeFixEdits, versionedEdit, workspaceFixEdit } from './codeActions';
import { showAllFindings } from './report';

export const COMMANDS = Object.values(SERVER_COMMANDS);

/** The arguments of the ignore command, checked. */
function ignoreArguments(arg: unknown): IgnoreArguments {
  const what = 'the argument of ignore';
  const object = objectParam(arg, what);
  const args = {
    uri: stringField(object, 'uri', what),
    version: integerField(object, 'version', what),
    rule: stringField(object, 'rule', what),
    start: integerField(object, 'start', what),
    end: integerField(object, 'end', what),
  };
  if (args.end < args.start) throw invalidParams(`${what}: end comes before start`);
  return args;
}

/** The open document at `version`, or null (with a message) when it is gone or has changed since. */
function current(ctx: ServerContext, uri: string, version: number | null): AnalyzedDocument | null {
  const doc = ctx.analyzed(uri);
  if (!doc) {
    ctx.warn(ctx.t(L.notACorpusFile));
    return null;
  }
  if (version !== null && doc.version !== version) {
    ctx.warn(ctx.t(L.changedSinceFix));
    return null;
  }
  return doc;
}

async function fixAll(ctx: ServerContext, arg: unknown): Promise<FixAllResult> {
  const target = objectParam(arg, 'the argument of fixAll');
  const doc = current(ctx, stringField(target, 'uri', 'fixAll'), optionalIntegerField(target, 'version', 'fixAll'));
  if (!doc || !ctx.client.applyEdit) return { applied: 0 };
  const edits = safeFixEdits(doc.analysis.text, ctx.workspace.documents.lint(doc).findings);
  if (edits.length === 0) return { applied: 0 };
  const label = ctx.t(L.fixAllLabel);
  const result = await ctx.connection.workspace.applyEdit({ label, edit: versionedEdit(doc, doc.lineIndex, edits) });
  if (!result.applied) ctx.warn(ctx.t(L.fixesNotApplied) + (result.failureReason ? `: ${result.failureReason}` : ''));
  return { applied: result.applied ? edits.length : 0 };
}

/** Ignores a finding; true when it was written to the project's ignore file. */
function ignore(ctx: ServerContext, arg: unknown): boolean {
  const { uri, version, rule, start, end } = ignoreArguments(arg);
  const doc = current(ctx, uri, version);
  if (!doc) return false;
  // Only a finding the server reports now can be ignored: never an invented rule or span.
  if (!ctx.workspace.documents.lint(doc).findings.some((f) => f.rule === rule && f.span.start === start && f.span.end === end)) {
    throw invalidParams(`there is no ${rule} finding at ${start}–${end} in ${uri}`);
  }
  const file = fileOfUri(uri);
  const { root } = doc.project;
  if (file === null || root === null) return false;
  const anchor = anchorOf(doc.project.pathOf(file)!, rule, doc.analysis.text, { start, end });
  if (!anchor) return false;
  try {
    addIgnoreEntry(root, anchor);
  } catch (error) {
    ctx.warn(ctx.t(L.cannotWriteIgnore) + `: ${(error as Error).message}`);
    return false;
  }
  ctx.workspace.projectFilesChanged([path.join(root, IGNORE_FILE)]);
  return true;
}

/** Safe fixes of every corpus file of the workspace, sent for review in one annotated edit. */
async function fixWorkspace(ctx: ServerContext): Promise<FixWorkspaceResult> {
  if (!ctx.client.applyEdit) return { files: 0, edits: 0 };
  const texts = ctx.workspace.texts(ctx.documents.all());
  // The editor opens a file on disk in its default encoding (UTF-8, or what a BOM says): the
  // edit's positions would not fit a GB18030 file, which the command line fixes instead.
  const editable = texts.filter((t) => t.encoding !== 'gb18030');
  const leftOut = texts.length - editable.length;
  if (leftOut > 0) {
    void ctx.connection.window.showInformationMessage(ctx.t(L.gb18030LeftOut(leftOut)));
  }
  const items: WorkspaceFixItem[] = editable.map(({ uri, text }) => {
    const open = ctx.analyzed(uri);
    const file = fileOfUri(uri);
    const findings = open ? ctx.workspace.documents.lint(open).findings : file ? ctx.workspace.lintFile(file, text).findings : [];
    return { uri, version: open ? open.version : null, text, findings };
  });
  const { edit, files, edits } = workspaceFixEdit(items, ctx.lang);
  if (edits === 0) {
    void ctx.connection.window.showInformationMessage(ctx.t(L.noSafeFixesInWorkspace));
    return { files: 0, edits: 0 };
  }
  const label = ctx.t(L.workspaceFixLabel(edits, files));
  const result = await ctx.connection.workspace.applyEdit({ label, edit });
  return { files: result.applied ? files : 0, edits: result.applied ? edits : 0 };
}

/** Registers the commands; `changed` hears that a project file was written (diagnostics change). */
export function registerCommands(ctx: ServerContext, changed: () => void): void {
  ctx.connection.onExecuteCommand(async (params) => {
    const [arg] = (params.arguments ?? []) as unknown[];
    switch (params.command) {
      case SERVER_COMMANDS.fixAll:
        return fixAll(ctx, arg);
      case SERVER_COMMANDS.ignore: {
        const done = ignore(ctx, arg);
        if (done) changed();
        return done;
      }
      case SERVER_COMMANDS.fixWorkspace:
        return fixWorkspace(ctx);
      case SERVER_COMMANDS.showAllFindings:
        return showAllFindings(ctx, arg);
    }
    return null;
  });
}
