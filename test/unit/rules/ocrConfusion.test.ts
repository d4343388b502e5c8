import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../../server/src/core/analysis';
import { bestSegmentation, detectConfusions, findCandidates } from '../../../server/src/core/confusion/detect';
import { confusionTables, decodeTables, withObserved } from '../../../server/src/core/confusion/model';
import { DEFAULT_LINT_CONFIG, readLintConfig } from '../../../server/src/core/lint/config';
import { ruleById, ruleContext } from '../../../server/src/core/rules/index';
import { Lexicon } from '../../../server/src/core/lexicon';
import { createIntlSegmenter } from '../../../server/src/segment/intl';
import { withWords } from '../../../server/src/core/segmenter';
import { defaultSegmenter } from '../../support/segmenters';
import { check, fixWith, flagged } from './helpers';

const RULE = 'ocr-confusion';

/** A dictionary of a few words, for the pure detector. */
function lexiconOf(words: Record<string, number>, user: string[] = []): Lexicon {
  const total = Object.values(words).reduce((a, b) => a + b, 0) + 1_000_000;
  const lexicon = Lexicon.of(Object.entries(words), total);
  for (const w of user) lexicon.addUserWord(w, 2000);
  return lexicon;
}

describe('ocr-confusion', () => {
  it('flags a look-alike misreading, with one unsafe fix per candidate, best first', () => {
    const text = '经过多年努力，我们己经取得了显著成绩。';
    const issues = check(RULE, text);
    assert.deepEqual(flagged(text, issues), ['己']);
    assert.equal(issues[0].fixes[0].edits[0].newText, '已');
    assert.ok(issues[0].fixes.every((f) => !f.safe && f.edits.length === 1 && f.edits[0].span.end - f.edits[0].span.start === 1));
    assert.match(issues[0].message.zh, /已经/);
    assert.equal(fixWith(RULE, text), text, 'fix-all applies none');
    assert.equal(fixWith(RULE, text, true), '经过多年努力，我们已经取得了显著成绩。');
  });

  it('finds the misreadings of its examples and the fixes restore them', () => {
    for (const { bad, good } of ruleById(RULE)!.examples) {
      const issues = check(RULE, bad);
      assert.ok(issues.length > 0, bad);
      const applied = fixWith(RULE, bad, true);
      assert.equal(applied, good, bad);
    }
  });

  it('is silent on clean modern prose', () => {
    for (const text of [
      '今年以来，全市上下坚持稳中求进工作总基调，经济运行总体平稳，就业形势保持稳定。',
      '他表示，未来三年将继续加大投入，推动产业转型升级，提高人民群众的获得感和幸福感。',
      '记者从市交通运输局了解到，地铁二号线已经完成主体结构施工，预计明年年底通车试运营。',
      '会议强调，要推动副中心城市建设提速提质提效，确保各项措施落地落实。',
      '大家都说，这里的土地肥沃，士气高涨，人人都有干劲。',
    ]) {
      assert.deepEqual(flagged(text, check(RULE, text)), [], text);
    }
  });

  it('lets the file confirm a rare form: the same spelling elsewhere silences it', () => {
    const once = '经过多年努力，我们己经取得了显著成绩。';
    assert.deepEqual(flagged(once, check(RULE, once)), ['己']);
    const twice = `${once}\n\n他说，大家己经很努力了。`;
    assert.deepEqual(flagged(twice, check(RULE, twice)), [], 'the printed form recurs');
  });

  it('raises the score when the proposed word is spelled right elsewhere in the file', () => {
    const lexicon = lexiconOf({ 未来: 5000, 机会: 8000, 把握: 4000 });
    const tables = decodeTables('末未90', '', '', '未');
    const text = '把握末来机会';
    const alone = detectConfusions(text, lexicon, tables, { threshold: -Infinity });
    const doc = `${text}，未来可期，未来已来`;
    const count = (form: string) => doc.split(form).length - 1;
    const confirmed = detectConfusions(text, lexicon, tables, { threshold: -Infinity, evidence: { count } });
    assert.equal(alone[0].candidates[0].char, '未');
    assert.ok(confirmed[0].candidates[0].score > alone[0].candidates[0].score);
  });

  it('rules a place out before segmenting only when no look-alike could reach the least score', () => {
    // The neighbour filter is built per least score (the threshold less what evidence can add):
    // a two-character word is kept in it exactly when the detector would keep its candidate.
    const tables = decodeTables('末未90', '', '', '未');
    for (const text of ['把握末来机会', '末来']) {
      const lexicon = lexiconOf({ 未来: 5000, 机会: 8000, 把握: 4000 });
      const score = findCandidates(text, lexicon, tables, { threshold: -Infinity })[0].candidates[0].score;
      const bonus = 4;
      assert.equal(findCandidates(text, lexicon, tables, { threshold: score + bonus - 0.01 }).length, 1, text);
      assert.equal(findCandidates(text, lexicon, tables, { threshold: score + bonus + 0.01 }).length, 0, text);
    }
  });

  it('leaves protected places and user words alone', () => {
    const lexicon = lexiconOf({ 未来: 5000, 机会: 8000 });
    const tables = decodeTables('末未90', '', '', '未');
    const text = '把握末来机会';
    assert.equal(detectConfusions(text, lexicon, tables, { threshold: 0 }).length, 1);
    assert.equal(detectConfusions(text, lexicon, tables, { threshold: 0, isProtected: (s, e) => s <= 2 && 2 < e }).length, 0);
    // A user word is a word of the lexicon: the printed character is inside it, not alone.
    const withUser = lexiconOf({ 未来: 5000, 机会: 8000 }, ['末来']);
    assert.ok(withUser.isUserWord('末来'));
    assert.equal(detectConfusions(text, withUser, tables, { threshold: 0 }).length, 0, 'the printed form is a user word');
  });

  it('leaves a name the parser found alone', () => {
    // 侯 is a surname; 侯某 said something: a speaker, so the name is protected.
    const text = '市委书记侯明强调，要坚持问题导向。\n\n侯明指出，要抓好落实。';
    assert.deepEqual(flagged(text, check(RULE, text)), []);
  });

  it('says nothing without word frequencies (Intl.Segmenter)', () => {
    const segmenter = createIntlSegmenter();
    const text = '经过多年努力，我们己经取得了显著成绩。';
    const ctx = ruleContext(analyzeDocument(text, { segmenter }), segmenter);
    assert.deepEqual(ruleById(RULE)!.check(ctx), []);
  });

  it('obeys the threshold', () => {
    const text = '经过多年努力，我们己经取得了显著成绩。';
    assert.equal(check(RULE, text, { ocrConfusionThreshold: 1000 }).length, 0);
    assert.equal(check(RULE, text, { ocrConfusionThreshold: 0 }).length >= 1, true);
  });

  it('never cuts a surrogate pair', () => {
    const text = '我们𠮷己经𠮷取得了成绩，我们己经𠀀完成。';
    for (const issue of check(RULE, text)) {
      for (const edge of [issue.span.start, issue.span.end]) {
        const code = text.charCodeAt(edge);
        assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `span edge ${edge} inside a pair`);
      }
    }
  });

  it('segments as jieba does (best sum of log frequencies)', () => {
    const lexicon = lexiconOf({ 越来越: 9000, 越来: 100, 越: 500, 来: 5000 });
    const seg = bestSegmentation('越来越', lexicon);
    assert.deepEqual(seg.wordAt(1), { start: 0, end: 3 });
  });

  it('ships tables: look-alikes for the classic confusions', () => {
    const t = confusionTables();
    for (const [x, y] of [['己', '已'], ['末', '未'], ['土', '士'], ['日', '曰'], ['人', '入'], ['侯', '候'], ['千', '干']]) {
      assert.ok(t.confusable.get(x)?.some((a) => a.char === y), `${x} → ${y}`);
    }
    assert.ok(t.traditional.get('們')?.includes('们'));
    assert.ok(t.simplified.get('们')?.includes('們'));
    assert.ok(!t.traditional.has('乾'), '乾 is also simplified');
  });

  it('folds in the confusions a user observed: a weight raised, a pair added when seen twice', () => {
    const tables = decodeTables('末未50', '', '', '未大天');
    const merged = withObserved(tables, { 末未: 4, 太大: 3, 太天: 1 });
    const w = merged.confusable.get('末')!.find((a) => a.char === '未')!.weight;
    assert.ok(w > 0.5 && w < 1, `${w}`);
    assert.deepEqual(merged.confusable.get('太')!.map((a) => a.char), ['大'], 'seen once: not added');
    assert.equal(withObserved(tables, merged === tables ? {} : { 末未: 4 }).confusable.get('末')![0].char, '未');
    assert.equal(tables.confusable.get('末')![0].weight, 0.5, 'the shipped tables are left alone');
  });

  it('reads ocrConfusion.observed from the config and reports bad entries by path', () => {
    const { config, problems } = readLintConfig({ ocrConfusion: { threshold: 8, observed: { 己已: 12, 己: 3, 太大: -1 } } }, DEFAULT_LINT_CONFIG, true);
    assert.deepEqual(config.ocrConfusion, { threshold: 8, observed: { 己已: 12 } });
    assert.deepEqual(problems.map((p) => p.path), [['ocrConfusion', 'observed', '己'], ['ocrConfusion', 'observed', '太大']]);
    assert.deepEqual(readLintConfig({ ocrConfusion: { bogus: 1 } }, DEFAULT_LINT_CONFIG, true).problems.map((p) => p.path), [['ocrConfusion', 'bogus']]);
    // The project file's observed pairs over the editor's threshold: both kept.
    const settings = readLintConfig({ ocrConfusion: { threshold: 9 } }, DEFAULT_LINT_CONFIG).config;
    assert.deepEqual(readLintConfig({ ocrConfusion: { observed: { 六大: 2 } } }, settings, true).config.ocrConfusion, { threshold: 9, observed: { 六大: 2 } });
  });

  it('uses the observed confusions of the options: a pair the shapes do not give is found', () => {
    // 六 for 大 (FASPell's engine makes it) shares no shape: only an observed table proposes it.
    const text = '全国人民代表六会今天开幕。';
    assert.deepEqual(flagged(text, check(RULE, text)), []);
    const issues = check(RULE, text, { ocrConfusionObserved: { 六大: 20 } });
    assert.deepEqual(flagged(text, issues), ['六']);
    assert.equal(issues[0].fixes[0].edits[0].newText, '大');
  });

  it('leaves the words of the segmenter’s layers alone (glossary phrases, user words, a region’s names)', () => {
    const text = '他说得我口千舌燥，灰头士脸。';
    const segmenter = withWords(defaultSegmenter(), new Set(['灰头士脸']));
    const ctx = ruleContext(analyzeDocument(text, { segmenter }), segmenter);
    assert.deepEqual(flagged(text, ruleById(RULE)!.check(ctx)), ['千'], 'the layer’s word is known; the other place is still found');
    assert.deepEqual(flagged(text, check(RULE, text)), ['千', '士']);
  });

  it('reads the word frequencies through a region’s word layer', () => {
    const base = defaultSegmenter();
    const layered = withWords(base, new Set(['侯明']));
    assert.ok(layered !== base && layered.lexicon?.() === base.lexicon?.());
  });
});
