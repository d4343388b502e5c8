/**
 * Reading corpus files from disk for the command line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { DecodeError, Decoded, EncodingName, decodeBytes } from '../core/encoding';

/** Extensions taken when a folder is given. */
export const CORPUS_EXTENSIONS = ['.txt', '.text', '.corpus'];
/** Files larger than this are refused with a message rather than read. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export class InputError extends Error {}

/** Expands files and folders (recursively, skipping hidden folders and node_modules), sorted. */
export function collectFiles(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new InputError(`${input}: no such file or folder`);
    }
    if (stat.isDirectory()) files.push(...walk(input));
    else if (stat.isFile()) files.push(input);
    else throw notRegular(input, stat);
  }
  return files;
}

function walk(dir: string): string[] {
  const result: string[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) result.push(...walk(full));
    else if (entry.isFile() && CORPUS_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) result.push(full);
  }
  return result;
}

/** A corpus file's text and encoding, with the bytes they were decoded from. */
export interface CorpusFile extends Decoded {
  bytes: Buffer;
}

/** What kind of thing other than a regular file or a folder `stat` describes. */
function kindOf(stat: fs.Stats): string {
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(file: string, stat: fs.Stats): InputError {
  return new InputError(`${file}: is ${kindOf(stat)}, not a regular file; it was not read`);
}

function tooLarge(file: string, bytes: number): InputError {
  return new InputError(`${file}: ${Math.round(bytes / 1048576)} MB is larger than the ${MAX_FILE_BYTES / 1048576} MB limit`);
}

/**
 * The bytes of the regular file `file`, refused before any reading when it is a folder, a
 * device, a FIFO or a socket, or larger than `limit`. The reading itself stops past `limit` too,
 * for a file whose size its stat does not tell (one that grows, or a kernel's pseudo-file).
 */
export function readRegularFile(file: string, limit = MAX_FILE_BYTES): Buffer {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw new InputError(`${file}: is a folder, not a file`);
  if (!stat.isFile()) throw notRegular(file, stat);
  if (stat.size > limit) throw tooLarge(file, stat.size);
  // Non-blocking, so that a FIFO put in the file's place since the stat cannot hang the open.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw notRegular(file, opened);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(opened.size - total, 0) + 65536, limit + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(file, total);
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

export function readCorpusFile(file: string): CorpusFile {
  const bytes = readRegularFile(file);
  try {
    return { ...decodeBytes(bytes), bytes };
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

/**
 * The bytes of `text` in the encoding it was read in (the BOM included where it had one), so
 * that fixing a file keeps its encoding. Line endings are in the text itself and kept as they are.
 */
export function encodeText(text: string, encoding: EncodingName): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

/**
 * True when writing `file`'s text back in its encoding gives exactly the bytes it was read
 * from. It does not for damaged UTF-8 (the U+FFFD of the damage would be written) and for the
 * few GB18030 sequences that decode to a character the encoder writes otherwise (0x80 for €,
 * A3A0): such a file must not be rewritten.
 */
export function survivesRoundTrip(file: CorpusFile): boolean {
  return encodeText(file.text, file.encoding).equals(file.bytes);
}

/**
 * Writes through a temporary file, so that a crash mid-write never leaves half a corpus file.
 * A symbolic link is followed: its target is rewritten and the link kept.
 */
export function writeFileAtomically(link: string, bytes: Uint8Array): void {
  let file = link;
  try {
    file = fs.realpathSync(link);
  } catch {
    // A new file: written where it is named.
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, bytes);
    try {
      fs.chmodSync(temp, fs.statSync(file).mode);
    } catch {
      // A new file, or a file system without modes: keep the default.
    }
    fs.renameSync(temp, file);
  } catch (error) {
    // A full disk, a read-only folder …: no temporary file is left behind.
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
