/**
 * The bundled glossary ships only valid, sourced entries: it passes the same validation as a
 * workspace glossary, every numbered slogan lists its components, related terms exist, and the
 * JSON schema describes the same fields the validator accepts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateGlossary } from '../../server/src/core/glossary/entries';
import { Glossary } from '../../server/src/core/glossary/matcher';
import { ROOT } from '../support/paths';

const DATA = path.join(ROOT, 'server', 'data');
const raw = JSON.parse(fs.readFileSync(path.join(DATA, 'glossary.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(DATA, 'glossary.schema.json'), 'utf8'));

describe('the bundled glossary', () => {
  const { entries, problems } = validateGlossary(raw, 'bundled');
  it('has no validation problems', () => assert.deepEqual(problems, []));
  it('has at least 120 entries', () => assert.ok(entries.length >= 120, `${entries.length} entries`));
  it('gives every numbered slogan its components', () => {
    const numbered = entries.filter((e) => /^[一两二三四五六七八九十]个/.test(e.term));
    assert.ok(numbered.length > 5);
    for (const entry of numbered) assert.ok(entry.components.length >= 2, entry.term);
  });
  it('cites a source with title, publisher and date for every entry', () => {
    for (const entry of entries) assert.ok(entry.source.title && entry.source.publisher && entry.source.date, entry.term);
  });
  it('relates only to terms it defines', () => {
    const glossary = new Glossary(entries);
    for (const entry of entries) for (const term of entry.related) assert.ok(glossary.lookup(term), `${entry.term} → ${term}`);
  });
  it('has a schema whose entry fields are the ones the validator accepts', () => {
    const entrySchema = schema.definitions?.entry ?? schema.$defs?.entry ?? schema.properties?.entries?.items;
    assert.ok(entrySchema?.properties, 'the schema describes an entry');
    assert.deepEqual(
      Object.keys(entrySchema.properties).sort(),
      ['aliases', 'canonical', 'category', 'components', 'definition', 'related', 'scope', 'since', 'source', 'term'],
    );
  });
});
