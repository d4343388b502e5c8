import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateGlossary } from '../../server/src/core/glossary/entries';
import { Glossary } from '../../server/src/core/glossary/matcher';

const entry = (term: string, extra: Record<string, unknown> = {}) => ({
  term,
  aliases: [],
  components: [],
  definition: { zh: `${term}的释义`, en: `gloss of ${term}` },
  since: { date: '2016-01', event: '中央政治局会议' },
  scope: { level: 'national' },
  source: { title: '某文件', publisher: '新华社', date: '2016-01-29' },
  related: [],
  ...extra,
});

describe('validateGlossary', () => {
  it('keeps valid entries', () => {
    const { entries, problems } = validateGlossary({ version: 1, entries: [entry('四个意识'), entry('六稳', { aliases: ['“六稳”工作'] })] }, 'bundled');
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((e) => e.term), ['四个意识', '六稳']);
  });
  it('reports broken entries with their JSON path and keeps the rest', () => {
    const { entries, problems } = validateGlossary(
      {
        entries: [
          entry('放管服'),
          { term: '', definition: 'x' },
          entry('六保', { source: { title: '' } }),
          entry('县域治理三起来', { scope: { level: 'local' } }),
          entry('放管服'),
          entry('六稳', { colour: 'red' }),
        ],
      },
      'ws',
    );
    assert.deepEqual(entries.map((e) => e.term), ['放管服']);
    assert.ok(problems.some((p) => p.path.join('.') === 'entries.1.term'));
    assert.ok(problems.some((p) => p.path.join('.') === 'entries.2.source' && /citable source/.test(p.message)));
    assert.ok(problems.some((p) => p.path.join('.') === 'entries.3.scope'));
    assert.ok(problems.some((p) => p.path.join('.') === 'entries.4.term' && /already defined/.test(p.message)));
    assert.ok(problems.some((p) => p.path.join('.') === 'entries.5.colour'));
  });
  it('reports a glossary that is not an object or has no entries', () => {
    assert.equal(validateGlossary([], 'x').problems.length, 1);
    assert.deepEqual(validateGlossary({}, 'x').problems[0].path, ['entries']);
  });
});

describe('Glossary matching', () => {
  const glossary = new Glossary(
    validateGlossary(
      {
        entries: [
          entry('四个意识'),
          entry('四个自信'),
          entry('六稳'),
          entry('六保'),
          entry('新发展理念'),
          entry('创新、协调、绿色、开放、共享的新发展理念'),
          entry('放管服', { aliases: ['放管服改革'] }),
        ],
      },
      'bundled',
    ).entries,
  );
  const forms = (text: string) => glossary.findAll(text).map((m) => `${m.form}@${m.span.start}`);
  it('finds quoted and unquoted forms and combined forms', () => {
    assert.deepEqual(forms('增强“四个意识”、坚定四个自信'), ['四个意识@3', '四个自信@11']);
    assert.deepEqual(forms('做好“六稳”“六保”工作'), ['六稳@3', '六保@7']);
  });
  it('prefers the longest form and maps aliases to their entry', () => {
    assert.deepEqual(forms('贯彻创新、协调、绿色、开放、共享的新发展理念'), ['创新、协调、绿色、开放、共享的新发展理念@2']);
    const [match] = glossary.findAll('深化放管服改革');
    assert.equal(match.form, '放管服改革');
    assert.equal(match.entry.term, '放管服');
  });
  it('finds a form cut by a hard wrap, but not by a blank line', () => {
    const spans = (text: string) => glossary.findAll(text).map((m) => [m.form, text.slice(m.span.start, m.span.end)]);
    assert.deepEqual(spans('全市党员干部要切实增强“四个\n意识”'), [['四个意识', '四个\n意识']]);
    assert.deepEqual(spans('全市党员干部要切实增强“四个\r\n意识”'), [['四个意识', '四个\r\n意识']]);
    assert.deepEqual(spans('全市党员干部要切实增强“四个\n\n意识”'), []);
    // A short line is a heading, not a wrapped line: 要点六 / 稳定 is no 六稳.
    assert.deepEqual(spans('要点六\n稳定'), []);
  });
  it('finds the match under an offset', () => {
    assert.equal(glossary.findAt('要做好“六稳”工作', 5)?.entry.term, '六稳');
    assert.equal(glossary.findAt('要做好“六稳”工作', 1), null);
  });
  it('lets a later entry override an earlier one with the same term', () => {
    const [bundled] = validateGlossary({ entries: [entry('六稳')] }, 'bundled').entries;
    const [workspace] = validateGlossary({ entries: [entry('六稳', { definition: { zh: '本地释义', en: 'local' } })] }, 'ws').entries;
    assert.equal(new Glossary([bundled, workspace]).lookup('六稳')?.definition.zh, '本地释义');
  });
});

describe('a glossary entry\'s source link', () => {
  const withUrl = (url: unknown) => entry('四个示例', { source: { title: '某文件', publisher: '新华社', date: '2016-01-29', url } });

  it('keeps an http or https address', () => {
    for (const url of ['http://www.example.com/a.html', 'https://example.org/b?c=1']) {
      const { entries, problems } = validateGlossary({ version: 1, entries: [withUrl(url)] }, 'ws');
      assert.deepEqual(problems, []);
      assert.equal(entries[0].source.url, url);
    }
  });

  it('reports any other as a problem at the link, and keeps the entry without it', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'www.example.com', 'http://', 5, '']) {
      const { entries, problems } = validateGlossary({ version: 1, entries: [withUrl(url)] }, 'ws');
      assert.deepEqual(problems.map((p) => p.path), [['entries', 0, 'source', 'url']], String(url));
      assert.match(problems[0].message, /must be an http:\/\/ or https:\/\/ address/);
      assert.equal(entries.length, 1, String(url));
      assert.equal(entries[0].source.url, undefined, String(url));
    }
  });
});
