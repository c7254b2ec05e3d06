/**
 * Foundation benchmark: MB/s of a bare JSON.parse-per-line loop (the baseline), of format + schema
 * validation (DS003), and of all DS rules through the streaming linter, on a ≥ 100 MB Alpaca-like file;
 * then the CLI's peak RSS on a 1 GB file. Targets: ≥ 0.5 and ≥ 0.25 of the baseline; < 200 MB RSS.
 * BENCH_BREAKDOWN=1 also prints what each DS rule costs on its own (its run minus a run with no rules).
 */
import { readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createStreamingLinter } from '../src/core/lint';
import { splitLines } from '../src/core/jsonl/lines';
import { datasetRules } from '../src/core/rules/dataset/index';
import { ensureFile } from './gen';

/** CPU seconds (user + system, all threads of this process) of fn: stable on a machine shared with other jobs, unlike wall time. */
function time(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
}

async function main() {
  const mb = Number(process.env.BENCH_MB ?? 100);
  const path = await ensureFile(mb);
  const size = statSync(path).size / 1e6;
  const { lines } = splitLines(readFileSync(path, 'utf8'));
  // best of several runs each (the first run of anything also pays for JIT warm-up)
  const best = (n: number, fn: () => number) => Math.min(...Array.from({ length: n }, fn));
  const bare = best(3, () => time(() => { for (const l of lines) JSON.parse(l); }));
  const run = (rules: typeof datasetRules) => time(() => {
    // sizeBytes as the CLI passes it: the duplicate indexes are sized once instead of growing
    const s = createStreamingLinter({ rules, path, sizeBytes: statSync(path).size });
    for (const l of lines) s.pushLine(l);
    s.finish();
  });
  const schema = best(3, () => run(datasetRules.filter((r) => r.id === 'DS003')));
  const all = best(2, () => run(datasetRules));
  const row = (name: string, secs: number) => `| ${name} | ${(size / secs).toFixed(0)} MB/s | ${(bare / secs).toFixed(2)} |`;
  console.log(`\n### Lint throughput (${size.toFixed(0)} MB, ${lines.length.toLocaleString('en-US')} records)\n`);
  console.log('| pass | throughput | ratio to JSON.parse loop |\n|---|---|---|');
  console.log(row('bare JSON.parse per line (baseline)', bare));
  console.log(row('format + schema (DS003)', schema) + ' target ≥ 0.50');
  console.log(row(`all ${datasetRules.length} DS rules`, all) + ' target ≥ 0.25');
  if (process.env.BENCH_BREAKDOWN === '1') {
    // each rule alone, minus a pass with no rules (parse + engine): what it costs on its own (a rule that is the
    // first to ask for a record's text fields pays for extracting them, which the full run does once)
    const none = best(3, () => run([]));
    console.log(`\n### Cost of each rule on its own (no rules: ${(none * 1000).toFixed(0)} ms, all rules: ${(all * 1000).toFixed(0)} ms)\n`);
    console.log('| rule | ms | µs per record |\n|---|---|---|');
    for (const r of datasetRules) {
      const ms = (best(2, () => run([r])) - none) * 1000;
      console.log(`| ${r.id} ${r.name} | ${ms.toFixed(0)} | ${((ms * 1000) / lines.length).toFixed(2)} |`);
    }
  }
  if (process.env.BENCH_RSS_MB !== '0') {
    const big = await ensureFile(Number(process.env.BENCH_RSS_MB ?? 1000));
    const cli = join(__dirname, '..', 'dist', 'cli.js');
    // the CLI runs in a child process that prints its own peak RSS when it exits
    const script = `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n')); require(${JSON.stringify(cli)}).run(['lint', '--format', 'json', ${JSON.stringify(big)}]);`;
    const r = spawnSync(process.execPath, ['-e', script], { maxBuffer: 1 << 30 });
    const maxRSSkB = Number(/MAXRSS (\d+)/.exec(r.stderr.toString())?.[1] ?? NaN);
    console.log(`\nCLI on ${(statSync(big).size / 1e6).toFixed(0)} MB: peak RSS ${(maxRSSkB / 1024).toFixed(0)} MB (target < 200 MB)`);
  }
}

void main();
