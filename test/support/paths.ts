import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests compile to test/out/test/<folder>/). */
export const ROOT = path.resolve(__dirname, '../../../..');
export const SEEDS_DIR = path.join(ROOT, 'seeds');
export const SNAPSHOT_DIR = path.join(ROOT, 'test', 'snapshots');
export const CLI = path.join(ROOT, 'server', 'out', 'cli.js');
/** The server under test: the compiled one, or another build (the bundled one) named by CORPUS_LENS_SERVER. */
export const SERVER = process.env.CORPUS_LENS_SERVER ? path.resolve(process.env.CORPUS_LENS_SERVER) : path.join(ROOT, 'server', 'out', 'server.js');

export function seedFiles(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(SEEDS_DIR, f));
}
