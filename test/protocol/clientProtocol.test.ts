/**
 * The VS Code client speaks the server's custom protocol (server/src/protocol.ts) by importing
 * it, never by repeating its strings; the client that runs carries it: the compiled client
 * requires the server's compiled module, and the packaged one (CORPUS_LENS_SERVER names the
 * bundled server, whose extension.js sits next to it) has it bundled in, requiring nothing but
 * `vscode` and Node's own modules.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as protocol from '../../server/src/protocol';
import { ROOT } from '../support/paths';

/** Every string constant of the protocol module (names of requests, notifications, commands …). */
function protocolStrings(): string[] {
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
  return Object.values(protocol).flatMap(strings);
}

const requires = (code: string) => [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);

describe('the client and the custom protocol', () => {
  const names = protocolStrings();

  it('the protocol names its requests, notifications and server commands', () => {
    assert.ok(names.includes('corpusLens/articles') && names.includes('corpusLens/status'), names.join(', '));
    assert.ok(names.includes('corpusLens.server.fixWorkspace'));
  });

  it('the client sources import them rather than repeat them', () => {
    const dir = path.join(ROOT, 'client', 'src');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const name of names) assert.ok(!source.includes(`'${name}'`), `client/src/${file} spells out '${name}': import it from server/src/protocol.ts`);
    }
  });

  const bundledServer = process.env.CORPUS_LENS_SERVER;
  if (bundledServer) {
    it('the packaged client has the protocol bundled in and requires only vscode and Node modules', () => {
      const bundle = path.join(path.dirname(path.resolve(bundledServer)), 'extension.js');
      const code = fs.readFileSync(bundle, 'utf8');
      const builtins = new Set(builtinModules);
      const foreign = requires(code).filter((name) => name !== 'vscode' && !builtins.has(name.replace(/^node:/, '')));
      assert.deepEqual([...new Set(foreign)], [], `${bundle} requires only vscode and Node modules`);
      for (const name of names) assert.ok(code.includes(name), `${bundle} carries ${name}`);
    });
  } else {
    it('the compiled client requires the compiled protocol module, which exists', () => {
      const dir = path.join(ROOT, 'client', 'out');
      const relative = requires(fs.readFileSync(path.join(dir, 'extension.js'), 'utf8')).filter((name) => name.startsWith('.'));
      assert.ok(relative.includes('../../server/out/protocol'), relative.join(', '));
      for (const name of relative) assert.ok(fs.existsSync(path.join(dir, `${name}.js`)), `${name} resolves from client/out`);
    });
  }
});
