/** Process wiring for bin/instruct-lint.js and bin/instruct-studio.js. */
import { main } from './main';

export function run(argv: string[]): void {
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
      if (!listening) process.on('SIGINT', onSigint);
      listening = true;
      return interrupt.signal;
    },
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    stderrTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  }).then(
    (code) => { process.exitCode = code; process.off('SIGINT', onSigint); },
    (e) => {
      process.stderr.write(`instruct-studio: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
