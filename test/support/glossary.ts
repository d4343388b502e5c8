import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateGlossary } from '../../server/src/core/glossary/entries';
import { Glossary } from '../../server/src/core/glossary/matcher';
import { ROOT } from './paths';

let shared: Glossary | undefined;

/** The bundled glossary (server/data/glossary.json), loaded once per test process. */
export function bundledGlossary(): Glossary {
  if (!shared) {
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'data', 'glossary.json'), 'utf8'));
    shared = new Glossary(validateGlossary(raw, 'bundled').entries);
  }
  return shared;
}
