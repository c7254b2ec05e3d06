/**
 * instruct-studio render --template T FILE [--record N] [--format text|json] [--chat-template tokenizer_config.json]
 *   [--tokenizer cl100k|o200k|tokenizer.json] [--train-on-inputs] [--add-generation-prompt] [--context-length N]
 * Prints exactly the text the trainer sees for one record. Exit 0: rendered; 1: that record cannot be
 * rendered (not JSON, no format fits, the template fails on it); 2: usage, missing record or file, bad template.
 */
import * as path from 'node:path';
import { getFormat } from '../../core/formats/registry';
import { builtinTemplates, getTemplate, renderedText, templateFromTokenizerConfig, TemplateError, type ChatTemplate, type TokenizerConfig } from '../../core/templates/index';
import { contextWarning, tokenizeSegments } from '../../core/tokens/index';
import { recordConversation } from '../../core/eval/prompt';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from '../io';
import { failer, oneFile, parseCommand } from '../args';
import { datasetRecords, DatasetFileError, type DatasetRecord } from '../datasetRecords';
import { loadTokenizer, OptionError, readJsonFile } from '../tokenizerOption';

const HELP = `Usage: instruct-studio render --template T FILE [options]

Prints exactly the text a trainer sees for one record of FILE (.jsonl, or a .json array): the record
rendered through a chat template, special tokens included, nothing added (no final newline of its own).

Options:
  --template T                 a built-in template: ${builtinTemplates.map((t) => t.id).join(', ')}
  --chat-template FILE         instead, the chat_template of a Hugging Face tokenizer_config.json (Jinja)
  --record N                   the record to render, 1-based, blank lines not counted (default: 1)
  --format text|json           text: the rendered text; json: segments with roles, trained flags and
                               token counts, plus totals per role and trained vs masked (default: text)
  --tokenizer NAME|FILE        token counts with cl100k (default), o200k, or a tokenizer.json
  --dataset-format ID          read records as this format instead of detecting it (alpaca, sharegpt, …)
  --train-on-inputs            train on every turn, not only the answers (Axolotl train_on_inputs)
  --add-generation-prompt      end with the header of an assistant turn, as when asking the model
  --context-length N           warn (stderr, and "warning" in JSON) when the record is longer than N tokens
  -h, --help                   this help

Exit codes: 0 rendered, 1 the record cannot be rendered (not JSON, no format fits, the template fails on it),
2 usage, missing file or record, unknown or broken template.
`;

async function pickTemplate(values: { template?: string; 'chat-template'?: string }, cwd: string): Promise<ChatTemplate> {
  if (values['chat-template']) {
    if (values.template) throw new OptionError('give --template or --chat-template, not both');
    const file = path.resolve(cwd, values['chat-template']);
    const shown = path.relative(cwd, file) || file;
    const config = await readJsonFile(file, shown);
    try {
      return templateFromTokenizerConfig(config as TokenizerConfig, shown);
    } catch (e) {
      throw new OptionError(e instanceof Error ? e.message : String(e));
    }
  }
  const valid = builtinTemplates.map((t) => t.id).join(', ');
  if (!values.template) throw new OptionError(`--template is required (one of: ${valid}), or --chat-template tokenizer_config.json`);
  const t = getTemplate(values.template);
  if (!t) throw new OptionError(`unknown template "${values.template}" (valid: ${valid}; or --chat-template tokenizer_config.json)`);
  return t;
}

async function findRecord(file: string, shown: string, n: number): Promise<DatasetRecord | number> {
  let count = 0;
  for await (const r of datasetRecords(file, shown)) {
    count = r.index;
    if (r.index === n) return r;
  }
  return count;
}

export async function renderCommand(argv: string[], io: CliIO): Promise<number> {
  const fail = failer('render', io);
  const parsed = parseCommand('render', argv, {
    template: { type: 'string' },
    'chat-template': { type: 'string' },
    record: { type: 'string', default: '1' },
    format: { type: 'string', default: 'text' },
    tokenizer: { type: 'string' },
    'dataset-format': { type: 'string' },
    'train-on-inputs': { type: 'boolean', default: false },
    'add-generation-prompt': { type: 'boolean', default: false },
    'context-length': { type: 'string' },
  }, HELP, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'text' && values.format !== 'json') return fail(EXIT_USAGE, `unknown --format "${values.format}" (use text or json)`);
  const n = Number(values.record);
  if (!Number.isInteger(n) || n < 1) return fail(EXIT_USAGE, `--record needs a record number ≥ 1, got "${values.record}"`);
  const contextLength = values['context-length'] === undefined ? undefined : Number(values['context-length']);
  if (contextLength !== undefined && !(Number.isInteger(contextLength) && contextLength > 0)) return fail(EXIT_USAGE, `--context-length needs a number of tokens > 0, got "${values['context-length']}"`);
  const given = oneFile(positionals, HELP);
  if (typeof given !== 'string') return fail(EXIT_USAGE, given.error);
  const format = values['dataset-format'] ? getFormat(values['dataset-format']) : undefined;
  if (values['dataset-format'] && !format) return fail(EXIT_USAGE, `unknown --dataset-format "${values['dataset-format']}"`);

  const file = path.resolve(io.cwd, given);
  const shown = path.relative(io.cwd, file) || file;
  let template: ChatTemplate;
  let found: DatasetRecord | number;
  try {
    template = await pickTemplate(values, io.cwd);
    found = await findRecord(file, shown, n);
  } catch (e) {
    if (e instanceof OptionError || e instanceof DatasetFileError) return fail(EXIT_USAGE, e.message);
    throw e;
  }
  if (typeof found === 'number') return fail(EXIT_USAGE, found ? `${shown} has ${found} record${found === 1 ? '' : 's'}: there is no record ${n}` : `${shown} has no records`);
  const rec = found;
  const where = `${shown}:${rec.line}`;
  if (rec.parseError !== undefined) return fail(EXIT_PROBLEMS, `${where}: record ${n} is not valid JSON: ${rec.parseError}`);
  const read = recordConversation(rec.value, `${where}: record ${n}`, format);
  if (!read.ok) return fail(EXIT_PROBLEMS, read.message);
  const { conversation } = read;

  let segments;
  try {
    segments = template.render(conversation, { trainOnInputs: values['train-on-inputs'], addGenerationPrompt: values['add-generation-prompt'] });
  } catch (e) {
    if (e instanceof TemplateError) return fail(EXIT_PROBLEMS, `${where}: ${e.message}`);
    throw e;
  }
  const needTokens = values.format === 'json' || contextLength !== undefined;
  let tokenizer;
  try {
    tokenizer = needTokens ? await loadTokenizer(values.tokenizer, io.cwd) : undefined;
  } catch (e) {
    if (e instanceof OptionError) return fail(EXIT_USAGE, e.message);
    throw e;
  }
  const report = tokenizer ? tokenizeSegments(segments, tokenizer) : undefined;
  const warning = report && contextLength ? contextWarning(report.total, contextLength) : undefined;
  if (warning) io.stderr(`instruct-studio render: ${where}: ${warning}\n`);
  if (values.format === 'text') {
    io.stdout(renderedText(segments));
    return EXIT_OK;
  }
  const doc = {
    file: shown,
    record: n,
    line: rec.line,
    format: read.format?.id,
    template: template.id,
    tokenizer: tokenizer!.id,
    text: renderedText(segments),
    segments: report!.segments.map((s) => ({ text: s.text, role: s.role, trained: s.trained, special: s.special, ...(s.turn !== undefined ? { turn: s.turn } : {}), tokens: s.tokens })),
    tokens: { total: report!.total, trained: report!.trained, masked: report!.masked, byRole: report!.byRole },
    ...(contextLength !== undefined ? { contextLength, fits: !warning } : {}),
    ...(warning ? { warning } : {}),
  };
  io.stdout(JSON.stringify(doc, null, 2) + '\n');
  return EXIT_OK;
}
