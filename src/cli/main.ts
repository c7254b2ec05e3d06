/** `instruct-studio <command>`: dispatch to one file per subcommand in commands/. `instruct-lint` = `lint`. */
import { EXIT_USAGE, type CliIO, type Command } from './io';
import { lintCommand } from './commands/lint';
import { renderCommand } from './commands/render';
import { evalCommand } from './commands/eval';

const commands: Record<string, { run: Command; summary: string }> = {
  lint: { run: lintCommand, summary: 'check dataset files (JSONL / JSON arrays) and report problems' },
  render: { run: renderCommand, summary: 'print one record exactly as a chat template renders it (text, or JSON with token counts)' },
  eval: { run: evalCommand, summary: 'ask a model every record\'s question and score its answers (results JSONL + summary)' },
};

const usage = () => `Usage: instruct-studio <command> [options]

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join('\n')}

Run "instruct-studio <command> --help" for a command's options.
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(usage());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${process.env.INSTRUCT_STUDIO_VERSION ?? 'dev'}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`instruct-studio: unknown command "${name}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}
