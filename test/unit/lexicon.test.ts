import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { H1, H2, Lexicon, PAIR_ANY, PAIR_END, PAIR_LONG_ANY, PAIR_LONG_END, PAIR_LONG_START, PAIR_START, PAIR_WORD, step1, step2 } from '../../server/src/core/lexicon';
import { countForms } from '../../server/src/core/confusion/detect';

function walk(lexicon: Lexicon, s: string): number[] {
  // The slots met walking s from its start, as a segmentation does (-1 where the walk stops).
  const out: number[] = [];
  let h1 = H1;
  let h2 = H2;
  for (let k = 0; k < s.length; k++) {
    h1 = step1(h1, s.charCodeAt(k));
    h2 = step2(h2, s.charCodeAt(k));
    const slot = lexicon.find(h1, h2);
    out.push(slot < 0 ? -1 : lexicon.frequencyAt(slot));
    if (slot < 0 || !lexicon.continuesAt(slot)) break;
  }
  return out;
}

describe('lexicon (hashed prefix dictionary)', () => {
  it('parses a jieba dictionary: frequencies, the total, tags ignored, duplicates summed', () => {
    const lexicon = Lexicon.parseJieba('中国 100 ns\n中国人 30 n\n人 50\n中国 5\n坏行\n');
    assert.equal(lexicon.frequency('中国'), 105);
    assert.equal(lexicon.frequency('中国人'), 30);
    assert.equal(lexicon.frequency('中'), 0, 'a prefix is no word');
    assert.equal(lexicon.frequency('国人'), 0);
    assert.equal(lexicon.total, 185);
    assert.ok(Math.abs(lexicon.logTotal - Math.log(185)) < 1e-9);
  });

  it('walks a text unit by unit: prefixes continue, the walk stops where no word starts', () => {
    const lexicon = Lexicon.of([['中国', 100], ['中国人民', 40]]);
    assert.deepEqual(walk(lexicon, '中国人民银行'), [0, 100, 0, 40]);
    assert.deepEqual(walk(lexicon, '国人'), [-1]);
  });

  it('grows past its first size and keeps every word', () => {
    const words: [string, number][] = [];
    for (let k = 0; k < 5000; k++) words.push([String.fromCharCode(0x4e00 + (k % 700), 0x4e00 + Math.floor(k / 700)), k + 1]);
    const lexicon = Lexicon.of(words);
    for (const [w, f] of words) assert.equal(lexicon.frequency(w), f);
  });

  it('knows the pairs of frequent words by kind', () => {
    const lexicon = Lexicon.of([['越来越', 900], ['罕见词', 3]]);
    const c = (s: string) => s.charCodeAt(0);
    assert.ok(lexicon.hasPair(c('越'), c('来'), PAIR_START));
    assert.ok(lexicon.hasPair(c('来'), c('越'), PAIR_END));
    assert.ok(lexicon.hasPair(c('来'), c('越'), PAIR_ANY));
    assert.ok(!lexicon.hasPair(c('罕'), c('见')), 'a rare word lends no pairs');
  });

  it('lists the pairs of frequent words with their kinds: in a two-unit word, or in a longer one', () => {
    const lexicon = Lexicon.of([['越来越', 900], ['未来', 500]]);
    const kinds = new Map<string, number>();
    lexicon.frequentPairs.forEach((p, k) => kinds.set(String.fromCharCode(Math.floor(p / 65536), p % 65536), lexicon.frequentPairKinds[k]));
    assert.equal(kinds.get('未来'), PAIR_ANY | PAIR_START | PAIR_END | PAIR_WORD);
    assert.equal(kinds.get('越来'), PAIR_ANY | PAIR_START | PAIR_LONG_ANY | PAIR_LONG_START);
    assert.equal(kinds.get('来越'), PAIR_ANY | PAIR_END | PAIR_LONG_ANY | PAIR_LONG_END);
  });

  it('adds user words as user words, once', () => {
    const lexicon = Lexicon.of([['中国', 100]]);
    lexicon.addUserWord('侯明', 2000);
    lexicon.addUserWord('侯明', 2000);
    lexicon.addUserWord('中国', 2000);
    assert.ok(lexicon.isUserWord('侯明') && lexicon.isUserWord('中国'));
    assert.equal(lexicon.frequency('侯明'), 2000);
    assert.equal(lexicon.frequency('中国'), 100, 'a dictionary word keeps its frequency');
    assert.equal(lexicon.total, 100, 'user words are not counted in the total');
    assert.deepEqual(lexicon.userList, ['侯明', '中国']);
  });

  it('handles astral characters as two units', () => {
    const lexicon = Lexicon.of([['𠮷野', 50]]);
    assert.equal(lexicon.frequency('𠮷野'), 50);
    assert.equal(lexicon.frequency('𠮷'), 0);
  });
});

describe('countForms', () => {
  it('counts every form in one pass, overlaps included', () => {
    const counts = countForms('未来可期，未来已来，未来', ['未来', '已来', '来可', '不在']);
    assert.deepEqual(Object.fromEntries(counts), { 未来: 3, 已来: 1, 来可: 1, 不在: 0 });
    assert.deepEqual(Object.fromEntries(countForms('啊啊啊', ['啊啊'])), { 啊啊: 2 });
  });
});
