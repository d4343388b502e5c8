/**
 * Findings in the stable JSON shape of `corpus-lens lint --format json` (design §3), in one
 * of the two message languages.
 */
import { Message, Severity } from '../rules/index';
import { LineIndex, Range } from '../text';
import { Finding } from './lint';

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

export interface DiagnosticJson {
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  fixes: { title: string; safe: boolean; edits: { range: Range; newText: string }[] }[];
}

export function diagnosticsJson(findings: Finding[], index: LineIndex, lang: Lang): DiagnosticJson[] {
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    range: index.rangeOf(f.span),
    message: say(f.message, lang),
    fixes: f.fixes.map((fix) => ({
      title: say(fix.title, lang),
      safe: fix.safe,
      edits: fix.edits.map((e) => ({ range: index.rangeOf(e.span), newText: e.newText })),
    })),
  }));
}
