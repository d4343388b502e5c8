/**
 * Code actions for findings: each fix of a finding under the cursor, "fix all of this rule in
 * this file" (once per rule, and never an action that repeats another's edits), "ignore here",
 * and `source.fixAll` for every safe fix. Every edit names the
 * document version it was computed for, so a client refuses it once the text has changed.
 */
import {
  AnnotatedTextEdit,
  ChangeAnnotation,
  CodeAction,
  CodeActionKind,
  Command,
  Diagnostic,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import * as path from 'node:path';
import { discoveredAt } from '../../core/glossary/discovery';
import { applyFixes } from '../../core/fixes';
import { L, Lang, say } from '../../core/l10n';
import { Finding } from '../../core/lint/lint';
import { TextEdit as CoreEdit, ruleById } from '../../core/rules/index';
import { LineIndex, Span } from '../../core/text';
import { FIX_ALL_KIND, IgnoreArguments, SERVER_COMMANDS, ShowAllFindingsArguments } from '../../protocol';
import { WORKSPACE_GLOSSARY } from '../../workspace/glossaries';
import { ServerContext } from '../context';
import { rangeParam, textDocumentUri } from '../params';
import { DiagnosticData } from './diagnostics';
import { addToGlossaryAction } from './glossary';

export interface DocumentRef {
  uri: string;
  version: number;
  lineIndex: LineIndex;
}

export function versionedEdit(doc: { uri: string; version: number | null }, index: LineIndex, edits: CoreEdit[]): WorkspaceEdit {
  const identifier = OptionalVersionedTextDocumentIdentifier.create(doc.uri, doc.version);
  return { documentChanges: [TextDocumentEdit.create(identifier, edits.map((e) => TextEdit.replace(index.rangeOf(e.span), e.newText)))] };
}

/** The edits of every safe fix of `findings` (of some rules only, when given), applied together. */
export function safeFixEdits(text: string, findings: Finding[], rules?: string[]): CoreEdit[] {
  return applyFixes(text, findings, { rules }).applied.map((a) => ({ span: a.span, newText: a.after }));
}

function touches(span: Span, start: number, end: number): boolean {
  return span.start <= end && span.end >= start;
}

export interface CodeActionInput {
  doc: DocumentRef;
  text: string;
  findings: Finding[];
  /** The requested range, as offsets. */
  start: number;
  end: number;
  /** The kinds the client asked for (all when undefined). */
  only?: string[];
  /** The diagnostics the client sent with the request, to attach to the actions. */
  diagnostics: Diagnostic[];
  lang: Lang;
  /** False when the document is in no workspace folder (there is nowhere to keep ignores). */
  canIgnore: boolean;
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const wants = (kind: string) => !input.only || input.only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(input), ...showAllActions(input));
  if (wants(FIX_ALL_KIND)) {
    const edits = safeFixEdits(input.text, input.findings);
    // In a menu of every kind, the fix-all of the file is left out when it does what a rule's
    // fix-all there does (only one rule has safe fixes): one action per effect.
    if (edits.length > 0 && !actions.some((a) => sameEdits(a, edits))) {
      actions.push({
        title: say(L.fixAllSafe(edits.length), input.lang),
        kind: FIX_ALL_KIND,
        edit: versionedEdit(input.doc, input.doc.lineIndex, edits),
      });
    }
  }
  return actions;
}

/** At a summary of the findings the cap left out: "Show All Findings" (the report of them all). */
function showAllActions(input: CodeActionInput): CodeAction[] {
  const summaries = input.diagnostics.filter((d) => (d.data as DiagnosticData | undefined)?.summary);
  if (summaries.length === 0) return [];
  const title = say(L.showAllFindings, input.lang);
  const args: ShowAllFindingsArguments = { uri: input.doc.uri };
  return [{ title, kind: CodeActionKind.QuickFix, diagnostics: summaries, command: Command.create(title, SERVER_COMMANDS.showAllFindings, args) }];
}

/** The edits of an action as one comparable string. */
function editKey(edits: readonly CoreEdit[]): string {
  return edits
    .map((e) => `${e.span.start}:${e.span.end}:${e.newText}`)
    .sort()
    .join('\u0000');
}

const actionKeys = new WeakMap<CodeAction, string>();

function sameEdits(action: CodeAction, edits: readonly CoreEdit[]): boolean {
  return actionKeys.get(action) === editKey(edits);
}

/**
 * The quick fixes at a place: each finding's own fixes (the preferred one first), then one
 * fix-all per rule, then "ignore here". An action that would make the same edits as one
 * before it is left out (a rule's fix-all over a single place is that place's fix; a finding
 * for the whole file and its first place share a rule and so a fix-all).
 */
function quickFixes(input: CodeActionInput): CodeAction[] {
  const { doc, lang } = input;
  const here = input.findings.filter((f) => f.span.end > f.span.start && touches(f.span, input.start, input.end));
  const fixes: CodeAction[] = [];
  const fixAlls: CodeAction[] = [];
  const ignores: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (list: CodeAction[], action: CodeAction, edits: readonly CoreEdit[]) => {
    const key = editKey(edits);
    if (seen.has(key)) return;
    seen.add(key);
    actionKeys.set(action, key);
    list.push(action);
  };
  const offeredFixAll = new Set<string>();
  for (const finding of here) {
    const diagnostic = input.diagnostics.find((d) => {
      const data = d.data as DiagnosticData | undefined;
      return data?.rule === finding.rule && data.start === finding.span.start && data.end === finding.span.end;
    });
    const diagnostics = diagnostic ? [diagnostic] : undefined;
    finding.fixes.forEach((fix, k) => {
      const action = {
        title: say(fix.title, lang),
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: k === 0 && fix.safe,
        edit: versionedEdit(doc, doc.lineIndex, fix.edits),
      };
      add(fixes, action, fix.edits);
    });
    if (!offeredFixAll.has(finding.rule)) {
      offeredFixAll.add(finding.rule);
      const fixable = input.findings.filter((f) => f.rule === finding.rule && !f.fileLevel && f.fixes.some((x) => x.safe)).length;
      if (fixable >= 2) {
        const edits = safeFixEdits(input.text, input.findings, [finding.rule]);
        const action = {
          title: say(L.fixAllOfRule(finding.rule, fixable), lang),
          kind: CodeActionKind.QuickFix,
          diagnostics,
          edit: versionedEdit(doc, doc.lineIndex, edits),
        };
        add(fixAlls, action, edits);
      }
    }
    if (input.canIgnore && !finding.fileLevel) {
      const args: IgnoreArguments = { uri: doc.uri, version: doc.version, rule: finding.rule, start: finding.span.start, end: finding.span.end };
      const description = ruleById(finding.rule)?.description;
      ignores.push({
        title: say(L.ignoreHere(finding.rule), lang),
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: Command.create(description ? say(description, lang) : finding.rule, SERVER_COMMANDS.ignore, args),
      });
    }
  }
  return [...fixes, ...fixAlls, ...ignores];
}

export interface WorkspaceFixItem {
  uri: string;
  /** The open document's version, or null for a file on disk. */
  version: number | null;
  text: string;
  findings: Finding[];
}

/**
 * One edit for the safe fixes of many files, for review before it is applied: every edit is
 * annotated with its rule and needs confirmation, so VS Code opens its refactor preview, where
 * the user ticks the rules and files to apply (nothing is applied unticked).
 */
export function workspaceFixEdit(items: WorkspaceFixItem[], lang: Lang): { edit: WorkspaceEdit; files: number; edits: number } {
  const documentChanges: TextDocumentEdit[] = [];
  const changeAnnotations: Record<string, ChangeAnnotation> = {};
  let count = 0;
  for (const item of items) {
    const applied = applyFixes(item.text, item.findings).applied;
    if (applied.length === 0) continue;
    const index = new LineIndex(item.text);
    const edits = applied.map((a) => {
      if (!changeAnnotations[a.rule]) {
        const description = ruleById(a.rule)?.description;
        changeAnnotations[a.rule] = { label: description ? `${a.rule}: ${say(description, lang)}` : a.rule, needsConfirmation: true };
      }
      return AnnotatedTextEdit.replace(index.rangeOf(a.span), a.after, a.rule);
    });
    count += edits.length;
    documentChanges.push(TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(item.uri, item.version), edits));
  }
  return { edit: { documentChanges, changeAnnotations }, files: documentChanges.length, edits: count };
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params) => {
    const range = rangeParam(params?.range, 'params.range');
    const doc = ctx.analyzed(textDocumentUri(params, 'params'));
    if (!doc) return [];
    // Some clients send no context; it is optional in effect (no diagnostics, no filter).
    const context = params.context ?? { diagnostics: [] };
    const text = doc.analysis.text;
    const start = doc.lineIndex.offsetAt(range.start);
    // Clients ask for code actions where the cursor is as it moves: the cap's focus without
    // visible ranges (a fix-all on save asks for the whole document, which says nothing).
    if (range.end.line - range.start.line <= 2 && !context.only?.every((k) => k.startsWith('source'))) ctx.focus.noteCursor(doc.uri, range.start.line);
    const actions: CodeAction[] = codeActions({
      doc,
      text,
      findings: ctx.workspace.documents.lint(doc).findings,
      start,
      end: doc.lineIndex.offsetAt(range.end),
      only: context.only,
      diagnostics: Array.isArray(context.diagnostics) ? context.diagnostics : [],
      lang: ctx.lang,
      canIgnore: doc.project.root !== null,
    });
    const discovered = discoveredAt(text, start, doc.project.glossary, doc.project.segmenter);
    const wantsQuickFix = !context.only || context.only.includes(CodeActionKind.QuickFix);
    if (discovered && wantsQuickFix && doc.project.root !== null) {
      const add = addToGlossaryAction(discovered.slogan, path.join(doc.project.root, WORKSPACE_GLOSSARY), ctx.lang);
      if (add) actions.push(add);
    }
    return actions;
  });
}
