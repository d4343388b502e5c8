/**
 * Markdown the server builds (hovers) from text it did not write: glossary entries from a
 * cloned repository and contexts from the corpus. Every such text goes through `text()`, which
 * makes it inert in any renderer: each ASCII punctuation character is backslash-escaped (as
 * CommonMark allows for all of them, and as VS Code's MarkdownString.appendText does for the
 * syntax ones), so no link, image, HTML tag, entity, heading, list, table or emphasis can be
 * formed, and line breaks become spaces, so no line can start a block. The only link is
 * `link()`'s, and only to a URL that parses as http or https.
 */

/** `value` as literal text in markdown. */
export function text(value: string): string {
  return value
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** The URL when it is an absolute http or https URL, normalised (percent-encoded), else null. */
export function safeUrl(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Brackets and parentheses would end the link's destination early.
  return url.href.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link with `label` (escaped) to `url`, or the label alone when the URL is not http(s). */
export function link(label: string, url: string | undefined): string {
  const target = safeUrl(url);
  return target ? `[${text(label)}](${target})` : text(label);
}

/** Markdown emphasis around text already escaped (or written by the server). */
export const bold = (markdown: string) => `**${markdown}**`;
export const italic = (markdown: string) => `*${markdown}*`;
