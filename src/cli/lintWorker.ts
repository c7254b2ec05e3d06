/**
 * Entry point of the worker thread in which `lint` runs (see bin.ts): bundled on its own as dist/lintWorker.js,
 * so the worker loads only the linter, not the tokenizers, Vega and compromise of the other commands.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintCommand } from './commands/lint';
import { crashed, processIO } from './processIO';

export interface LintWorkerInput {
  argv: string[];
  isTTY: boolean;
  stderrTTY: boolean;
}

const input = workerData as LintWorkerInput;
const { io } = processIO(input.isTTY, input.stderrTTY);
lintCommand(input.argv, io).then((code) => parentPort?.postMessage(code), (e) => parentPort?.postMessage(crashed(e)));
