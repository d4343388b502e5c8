/**
 * The real text the zoo is built from, read from the corpora folder given on the command line
 * (../shared/corpora by default; never copied into the repository), and the text the project
 * owns, for the regression fixtures.
 *
 * - THUCNews (`thucnews-dev.tsv`): bodies only. The headline is glued to the body there and
 *   the paragraph breaks are gone, so the first sentence (which holds the glued headline and
 *   the `新浪体育讯`-style lead: everything up to the first 。, as headlines may end in ！ or ？
 *   but hardly ever hold a 。) is dropped and the rest re-cut into paragraphs at sentence ends.
 * - Sogou (`sogou-news-gb18030.dat`, GB18030 pseudo-XML, decoded by the product's decoder):
 *   `<contenttitle>` as a headline with its own `<content>` as the body, re-cut the same way
 *   (an ideographic space after a sentence end is the original paragraph break). About half
 *   the bodies carry real encoding damage (`?` followed by misread characters): they stay in,
 *   marked `damaged` so that the clean-text rate can leave them out.
 * - 人民日报 headline indexes (`rmrb/<month>/*.md`): a line per printed item, date prefix
 *   stripped; a headline and its decks are separated by two or more ASCII spaces. Items that
 *   are only `图片` / `图片说明` are photos, not headlines, and are left out.
 *
 * Nothing is left out because of what the product's rules say about it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeBytes } from './product.mjs';
import { makeRandom } from './random.mjs';
import { splitSentences } from './text.mjs';

/**
 * Sentences grouped into paragraphs of a random length (about 60 to 260 characters), never
 * across an original paragraph end (a new block) and never inside an open quote or bracket
 * (a paragraph break there would unbalance the pair: the harness's doing, not the text's).
 */
export function recut(blocks, rng) {
  const out = [];
  for (const block of blocks) {
    let current = '';
    let target = rng.range(60, 260);
    for (const sentence of splitSentences(block)) {
      current += sentence;
      if (current.length >= target && balanced(current)) {
        out.push(current);
        current = '';
        target = rng.range(60, 260);
      }
    }
    if (current) out.push(current);
  }
  return out;
}

/** Blocks joined again where a break fell inside an open quote or bracket. */
function mergeUnbalanced(blocks) {
  const out = [];
  for (const b of blocks) {
    if (out.length && !balanced(out[out.length - 1])) out[out.length - 1] += b;
    else out.push(b);
  }
  return out;
}

const PAIRS = [['“', '”'], ['《', '》'], ['（', '）'], ['(', ')'], ['「', '」'], ['【', '】']];
const count = (text, ch) => text.split(ch).length - 1;
const balanced = (text) => PAIRS.every(([open, close]) => count(text, open) === count(text, close));

/** At most `max` paragraphs (a long article makes a long document, not a better test). */
const cap = (paragraphs, max = 7) => paragraphs.slice(0, max);

/**
 * Whether the text carries credits of its own that the gold cannot know of (a reporter in
 * brackets at the start or the end, `本报记者 X` opening it): then its authors are not scored.
 */
function hasOwnCredit(paragraphs) {
  const first = paragraphs[0] ?? '';
  const last = paragraphs[paragraphs.length - 1] ?? '';
  return (
    /^.{0,40}[（(](?:本报|特约)?记者/.test(first) ||
    /^(?:本报|本刊)?记者[ 　]/.test(first) ||
    /[（(][\u4e00-\u9fff]{2,4}(?:[ 　、][\u4e00-\u9fff]{2,4})*(?:[ 　]摄)?[）)]\s*$/.test(last) ||
    /(?:作者|编辑|记者)[：:]/.test(last)
  );
}

export function thucnewsArticles(corpora) {
  const file = path.join(corpora, 'thucnews-dev.tsv');
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line, n) => {
      const text = line.slice(line.indexOf('\t') + 1);
      // Headlines may end in ！ or ？ but hardly ever hold a 。: drop all up to the first one.
      const body = text.slice(text.indexOf('。') + 1);
      const paragraphs = cap(recut([body], makeRandom(`thucnews:${n}`)));
      return { id: `thucnews:${n + 1}`, source: 'thucnews', paragraphs, damaged: false, ownCredit: hasOwnCredit(paragraphs) };
    })
    .filter((a) => a.paragraphs.join('').length >= 60);
}

/** Sogou's documents, decoded from GB18030 by the product's own decoder. */
export function sogouArticles(corpora) {
  const { text, encoding } = decodeBytes(fs.readFileSync(path.join(corpora, 'sogou-news-gb18030.dat')));
  if (encoding !== 'gb18030') throw new Error(`sogou-news-gb18030.dat decoded as ${encoding}, not GB18030`);
  const docs = [...text.matchAll(/<doc>[\s\S]*?<contenttitle>([\s\S]*?)<\/contenttitle>\s*<content>([\s\S]*?)<\/content>/g)];
  return docs
    .map((m, n) => {
      const title = m[1].trim();
      const content = m[2].trim();
      // An ideographic space after a sentence end is where Sogou's text had a paragraph break.
      const blocks = mergeUnbalanced(content.split(/(?<=[。！？”])[\u3000 ]+/).filter((b) => b.trim() !== ''));
      const paragraphs = cap(recut(blocks, makeRandom(`sogou:${n}`)));
      return {
        id: `sogou:${n + 1}`,
        source: 'sogou',
        title,
        paragraphs,
        damaged: /[?\ufffd]/.test(content),
        ownCredit: hasOwnCredit(paragraphs),
      };
    })
    .filter((a) => a.title !== '' && a.paragraphs.length >= 1 && a.paragraphs.join('').length >= 60);
}

/** 人民日报 index items: { id, decade, date, parts (headline, then its decks), text }. */
export function rmrbHeadlines(corpora) {
  const dir = path.join(corpora, 'rmrb');
  const out = [];
  for (const month of fs.readdirSync(dir).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort()) {
    const file = fs.readdirSync(path.join(dir, month)).find((f) => f.endsWith('.md'));
    const lines = fs.readFileSync(path.join(dir, month, file), 'utf8').split(/\r?\n/);
    lines.forEach((line, n) => {
      const m = line.match(/^(\d{4}-\d{2}-\d{2}) (.+)$/);
      if (!m) return;
      const text = m[2].replace(/[\s\u3000]+$/, '');
      if (/^(?:图片|图片说明)$/.test(text) || text === '') return;
      const parts = text.split(/ {2,}/).map((p) => p.trim()).filter(Boolean);
      out.push({ id: `rmrb:${month}:${n + 1}`, decade: month.slice(0, 4), date: m[1], parts, text });
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Text the project owns, for the fixtures under test/fixtures/zoo/ (tests never read ../shared/).

/** The seeds' ASCII , ; : ? ! ( ) next to Chinese, made full-width (two seeds use ASCII marks throughout). */
const fullWidthMarks = (text) =>
  text.replace(/(?<=[^\x00-\x7f])[,;:?!]|[,;:?!](?=[^\x00-\x7f])|\((?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\)/g, (m) => ({ ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' })[m]);

/**
 * Body text from the repository's seeds: the lines of 60 characters or more that end a
 * sentence (whole paragraphs, or the second half of one a page break split), with ASCII
 * marks next to Chinese made full-width, re-cut into paragraphs at sentence ends.
 */
export function seedArticles(root) {
  const dir = path.join(root, 'seeds');
  const out = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/).map((l) => fullWidthMarks(l.trim()));
    const long = lines.filter((l) => l.length >= 60 && /[。！？]”?$/.test(l));
    // Articles of three or four of those paragraphs each.
    for (let i = 0; i + 2 < long.length; i += 3) {
      const rng = makeRandom(`seed:${file}:${i}`);
      const paragraphs = cap(recut(long.slice(i, i + 3), rng), 3);
      out.push({ id: `seed:${file.slice(0, 3)}:${i}`, source: 'seeds', paragraphs, damaged: false, ownCredit: false });
    }
  }
  return out;
}

/**
 * Headlines written for the fixtures (not taken from any corpus), some with a deck after two
 * spaces as in the 人民日报 index, some two-part with one space.
 */
export const OWN_HEADLINES = [
  '城东新区第一座图书馆开门迎客',
  '春耕时节农机下田  合作社统一调度三百台机械',
  '老旧小区加装电梯 居民上下楼不再犯难',
  '河道整治见成效  昔日臭水沟变身滨河公园',
  '高速公路服务区增设充电桩',
  '青年志愿者走进敬老院',
  '夜市重开  街头烟火气回来了',
  '一场秋雨一场寒 气象部门提醒注意保暖',
  '山区小学用上了网络课堂',
  '全市中小学开学第一课讲安全',
  '果农喜迎丰收年  苹果远销海外',
  '博物馆推出夜间开放 市民争相预约',
  '新建公交线路方便郊区群众出行',
  '社区食堂让老人吃上热乎饭',
  '黄河滩区迁建工程全面完工  二十万群众喜迁新居',
  '非遗传承人进校园',
  '冬季供暖准备工作就绪',
  '小麦良种繁育基地落户我县',
];
