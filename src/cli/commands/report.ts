/**
 * instruct-studio report [--eval FILE...] [--format md|html|json] [--out FILE] [--config FILE] FILE...
 * Exit 0: report written; 1: evaluation items leaked into training (with --eval / evalFiles); 2: usage, config or I/O failure.
 */
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readLines } from '../../core/jsonl/readLines';
import { parseJsonArrayFile } from '../../core/jsonl/jsonArray';
import { resolveConfigForFile } from '../../core/config/resolve';
import { createReport } from '../../core/report/report';
import { loadLanguageDetector } from '../../core/report/language';
import type { DatasetReport } from '../../core/report/types';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from '../io';
import { findFiles, readText } from '../files';
import { parseCommand } from '../args';
import { loadEvalRecords } from '../evalRecords';
import { reportMarkdown } from '../formatters/reportMarkdown';
import { reportHtml } from '../formatters/reportHtml';

const HELP = `Usage: instruct-studio report [options] FILE|DIR|GLOB...

A dataset insight report: how varied the instructions are (root verbs and objects, distinct-n, near-duplicate
clusters), what dominates (categories, languages, lengths, turns), model tics, refusals and demographic words,
and which evaluation items leaked into training.

Options:
  --format md|html|json  output format (default: md)
  --out FILE             write the report to FILE instead of standard output
  --eval FILE|GLOB       an evaluation file to check for overlap (exact prompts, shared 13-word sequences); repeatable
  --config FILE          use this .instructlint.jsonc instead of searching upwards from each file
  -h, --help             this help

Exit codes: 0 report written, 1 evaluation items found in training data, 2 usage, configuration or I/O failure.
`;

export async function reportCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand('report', argv, {
    format: { type: 'string', default: 'md' },
    out: { type: 'string' },
    eval: { type: 'string', multiple: true },
    config: { type: 'string' },
  }, HELP, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format === 'markdown' ? 'md' : values.format!;
  if (!['md', 'html', 'json'].includes(format)) {
    io.stderr(`instruct-studio report: unknown --format "${values.format}" (use md, html or json)\n`);
    return EXIT_USAGE;
  }
  if (!positionals.length) {
    io.stderr(`instruct-studio report: no files given\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const { files, missing } = await findFiles(positionals, io.cwd);
  for (const m of missing) io.stderr(`instruct-studio report: no such file, folder or matching files: ${m}\n`);
  if (missing.length || !files.length) {
    if (!missing.length) io.stderr('instruct-studio report: no dataset files (.jsonl, or .json arrays) found\n');
    return EXIT_USAGE;
  }
  const explicit = values.config ? path.resolve(io.cwd, values.config) : undefined;
  const evalArgs = (values.eval ?? []).map((e) => path.resolve(io.cwd, e));
  for (const e of values.eval ?? []) {
    if (!/[*?[{]/.test(e) && !(await fs.stat(path.resolve(io.cwd, e)).catch(() => undefined))?.isFile()) {
      io.stderr(`instruct-studio report: --eval ${e}: no such file\n`);
      return EXIT_USAGE;
    }
  }
  const detectLanguage = await loadLanguageDetector();
  const reports: { report: DatasetReport; path: string }[] = [];
  const evalPaths = new Set(evalArgs);
  for (const file of files.filter((f) => !evalPaths.has(f))) {
    const shown = path.relative(io.cwd, file) || file;
    try {
      const { config, configPath } = await resolveConfigForFile(file, readText, { explicit });
      const base = configPath ? path.dirname(configPath) : io.cwd;
      const evalRecords = await loadEvalRecords([...evalArgs, ...(config.evalFiles ?? [])], base);
      let builder;
      try {
        builder = createReport({ path: file, format: config.format, config: config.report, evalRecords: evalRecords?.(), detectLanguage });
      } catch (e) {
        throw new Error(`${configPath ?? 'config'}: report: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (/\.json$/i.test(file)) {
        const parsed = parseJsonArrayFile(await fs.readFile(file, 'utf8'));
        if (!parsed) throw new Error('not a JSON array of records');
        for (const rec of parsed.records) builder.pushValue(rec.value, rec.line);
      } else {
        for await (const line of readLines(createReadStream(file, { highWaterMark: 1 << 20 }))) builder.pushLine(line);
      }
      const report = builder.finish();
      report.path = shown;
      for (const c of report.contamination) c.evalFile = path.relative(io.cwd, path.resolve(base, c.evalFile)) || c.evalFile;
      if (report.invalid) io.stderr(`instruct-studio report: ${shown}: ${report.invalid} line${report.invalid === 1 ? ' is' : 's are'} not valid JSON and left out (first: line ${report.invalidLines[0]}); run instruct-lint for details\n`);
      reports.push({ report, path: shown });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(`instruct-studio report: ${shown}: ${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_USAGE;
    }
  }
  let text: string;
  if (format === 'json') text = JSON.stringify(reports.length === 1 ? reports[0].report : reports.map((r) => r.report), null, 2) + '\n';
  else if (format === 'html') text = await reportHtml(reports);
  else text = reports.map((r) => reportMarkdown(r.report, r.path)).join('\n');
  if (values.out) {
    const out = path.resolve(io.cwd, values.out);
    try {
      await fs.writeFile(out, text, 'utf8');
    } catch (e) {
      io.stderr(`instruct-studio report: --out ${values.out}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`instruct-studio report: wrote ${path.relative(io.cwd, out) || out}\n`);
  } else io.stdout(text);
  const leaked = reports.some((r) => r.report.contamination.some((c) => c.exact + c.ngram > 0));
  return leaked ? EXIT_PROBLEMS : EXIT_OK;
}
