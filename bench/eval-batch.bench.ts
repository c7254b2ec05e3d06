/**
 * Batch evaluation overhead: records/s of runBatchEvaluation over a streamed JSONL file with an instant
 * model (the chat function answers at once) writing the results JSONL, against a baseline measured in the
 * same run: the same file streamed through readLines + JSON.parse. Then peak RSS of the runner on a file
 * and on one four times larger: memory must not grow with the file (results are streamed, never kept).
 * Targets: throughput ≥ 0.10 of the baseline (each record is also converted, compared and written);
 * peak RSS on the 4× file ≤ 1.25 × the 1× one.
 */
import { createReadStream, promises as fs, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatchEvaluation, evalRecordsFromLines } from '../src/core/eval/index';
import { readLines } from '../src/core/jsonl/readLines';
import { ensureFile } from './gen';

async function baseline(file: string): Promise<number> {
  let n = 0;
  for await (const line of readLines(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    if (line.trim()) {
      JSON.parse(line);
      n++;
    }
  }
  return n;
}

async function evaluate(file: string): Promise<number> {
  const out = await fs.open(join(tmpdir(), `eval-bench-${process.pid}.jsonl`), 'w');
  try {
    const summary = await runBatchEvaluation(evalRecordsFromLines(readLines(createReadStream(file, { highWaterMark: 1 << 20 }))), {
      model: 'instant', concurrency: 8,
      chat: async (req) => ({ text: `The answer is ${req.messages.length}.`, latencyMs: 0, usage: { promptTokens: 10, completionTokens: 5 } }),
      onResult: async (r) => { await out.write(JSON.stringify(r) + '\n'); },
    });
    return summary.records;
  } finally {
    await out.close();
    await fs.rm(join(tmpdir(), `eval-bench-${process.pid}.jsonl`), { force: true });
  }
}

async function timed(fn: () => Promise<number>): Promise<{ secs: number; n: number }> {
  const t = process.hrtime.bigint();
  const n = await fn();
  return { secs: Number(process.hrtime.bigint() - t) / 1e9, n };
}

function childRss(file: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', file], { encoding: 'utf8' });
  return Number(/MAXRSS (\d+)/.exec(r.stdout)?.[1] ?? NaN) / 1024;
}

async function main() {
  if (process.argv[2] === '--child') {
    await evaluate(process.argv[3]);
    process.stdout.write(`MAXRSS ${process.resourceUsage().maxRSS}\n`);
    return;
  }
  const mb = Number(process.env.BENCH_EVAL_MB ?? 25);
  const small = await ensureFile(mb);
  const large = await ensureFile(mb * 4);
  const base = await timed(() => baseline(small));
  const run = await timed(() => evaluate(small));
  const rate = (x: { secs: number; n: number }) => Math.round(x.n / x.secs);
  console.log(`\n### Batch evaluation overhead (${(statSync(small).size / 1e6).toFixed(0)} MB, ${base.n.toLocaleString('en-US')} records, instant model, concurrency 8)\n`);
  console.log('| pass | records/s | ratio to baseline |\n|---|---|---|');
  console.log(`| readLines + JSON.parse (baseline) | ${rate(base).toLocaleString('en-US')} | 1.00 |`);
  console.log(`| runBatchEvaluation + results JSONL | ${rate(run).toLocaleString('en-US')} | ${(base.secs / run.secs).toFixed(2)} | target ≥ 0.10`);
  const rss1 = childRss(small);
  const rss4 = childRss(large);
  console.log(`\nPeak RSS: ${rss1.toFixed(0)} MB on ${(statSync(small).size / 1e6).toFixed(0)} MB, ${rss4.toFixed(0)} MB on ${(statSync(large).size / 1e6).toFixed(0)} MB: ratio ${(rss4 / rss1).toFixed(2)} (target ≤ 1.25)`);
}

void main();
