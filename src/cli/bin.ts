/**
 * Process wiring for bin/instruct-lint.js and bin/instruct-studio.js.
 * `lint` runs in a worker thread with a small young generation (V8's default lets the nursery grow to
 * tens of megabytes while a big file streams through; 4 MB keeps the CLI's peak RSS flat without costing
 * time: the records a streaming pass allocates die young). The main thread only forwards the exit code.
 * Other commands run on the main thread, where a command that reads `io.signal` can take over Ctrl-C
 * (signals reach only the main thread).
 */
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import { main } from './main';

/** Young generation of the command's worker, in MB (V8 splits it into semi-spaces). */
const YOUNG_GENERATION_MB = 4;
/** Commands that stream whole files and benefit from the worker's small nursery. */
const WORKER_COMMANDS = new Set(['lint']);

interface WorkerInput {
  argv: string[];
  isTTY: boolean;
  stderrTTY: boolean;
}

function runHere(argv: string[], isTTY: boolean, stderrTTY: boolean, done: (code: number) => void): void {
  // a command that reads io.signal takes over Ctrl-C: the first asks it to stop cleanly, a second exits
  // at once; other commands keep the default (Ctrl-C ends the process)
  const interrupt = new AbortController();
  let listening = false;
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  main(argv, {
    get signal() {
      if (!listening && isMainThread) process.on('SIGINT', onSigint);
      listening = true;
      return interrupt.signal;
    },
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY,
    stderrTTY,
    env: process.env,
  }).then(
    (code) => { process.off('SIGINT', onSigint); done(code); },
    (e) => {
      process.stderr.write(`instruct-studio: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      done(2);
    },
  );
}

export function run(argv: string[]): void {
  const isTTY = Boolean(process.stdout.isTTY);
  const stderrTTY = Boolean(process.stderr.isTTY);
  if (!isMainThread || process.env.INSTRUCT_STUDIO_NO_WORKER === '1' || !WORKER_COMMANDS.has(argv[0] ?? '')) {
    runHere(argv, isTTY, stderrTTY, (code) => { process.exitCode = code; });
    return;
  }
  const input: WorkerInput = { argv, isTTY, stderrTTY };
  const worker = new Worker(`require(${JSON.stringify(__filename)}).runWorker();`, {
    eval: true,
    workerData: input,
    env: process.env,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  let code = 2;
  worker.on('message', (c: number) => { code = c; });
  worker.on('error', (e) => {
    process.stderr.write(`instruct-studio: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    code = 2;
  });
  worker.on('exit', () => { process.exitCode = code; });
}

/** Entry point of the worker thread started by run(). */
export function runWorker(): void {
  const input = workerData as WorkerInput;
  runHere(input.argv, input.isTTY, input.stderrTTY, (code) => parentPort?.postMessage(code));
}
