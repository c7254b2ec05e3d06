/**
 * instruct-studio eval --provider openai-compatible|ollama --base-url URL --model M --out results.jsonl FILE
 *   [--limit N] [--concurrency C] [--temperature T] [--max-tokens N] [--timeout MS] [--retries N] [--format text|json]
 * Asks a model every record's question, writes one result line per record (in record order, each line
 * written whole) and prints a summary. Exit 0: every record answered; 1: some records failed; 2: usage,
 * I/O, or the endpoint refuses every request (key, model, address); 130: stopped by Ctrl-C.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { runBatchEvaluation, BatchError, type EvalResult, type EvalSummary, type BatchProgress } from '../../core/eval/index';
import { getFormat } from '../../core/formats/registry';
import type { ModelEndpoint } from '../../core/model/types';
import { countTokens } from '../../core/tokens/index';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from '../io';
import { failer, oneFile, parseCommand } from '../args';
import { checkReadable, datasetRecords, DatasetFileError } from '../datasetRecords';

const HELP = `Usage: instruct-studio eval --base-url URL --model M --out results.jsonl FILE [options]

Asks a model the question of every record of FILE (.jsonl, or a .json array), compares its answer with
the record's (final answers such as "#### 72" or "The answer is B", and exact match) and writes one JSON
line per record to --out, in record order. Prints a summary.

Options:
  --provider P          openai-compatible (chat completions, SSE; default) or ollama (/api/chat)
  --base-url URL        e.g. https://api.openai.com/v1, http://127.0.0.1:8000/v1 (vLLM, llama.cpp),
                        http://127.0.0.1:11434 (Ollama)
  --model M             the model name the endpoint knows
  --out FILE            the results file (JSONL; replaced if it exists)
  --limit N             only the first N records
  --concurrency C       requests in flight at once (default 4)
  --temperature T       sampling temperature (default 0, for repeatable runs)
  --max-tokens N        longest answer, in tokens (default: the server's)
  --timeout MS          give up on a request after MS milliseconds without a byte (default 60000)
  --retries N           retries of a request on 429, 5xx, timeouts and dropped connections (default 3),
                        with exponential backoff that honours Retry-After
  --dataset-format ID   read records as this format instead of detecting it
  --format text|json    summary as text (default) or one JSON object
  -h, --help            this help

The API key comes from INSTRUCT_STUDIO_API_KEY or OPENAI_API_KEY (never printed or written).
Ctrl-C stops after the requests in flight are cancelled; the lines written so far stay valid JSONL.
Exit codes: 0 every record answered, 1 some records failed (see "error" in their result lines),
2 usage or I/O failure, or the endpoint refused the first request (API key, model, address), 130 Ctrl-C.
`;

/** Errors that every further request would repeat: stop at the first one when nothing was answered yet. */
const FATAL = new Set(['auth', 'not-found', 'network']);

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const ms = (x: number | null) => (x === null ? '–' : `${x.toLocaleString('en-US')} ms`);

function formatSummary(s: EvalSummary, ctx: { shown: string; out: string; model: string; provider: string; firstErrors: Map<string, { record: number; message: string }> }): string {
  const lines = [
    `${s.cancelled ? 'Stopped after' : 'Evaluated'} ${s.records} record${s.records === 1 ? '' : 's'} of ${ctx.shown} with ${ctx.model} (${ctx.provider})`,
    `  answered       ${s.answered}`,
    `  errors         ${s.errors}${s.errors ? ` (${Object.entries(s.errorKinds).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
    `  final answer   ${s.finalAnswerCompared ? `${s.finalAnswerMatches}/${s.finalAnswerCompared} match (${pct(s.finalAnswerAccuracy)})` : '– (no record has a final answer to compare)'}`,
    `  exact match    ${s.exactMatch === null ? '–' : `${s.exactMatches}/${s.exactMatchCompared} (${pct(s.exactMatch)})`}`,
    `  latency        mean ${ms(s.meanLatencyMs)}, p50 ${ms(s.p50LatencyMs)}, p95 ${ms(s.p95LatencyMs)}`,
    `  tokens         prompt ${s.tokens.prompt.toLocaleString('en-US')}, completion ${s.tokens.completion.toLocaleString('en-US')}${s.tokens.estimated ? ' (partly estimated with cl100k: the server did not report usage)' : ''}`,
  ];
  for (const [kind, e] of ctx.firstErrors) lines.push(`  first ${kind} error (record ${e.record}): ${e.message}`);
  lines.push(`Results: ${ctx.out}`);
  return lines.join('\n') + '\n';
}

export async function evalCommand(argv: string[], io: CliIO): Promise<number> {
  const fail = failer('eval', io);
  const parsed = parseCommand('eval', argv, {
    provider: { type: 'string', default: 'openai-compatible' },
    'base-url': { type: 'string' },
    model: { type: 'string' },
    out: { type: 'string' },
    limit: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    temperature: { type: 'string', default: '0' },
    'max-tokens': { type: 'string' },
    timeout: { type: 'string', default: '60000' },
    retries: { type: 'string', default: '3' },
    'dataset-format': { type: 'string' },
    format: { type: 'string', default: 'text' },
  }, HELP, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const provider = values.provider;
  if (provider !== 'openai-compatible' && provider !== 'ollama') return fail(EXIT_USAGE, `unknown --provider "${provider}" (use openai-compatible or ollama; vscode-lm is only available inside VS Code)`);
  if (values.format !== 'text' && values.format !== 'json') return fail(EXIT_USAGE, `unknown --format "${values.format}" (use text or json)`);
  const int = (name: string, v: string | undefined, min: number): number | undefined | string => {
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n >= min ? n : `--${name} needs a whole number ≥ ${min}, got "${v}"`;
  };
  const limit = int('limit', values.limit, 1);
  const concurrency = int('concurrency', values.concurrency, 1);
  const maxTokens = int('max-tokens', values['max-tokens'], 1);
  const timeout = int('timeout', values.timeout, 1);
  const retries = int('retries', values.retries, 0);
  for (const v of [limit, concurrency, maxTokens, timeout, retries]) if (typeof v === 'string') return fail(EXIT_USAGE, v);
  const temperature = Number(values.temperature);
  if (!Number.isFinite(temperature) || temperature < 0) return fail(EXIT_USAGE, `--temperature needs a number ≥ 0, got "${values.temperature}"`);
  const missing = (['base-url', 'model', 'out'] as const).filter((k) => !values[k]);
  if (missing.length) return fail(EXIT_USAGE, `missing ${missing.map((k) => `--${k}`).join(', ')}\n\n${HELP}`);
  let baseUrl: URL;
  try {
    baseUrl = new URL(values['base-url']!);
    if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') throw new Error('not http');
  } catch {
    return fail(EXIT_USAGE, `--base-url "${values['base-url']}" is not an http(s) URL (e.g. http://127.0.0.1:11434 or https://api.openai.com/v1)`);
  }
  const given = oneFile(positionals, HELP);
  if (typeof given !== 'string') return fail(EXIT_USAGE, given.error);
  if (values['dataset-format'] && !getFormat(values['dataset-format'])) return fail(EXIT_USAGE, `unknown --dataset-format "${values['dataset-format']}"`);

  const file = path.resolve(io.cwd, given);
  const shown = path.relative(io.cwd, file) || file;
  const out = path.resolve(io.cwd, values.out!);
  const outShown = path.relative(io.cwd, out) || out;
  if (out === file) return fail(EXIT_USAGE, `--out ${outShown} is the dataset itself: choose another results file`);
  try {
    await checkReadable(file, shown);
  } catch (e) {
    return fail(EXIT_USAGE, e instanceof Error ? e.message : String(e));
  }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(out, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(EXIT_USAGE, `cannot write ${outShown}: ${code === 'ENOENT' ? 'its folder does not exist' : code ?? String(e)}`);
  }

  const apiKey = io.env.INSTRUCT_STUDIO_API_KEY || io.env.OPENAI_API_KEY || undefined;
  const endpoint: ModelEndpoint = { provider, baseUrl: baseUrl.href.replace(/\/+$/, ''), apiKey: provider === 'openai-compatible' ? apiKey : undefined, timeoutMs: timeout as number };
  const stop = new AbortController();
  const interrupted = () => io.signal?.aborted === true;
  const onInterrupt = () => stop.abort();
  io.signal?.addEventListener('abort', onInterrupt, { once: true });
  const firstErrors = new Map<string, { record: number; message: string }>();
  let fatal: EvalResult | undefined;
  let answered = 0;
  let lastProgress = 0;
  const progress = (p: BatchProgress, force = false) => {
    if (!io.stderrTTY || (!force && Date.now() - lastProgress < 200)) return;
    lastProgress = Date.now();
    io.stderr(`\r\u001b[K${p.done}${limit ? `/${limit}` : ''} records, ${p.errors} error${p.errors === 1 ? '' : 's'}${p.retrying ? `, ${p.retrying} waiting to retry` : ''}`);
  };
  let summary: EvalSummary;
  let inputError: unknown;
  const records = (async function* () {
    try {
      yield* datasetRecords(file, shown);
    } catch (e) {
      inputError = e;
      stop.abort();
    }
  })();
  try {
    summary = await runBatchEvaluation(records, {
      endpoint, model: values.model!, temperature, maxTokens: maxTokens as number | undefined, concurrency: concurrency as number,
      retries: retries as number, limit: limit as number | undefined, format: values['dataset-format'], signal: stop.signal,
      countTokens: (t) => countTokens(t),
      onProgress: (p) => progress(p),
      onResult: async (r) => {
        await handle.write(JSON.stringify(r) + '\n');
        if (!r.error) answered++;
        else {
          if (!firstErrors.has(r.error.kind)) firstErrors.set(r.error.kind, { record: r.record, message: r.error.message });
          if (!answered && !fatal && FATAL.has(r.error.kind)) {
            fatal = r;
            stop.abort();
          }
        }
      },
    });
  } catch (e) {
    if (e instanceof BatchError) return fail(EXIT_USAGE, e.message);
    return fail(EXIT_USAGE, `cannot write ${outShown}: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`);
  } finally {
    io.signal?.removeEventListener('abort', onInterrupt);
    await handle.close().catch(() => {});
    if (io.stderrTTY) io.stderr('\r\u001b[K');
  }
  if (inputError) return fail(EXIT_USAGE, inputError instanceof DatasetFileError ? inputError.message : String(inputError));
  summary = { ...summary, cancelled: summary.cancelled && interrupted() };
  const ctx = { shown, out: outShown, model: values.model!, provider, firstErrors };
  if (values.format === 'json') {
    io.stdout(JSON.stringify({
      version: 1, file: shown, out: outShown, provider, model: values.model, ...summary,
      ...(fatal ? { stopped: fatal.error!.message } : {}),
      firstErrors: Object.fromEntries(firstErrors),
    }) + '\n');
  } else {
    io.stdout(formatSummary(summary, ctx));
  }
  if (fatal) {
    io.stderr(`instruct-studio eval: stopped at record ${fatal.record}: ${fatal.error!.message} (every request would fail the same way)\n`);
    return EXIT_USAGE;
  }
  if (interrupted()) return EXIT_INTERRUPTED;
  return summary.errors ? EXIT_PROBLEMS : EXIT_OK;
}
