/** `instruct-studio <command>`: dispatch to one file per subcommand in commands/. `instruct-lint` = `lint`. */
import { EXIT_USAGE, type CliIO, type Command } from './io';
import { lintCommand } from './commands/lint';

// render, eval and report pull in tokenizers, Jinja, Vega and compromise: load them only when asked for, so that
// `instruct-lint` starts fast
const renderCommand: Command = async (argv, io) => (await import('./commands/render')).renderCommand(argv, io);
const evalCommand: Command = async (argv, io) => (await import('./commands/eval')).evalCommand(argv, io);
const reportCommand: Command = async (argv, io) => (await import('./commands/report')).reportCommand(argv, io);

const commands: Record<string, { run: Command; summary: string }> = {
  lint: { run: lintCommand, summary: 'check dataset files (JSONL / JSON arrays) and report problems' },
  render: { run: renderCommand, summary: 'print one record exactly as a chat template renders it (text, or JSON with token counts)' },
  eval: { run: evalCommand, summary: 'ask a model every record\'s question and score its answers (results JSONL + summary)' },
  report: { run: reportCommand, summary: 'dataset insight report: diversity, balance, tics and bias signals, eval contamination (md, html, json)' },
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
