#!/usr/bin/env node
/**
 * Entry point: `node server/out/server.js --stdio` runs the language server for any LSP client.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
