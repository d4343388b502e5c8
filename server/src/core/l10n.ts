/**
 * The labels and messages of the language server (and of the core pieces it shows), in English
 * and Simplified Chinese: one catalogue, each entry a `Message` (the same {zh, en} pair the
 * rules give their messages), or a function of the values it names that returns one. The
 * server picks the language once (the client's `locale`, or the `corpusLens.language`
 * setting) and says every entry in it; the command line keeps its own (`--lang`, the locale).
 *
 * Why not `@vscode/l10n`: it looks strings up by their English text in JSON bundles read from
 * disk at start-up, which the server would have to find and ship for every client (the
 * bundled VS Code extension, Neovim, the CLI), and the rules already carry typed pairs. Here a
 * missing translation is a compile error, and the test of the catalogue checks every entry.
 */
import type { Message } from './rules/types';

export type Lang = 'zh' | 'en';

/** zh for a Chinese locale (zh, zh-cn, zh-TW, zh_CN.UTF-8 …), en for any other. */
export function langOf(locale: string | undefined | null): Lang {
  return locale && /^zh(?:[-_.@]|$)/i.test(locale) ? 'zh' : 'en';
}

export function say(message: Message, lang: Lang): string {
  return message[lang];
}

/** `zh` or `en`, as `lang` says: for messages written where they are used. */
export function inLang(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}

const m = (zh: string, en: string): Message => ({ zh, en });
/** "1 thing" / "3 things": English counts. */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The kinds of page marks the parser tells apart (core/parse/shapes.ts PageMarkKind). */
const PAGE_MARKS: Record<string, Message> = {
  'page-number': m('页码', 'page number'),
  'page-date': m('版面日期', 'page date'),
  staff: m('编辑署名', 'staff line'),
  kicker: m('栏目引题', 'series kicker'),
  'page-marker': m('分页标记', 'page marker'),
  'running-head': m('书眉', 'running head'),
  contents: m('目录', 'contents'),
  footnote: m('脚注', 'footnote'),
};

const SEVERITY_NAMES: Record<string, Message> = {
  error: m('错误', 'Errors'),
  warning: m('警告', 'Warnings'),
  information: m('信息', 'Information'),
  hint: m('提示', 'Hints'),
};

const SCOPES: Record<string, Message> = {
  national: m('全国', 'national'),
  provincial: m('省级', 'provincial'),
  local: m('地方', 'local'),
};

export const L = {
  // The outline.
  untitled: m('（无标题）', '(untitled)'),
  statements: (n: number) => m(`${n} 处`, count(n, 'statement')),
  pageMark: (kind: string) => PAGE_MARKS[kind] ?? m(kind, kind),

  // Hovers: a glossary slogan.
  scope: (level: string) => SCOPES[level] ?? m(level, level),
  since: (date: string, event: string) => m(`提出：${date}，${event}`, `Since: ${date}, ${event}`),
  scopeLabel: (scope: string) => m(`范围：${scope}`, `Scope: ${scope}`),
  sourceLabel: m('来源：', 'Source: '),
  aliases: (aliases: string) => m(`又作：${aliases}`, `Also written: ${aliases}`),
  occurrences: (inFile: number, inWorkspace: number) => m(`本文件 ${inFile} 处 · 工作区 ${inWorkspace} 处`, `${inFile} in this file · ${inWorkspace} in the workspace`),
  // A person or body.
  person: m('人物', 'person'),
  body: m('机构', 'body'),
  roles: (roles: string) => m(`职务：${roles}`, `Roles: ${roles}`),
  noRole: m('（未见职务）', '(no title given)'),
  statementsInArticles: (statements: number, articles: number) =>
    m(`${statements} 处表态，见于 ${articles} 篇文章`, `${count(statements, 'statement')} in ${count(articles, 'article')} of this file`),
  // A slogan no glossary knows.
  notInGlossary: m('未收录', 'not in any glossary'),
  inWorkspace: (occurrences: number, files: number) => m(`工作区 ${occurrences} 处，${files} 个文件`, `${occurrences} in the workspace, in ${count(files, 'file')}`),
  componentsInCorpus: (components: string) => m(`语料中列出的构成：${components}`, `Components spelled out in the corpus: ${components}`),
  contexts: m('语境：', 'Contexts:'),
  addToGlossaryHint: m('用“添加到工作区词表”快速修复记录释义和来源。', 'Use the quick fix “Add to workspace glossary” to record a definition and its source.'),

  // Code actions.
  addToGlossary: (term: string) => m(`添加“${term}”到工作区词表`, `Add “${term}” to the workspace glossary`),
  fixAllSafe: (n: number) => m(`修复全部 ${n} 处可安全修复的 OCR 问题`, `Fix all ${n} safe OCR artefacts`),
  fixAllOfRule: (rule: string, n: number) => m(`修复本文件中所有“${rule}”问题（${n} 处）`, `Fix all ${rule} problems in this file (${n})`),
  ignoreHere: (rule: string) => m(`在此处忽略“${rule}”（记入 .corpus-lens/ignore.json）`, `Ignore ${rule} here (kept in .corpus-lens/ignore.json)`),
  showAllFindings: m('显示本文件的全部结果', 'Show All Findings in This File'),

  // The editor's cap.
  notShown: (n: number, rule: string) =>
    m(
      `还有 ${n} 条“${rule}”结果未显示：“显示本文件的全部结果”命令（此处的快速修复）或 corpus-lens lint 可列出全部`,
      `${n} more ${rule} findings not shown: the command “Show All Findings in This File” (a quick fix here) or corpus-lens lint lists them all`,
    ),

  // The report of every finding (the "Show All Findings" command).
  reportTitle: (name: string) => m(`Corpus Lens：${name} 的全部结果`, `Corpus Lens: all findings in ${name}`),
  reportIntro: (total: number, max: number) =>
    m(
      `共 ${total} 条结果。编辑器每个文件最多显示 ${max} 条（corpusLens.maxProblems），这里列出全部。`,
      `${count(total, 'finding')}. The editor shows at most ${max} per file (corpusLens.maxProblems); this report lists them all.`,
    ),
  reportNone: m('没有结果。', 'No findings.'),
  severityHeading: (severity: string, n: number) => m(`${SEVERITY_NAMES[severity]?.zh ?? severity}（${n}）`, `${SEVERITY_NAMES[severity]?.en ?? severity} (${n})`),
  reportWritten: (n: number, file: string) => m(`Corpus Lens：全部 ${n} 条结果已写入 ${file}`, `Corpus Lens: all ${count(n, 'finding')} are in ${file}`),

  // Commands.
  notACorpusFile: m('这个文档不是本服务分析的语料文件', 'this document is not a corpus file the server analyses'),
  changedSinceFix: m('计算修复之后文档已改动，未作任何修改（请重试）', 'the document changed since the fix was computed; nothing was changed (try again)'),
  fixAllLabel: m('Corpus Lens：修复全部可安全修复的 OCR 问题', 'Corpus Lens: fix all safe OCR artefacts'),
  fixesNotApplied: m('修复未能应用', 'the fixes were not applied'),
  cannotWriteIgnore: m('无法写入忽略文件', 'cannot write the ignore file'),
  gb18030LeftOut: (n: number) =>
    m(
      `Corpus Lens：${n} 个 GB18030 文件未纳入（编辑器按 UTF-8 打开它们），请用 corpus-lens fix 修复`,
      `Corpus Lens: ${n} GB18030 file(s) left out (the editor opens them as UTF-8); fix them with corpus-lens fix`,
    ),
  noSafeFixesInWorkspace: m('Corpus Lens：工作区里没有可安全修复的问题', 'Corpus Lens: no safe fixes in the workspace'),
  workspaceFixLabel: (edits: number, files: number) => m(`Corpus Lens：${files} 个文件中的 ${edits} 处安全修复`, `Corpus Lens: ${edits} safe fixes in ${count(files, 'file')}`),
  cannotWriteReport: m('无法写入结果报告', 'cannot write the report of the findings'),

  // Failures of the server itself.
  internalError: (what: string, error: string) =>
    m(
      `Corpus Lens 内部错误：${what}（${error}）。这是 Corpus Lens 的缺陷，请报告；其余功能照常。`,
      `Corpus Lens internal error: ${what} (${error}). This is a bug in Corpus Lens; please report it. Everything else still works.`,
    ),
  notAnalysed: m('无法分析本文档', 'the document could not be analysed'),
  notChecked: m('无法检查本文档', 'the document could not be checked'),
  ruleFailed: (rule: string) => m(`规则 ${rule} 出错，它的结果缺失`, `the rule ${rule} failed and its findings are missing`),
} as const;

/** Every entry of the catalogue with sample values, for its test. */
export const CATALOGUE: Record<string, Message | ((...args: never[]) => Message)> = L;
