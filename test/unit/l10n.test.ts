/**
 * The server's message catalogue (core/l10n.ts): every entry in English and Simplified Chinese,
 * and the server's labels taken from it in the language asked for.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CATALOGUE, L, langOf, say } from '../../server/src/core/l10n';
import { Message } from '../../server/src/core/rules/types';
import { documentSymbols } from '../../server/src/lsp/features/symbols';
import { discoveryHover, sloganMarkdown } from '../../server/src/lsp/features/hover';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { Workspace } from '../../server/src/workspace/workspace';

const HAN = /[\u4e00-\u9fff]/;

describe('the message catalogue', () => {
  const entries = Object.entries(CATALOGUE).map(([key, entry]) => {
    // Functions get sample values: a known kind for the lookups, numbers for the others' counts.
    const samples: Record<string, unknown[]> = { pageMark: ['page-date'], scope: ['national'], severityHeading: ['error', 3] };
    const args = samples[key] ?? Array.from({ length: typeof entry === 'function' ? entry.length : 0 }, (_, k) => (k % 2 === 0 ? 3 : 'x'));
    const message: Message = typeof entry === 'function' ? (entry as (...a: unknown[]) => Message)(...args) : entry;
    return { key, message };
  });

  it('has entries', () => assert.ok(entries.length > 30));

  for (const { key, message } of entries) {
    it(`${key}: English and Chinese`, () => {
      assert.ok(message.en.trim().length > 0 && message.zh.trim().length > 0, key);
      assert.doesNotMatch(message.en, HAN, `${key}: Chinese in the English text: ${message.en}`);
      assert.match(message.zh, HAN, `${key}: no Chinese in the Chinese text: ${message.zh}`);
      assert.notEqual(message.zh, message.en, key);
    });
  }

  it('names every page-mark kind and slogan scope in both languages', () => {
    for (const kind of ['page-number', 'page-date', 'staff', 'kicker', 'page-marker', 'running-head', 'contents']) {
      assert.match(L.pageMark(kind).zh, HAN, kind);
      assert.doesNotMatch(L.pageMark(kind).en, /-/, kind);
    }
    for (const level of ['national', 'provincial', 'local']) assert.match(L.scope(level).zh, HAN, level);
  });

  it('counts in English with the plural where it belongs', () => {
    assert.equal(L.statements(1).en, '1 statement');
    assert.equal(L.statements(6).en, '6 statements');
    assert.equal(L.statements(6).zh, '6 处');
  });

  it('takes the language from a locale', () => {
    assert.equal(langOf('zh-cn'), 'zh');
    assert.equal(langOf('en-US'), 'en');
    assert.equal(langOf(undefined), 'en');
  });
});

describe('server labels in the language asked for', () => {
  const workspace = new Workspace(DEFAULT_SETTINGS, () => undefined);
  const text = '0303\n\n2020年4月30日 星期四\n\n连日来，我认真学习了有关精神，深受启发。\n\n调研重点项目 推进工程建设\n\n区党工委书记何武周来到项目现场。何武周指出，要抢工期。他强调，要保质量。\n';
  const doc = workspace.documents.get(TextDocument.create('file:///labels.corpus.txt', 'zh-corpus', 1, text))!;
  const flat = (symbols: ReturnType<typeof documentSymbols>): { name: string; detail?: string }[] => symbols.flatMap((s) => [s, ...flat(s.children ?? [])]);

  it('outline: untitled articles, statement counts and page-mark kinds', () => {
    const en = flat(documentSymbols(doc, 'en'));
    const zh = flat(documentSymbols(doc, 'zh'));
    assert.ok(en.some((s) => s.name.startsWith('(untitled) ')), en.map((s) => s.name).join(' | '));
    assert.ok(zh.some((s) => s.name.startsWith('（无标题） ')));
    assert.ok(en.some((s) => s.detail === '区党工委书记 · 2 statements'), en.map((s) => s.detail).join(' | '));
    assert.ok(zh.some((s) => s.detail === '区党工委书记 · 2 处'));
    assert.deepEqual(en.filter((s) => s.name === '0303' || s.name.startsWith('2020年')).map((s) => s.detail), ['page number', 'page date']);
    assert.deepEqual(zh.filter((s) => s.name === '0303' || s.name.startsWith('2020年')).map((s) => s.detail), ['页码', '版面日期']);
    for (const s of en) assert.ok(!s.detail || !/^(?:page-date|page-number|staff|kicker)$/.test(s.detail), s.detail);
  });

  it('hovers: a glossary slogan and one no glossary knows', () => {
    const entry = {
      term: '六稳',
      aliases: ['稳六项'],
      components: ['稳就业'],
      definition: { zh: '释义', en: 'gloss' },
      since: { date: '2018-07-31', event: '会议' },
      scope: { level: 'national' as const },
      source: { title: '报告', publisher: '新华社', date: '2018-07-31' },
      related: [],
      origin: 'bundled',
    } as unknown as Parameters<typeof sloganMarkdown>[0];
    const en = sloganMarkdown(entry, { inFile: 1, inWorkspace: 2 }, 'en');
    const zh = sloganMarkdown(entry, { inFile: 1, inWorkspace: 2 }, 'zh');
    assert.match(en, /Since: 2018\\-07\\-31, 会议 · Scope: national/);
    assert.match(en, /Source: 新华社/);
    assert.match(en, /Also written: 稳六项/);
    assert.match(en, /1 in this file · 2 in the workspace/);
    assert.match(zh, /提出：2018\\-07\\-31，会议 · 范围：全国/);
    assert.match(zh, /来源：新华社/);
    assert.match(zh, /本文件 1 处 · 工作区 2 处/);
    for (const value of [en]) assert.doesNotMatch(value.replace(/\*\*六稳\*\*：稳就业|释义|会议|新华社《报告》|稳六项/g, ''), HAN);
    const found = { term: '三服务', occurrences: [{ span: { start: 0, end: 3 }, context: '推动“三服务”' }], components: [], files: 1 };
    const hover = (lang: 'en' | 'zh') => (discoveryHover('三服务', found, undefined, lang).contents as { value: string }).value;
    assert.match(hover('en'), /not in any glossary[\s\S]*1 in the workspace, in 1 file[\s\S]*Contexts:/);
    assert.match(hover('zh'), /未收录[\s\S]*工作区 1 处，1 个文件[\s\S]*语境：/);
  });

  it('says a message in the language asked for', () => {
    assert.equal(say(L.untitled, 'en'), '(untitled)');
    assert.equal(say(L.untitled, 'zh'), '（无标题）');
  });
});
