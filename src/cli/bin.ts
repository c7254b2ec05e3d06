/**
 * Process wiring for bin/instruct-lint.js and bin/instruct-studio.js.
 * `lint` runs in a worker thread with a small young generation (V8's default lets the nursery grow to
 * tens of megabytes while a big file streams through; 4 MB keeps the CLI's peak RSS flat without costing
 * time: the records a streaming pass allocates die young) and an old-generation limit: with one, V8 grows
 * the heap in smaller steps (on a 1 GB file the worker's heap stays under 50 MB instead of ~95 MB; the
 * live data is ~30 MB). A run that really needs more heap than the limit (a huge number of findings) is
 * not lost: the worker runs out of memory, and the lint runs again without the limit. The worker loads its own small bundle
 * (dist/lintWorker.js); the main thread only forwards the exit code. Other commands run on the main thread,
 * where a command that reads `io.signal` can take over Ctrl-C (signals reach only the main thread).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { crashed, processIO } from './processIO';
import type { LintWorkerInput } from './lintWorker';

/** Young generation of the lint worker, in MB (V8 splits it into semi-spaces). */
const YOUNG_GENERATION_MB = 4;
/** Old-generation limit of the lint worker's first run, in MB (INSTRUCT_STUDIO_LINT_HEAP_MB overrides it, for tests). */
const OLD_GENERATION_MB = 512;

/** Runs `lint` in a worker; when the heap-limited run runs out of memory, once more without the limit. */
function lintInWorker(workerFile: string, input: LintWorkerInput, limited: boolean): void {
  const oldMb = Number(process.env.INSTRUCT_STUDIO_LINT_HEAP_MB) || OLD_GENERATION_MB;
  const resourceLimits = limited ? { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: oldMb } : { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const worker = new Worker(workerFile, { workerData: input, env: process.env, resourceLimits });
  let code = 2;
  let outOfMemory = false;
  worker.on('message', (c: number) => { code = c; });
  worker.on('error', (e: NodeJS.ErrnoException) => {
    if (limited && e.code === 'ERR_WORKER_OUT_OF_MEMORY') outOfMemory = true;
    else code = crashed(e);
  });
  worker.on('exit', () => {
    if (!outOfMemory) {
      process.exitCode = code;
      return;
    }
    process.stderr.write(`instruct-lint: this run needs more than ${oldMb} MB of heap: linting again without the limit\n`);
    lintInWorker(workerFile, input, false);
  });
}

export function run(argv: string[]): void {
  const isTTY = Boolean(process.stdout.isTTY);
  const stderrTTY = Boolean(process.stderr.isTTY);
  const workerFile = join(__dirname, 'lintWorker.js');
  if (argv[0] === 'lint' && process.env.INSTRUCT_STUDIO_NO_WORKER !== '1' && existsSync(workerFile)) {
    lintInWorker(workerFile, { argv: argv.slice(1), isTTY, stderrTTY }, true);
    return;
  }
  const { io, dispose } = processIO(isTTY, stderrTTY);
  // the commands live in their own bundle (dist/cliCommands.js), loaded only here: spawning the lint worker
  // does not compile the tokenizers, Vega and compromise; from the sources (tsx) main.ts is loaded directly
  const bundled = join(__dirname, 'cliCommands.js');
  const { main } = createRequire(__filename)(existsSync(bundled) ? bundled : './main') as typeof import('./main');
  main(argv, io).then(
    (code) => { dispose(); process.exitCode = code; },
    (e) => { process.exitCode = crashed(e); },
  );
}
