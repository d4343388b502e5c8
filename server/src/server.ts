#!/usr/bin/env node
/**
 * Entry point: `node server/out/server.js --stdio` runs the language server for any LSP client.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { boundedStreams } from './lsp/flowControl';
import { startServer } from './lsp/server';

// Over stdio, the queues to a client that does not read are bounded (lsp/flowControl.ts); other
// transports (VS Code's node IPC) are chosen from the command line as before.
const stdio = process.argv.includes('--stdio');
const streams = stdio ? boundedStreams(process.stdin, process.stdout) : null;
const connection = streams ? createConnection(ProposedFeatures.all, streams.reader, streams.writer) : createConnection(ProposedFeatures.all);
// A failed request to the client must not take the server down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`Corpus Lens: unhandled rejection: ${String(reason)}`));
startServer(connection);
