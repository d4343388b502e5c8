import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEEDS_DIR } from './paths';

export const SEED_001 = path.join(SEEDS_DIR, '001_9815b3dfd2404847.txt');

/** Seed 001 with one invalid UTF-8 byte (0xff) inserted after its first 。. */
export function damagedSeed001(): Buffer {
  const bytes = fs.readFileSync(SEED_001);
  const at = bytes.indexOf(Buffer.from('。')) + Buffer.byteLength('。');
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
}
