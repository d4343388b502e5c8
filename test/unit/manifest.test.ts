/**
 * The extension manifest and the client's strings, checked without an editor: every label the
 * client shows has its Chinese translation, every %key% of package.json its English and Chinese
 * text, and the walkthrough's completion events are ones VS Code knows, naming settings,
 * commands and context keys that exist (an unknown event leaves its step undone for ever).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { openAsCorpusAction } from '../../client/src/openAsCorpusPolicy';
import { ROOT } from '../support/paths';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;

interface Manifest {
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, unknown> };
    configurationDefaults: Record<string, Record<string, unknown>>;
    walkthroughs: { steps: { id: string; description: string; completionEvents?: string[] }[] }[];
  };
}
const manifest = json('package.json') as unknown as Manifest;

/** The string literals passed to vscode.l10n.t (as `t`) in the client's sources. */
function clientMessages(): string[] {
  const dir = path.join(ROOT, 'client', 'src');
  const messages: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of source.matchAll(/\bt\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g)) messages.push(m[2].replace(/\\(.)/g, '$1'));
  }
  return messages;
}

const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();

describe('the client strings', () => {
  const bundle = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
  const messages = clientMessages();

  it('are found in the sources', () => assert.ok(messages.length > 25, `${messages.length} messages`));

  it('each have a Chinese translation with the same placeholders', () => {
    for (const message of messages) {
      assert.ok(message in bundle, `l10n/bundle.l10n.zh-cn.json translates ${JSON.stringify(message)}`);
      assert.equal(holes(bundle[message]), holes(message), `the translation of ${message} keeps its placeholders`);
    }
  });

  it('leave no translation unused', () => {
    const used = new Set(messages);
    assert.deepEqual(Object.keys(bundle).filter((key) => !used.has(key)), []);
  });
});

describe('the manifest texts', () => {
  const english = json('package.nls.json');
  const chinese = json('package.nls.zh-cn.json');
  const keys = [...read('package.json').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);

  it('come in English and Chinese, for every %key% used and no other', () => {
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    for (const key of keys) assert.ok(key in english, `package.nls.json defines ${key}`);
    const used = new Set(keys);
    assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), []);
    for (const key of Object.keys(english)) assert.notEqual(chinese[key], english[key], `${key} is translated`);
  });

  it('put no bare English into a setting', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    for (const [name, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      const { markdownDescription, enumDescriptions, properties } = setting as { markdownDescription?: string; enumDescriptions?: string[]; properties?: unknown };
      const texts = [markdownDescription, ...(enumDescriptions ?? []), ...strings(properties).filter((s) => / /.test(s))].filter((s): s is string => s !== undefined);
      for (const text of texts) assert.match(text, /^%[^%]+%$/, `${name}: ${text}`);
    }
  });
});

describe('the walkthrough', () => {
  const settings = new Set(Object.keys(manifest.contributes.configuration.properties));
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  const clientSource = fs
    .readdirSync(path.join(ROOT, 'client', 'src'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8'))
    .join('\n');

  it('completes its steps on events VS Code knows, about settings, commands and context keys that exist', () => {
    const events = manifest.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => (s.completionEvents ?? []).map((e) => [s.id, e])));
    assert.ok(events.length > 5);
    for (const [step, event] of events) {
      const [kind, ...rest] = event.split(':');
      const argument = rest.join(':');
      switch (kind) {
        case 'onSettingChanged':
          // VS Code compares the full key: a section such as "corpusLens" never fires.
          assert.ok(settings.has(argument), `${step}: ${event} names a setting of the extension`);
          break;
        case 'onCommand':
          assert.ok(commands.has(argument) || /^(workbench|outline)\./.test(argument), `${step}: ${event} names a command`);
          break;
        case 'onContext':
          for (const key of argument.match(/corpusLens\.[\w.]+/g) ?? []) assert.ok(clientSource.includes(`'${key}'`), `${step}: the client sets ${key}`);
          break;
        case 'onView':
          assert.ok(argument.length > 0, `${step}: ${event} names a view`);
          break;
        default:
          assert.fail(`${step}: ${event} is not a completion event VS Code knows (onCommand, onSettingChanged, onContext, onView, onLink, onEvent, onStepSelected, onExtensionInstalled)`);
      }
    }
  });
});

describe('configurationDefaults for [zh-corpus]', () => {
  it('wrap lines and set a font stack and line height for Chinese', () => {
    const defaults = manifest.contributes.configurationDefaults['[zh-corpus]'];
    assert.equal(defaults['editor.wordWrap'], 'on');
    assert.match(String(defaults['editor.fontFamily']), /CJK SC|PingFang SC|Microsoft YaHei/);
    assert.match(String(defaults['editor.fontFamily']), /monospace$/, 'a generic family last');
    // Below 8, VS Code takes the line height as a multiple of the font size.
    assert.ok(Number(defaults['editor.lineHeight']) >= 1.4 && Number(defaults['editor.lineHeight']) < 8);
    assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false, 'full-width punctuation is not flagged');
  });
});

describe('openAsCorpusAction', () => {
  it('follows the setting, and under ask the answer kept for the workspace', () => {
    assert.equal(openAsCorpusAction('always', 'never'), 'switch');
    assert.equal(openAsCorpusAction('never', 'always'), 'leave');
    assert.equal(openAsCorpusAction('ask', undefined), 'ask');
    assert.equal(openAsCorpusAction('ask', 'always'), 'switch');
    assert.equal(openAsCorpusAction('ask', 'never'), 'leave');
  });
  it('takes a wrong value of either for the default', () => {
    assert.equal(openAsCorpusAction(42, undefined), 'ask');
    assert.equal(openAsCorpusAction('sometimes', 'always'), 'switch');
    assert.equal(openAsCorpusAction(undefined, 'perhaps'), 'ask');
  });
});
