/**
 * Glossary entries and their validation. The data comes in as parsed JSON (the bundled
 * glossary or a workspace one); problems are reported with their JSON path so the LSP layer
 * can place them in the file.
 */

export interface GlossaryEntry {
  term: string;
  aliases: string[];
  components: string[];
  definition: { zh: string; en: string };
  since: { date: string; event: string };
  scope: { level: 'national' | 'provincial' | 'local'; place?: string };
  source: { title: string; publisher: string; date: string; url?: string };
  related: string[];
  category?: string;
  canonical?: boolean;
  /** Where the entry comes from: "bundled" or the workspace glossary's path. */
  origin: string;
}

export interface GlossaryProblem {
  /** JSON path of the offending value, e.g. ["entries", 3, "term"]. */
  path: (string | number)[];
  message: string;
}

export interface ValidatedGlossary {
  entries: GlossaryEntry[];
  problems: GlossaryProblem[];
}

const LEVELS = ['national', 'provincial', 'local'];
const ENTRY_KEYS = new Set(['term', 'aliases', 'components', 'definition', 'since', 'scope', 'source', 'related', 'category', 'canonical']);
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Validates glossary JSON; invalid entries are dropped and reported, valid ones kept. */
export function validateGlossary(data: unknown, origin: string): ValidatedGlossary {
  const problems: GlossaryProblem[] = [];
  const entries: GlossaryEntry[] = [];
  if (!isObject(data)) {
    return { entries, problems: [{ path: [], message: 'a glossary is an object with an "entries" array' }] };
  }
  if (!Array.isArray(data.entries)) {
    return { entries, problems: [{ path: ['entries'], message: '"entries" must be an array of glossary entries' }] };
  }
  const seen = new Map<string, number>();
  data.entries.forEach((raw: unknown, index: number) => {
    const entryProblems: GlossaryProblem[] = [];
    const at = (...path: (string | number)[]) => ['entries', index, ...path];
    const fail = (message: string, ...path: (string | number)[]) => entryProblems.push({ path: at(...path), message });
    if (!isObject(raw)) {
      problems.push({ path: at(), message: 'an entry must be an object' });
      return;
    }
    for (const key of Object.keys(raw)) if (!ENTRY_KEYS.has(key)) fail(`unknown field "${key}"`, key);
    const term = nonEmptyString(raw.term);
    if (!term) fail('"term" must be a non-empty string', 'term');
    const aliases = stringList(raw.aliases, 'aliases', fail);
    const components = stringList(raw.components, 'components', fail);
    const related = stringList(raw.related, 'related', fail);
    const definition = isObject(raw.definition) ? raw.definition : null;
    if (!definition || !nonEmptyString(definition.zh) || !nonEmptyString(definition.en)) {
      fail('"definition" needs "zh" and "en" texts', 'definition');
    }
    const since = isObject(raw.since) ? raw.since : null;
    if (!since || typeof since.date !== 'string' || !DATE.test(since.date) || !nonEmptyString(since.event)) {
      fail('"since" needs "date" (YYYY, YYYY-MM or YYYY-MM-DD) and "event"', 'since');
    }
    const scope = isObject(raw.scope) ? raw.scope : null;
    if (!scope || !LEVELS.includes(scope.level as string)) fail('"scope.level" must be national, provincial or local', 'scope');
    else if (scope.level !== 'national' && !nonEmptyString(scope.place)) fail('"scope.place" is required for provincial and local entries', 'scope');
    const source = isObject(raw.source) ? raw.source : null;
    if (!source || !nonEmptyString(source.title) || !nonEmptyString(source.publisher) || !nonEmptyString(source.date)) {
      fail('"source" needs "title", "publisher" and "date": an entry without a citable source does not ship', 'source');
    }
    // A link that is no http(s) URL (javascript:, file:, a typo) is a problem in the file, but
    // the entry is usable without it: it is kept, without the link.
    const url = source ? webUrl(source.url) : null;
    const urlProblem = source && source.url !== undefined && !url ? { path: at('source', 'url'), message: '"source.url" must be an http:// or https:// address; the entry is used without the link' } : null;
    if (raw.canonical !== undefined && typeof raw.canonical !== 'boolean') fail('"canonical" must be true or false', 'canonical');
    if (raw.category !== undefined && typeof raw.category !== 'string') fail('"category" must be a string', 'category');
    if (term) {
      for (const form of [term, ...aliases]) {
        const previous = seen.get(form);
        if (previous !== undefined) fail(`"${form}" is already defined by entry ${previous}`, form === term ? 'term' : 'aliases');
      }
    }
    if (urlProblem) problems.push(urlProblem);
    if (entryProblems.length > 0 || !term) {
      problems.push(...entryProblems);
      return;
    }
    for (const form of [term, ...aliases]) seen.set(form, index);
    entries.push({
      term,
      aliases,
      components,
      related,
      definition: { zh: String(definition!.zh), en: String(definition!.en) },
      since: { date: String(since!.date), event: String(since!.event) },
      scope: { level: scope!.level as GlossaryEntry['scope']['level'], ...(scope!.place ? { place: String(scope!.place) } : {}) },
      source: {
        title: String(source!.title),
        publisher: String(source!.publisher),
        date: String(source!.date),
        ...(url ? { url } : {}),
      },
      ...(raw.category ? { category: String(raw.category) } : {}),
      ...(raw.canonical ? { canonical: true } : {}),
      origin,
    });
  });
  return { entries, problems };
}

/** `value` when it is an absolute http:// or https:// URL, else null. */
export function webUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? value.trim() : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function stringList(value: unknown, key: string, fail: (message: string, ...path: (string | number)[]) => void): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    fail(`"${key}" must be a list of non-empty strings`, key);
    return [];
  }
  return value.map((v: string) => v.trim());
}
