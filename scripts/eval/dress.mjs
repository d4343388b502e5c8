/**
 * What the zoo dresses real text in: bylines, datelines, credits, source lines, database
 * export headers and page furniture, all generated here from lists written for the harness
 * (surnames and given-name characters, places, media, periodicals, number forms), never
 * copied from the seeds. Each generator returns the text and what the gold needs to know
 * about it (the people who are authors, the kind of furniture).
 */

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚'];
const DOUBLE_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国红玉兰志斌慧海燕鹏宇晨晓雪飞凯琳颖婷浩然子豪思远文博嘉怡欣悦俊峰立新振东家乐书瑶雨轩一鸣若曦亚楠永庆德胜少春'];

/** A person's name: a surname and one or two given-name characters. */
export function personName(rng) {
  const surname = rng.chance(0.04) ? rng.pick(DOUBLE_SURNAMES) : rng.pick(SURNAMES);
  let given = rng.pick(GIVEN);
  if (rng.chance(0.6)) given += rng.pick(GIVEN);
  return surname + given;
}

/** `n` different names. */
export function names(rng, n) {
  const out = [];
  while (out.length < n) {
    const name = personName(rng);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

const PLACES = ['北京', '上海', '天津', '重庆', '广州', '深圳', '南京', '杭州', '武汉', '成都', '西安', '郑州', '长沙', '沈阳', '哈尔滨', '济南', '福州', '昆明', '南宁', '兰州', '乌鲁木齐', '拉萨', '呼和浩特', '石家庄', '太原', '合肥', '南昌', '贵阳', '海口', '银川', '西宁', '长春', '青岛', '大连', '厦门', '宁波', '苏州', '无锡', '洛阳', '开封'];
const AGENCIES = ['新华社', '中新社', '中新网', '人民网', '央视网'];
const NEWSPAPERS = ['人民日报', '光明日报', '经济日报', '工人日报', '解放日报', '文汇报', '南方日报', '北京日报', '大众日报', '浙江日报', '河南日报', '四川日报', '湖北日报', '新华日报', '羊城晚报', '新民晚报'];
const PERIODICALS = ['学习与探索', '理论月刊', '前线', '党建研究', '半月谈', '瞭望', '求实', '社会科学', '新闻战线', '中国青年', '群言', '红岩春秋', '时事报告', '奋斗'];
const CN_DIGITS = [...'〇一二三四五六七八九'];
const WEEKDAYS = [...'日一二三四五六'];

const chineseNumber = (n) => {
  // 1–99 in Chinese numerals: 十, 二十三 …
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + (ones ? CN_DIGITS[ones] : '');
};
const chineseYear = (y) => [...String(y)].map((d) => CN_DIGITS[Number(d)]).join('');

/** A date between 1995 and 2022 (a real calendar date, so that the weekday is right). */
export function randomDate(rng) {
  const year = rng.range(1995, 2022);
  const month = rng.range(1, 12);
  const day = rng.range(1, 28);
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

const joinNames = (rng, people) => people.join(rng.pick([' ', ' ', '　', '、']));

// ---------------------------------------------------------------------------------------
// Bylines: a line of their own, above or below the headline.

/** A byline line and its authors, in one of the forms real papers print. */
export function byline(rng) {
  const form = rng.weighted({ alone: 3, reporters: 3, textPhoto: 1, reporter: 2, several: 2, correspondent: 1 });
  switch (form) {
    case 'alone': {
      const [n] = names(rng, 1);
      return { text: n, authors: [n], form };
    }
    case 'reporters': {
      const people = names(rng, rng.range(1, 3));
      return { text: `${rng.pick(['本报记者', '本报记者', '本刊记者', '新华社记者'])} ${joinNames(rng, people)}`, authors: people, form };
    }
    case 'textPhoto': {
      const [n] = names(rng, 1);
      return { text: `${rng.pick(['文/图', '文/图', '文／图', '文·图'])} ${n}`, authors: [n], form };
    }
    case 'reporter': {
      const people = names(rng, rng.range(1, 2));
      return { text: `记者 ${joinNames(rng, people)}`, authors: people, form };
    }
    case 'several': {
      const people = names(rng, rng.range(2, 3));
      return { text: joinNames(rng, people), authors: people, form };
    }
    default: {
      const [a, b] = names(rng, 2);
      return { text: `本报记者 ${a} 通讯员 ${b}`, authors: [a, b], form };
    }
  }
}

// ---------------------------------------------------------------------------------------
// Datelines: the opening of the first paragraph; the people in it are the article's authors.

export function dateline(rng) {
  const { month, day } = randomDate(rng);
  const form = rng.weighted({ ourPaper: 3, agency: 3, city: 1, bracket: 1, ourPaperPlace: 1 });
  switch (form) {
    case 'ourPaper': {
      if (rng.chance(0.3)) {
        const [a, b] = names(rng, 2);
        return { text: `本报讯（通讯员 ${a} 记者 ${b}）`, authors: [a, b], form };
      }
      const people = names(rng, rng.range(1, 2));
      return { text: `本报讯（记者 ${people.join(' ')}）`, authors: people, form };
    }
    case 'agency': {
      const people = names(rng, rng.range(1, 2));
      return { text: `${rng.pick(AGENCIES)}${rng.pick(PLACES)}${month}月${day}日电（记者 ${people.join(' ')}）`, authors: people, form };
    }
    case 'ourPaperPlace': {
      const people = names(rng, 1);
      return { text: `本报${rng.pick(PLACES)}${month}月${day}日讯（记者${people[0]}）`, authors: people, form };
    }
    case 'city':
      return { text: rng.pick(['【本市讯】', '【本报讯】', '本报讯 ']), authors: [], form };
    default: {
      const people = names(rng, 1);
      return { text: `【${rng.pick(NEWSPAPERS)}讯】（记者 ${people[0]}）`, authors: people, form };
    }
  }
}

// ---------------------------------------------------------------------------------------
// What ends an article: a credit (a line of its own or the end of the last paragraph) and
// source lines. A reporter credit `（张三 李四）` names authors; an editor is not an author.

export function endCredit(rng) {
  const form = rng.weighted({ source: 3, combined: 1, end: 2, editor: 2, reporters: 2 });
  switch (form) {
    case 'source':
      return { text: `（来源：${rng.pick([...NEWSPAPERS, ...AGENCIES])}）`, authors: [], form, canGlue: true };
    case 'combined':
      return { text: rng.pick(['本报综合', '（本报综合）', '据新华社电']), authors: [], form, canGlue: false };
    case 'end':
      return { text: '（完）', authors: [], form, canGlue: true };
    case 'editor':
      return { text: `（编辑：${names(rng, 1)[0]}）`, authors: [], form, canGlue: true };
    default: {
      const people = names(rng, rng.range(1, 2));
      return { text: `（${people.join(' ')}）`, authors: people, form, canGlue: true, gluedOnly: true };
    }
  }
}

export function sourceLine(rng) {
  const { year, month, day } = randomDate(rng);
  const paper = rng.pick(NEWSPAPERS);
  return rng.chance(0.6)
    ? { text: `《${paper}》${year}年${month}月${day}日（${String(rng.range(1, 16)).padStart(2, '0')}版）` }
    : { text: `${rng.pick(['来源:', '来源：'])}${paper}` };
}

/** A database export header as the 人民日报 exporter writes it: `### title`, author, date. */
export function exportHeader(rng, title, date) {
  const people = rng.chance(0.7) ? names(rng, rng.range(1, 2)) : [];
  const author = people.length === 0 ? '' : rng.chance(0.5) ? `本报记者 ${people.join(' ')}` : people.join(' ');
  return { lines: [`### ${title}`, author, date], authors: people };
}

// ---------------------------------------------------------------------------------------
// Page furniture. A style is chosen per document; `pageBreak(n)` returns the lines that stand
// between page n and page n+1, each with its kind for the gold: 'page-marker' for the lines
// OCR tools emit, 'furniture' (with `what`) for running heads, page numbers and staff lines.

const FURNITURE_STYLES = ['paddle-periodical', 'baidu-periodical', 'newspaper', 'plain-periodical'];

export function furnitureStyle(rng, style = rng.pick(FURNITURE_STYLES)) {
  const periodical = rng.pick(PERIODICALS);
  const year = rng.range(1958, 2022);
  const issue = rng.range(1, 12);
  const cumulative = rng.range(20, 1200);
  const firstPage = rng.range(1, 60);
  const paper = rng.pick(NEWSPAPERS);
  const date = randomDate(rng);
  const editor = names(rng, 3);
  const issueLine = rng.pick([`${year}年第${issue}期`, `${year}年第${issue}期`, `${chineseYear(year)}年第${chineseNumber(issue)}期`, `${periodical} ${year}年第${issue}期`]);
  const numberForm = rng.pick(['dots', 'total', 'dash', 'dotsTotal', 'plain']);
  const pageNumber = (p) => {
    const total = cumulative + p;
    switch (numberForm) {
      case 'dots':
        return `·${p}·`;
      case 'total':
        return p % 2 ? `（总${total}）·${p}·` : `·${p}·（总${total}）`;
      case 'dash':
        return `- ${p} -`;
      case 'dotsTotal':
        return p % 2 ? `(总${total})·${p}` : `·${p}·(总${total}）`;
      default:
        return String(p);
    }
  };
  const marker = (n) => (style === 'baidu-periodical' ? `==========第${n}页==========` : `=====第${n}页=====`);

  /** The lines between page `n` (1-based, counted in the document) and the next. */
  function pageBreak(n) {
    const p = firstPage + n - 1;
    const head = { text: p % 2 ? issueLine : periodical, kind: 'furniture', what: p % 2 ? 'issue' : 'title' };
    const number = { text: pageNumber(p), kind: 'furniture', what: 'page-number' };
    switch (style) {
      case 'paddle-periodical':
        // As PaddleOCR emits them: the foot of the page (running head, page number), then the marker.
        return { lines: rng.chance(0.5) ? [head, number, { text: marker(n), kind: 'page-marker' }] : [number, head, { text: marker(n), kind: 'page-marker' }], blankAround: false };
      case 'baidu-periodical':
        // Baidu: a blank line, the marker, then the next page's running head.
        return { lines: [{ text: marker(n), kind: 'page-marker' }, rng.chance(0.5) ? head : number], blankAround: true };
      case 'newspaper': {
        const d = { ...date, day: Math.min(28, date.day) };
        const dateText = `${d.year}年${d.month}月${d.day}日 星期${WEEKDAYS[d.weekday]}`;
        const lines = [
          { text: rng.pick([`第${p}版`, ` ${String(p).padStart(2, '0')}${String(p + 1).padStart(2, '0')}`, `${String(p).padStart(2, '0')}`, `${paper} 第${p}版`]), kind: 'furniture', what: 'page-number' },
          { text: dateText, kind: 'furniture', what: 'date' },
        ];
        if (rng.chance(0.6)) lines.push({ text: rng.chance(0.5) ? `责任编辑：${editor[0]}` : `编辑：${editor[0]} 校对：${editor[1]} 组版：${editor[2]}`, kind: 'furniture', what: 'staff' });
        return { lines: rng.shuffle(lines), blankAround: true };
      }
      default:
        // A periodical without OCR markers: running head and page number on their own lines.
        return { lines: [head, number], blankAround: rng.chance(0.5) };
    }
  }
  return { style, pageBreak };
}
