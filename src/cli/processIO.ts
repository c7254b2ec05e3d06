/** The CliIO of a real process (stdout/stderr, TTY flags, env), with Ctrl-C handed to commands that read `signal`. */
import { isMainThread } from 'node:worker_threads';
import type { CliIO } from './io';

export function processIO(isTTY: boolean, stderrTTY: boolean): { io: CliIO; dispose(): void } {
  // a command that reads io.signal takes over Ctrl-C: the first asks it to stop cleanly, a second exits
  // at once; other commands keep the default (Ctrl-C ends the process). Signals reach only the main thread.
  const interrupt = new AbortController();
  let listening = false;
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  const io: CliIO = {
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
  };
  return { io, dispose: () => process.off('SIGINT', onSigint) };
}

/** Reports a command that threw (a bug, not a user error) and returns exit code 2. */
export function crashed(e: unknown): number {
  process.stderr.write(`instruct-studio: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  return 2;
}
