/**
 * The outline JSON of every seed, checked in under test/snapshots/. A reviewed change of the
 * parser updates them with `UPDATE_SNAPSHOTS=1 npm test`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis';
import { decodeBytes } from '../../server/src/core/encoding';
import { outlineJson } from '../../server/src/core/outline';
import { ROOT, seedFiles } from '../support/paths';
import { matchSnapshot } from '../support/snapshot';
import { defaultSegmenter } from '../support/segmenters';

describe('outline snapshots of the seeds', () => {
  const seeds = seedFiles();
  it('has seeds', () => assert.ok(seeds.length >= 5));
  for (const seed of seeds) {
    const name = path.basename(seed, '.txt');
    it(name, () => {
      const { text, encoding } = decodeBytes(fs.readFileSync(seed));
      const relative = path.relative(ROOT, seed).split(path.sep).join('/');
      const actual = JSON.stringify(outlineJson(analyzeDocument(text, { segmenter: defaultSegmenter() }), relative, encoding), null, 2) + '\n';
      matchSnapshot(`${name}.outline.json`, actual);
    });
  }
});

describe('outline of the seeds: what a reader of the seeds expects', () => {
  const outline = (file: string) => {
    const { text } = decodeBytes(fs.readFileSync(path.join(ROOT, 'seeds', file)));
    return analyzeDocument(text, { segmenter: defaultSegmenter() }).articles;
  };
  it('000: one article, wrapped headline joined, six statements by 李亚', () => {
    const [article, ...rest] = outline('000_c507521ed4d42cd6.txt');
    assert.equal(rest.length, 0);
    assert.equal(article.title?.text, '全市领导干部会议召开，传达学习贯彻省委省政府加快洛阳副中心城市建设工作推进会精神');
    assert.equal(article.source, '洛阳日报');
    assert.equal(article.date, '2020-04-01');
    assert.deepEqual(article.speakers.map((s) => [s.name, s.statements.length]), [['李亚', 6]]);
  });
  it('002: four signed articles under one page date, ASCII punctuation and all', () => {
    const articles = outline('002_4fb8176c685af46a.txt');
    assert.deepEqual(articles.map((a) => a.authors.join()), ['刘宛康', '赵会生', '姜会峰', '王敬林']);
    assert.ok(articles.every((a) => a.date === '2020-04-30'));
  });
  it('003: a caption with no headline is an item of its own', () => {
    const articles = outline('003_c2943cd1c302380c.txt');
    assert.equal(articles.length, 6);
    assert.equal(articles[2].title, null);
    assert.equal(articles[2].source, '人民日报');
  });
  it('004: a headless first article, an article whose body is missing, a byline above its headline', () => {
    const articles = outline('004_a83841e51ddda90c.txt');
    assert.deepEqual(articles.map((a) => a.title?.text ?? null), [
      null,
      '解放思想 提高站位 为副中心城市建设贡献力量',
      '加快建设副中心 奋力实现新跨越',
      '履职尽责勇担当 真抓实干作表率',
      '抢抓发展机遇 积极主动作为',
    ]);
    assert.equal(articles[3].paragraphs.length, 0);
    assert.deepEqual(articles[4].authors, ['曾丹梅']);
  });
});
