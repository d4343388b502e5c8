import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Article, classifyLine, parseDocument } from '../../server/src/core/parse';
import { defaultSegmenter } from '../support/segmenters';

const parse = (text: string) => parseDocument(text, { segmenter: defaultSegmenter() });
const titles = (articles: Article[]) => articles.map((a) => a.title?.text ?? null);
const spanText = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

/** A hard-wrapped body long enough for the layout profile to see the wrap width. */
const WRAPPED_BODY = [
  '近期，按照市委理论学习中心组要求，我',
  '深入学习了习近平新时代中国特色社会主义',
  '思想，特别是习近平总书记对河南工作的重',
  '要指示、在推动中部地区崛起工作座谈会及',
  '黄河流域生态保护和高质量发展座谈会上的',
  '重要讲话精神，以及省委省政府加快洛阳副',
  '中心城市建设工作推进会精神、全市领导干',
  '部会议精神等，通过学习，思想认识更加深',
  '刻、精神更加振奋、谋划发展更有信心。下面',
  '我结合分管工作实际，谈几点认识和体会。',
].join('\n');

describe('parseDocument: headlines, decks and bylines', () => {
  it('joins a headline wrapped over two lines and keeps decks and attendance lines apart', () => {
    const text = [
      '全市领导干部会议召开，传达学习贯彻省委省政府加快洛阳',
      '副中心城市建设工作推进会精神',
      '',
      '加快建设副中心 致力打造增长极',
      '',
      '李亚出席并讲话 刘宛康、赵会生等出席',
      '',
      '2020年3月31日，全市领导干部会议召开，深入学习贯彻推进会精神，团结带领全市上下把思想和行动统一到省委省政府部署要求上来。',
    ].join('\n');
    const { articles } = parse(text);
    assert.equal(articles.length, 1);
    assert.equal(articles[0].title?.text, '全市领导干部会议召开，传达学习贯彻省委省政府加快洛阳副中心城市建设工作推进会精神');
    assert.deepEqual(articles[0].decks.map((d) => d.text), ['加快建设副中心 致力打造增长极', '李亚出席并讲话 刘宛康、赵会生等出席']);
    assert.equal(articles[0].date, '2020-03-31');
    assert.equal(articles[0].paragraphs.length, 1);
  });

  it('reads a byline after the headline and a source line at the end', () => {
    const text = '增强落实力执行力穿透力 加快推动各项措施落地落实\n\n刘宛康\n\n我认真学习有关学习资料，深受鼓舞。\n\n《洛阳日报》2020年4月30日（03版）\n';
    const [article] = parse(text).articles;
    assert.equal(article.title?.text, '增强落实力执行力穿透力 加快推动各项措施落地落实');
    assert.deepEqual(article.authors, ['刘宛康']);
    assert.equal(article.source, '洛阳日报');
    assert.equal(article.date, '2020-04-30');
    assert.equal(spanText(text, article.span).endsWith('（03版）'), true);
  });

  it('gives a byline printed above its headline to that headline when the previous article has no body', () => {
    const text = ['履职尽责勇担当 真抓实干作表率', '程相朝', '', '曾丹梅', '', '抢抓发展机遇 积极主动作为', '', WRAPPED_BODY].join('\n');
    const { articles } = parse(text);
    assert.deepEqual(titles(articles), ['履职尽责勇担当 真抓实干作表率', '抢抓发展机遇 积极主动作为']);
    assert.deepEqual(articles[0].authors, ['程相朝']);
    assert.equal(articles[0].paragraphs.length, 0, 'the first article has no body');
    assert.deepEqual(articles[1].authors, ['曾丹梅']);
    assert.equal(articles[1].paragraphs.length, 1);
  });

  it('takes several bylines together', () => {
    const text = '乡村振兴见闻 田间地头话丰收\n张三\n李四\n\n今年秋粮再获丰收，农民脸上洋溢着笑容。\n';
    assert.deepEqual(parse(text).articles[0].authors, ['张三', '李四']);
  });

  it('does not take page furniture, kickers or decks for headlines', () => {
    const text = [
      ' 0303',
      '——市委理论学习中心组集中学习研讨发言摘要',
      '',
      '2020年4月30日 星期四',
      '',
      '编辑:郭立翔 校对:变鸾',
      '',
      '加快建设副中心 奋力实现新跨越',
      '安石柱',
      '',
      WRAPPED_BODY,
    ].join('\n');
    const parsed = parse(text);
    assert.deepEqual(titles(parsed.articles), ['加快建设副中心 奋力实现新跨越']);
    assert.deepEqual(parsed.pageMarks.map((m) => m.kind), ['page-number', 'kicker', 'page-date', 'staff']);
    assert.equal(parsed.articles[0].date, '2020-04-30', 'the page date dates the articles below it');
  });
});

describe('parseDocument: paragraphs', () => {
  it('joins a hard-wrapped paragraph and sees the wrap width', () => {
    const parsed = parse(`解放思想 提高站位\n张生伟\n\n${WRAPPED_BODY}`);
    assert.equal(parsed.profile.hardWrapped, true);
    const [first] = parsed.articles[0].paragraphs;
    assert.ok(first.text.startsWith('近期，按照市委理论学习中心组要求，我深入学习了习近平新时代'));
    assert.ok(first.text.endsWith('谋划发展更有信心。下面我结合分管工作实际，谈几点认识和体会。') || parsed.articles[0].paragraphs.length === 2);
  });

  it('joins a sentence that a blank line (page break) splits, even when the halves are long lines', () => {
    const text = [
      '会议强调 加强党的领导',
      '',
      '会议指出，洛阳在黄河流域生态保护和高质量发展上地',
      '',
      '位重要、作用突出、责任重大。在生态保护方面，洛阳生态资源丰富。',
    ].join('\n');
    const { articles } = parse(text);
    assert.equal(articles.length, 1);
    assert.equal(articles[0].paragraphs.length, 1);
    assert.equal(articles[0].paragraphs[0].breaks[0].blankLines, 1);
    assert.ok(articles[0].paragraphs[0].text.includes('发展上地位重要'));
  });

  it('does not take a line ending in the middle of a clause for a headline', () => {
    const text = '要坚持保护优先，加强历史文化遗产创新，\n\n提升城市文化品位和影响力。\n';
    const { articles } = parse(text);
    assert.equal(articles.length, 1);
    assert.equal(articles[0].title, null);
    assert.equal(articles[0].paragraphs.length, 1);
  });

  it('maps paragraph offsets back to the document across line breaks', () => {
    const text = '标题一 标题二\n\n第一行文字\n第二行文字。';
    const paragraph = parse(text).articles[0].paragraphs[0];
    const at = paragraph.text.indexOf('第二');
    assert.equal(text.slice(paragraph.toDocument(at, 'line-start'), paragraph.toDocument(at + 2)), '第二');
    assert.deepEqual(paragraph.spanToDocument(0, paragraph.text.length), { start: text.indexOf('第一'), end: text.length });
  });
});

describe('parseDocument: sections', () => {
  it('reads standalone and inline numbered sections', () => {
    const text = [
      '推动工作高质量 助力建设高水平',
      '',
      '王敬林',
      '',
      '认真学习了重要讲话精神，深受鼓舞。',
      '',
      '一、必须在学深悟透中强使命、扛重任',
      '习近平总书记视察河南时指出，区域中心城市要集约发展。',
      '',
      '二、以法治洛阳建设为保障，提供公正的法治环境。法治是最好的营商环境。',
      '',
      '一是提升政治站位。加快建设中原城市群副中心。',
    ].join('\n');
    const { sections } = parse(text).articles[0];
    assert.deepEqual(
      sections.map((s) => [s.title, s.level]),
      [
        ['一、必须在学深悟透中强使命、扛重任', 1],
        ['二、以法治洛阳建设为保障，提供公正的法治环境', 1],
        ['一是提升政治站位', 2],
      ],
    );
    assert.equal(spanText(text, sections[2].span), '一是提升政治站位');
  });

  it('joins a section heading that wraps in a hard-wrapped file', () => {
    const text = `加快建设副中心 奋力实现新跨越\n安石柱\n\n${WRAPPED_BODY}\n\n二、务实重干，勇于担当，助推文化繁荣\n兴盛。\n\n${WRAPPED_BODY}`;
    const titlesOfSections = parse(text).articles[0].sections.map((s) => s.title);
    assert.deepEqual(titlesOfSections, ['二、务实重干，勇于担当，助推文化繁荣兴盛']);
  });

  it('does not take a mid-paragraph 一是 for a section', () => {
    const text = '标题甲 标题乙\n\n要主动作为。一是与有关部门加强沟通协调，二是加强文化传承创新。';
    assert.deepEqual(parse(text).articles[0].sections, []);
  });
});

describe('parseDocument: article boundaries', () => {
  it('ends an article at a reporter credit and a trailing source, and takes a caption as an item of its own', () => {
    const text = [
      '把洛阳都市圈建设作为主战场 科学编制“十四五”规划',
      '',
      '李亚',
      '',
      '要突出集思广益，更好地引领未来发展。来源:洛阳日报',
      '',
      '何武周带队调研重点项目建设情况',
      '',
      '11月30日,我区组织召开重点项目推进会。区领导张良军参加。(阮现武 董浩)',
      '',
      '',
      '',
      '11月24日,洛阳市万安山的自行车赛道在初雪的装扮下分外妖娆。(来源:人民日报)',
      '',
      '李钢锤到寇店镇调研',
      '',
      '11月19日,市人大常委会副主任李钢锤到寇店镇调研。(高晨奇)',
    ].join('\n');
    const { articles } = parse(text);
    assert.deepEqual(titles(articles), [
      '把洛阳都市圈建设作为主战场 科学编制“十四五”规划',
      '何武周带队调研重点项目建设情况',
      null,
      '李钢锤到寇店镇调研',
    ]);
    assert.equal(articles[0].source, '洛阳日报');
    assert.deepEqual(articles[1].authors, ['阮现武', '董浩']);
    assert.equal(articles[2].source, '人民日报');
    assert.deepEqual(articles[3].authors, ['高晨奇']);
  });

  it('keeps a headless article at the start of a file', () => {
    const text = `——集中学习研讨发言摘要\n\n${WRAPPED_BODY}\n`;
    const { articles } = parse(text);
    assert.equal(articles.length, 1);
    assert.equal(articles[0].title, null);
  });

  it('handles empty and whitespace-only files', () => {
    assert.deepEqual(parse('').articles, []);
    assert.deepEqual(parse('\n \n\u3000\n').articles, []);
  });

  it('handles CRLF files with the same structure as LF', () => {
    const lf = '标题甲 标题乙\n张三\n\n正文第一段。\n\n《洛阳日报》2020年4月1日（01版）';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parse(lf).articles[0];
    const b = parse(crlf).articles[0];
    assert.equal(b.title?.text, a.title?.text);
    assert.deepEqual(b.authors, a.authors);
    assert.equal(crlf.slice(b.span.start, b.span.end).endsWith('（01版）'), true);
  });
});

describe('parseDocument: glosses, unpaired title marks and signatures', () => {
  it('joins a line that opens with a bracketed Latin spelling onto the name before it, in hard-wrapped text', () => {
    const text = [
      '医院里的两代护士',
      '',
      WRAPPED_BODY,
      '站在她身后的是护士玛丽·史密斯',
      '（Ｍａｒｙ　Ｓｍｉｔｈ）二十年前曾在同一',
      '个病房照顾过早产的婴儿，如今她又回到这',
      '里工作，和年轻的同事们一起值夜班。',
    ].join('\n');
    const { articles } = parse(text);
    assert.deepEqual(titles(articles), ['医院里的两代护士']);
  });

  it('takes no number with an unpaired title mark for a page number (…电影节 / 2008》)', () => {
    assert.equal(classifyLine('2008》').kind, 'text');
    assert.equal(classifyLine('《2008').kind, 'text');
    assert.equal(classifyLine('《58》').kind, 'page-mark');
    const text = ['电影节今年再度举办', '', '主办方表示，今年将继续举办《亚洲电影节', '2008》', '活动，邀请各国影人参加。'].join('\n');
    assert.deepEqual(parse(text).pageMarks, []);
  });

  it('keeps a byline after the body, with two blank lines after it, as the article’s signature', () => {
    const text = ['山区小学迎来新校舍', '', '新校舍今天正式启用，全校师生搬进了明亮的教室。', '记者王小明', '', '', '县里召开防汛工作会议', '', '会议要求各乡镇做好防汛准备。'].join('\n');
    const { articles } = parse(text);
    assert.deepEqual(titles(articles), ['山区小学迎来新校舍', '县里召开防汛工作会议']);
    assert.deepEqual(articles[0].authors, ['王小明']);
  });
});

describe('parseDocument: a page break in the first paragraph, and a running head between its halves', () => {
  const PREVIOUS = ['城市公园迎来游客高峰', '', '今年国庆假期，全市各大公园共接待游客八十多万人次，比去年同期增长了一成。', ''];
  const paragraphsOf = (text: string) => parse(text).articles.flatMap((a) => a.paragraphs.map((p) => p.text));

  it('reads a line that ends with a word needing what follows (必须, 是, 较) as the first half of a sentence, not a headline', () => {
    for (const [first, second] of [
      ['市政府办公厅通知，今后各部门工作人员必须', '按时到岗，不得迟到早退。'],
      ['在不少游客看来，这座老城最吸引人的是', '街巷里的小吃和手艺人。'],
      ['东湖公园由于开放时间较', '早，游客比往年多了不少。'],
    ]) {
      const text = [...PREVIOUS, first, '', second].join('\n');
      const { articles } = parse(text);
      assert.deepEqual(titles(articles), ['城市公园迎来游客高峰'], first);
      assert.ok(paragraphsOf(text).includes(first + second), first);
    }
  });

  it('reads a line that opens with a connective and a comma (其次，) as body text', () => {
    const first = '其次，这项政策还带来了新的变化，若市场';
    const text = [...PREVIOUS, first, '', '价格出现波动，投资者可以及时调整。'].join('\n');
    assert.deepEqual(titles(parse(text).articles), ['城市公园迎来游客高峰']);
    assert.ok(paragraphsOf(text).includes(first + '价格出现波动，投资者可以及时调整。'));
  });

  it('joins a line that leaves a bracket open onto the line that closes it', () => {
    const first = '展品介绍[开放时间]周二至周日[推荐';
    const text = [...PREVIOUS, first, '', '路线]东门进、北门出，全程约两小时。'].join('\n');
    assert.deepEqual(titles(parse(text).articles), ['城市公园迎来游客高峰']);
    assert.ok(paragraphsOf(text).includes(first + '路线]东门进、北门出，全程约两小时。'));
  });

  it('takes a short name between the halves of a paragraph’s sentence for a running head, with no other furniture in the file', () => {
    const first = '据统计，今年假期全市各大公园共接待游客八十多万人次，比去年同期有所增长，其中东湖公园';
    const second = '接待游客最多，达到二十万人次。公园管理处提前增派了保洁和安保人员。';
    const text = [...PREVIOUS, first, '', '江城周刊', '', second].join('\n');
    const parsed = parse(text);
    assert.deepEqual(titles(parsed.articles), ['城市公园迎来游客高峰']);
    assert.deepEqual(parsed.pageMarks.map((m) => [m.kind, m.text]), [['running-head', '江城周刊']]);
    assert.ok(paragraphsOf(text).includes(first + second));
    // The text before it plainly goes on (…已), even when what follows is short.
    const cut = ['今年假期全市各大公园共接待游客八十多万人次，受伤的两名游客已', '', '江城周刊', '', '康复出院并已回到家中。'];
    assert.deepEqual(parse([...PREVIOUS, ...cut].join('\n')).pageMarks.map((m) => m.text), ['江城周刊']);
  });

  it('takes a short name after a page marker, between a paragraph cut off in mid-sentence and body text, for a running head', () => {
    const first = '据统计，今年假期全市各大公园共接待游客八十多万人次，比去年同期有所增长，其中东湖公园';
    const second = '接待游客最多，达到二十万人次。公园管理处提前增派了保洁和安保人员。';
    const parsed = parse([...PREVIOUS, first, '', '=====第3页=====', '江城周刊', '', second].join('\n'));
    assert.deepEqual(titles(parsed.articles), ['城市公园迎来游客高峰']);
    assert.deepEqual(parsed.pageMarks.map((m) => [m.kind, m.text]), [['page-marker', '=====第3页====='], ['running-head', '江城周刊']]);
    assert.ok(parsed.articles[0].paragraphs.some((p) => p.text === first + second));
  });

  it('takes a short name after the last page marker, with nothing after it, for the running head of a page whose text is gone', () => {
    const parsed = parse([...PREVIOUS, '=====第9页=====', '江城周刊', ''].join('\n'));
    assert.deepEqual(titles(parsed.articles), ['城市公园迎来游客高峰']);
    assert.deepEqual(parsed.pageMarks.map((m) => m.text), ['=====第9页=====', '江城周刊']);
  });

  it('gives bylines printed above a headline to that headline when a page break stands between them', () => {
    const text = [...PREVIOUS, '', '记者 王明', '', '=====第2页=====', '商场客流明显回升', '', '今年假期，全市各大商场客流明显回升，销售额比去年同期增长。'].join('\n');
    const { articles } = parse(text);
    assert.deepEqual(titles(articles), ['城市公园迎来游客高峰', '商场客流明显回升']);
    assert.deepEqual(articles[1].authors, ['王明']);
  });

  it('keeps a short headline after an unfinished paragraph when a dateline or byline confirms it, or when the paragraph ran over lines already', () => {
    const first = '据统计，今年假期全市各大公园共接待游客八十多万人次，比去年同期有所增长，其中东湖公园';
    const dated = [...PREVIOUS, first, '', '江城新闻', '', '本报讯（记者 王明）今年假期，全市各大商场客流明显回升，销售额比去年同期增长。'].join('\n');
    assert.deepEqual(parse(dated).pageMarks, []);
    assert.deepEqual(titles(parse(dated).articles), ['城市公园迎来游客高峰', '江城新闻']);
    const broken = [...PREVIOUS, '据统计，今年假期全市各大公园', first, '各项工作', '接待游客最多，达到二十万人次，公园管理处提前增派了保洁人员。'].join('\n');
    assert.deepEqual(parse(broken).pageMarks, []);
  });
});

describe('parseDocument: a second headline under a two-part headline', () => {
  it('reads a headline set apart under a headline that carries its deck after a space as the next article, the first left empty', () => {
    const text = ['公园游客创新高　管理处增派人手', '', '商场客流明显回升', '', '今年假期，全市各大商场客流明显回升，销售额比去年同期增长。'].join('\n');
    const { articles } = parse(text);
    assert.deepEqual(titles(articles), ['公园游客创新高　管理处增派人手', '商场客流明显回升']);
    assert.equal(articles[0].paragraphs.length, 0);
    // Under a one-part headline, or led by a dash, the line is a deck.
    for (const [title, deck] of [
      ['公园游客创新高', '管理处增派人手'],
      ['公园游客创新高　管理处增派人手', '——记东湖公园的假期'],
    ]) {
      const parsed = parse([title, '', deck, '', '今年假期，全市各大公园客流明显回升，游客比去年同期增长。'].join('\n'));
      assert.deepEqual(titles(parsed.articles), [title], deck);
      assert.deepEqual(parsed.articles[0].decks.map((d) => d.text), [deck]);
    }
  });
});
