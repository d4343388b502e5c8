/**
 * `corpus-lens lint --jobs N`: files linted by N worker threads, their outcomes handed on in
 * the order of the files (so the output is the same as with one job). Workers run a few files
 * ahead of the one being written at most, so that a slow file holds back little output.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Lang } from '../core/lint/json';
import { CommandOptions, Output, internalFileError } from './common';
import { LintOutcome } from './lintFile';
import { FromWorker, LintWorkerData } from './lintWorker';

/** How many files past the one to be written next may be linted already, per job. */
const AHEAD_PER_JOB = 4;

export function lintInWorkers(files: string[], options: CommandOptions, lang: Lang, jobs: number, output: Output, handle: (index: number, outcome: LintOutcome) => void): Promise<void> {
  return new Promise((resolve) => {
    const done = new Map<number, LintOutcome>();
    const said = new Set<string>();
    let next = 0;
    let dispatched = 0;
    const idle: Worker[] = [];
    const busy = new Map<Worker, number>();
    const workers: Worker[] = [];

    const flush = () => {
      while (done.has(next)) {
        const outcome = done.get(next)!;
        done.delete(next);
        handle(next++, outcome);
      }
      if (next === files.length) {
        for (const worker of workers) void worker.terminate();
        resolve();
      } else dispatch();
    };
    const dispatch = () => {
      while (idle.length > 0 && dispatched < files.length && dispatched < next + AHEAD_PER_JOB * jobs) {
        const worker = idle.pop()!;
        busy.set(worker, dispatched);
        worker.postMessage({ index: dispatched, file: files[dispatched] });
        dispatched++;
      }
    };
    const start = () => {
      const data: LintWorkerData = { options, lang };
      const worker = new Worker(path.join(__dirname, 'lintWorker.js'), { workerData: data });
      workers.push(worker);
      worker.on('message', (message: FromWorker) => {
        if ('err' in message) {
          if (!said.has(message.err)) output.err(message.err);
          said.add(message.err);
          return;
        }
        busy.delete(worker);
        idle.push(worker);
        done.set(message.index, message.outcome);
        flush();
      });
      // A worker that dies (a crash, out of memory) fails the file it had, and a new one takes
      // over; one that dies before its first file (it cannot start) is not replaced.
      let started = false;
      worker.once('message', () => (started = true));
      worker.on('error', (error) => {
        const index = busy.get(worker);
        busy.delete(worker);
        workers.splice(workers.indexOf(worker), 1);
        const idleAt = idle.indexOf(worker);
        if (idleAt >= 0) idle.splice(idleAt, 1);
        const failed = (k: number) => done.set(k, { error: internalFileError(error.message, files[k]) });
        if (index !== undefined) failed(index);
        if (started || index !== undefined) start();
        if (workers.length === 0) while (dispatched < files.length) failed(dispatched++);
        flush();
      });
      idle.push(worker);
    };
    for (let k = 0; k < jobs; k++) start();
    dispatch();
  });
}
