/**
 * Knowledge about Chinese personal names and official titles, used to recognise who speaks
 * and who wrote an article. Pure data and small predicates.
 */
import { isHanAt } from './text';

// The common single-character surnames (about 99% of the population) and compound surnames.
const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阎戈伏薄' +
  '习栗胥亢訾隗龙吝蔚矫靖逯冶郗沃寿揭荀洪萧傅植辜丘邸糜竺衣银保赖畅';

const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '西门', '南宫', '独孤', '呼延', '万俟', '闻人', '申屠', '澹台',
];

const SURNAMES = new Set(SINGLE_SURNAMES);

/** Official positions that stand before or after a name (省委书记王国生, 李亚书记). */
export const POSITIONS = [
  '总书记', '国家主席', '主席', '副主席', '总理', '副总理', '委员长', '副委员长', '国务委员',
  '书记', '副书记', '常委', '委员', '省长', '副省长', '市长', '副市长', '区长', '副区长',
  '县长', '副县长', '镇长', '副镇长', '乡长', '村长', '主任', '副主任', '部长', '副部长',
  '厅长', '副厅长', '局长', '副局长', '处长', '科长', '秘书长', '副秘书长', '院长', '副院长',
  '校长', '副校长', '会长', '副会长', '理事长', '董事长', '总经理', '经理', '总裁', '行长',
  '检察长', '庭长', '所长', '司令员', '政委', '主委', '组长', '副组长', '队长', '站长',
  '社长', '总编辑', '主编', '总监', '专员', '巡视员', '调研员', '大使', '发言人', '代表',
  '教授', '院士', '研究员', '专家', '负责人', '同志', '先生', '女士',
];

// Longest first, so that 副书记 wins over 书记.
const POSITIONS_BY_LENGTH = [...POSITIONS].sort((a, b) => b.length - a.length);

/** Words that look like names by shape but are not (common two- and three-character words). */
const NOT_NAMES = new Set([
  '会议', '全会', '大会', '文件', '意见', '通知', '报告', '我们', '他们', '她们', '大家', '同时',
  '其中', '对此', '为此', '因此', '目前', '当前', '今年', '去年', '近年', '近期', '日前', '随后',
  '方面', '全市', '全省', '全区', '全县', '全国', '各级', '各地', '部门', '单位', '领导', '干部',
  '群众', '专家', '记者', '有关', '相关', '此外', '另外', '最后', '首先', '其次', '然后', '总之',
  '要求', '强调', '指出', '表示', '认为', '提出', '说明', '明确', '高度', '深刻', '反复', '多次',
  '市委', '省委', '区委', '县委', '政府', '中央', '国务院', '党中央', '管委会', '工委',
]);

/** Function characters that are no part of a given name (张的, 王了 are fragments of a sentence). */
const NEVER_IN_GIVEN_NAMES = '的了吗呢吧啊们么着被把这那是在所就都也与及对从将于等';

export function isSurnameAt(text: string, i: number): number {
  const two = text.slice(i, i + 2);
  if (COMPOUND_SURNAMES.includes(two)) return 2;
  return SURNAMES.has(text[i]) ? 1 : 0;
}

/** True when `text` (all of it) has the shape of a Chinese personal name. */
export function isPersonName(text: string): boolean {
  if (text.length < 2 || text.length > 4) return false;
  for (let i = 0; i < text.length; i++) if (!isHanAt(text, i)) return false;
  if (NOT_NAMES.has(text)) return false;
  const surname = isSurnameAt(text, 0);
  if (surname === 0) return false;
  const given = text.length - surname;
  if (given < 1 || given > 2) return false;
  for (let i = surname; i < text.length; i++) if (NEVER_IN_GIVEN_NAMES.includes(text[i])) return false;
  return true;
}

/** The position word that `text` ends with, if any (longest match). */
export function trailingPosition(text: string): string | null {
  for (const p of POSITIONS_BY_LENGTH) if (text.endsWith(p)) return p;
  return null;
}

/** The position word that `text` starts with, if any (longest match). */
export function leadingPosition(text: string): string | null {
  for (const p of POSITIONS_BY_LENGTH) if (text.startsWith(p)) return p;
  return null;
}

/**
 * The name at the end of `text` (a clause such as 省委书记王国生 or 省委王国生), preferring
 * a three-character name, then two, then four; null when none fits.
 */
export function trailingName(text: string): string | null {
  for (const len of [3, 2, 4]) {
    if (text.length < len) continue;
    const candidate = text.slice(text.length - len);
    if (isPersonName(candidate)) return candidate;
  }
  return null;
}

export interface RoleAndName {
  name: string;
  role: string | null;
}

/**
 * Splits a subject phrase into role and name: 省委书记王国生 → {王国生, 省委书记};
 * 王国生书记 → {王国生, 书记}; 省委王国生书记 → {王国生, 省委书记}; 李亚 → {李亚, null}.
 * Returns null when the phrase is not a titled or bare personal name.
 */
export function splitRoleAndName(phrase: string): RoleAndName | null {
  if (phrase.length < 2 || phrase.length > 24) return null;
  // Title after the name: 李亚书记, 尹弘省长, 省委王国生书记.
  const after = trailingPosition(phrase);
  if (after && phrase.length > after.length) {
    const before = phrase.slice(0, phrase.length - after.length);
    const name = isPersonName(before) ? before : trailingName(before);
    if (name) {
      const prefix = before.slice(0, before.length - name.length);
      if (prefix === '' || isRolePrefix(prefix)) {
        return { name, role: prefix + after };
      }
    }
  }
  if (isPersonName(phrase)) return { name: phrase, role: null };
  // Title before the name: 省委书记王国生, 区党工委书记何武周, 省委常委、市委书记李亚.
  const name = trailingName(phrase);
  if (name) {
    const role = phrase.slice(0, phrase.length - name.length);
    if (trailingPosition(role) && isRolePrefix(role)) return { name, role };
  }
  return null;
}

/** A role is a run of Han characters (and 、 between titles) with no function words. */
function isRolePrefix(text: string): boolean {
  if (text.length > 20) return false;
  if (/[的了在是和与及把被将对向为从]/.test(text)) return false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '、' && !isHanAt(text, i)) return false;
  }
  return !text.startsWith('、');
}

/** Shape of a byline name list: 刘宛康 / 阮现武 董浩 / 张晓晨、倪睿. */
export function parseNameList(text: string): string[] | null {
  const parts = text.split(/[\s\u3000、，,]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 6) return null;
  for (const p of parts) if (!isPersonName(p) && !isTransliteratedName(p)) return null;
  return parts;
}

/** Names of minority or foreign people written with a middle dot: 买买提·艾力. */
function isTransliteratedName(text: string): boolean {
  return /^[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff]{1,8}$/.test(text);
}
