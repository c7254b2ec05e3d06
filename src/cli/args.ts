/** Option parsing shared by the subcommands: parse, answer --help, report usage errors with the help text. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_OK, EXIT_USAGE, type CliIO } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T & { help: { type: 'boolean'; short: 'h'; default: false } } }>>;

/** "instruct-studio NAME: message" on stderr, and the exit code. */
export const failer = (name: string, io: CliIO) => (code: number, message: string): number => {
  io.stderr(`instruct-studio ${name}: ${message}\n`);
  return code;
};

/**
 * Parses argv with `options` (plus -h/--help). Returns the parsed values, or an exit code when the
 * command is done: 0 after printing the help, 2 after a usage error.
 */
export function parseCommand<T extends Options>(name: string, argv: string[], options: T, help: string, io: CliIO): Parsed<T> | number {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } }) as Parsed<T>;
  } catch (e) {
    return failer(name, io)(EXIT_USAGE, `${e instanceof Error ? e.message : String(e)}\n\n${help}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(help);
    return EXIT_OK;
  }
  return parsed;
}

/** The one dataset file a command takes, or a usage error. */
export function oneFile(positionals: string[], help: string): string | { error: string } {
  return positionals.length === 1 ? positionals[0] : { error: `${positionals.length ? 'give exactly one dataset file' : 'no dataset file given'}\n\n${help}` };
}
