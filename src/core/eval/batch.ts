/**
 * Batch evaluation: ask a model each record's prompt with a bounded number of requests in flight,
 * retry 429 / 5xx / timeouts with backoff, compare answers, and hand every result to `onResult` in
 * record order as soon as it and the ones before it are done. Records are pulled from the input only
 * when a slot is free, so a big file is never held in memory; results are not kept either.
 */
import { chat as httpChat, withRetries } from '../model/client';
import { ModelError } from '../model/types';
import { getFormat } from '../formats/registry';
import type { Format } from '../types';
import { exactMatchOf, finalAnswerOf, finalMatchOf } from './answers';
import { recordPrompt } from './prompt';
import { SummaryBuilder } from './summary';
import type { BatchOptions, ChatFunction, EvalRecord, EvalResult, EvalSummary } from './types';

/** How far ahead of the oldest unfinished record the runner may start new ones (bounds the reorder buffer). */
const WINDOW_PER_SLOT = 16;

export class BatchError extends Error {}

function chatFunction(options: BatchOptions): ChatFunction {
  if (options.chat) return options.chat;
  const ep = options.endpoint;
  if (!ep) throw new BatchError('runBatchEvaluation needs an endpoint or a chat function');
  return (req, onDelta, o) => httpChat(ep, req, onDelta, o);
}

async function* asAsync<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* items as AsyncIterable<T>;
}

export async function runBatchEvaluation(records: Iterable<EvalRecord> | AsyncIterable<EvalRecord>, options: BatchOptions): Promise<EvalSummary> {
  const ask = chatFunction(options);
  let format: Format | undefined;
  if (options.format && options.format !== 'auto') {
    format = getFormat(options.format);
    if (!format) throw new BatchError(`unknown dataset format "${options.format}"`);
  }
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const window = Math.max(64, concurrency * WINDOW_PER_SLOT);
  const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  // a server may quote the key it refused: never let it reach a results file or a log
  const key = options.endpoint?.apiKey;
  const redact = (message: string) => (key && key.length >= 4 ? message.split(key).join('[API key]') : message);
  const summary = new SummaryBuilder();
  const progress = { done: 0, started: 0, errors: 0, retrying: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const inflight = new Set<Promise<void>>();
  const finished = new Map<number, EvalResult | null>(); // null: cancelled, nothing to write
  let nextToFlush = 0;
  let flushing: Promise<void> = Promise.resolve();
  let writeError: unknown;
  let inputError: unknown;

  const flush = (): Promise<void> => {
    flushing = flushing.then(async () => {
      while (finished.has(nextToFlush)) {
        const r = finished.get(nextToFlush)!;
        finished.delete(nextToFlush);
        nextToFlush++;
        if (!r || writeError !== undefined) continue;
        summary.add(r);
        try {
          await options.onResult?.(r);
        } catch (e) {
          writeError = e;
          stop.abort();
        }
      }
    });
    return flushing;
  };

  const evaluate = async (rec: EvalRecord): Promise<EvalResult | null> => {
    const p = recordPrompt(rec, format);
    if (!p.ok) return { record: rec.line, prompt: [], finalAnswers: {}, match: null, exactMatch: null, retries: 0, error: { kind: 'record', message: p.message } };
    const datasetFinal = finalAnswerOf(p.expected);
    const onDelta = options.onDelta ? (text: string) => options.onDelta!(rec.line, text) : () => {};
    const base: EvalResult = { record: rec.line, prompt: p.messages, datasetAnswer: p.expected, finalAnswers: { dataset: datasetFinal }, match: null, exactMatch: null, retries: 0 };
    try {
      const answer = await withRetries(
        () => ask({ messages: p.messages, model: options.model, temperature: options.temperature, maxTokens: options.maxTokens }, onDelta, { signal: stop.signal }),
        {
          retries: options.retries ?? 3,
          baseDelayMs: options.baseDelayMs,
          signal: stop.signal,
          sleep: options.sleep,
          onRetry: (attempt) => {
            if (!base.retries) progress.retrying++;
            base.retries = attempt;
            report();
          },
        },
      ).finally(() => {
        if (base.retries) progress.retrying--;
      });
      const modelFinal = finalAnswerOf(answer.text);
      let tokens: EvalResult['tokens'];
      if (answer.usage && (answer.usage.promptTokens !== undefined || answer.usage.completionTokens !== undefined)) tokens = { prompt: answer.usage.promptTokens, completion: answer.usage.completionTokens };
      else if (options.countTokens) tokens = { prompt: options.countTokens(p.messages.map((m) => m.content).join('\n')), completion: options.countTokens(answer.text), estimated: true };
      return {
        record: rec.line,
        prompt: p.messages,
        datasetAnswer: p.expected,
        modelAnswer: answer.text,
        finalAnswers: { dataset: datasetFinal, model: modelFinal },
        match: finalMatchOf(datasetFinal, modelFinal, true),
        exactMatch: exactMatchOf(p.expected, answer.text),
        latencyMs: answer.latencyMs,
        tokens,
        retries: base.retries,
        finishReason: answer.finishReason,
      };
    } catch (e) {
      if (stop.signal.aborted) return null;
      const kind = e instanceof ModelError ? e.kind : 'other';
      return { ...base, error: { kind, message: redact(e instanceof Error ? e.message : String(e)) } };
    }
  };

  const input = asAsync(records);
  let seq = 0;
  try {
    while (!stop.signal.aborted && seq < limit) {
      while (inflight.size >= concurrency || seq >= nextToFlush + window) {
        if (inflight.size) await Promise.race(inflight);
        else await flushing;
      }
      if (stop.signal.aborted) break;
      let item: IteratorResult<EvalRecord>;
      try {
        item = await input.next();
      } catch (e) {
        // the input failed (file unreadable mid-way): finish what is in flight, then report it
        inputError = e;
        break;
      }
      if (item.done) break;
      const s = seq++;
      progress.started++;
      const task: Promise<void> = evaluate(item.value).then((r) => {
        inflight.delete(task);
        finished.set(s, r);
        if (r) {
          progress.done++;
          if (r.error) progress.errors++;
        }
        report();
        void flush();
      });
      inflight.add(task);
    }
    await Promise.all(inflight);
    await flush();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await input.return(undefined);
  }
  if (writeError !== undefined) throw writeError;
  if (inputError !== undefined) throw inputError;
  return summary.build(options.signal?.aborted === true);
}
