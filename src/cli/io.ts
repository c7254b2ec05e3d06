/** What the CLI needs from the outside world; tests pass their own. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** stdout is a terminal (colours in the text format). */
  isTTY: boolean;
  /** stderr is a terminal (progress for big files). */
  stderrTTY?: boolean;
  env: Record<string, string | undefined>;
}

export type Command = (argv: string[], io: CliIO) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
