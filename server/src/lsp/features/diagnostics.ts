/**
 * Diagnostics: the findings of each open document as LSP diagnostics (the rule id is the
 * diagnostic's code, the message is in the client's display language, and the finding's span
 * travels in `data` so a code action can find it again), pulled (`textDocument/diagnostic`)
 * where the client supports it and published otherwise: after a short pause while the user
 * types, and again for every open document when the configuration changes. A document with
 * more findings than `maxProblems` shows those near where the user is looking (focus.ts), and
 * gets new diagnostics when the user looks elsewhere.
 */
import { CancellationToken, Connection, Diagnostic, DiagnosticServerCancellationData, DiagnosticSeverity, DocumentDiagnosticReport, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { L, Lang, say } from '../../core/l10n';
import { Finding } from '../../core/lint/lint';
import { Severity } from '../../core/rules/index';
import { LineIndex } from '../../core/text';
import { DIAGNOSTIC_SOURCE } from '../../protocol';
import { ServerContext } from '../context';
import { textDocumentUri } from '../params';
import { Focus, registerFocus } from './focus';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  rule: string;
  start: number;
  end: number;
  /** The diagnostic sums up findings the cap left out (its code action opens them all). */
  summary?: boolean;
}

export function toDiagnostic(finding: Finding, index: LineIndex, lang: Lang): Diagnostic {
  const diagnostic = Diagnostic.create(index.rangeOf(finding.span), say(finding.message, lang), SEVERITIES[finding.severity], finding.rule, DIAGNOSTIC_SOURCE);
  const data: DiagnosticData = { rule: finding.rule, start: finding.span.start, end: finding.span.end, ...(finding.summary ? { summary: true } : {}) };
  diagnostic.data = data;
  return diagnostic;
}

export function toDiagnostics(findings: Finding[], index: LineIndex, lang: Lang): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, index, lang));
}

/** The code of a diagnostic that reports a failure of the server itself, not of the text. */
export const INTERNAL_ERROR = 'internal-error';

/**
 * A failure of the analysis (a bug), shown at the top of the document so that the user knows
 * why findings are missing; the server and the document's other features stay up.
 */
export function internalErrorDiagnostic(what: string, error: string, lang: Lang): Diagnostic {
  const message = say(L.internalError(what, error), lang);
  return Diagnostic.create({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, DiagnosticSeverity.Error, INTERNAL_ERROR, DIAGNOSTIC_SOURCE);
}

/** The diagnostics of an open document (none for one the server does not analyse). */
export function diagnosticsOf(ctx: ServerContext, uri: string): Diagnostic[] {
  const document = ctx.documents.get(uri);
  if (!document) return [];
  const doc = ctx.analyzed(uri);
  if (!doc) {
    const failure = ctx.workspace.documents.failureOf(document);
    if (!failure) return [];
    ctx.logOnce(`${uri}\0analysis\0${failure}`, `Analysis of ${uri} failed: ${failure}`);
    return [internalErrorDiagnostic(ctx.t(L.notAnalysed), failure, ctx.lang)];
  }
  try {
    const result = ctx.workspace.documents.lint(doc);
    const failed = result.failures.map((f) => {
      ctx.logOnce(`${uri}\0${f.rule}\0${f.error}`, `Rule ${f.rule} failed on ${uri}: ${f.error}`);
      return internalErrorDiagnostic(ctx.t(L.ruleFailed(f.rule)), f.error, ctx.lang);
    });
    if (!result.overCap) ctx.focus.uncapped(uri);
    const shown = result.overCap ? result.shownNear(ctx.focus.capFocus(uri, doc.lineIndex)) : result.shown;
    return [...failed, ...toDiagnostics(shown, doc.lineIndex, ctx.lang)];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    ctx.logOnce(`${uri}\0lint\0${detail}`, `Linting ${uri} failed: ${detail}`);
    return [internalErrorDiagnostic(ctx.t(L.notChecked), detail, ctx.lang)];
  }
}

/** A document whose rules run this long shows as being analysed in the status item. */
const BUDGET_MS = 500;

/**
 * Runs the rules on the open document `uri` as it is now, in slices, answering other requests
 * in between; false when the document changed meanwhile (or `cancelled` says so), the work done
 * being kept for the next version. A document past the time budget shows in the status item.
 */
async function lintedInSlices(ctx: ServerContext, uri: string, cancelled: () => boolean): Promise<boolean> {
  const doc = ctx.analyzed(uri);
  if (!doc) return true;
  const started = performance.now();
  let shown = false;
  const stop = () => {
    if (!shown && performance.now() - started > BUDGET_MS) {
      shown = true;
      ctx.analysing(uri, true);
    }
    return cancelled() || ctx.documents.get(uri)?.version !== doc.version;
  };
  try {
    return await ctx.workspace.documents.lintInSlices(doc, stop);
  } catch {
    // diagnosticsOf reports the failure.
    return true;
  } finally {
    if (shown) ctx.analysing(uri, false);
  }
}

const TYPING_PAUSE_MS = 250;
/** How long the view must rest before the diagnostics follow it (scrolling sends many ranges). */
const FOCUS_PAUSE_MS = 150;

/** Getting diagnostics to the client: answered when pulled, else published. */
export class DiagnosticsDelivery {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly looking = new Map<string, NodeJS.Timeout>();

  constructor(private readonly ctx: ServerContext) {}

  private get pull(): boolean {
    return this.ctx.client.pullDiagnostics;
  }

  private get connection(): Connection {
    return this.ctx.connection;
  }

  opened(uri: string): void {
    if (!this.pull) this.schedule(uri, 0);
  }

  changed(uri: string): void {
    if (!this.pull) this.schedule(uri, TYPING_PAUSE_MS);
  }

  /**
   * The user looks elsewhere in `uri`, a document over the cap (focus.ts says so only of one):
   * once the view rests, it gets the findings near where they look (pulled again, or published).
   */
  focusMoved(uri: string): void {
    clearTimeout(this.looking.get(uri));
    this.looking.set(
      uri,
      setTimeout(() => {
        this.looking.delete(uri);
        if (!this.ctx.documents.get(uri)) return;
        if (this.pull) this.connection.languages.diagnostics.refresh().catch(() => undefined);
        else this.schedule(uri, 0);
      }, FOCUS_PAUSE_MS),
    );
  }

  closed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    clearTimeout(this.looking.get(uri));
    this.looking.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Everything may have changed (settings, config, ignores, glossary). */
  refreshAll(): void {
    if (this.pull) this.connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const document of this.ctx.documents.all()) this.schedule(document.uri, 0);
  }

  private async publish(uri: string): Promise<void> {
    this.pending.delete(uri);
    if (!this.ctx.documents.get(uri)) return;
    // A timer has no caller to take an exception: an uncaught one would end the server.
    try {
      // A change meanwhile schedules the next publication: this one is dropped.
      if (!(await lintedInSlices(this.ctx, uri, () => false)) || !this.ctx.documents.get(uri)) return;
      void this.connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(this.ctx, uri) });
    } catch (error) {
      this.connection.console.error(`Diagnostics of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  private schedule(uri: string, delayMs: number): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => void this.publish(uri), delayMs),
    );
  }
}

/** Registers the pull handler and the document events that publish; returns the delivery. */
export function registerDiagnostics(ctx: ServerContext): DiagnosticsDelivery {
  const delivery = new DiagnosticsDelivery(ctx);
  ctx.focus = new Focus((uri) => delivery.focusMoved(uri));
  registerFocus(ctx);
  // Pulls of one document are answered one after the other, in the order they came.
  const inOrder = new Map<string, Promise<unknown>>();
  ctx.connection.languages.diagnostics.on((params, token) => {
    const uri = textDocumentUri(params, 'params');
    const answer = (inOrder.get(uri) ?? Promise.resolve()).then(() => pulled(uri, token));
    const settled = answer.catch(() => undefined);
    inOrder.set(uri, settled);
    void settled.then(() => inOrder.get(uri) === settled && inOrder.delete(uri));
    return answer;
  });
  const pulled = async (uri: string, token: CancellationToken): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> => {
    const ready = await lintedInSlices(ctx, uri, () => token.isCancellationRequested);
    if (!ready) {
      // The client asks again for the new version. A pull the client cancelled says so too: it
      // cancels one in flight when it pulls again (a refresh, an edit), and vscode-languageclient
      // drops that second pull when the answer says not to retrigger, leaving the document
      // without diagnostics until its next change. (A closed document is not pulled again.)
      return token.isCancellationRequested
        ? new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.RequestCancelled, 'cancelled', { retriggerRequest: true })
        : new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    }
    const items = diagnosticsOf(ctx, uri);
    ctx.sendStatus();
    return { kind: DocumentDiagnosticReportKind.Full, items };
  };
  ctx.documents.onDidOpen((event) => {
    delivery.opened(event.document.uri);
    ctx.sendStatus();
  });
  ctx.documents.onDidChangeContent((event) => delivery.changed(event.document.uri));
  ctx.documents.onDidClose((event) => {
    const uri = event.document.uri;
    ctx.workspace.documents.forget(uri);
    ctx.focus.forget(uri);
    delivery.closed(uri);
    ctx.sendStatus();
  });
  return delivery;
}
