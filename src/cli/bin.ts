/** Process wiring for bin/instruct-lint.js and bin/instruct-studio.js. */
import { main } from './main';

export function run(argv: string[]): void {
  main(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    stderrTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  }).then(
    (code) => { process.exitCode = code; },
    (e) => {
      process.stderr.write(`instruct-studio: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
