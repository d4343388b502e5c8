/**
 * Reports the server writes for the user to read (every finding of a document, past the
 * editor's cap): in a folder of the system's temporary directory that only this user can
 * read, made when first needed and removed when the server exits (and, as a server that was
 * killed cannot, the user's folders of this kind older than a day are removed when a new one
 * is made). Never in the workspace.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const PREFIX = 'corpus-lens-reports-';
const STALE_MS = 24 * 60 * 60 * 1000;

let folder: string | null = null;

/** Removes this user's report folders older than a day (best effort). */
function removeStale(): void {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      if (!name.startsWith(PREFIX)) continue;
      const dir = path.join(os.tmpdir(), name);
      const stat = fs.lstatSync(dir);
      if (!stat.isDirectory() || (uid !== null && stat.uid !== uid) || Date.now() - stat.mtimeMs < STALE_MS) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } catch {
    // Nothing to clean, or not allowed to: the system cleans its temporary directory too.
  }
}

function reportFolder(): string {
  if (folder && fs.existsSync(folder)) return folder;
  removeStale();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  const made = folder;
  process.once('exit', () => {
    try {
      fs.rmSync(made, { recursive: true, force: true });
    } catch {
      // Best effort: the system cleans its temporary directory too.
    }
  });
  return folder;
}

/** A file name made of `name`'s letters, digits, CJK and a few safe marks (never a path). */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[._ ]+/, '').slice(0, 100);
  return cleaned || 'document';
}

/** Writes `content` as `<name><extension>` in the report folder; returns the file's path. */
export function writeReport(name: string, extension: string, content: string): string {
  const file = path.join(reportFolder(), safeFileName(name) + extension);
  fs.writeFileSync(file, content, { encoding: 'utf8', mode: 0o600 });
  return file;
}
