import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, SNAPSHOT_DIR } from './paths';

/**
 * Compares `actual` with test/snapshots/<name>. With UPDATE_SNAPSHOTS=1 (after a reviewed
 * change) or when the snapshot is missing, writes it instead; a missing one also fails the test,
 * so that a new snapshot is read before it is trusted.
 */
export function matchSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOT_DIR, name);
  const update = process.env.UPDATE_SNAPSHOTS === '1';
  if (update || !fs.existsSync(file)) {
    fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    if (!update) assert.fail(`wrote missing snapshot ${path.relative(ROOT, file)}; review it and run again`);
    return;
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'));
}
