import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGlossaryText } from '../../server/src/workspace/glossaries';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/lsp/settings';

describe('readSettings', () => {
  it('reads valid values', () => {
    const warnings: string[] = [];
    const settings = readSettings({ segmenter: 'intl', plaintext: { enabled: false }, glossary: { paths: ['g.json'] } }, (m) => warnings.push(m));
    assert.deepEqual(settings, { language: 'auto', segmenter: 'intl', plaintext: { enabled: false }, glossary: { paths: ['g.json'] }, lint: DEFAULT_SETTINGS.lint });
    assert.deepEqual(warnings, []);
  });
  it('replaces wrong values by defaults and says so', () => {
    const warnings: string[] = [];
    const settings = readSettings({ segmenter: 'hanlp', plaintext: { enabled: 'yes' }, glossary: { paths: 'g.json' } }, (m) => warnings.push(m));
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(warnings.length, 3);
    assert.equal(readSettings(42, (m) => warnings.push(m)).segmenter, 'auto');
  });
  it('reads the language of the server\'s messages: auto, en or zh-cn', () => {
    const warnings: string[] = [];
    assert.equal(readSettings({ language: 'zh-cn' }, (m) => warnings.push(m)).language, 'zh-cn');
    assert.equal(readSettings({ language: 'en' }, (m) => warnings.push(m)).language, 'en');
    assert.equal(warnings.length, 0);
    assert.equal(readSettings({ language: 'fr' }, (m) => warnings.push(m)).language, 'auto');
    assert.match(warnings[0], /corpusLens\.language: unknown value "fr"/);
  });
});

describe('parseGlossaryText', () => {
  it('reports JSON syntax errors at their place', () => {
    const { entries, diagnostics } = parseGlossaryText('{\n  "entries": [\n    { "term": "六稳" \n  ]\n}', 'ws');
    assert.equal(entries.length, 0);
    assert.ok(diagnostics.length > 0);
    assert.match(diagnostics[0].message as string, /JSON syntax error/);
    assert.ok(diagnostics[0].range.start.line >= 2);
  });
  it('places a validation problem on the offending value', () => {
    const text = '{\n  "version": 1,\n  "entries": [\n    { "term": "", "definition": {"zh": "x", "en": "y"} }\n  ]\n}';
    const { diagnostics } = parseGlossaryText(text, 'ws');
    const termProblem = diagnostics.find((d) => /term/.test(d.message as string))!;
    assert.equal(termProblem.range.start.line, 3);
    assert.equal(text.split('\n')[3].slice(termProblem.range.start.character, termProblem.range.end.character), '""');
  });
});
