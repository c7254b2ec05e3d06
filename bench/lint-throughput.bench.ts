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

const PRECHECK = /@|\d{3}|sk-|AKIA|ASIA|gh[pousr]_|xox|AIza|-----BEGIN/;

/**
 * A lower bound for the DS rules, not a linter: per record only the work no implementation of these rules can
 * skip — the parse, one hash pass over every character of every text field (exact duplicates, conflicting
 * outputs and contamination must read every character), one native regex precheck per field for personal data
 * and keys, and one insert into each of three hash tables (records, prompts, prompt and output). No engine,
 * no format, no word splitting or MinHash, no schema, no findings. What it costs shows how much of the bare
 * loop's speed any full pass can keep.
 */
function skeleton(lines: string[]): number {
  // tables at half load for this file's records, as the duplicate indexes are sized from the file size
  const size = 2 ** Math.ceil(Math.log2(lines.length * 2));
  const tables = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  let hits = 0;
  for (const line of lines) {
    const v = JSON.parse(line) as Record<string, unknown>;
    let h = 0x811c9dc5;
    for (const k in v) {
      const t = v[k];
      if (typeof t !== 'string') continue;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
      if (PRECHECK.test(t)) hits++;
    }
    for (let j = 0; j < 3; j++) {
      const key = Math.imul(h, 2 * j + 1) | 1;
      const table = tables[j];
      let i = (Math.imul(key, 0x9e3779b1) >>> 0) & (size - 1);
      while (table[i] !== 0 && table[i] !== key) i = (i + 1) & (size - 1);
      table[i] = key;
    }
  }
  return hits;
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
  const floor = best(3, () => time(() => skeleton(lines)));
  const none = best(3, () => run([]));
  const all = best(2, () => run(datasetRules));
  const row = (name: string, secs: number) => `| ${name} | ${(size / secs).toFixed(0)} MB/s | ${(bare / secs).toFixed(2)} |`;
  console.log(`\n### Lint throughput (${size.toFixed(0)} MB, ${lines.length.toLocaleString('en-US')} records)\n`);
  console.log('| pass | throughput | ratio to JSON.parse loop |\n|---|---|---|');
  console.log(row('bare JSON.parse per line (baseline)', bare));
  console.log(row('format + schema (DS003)', schema) + ' target ≥ 0.50');
  console.log(row(`all ${datasetRules.length} DS rules`, all) + ' target ≥ 0.25');
  console.log(row('the engine with no rules (parse, records, batches)', none));
  console.log(row('floor: the least work the DS rules share, without the engine (see skeleton())', floor));
  // the two costs beyond the parse add up: what a full pass could reach at best
  console.log(`\nfloor + engine: ${(bare / (floor + none - bare)).toFixed(2)} of the bare loop, the most a full pass of these rules through this engine could keep`);
  if (process.env.BENCH_BREAKDOWN === '1') {
    // each rule alone, minus a pass with no rules (parse + engine): what it costs on its own (a rule that is the
    // first to ask for a record's text fields pays for extracting them, which the full run does once)
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
