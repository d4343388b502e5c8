/**
 * A worker thread of `corpus-lens lint --jobs`: it reads the projects of the files it is given
 * (as the main thread would) and sends back each file's outcome; what it would print on stderr
 * (problems in project files) goes to the main thread, which says each thing once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Lang } from '../core/lint/json';
import { CommandOptions, cliProjects } from './common';
import { lintOneFile } from './lintFile';

export interface LintWorkerData {
  options: CommandOptions;
  lang: Lang;
}

export type FromWorker = { err: string } | { index: number; outcome: ReturnType<typeof lintOneFile> };

const port = parentPort!;
const { options, lang } = workerData as LintWorkerData;
const projects = cliProjects(options, { out: () => undefined, err: (text) => port.postMessage({ err: text } satisfies FromWorker) });
port.on('message', ({ index, file }: { index: number; file: string }) => {
  port.postMessage({ index, outcome: lintOneFile(projects, file, lang) } satisfies FromWorker);
});
