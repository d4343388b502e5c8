/**
 * Getting diagnostics to the client: pulled (`textDocument/diagnostic`) where the client
 * supports it, published otherwise — after a short pause while the user types, and again for
 * every open document when the configuration changes.
 */
import { Connection, Diagnostic } from 'vscode-languageserver';

const TYPING_PAUSE_MS = 250;

export class DiagnosticsDelivery {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    /** True when the client pulls. */
    readonly pull: boolean,
    /** The diagnostics of an open document (empty for one the server does not analyse). */
    private readonly diagnosticsOf: (uri: string) => Diagnostic[],
    private readonly openUris: () => string[],
  ) {}

  opened(uri: string): void {
    if (!this.pull) this.schedule(uri, 0);
  }

  changed(uri: string): void {
    if (!this.pull) this.schedule(uri, TYPING_PAUSE_MS);
  }

  closed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Everything may have changed (settings, config, ignores, glossary). */
  refreshAll(): void {
    if (this.pull) this.connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const uri of this.openUris()) this.schedule(uri, 0);
  }

  private schedule(uri: string, delayMs: number): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        if (!this.openUris().includes(uri)) return;
        // A timer has no caller to take an exception: an uncaught one would end the server.
        try {
          void this.connection.sendDiagnostics({ uri, diagnostics: this.diagnosticsOf(uri) });
        } catch (error) {
          this.connection.console.error(`Diagnostics of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }, delayMs),
    );
  }
}
