/**
 * A one-line progress bar on stderr (`[#####-----] 12/40 file.txt`), drawn only when stderr is
 * a terminal and there is more than one file, and cleared at the end: pipes and CI logs never
 * see it.
 */
import * as path from 'node:path';
import { Output } from './common';

const WIDTH = 20;
const NAME_WIDTH = 40;

export class Progress {
  private readonly enabled: boolean;
  private drawn = false;

  constructor(
    private readonly output: Output,
    private readonly total: number,
  ) {
    this.enabled = output.errIsTTY === true && total > 1;
  }

  /** Shows that `done` files are finished and `file` is the one being worked on. */
  show(done: number, file: string): void {
    if (!this.enabled) return;
    const filled = Math.round((done / this.total) * WIDTH);
    const name = path.basename(file);
    const shortName = name.length > NAME_WIDTH ? name.slice(0, NAME_WIDTH - 1) + '…' : name;
    this.output.err(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${this.total} ${shortName}\x1b[K`);
    this.drawn = true;
  }

  /** Erases the bar (before a message, and at the end). */
  clear(): void {
    if (!this.drawn) return;
    this.output.err('\r\x1b[K');
    this.drawn = false;
  }
}
