#!/usr/bin/env node
/**
 * Entry point: `node server/out/server.js --stdio` runs the language server for any LSP client.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

const connection = createConnection(ProposedFeatures.all);
// A failed request to the client must not take the server down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`Corpus Lens: unhandled rejection: ${String(reason)}`));
startServer(connection);
