import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/paths';

const CORE = path.join(ROOT, 'server', 'src', 'core');
const ALLOWED = /^\.\.?\//; // relative imports only

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the core is pure', () => {
  const files = sourceFiles(CORE);
  it('has source files to check', () => assert.ok(files.length > 5));
  for (const file of files) {
    it(path.relative(CORE, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const specifier of specifiers) {
        assert.match(specifier, ALLOWED, `${path.relative(ROOT, file)} imports "${specifier}"`);
        const target = path.resolve(path.dirname(file), specifier);
        assert.ok(target.startsWith(CORE), `${path.relative(ROOT, file)} imports "${specifier}" from outside the core`);
      }
    });
  }
});
