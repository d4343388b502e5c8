/**
 * Paths the project reads or writes, held inside the folder they belong to. A corpus comes as
 * a cloned repository, and its `.corpus-lens` folder, the files in it or the glossaries its
 * settings name may be symbolic links to anywhere (a credentials file, another user's log):
 * each path is resolved with realpath (a file not there yet by its nearest existing folder) and
 * refused when it ends up outside the project or workspace folder, itself resolved likewise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class OutsideError extends Error {}

/** `p` with every symbolic link resolved; a path not there yet resolved as far as it exists. */
export function resolvedPath(p: string): string {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/** True when `p`, resolved, is `folder` (resolved) or inside it. */
export function isInside(folder: string, p: string): boolean {
  const root = resolvedPath(folder);
  const target = resolvedPath(p);
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The first of `folders` holding `p` (both resolved), or null. */
export function folderHolding(folders: readonly string[], p: string): string | null {
  return folders.find((folder) => isInside(folder, p)) ?? null;
}

/**
 * `p` when it resolves inside `folder`; otherwise an OutsideError naming both, for `what`
 * (e.g. "the ignore file").
 */
export function insideOrThrow(folder: string, p: string, what: string): string {
  if (isInside(folder, p)) return p;
  throw new OutsideError(`${what} ${p} leads outside ${folder} (to ${resolvedPath(p)}, through a symbolic link); it is not read or written`);
}

/** Appends `text` to `file` on a line of its own: a file not ending in a line break gets one first. */
export function appendLines(file: string, text: string): void {
  let prefix = '';
  try {
    const size = fs.statSync(file).size;
    if (size > 0) {
      const fd = fs.openSync(file, 'r');
      try {
        const last = Buffer.alloc(1);
        fs.readSync(fd, last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      } finally {
        fs.closeSync(fd);
      }
    }
  } catch {
    // A new file.
  }
  fs.appendFileSync(file, prefix + text);
}
