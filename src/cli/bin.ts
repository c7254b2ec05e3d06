/**
 * Process wiring for bin/instruct-lint.js and bin/instruct-studio.js.
 * `lint` runs in a worker thread with a small young generation (V8's default lets the nursery grow to
 * tens of megabytes while a big file streams through; 4 MB keeps the CLI's peak RSS flat without costing
 * time: the records a streaming pass allocates die young). The worker loads its own small bundle
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

export function run(argv: string[]): void {
  const isTTY = Boolean(process.stdout.isTTY);
  const stderrTTY = Boolean(process.stderr.isTTY);
  const workerFile = join(__dirname, 'lintWorker.js');
  if (argv[0] === 'lint' && process.env.INSTRUCT_STUDIO_NO_WORKER !== '1' && existsSync(workerFile)) {
    const input: LintWorkerInput = { argv: argv.slice(1), isTTY, stderrTTY };
    const worker = new Worker(workerFile, { workerData: input, env: process.env, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    let code = 2;
    worker.on('message', (c: number) => { code = c; });
    worker.on('error', (e) => { code = crashed(e); });
    worker.on('exit', () => { process.exitCode = code; });
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
