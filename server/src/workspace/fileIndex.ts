/**
 * The corpus files of the workspace folders, for features that look beyond the open documents
 * (references, counts, discovery, the workspace fix): the list is kept and updated from the
 * client's file events where it sends them (walked again on each use where it does not), and
 * each file's text is read from disk once per modification.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Decoded, decodeBytes } from '../core/encoding';
import { isMostlyChinese } from '../core/text';
import { CORPUS_EXTENSIONS, readRegularFile } from '../io/files';

export const MAX_INDEXED_FILES = 5000;
const MAX_INDEXED_BYTES = 32 * 1024 * 1024;

interface Cached {
  mtimeMs: number;
  size: number;
  decoded: Decoded | null;
}

export class FileIndex {
  private readonly cache = new Map<string, Cached>();
  /** The files found by the last walk, while file events keep it up to date. */
  private listed: string[] | null = null;
  /** True once the client reports created and deleted files (see `fileEvents`). */
  private watched = false;

  constructor(private folders: readonly string[]) {}

  setFolders(folders: readonly string[]): void {
    this.folders = folders;
    this.listed = null;
  }

  /** The client now reports every file created or deleted below the folders. */
  watchedByClient(): void {
    this.watched = true;
  }

  /** Files were created or deleted: the list is walked again when next asked for. */
  filesCreatedOrDeleted(): void {
    this.listed = null;
  }

  /** Paths of the corpus files below the workspace folders (up to MAX_INDEXED_FILES). */
  files(): string[] {
    if (this.watched && this.listed) return this.listed;
    this.listed = this.walk();
    return this.listed;
  }

  private walk(): string[] {
    const result: string[] = [];
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (result.length >= MAX_INDEXED_FILES) return;
        if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'out') continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile() && CORPUS_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) result.push(full);
      }
    };
    for (const folder of this.folders) walk(folder);
    return result.sort();
  }

  /** The text of a corpus file, or null when it cannot be read or is not mostly Chinese. */
  text(file: string): string | null {
    return this.read(file)?.text ?? null;
  }

  /** The text of a corpus file and the encoding it was read in, or null (see `text`). */
  read(file: string): Decoded | null {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.cache.delete(file);
      return null;
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.decoded;
    let decoded: Decoded | null = null;
    if (stat.size <= MAX_INDEXED_BYTES) {
      try {
        const read = decodeBytes(readRegularFile(file, MAX_INDEXED_BYTES));
        if (isMostlyChinese(read.text)) decoded = read;
      } catch {
        decoded = null;
      }
    }
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, decoded });
    return decoded;
  }
}
