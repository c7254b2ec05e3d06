/**
 * Live diagnostics cost: a single-line edit in a 1 M-line document through IncrementalLinter
 * (applyChanges + result(), what the extension does per keystroke) vs a full pass over the same text.
 * Targets: p95 < 5 ms and ≥ 100× cheaper than the full pass.
 */
import { IncrementalLinter } from '../src/core/lint';

const N = Number(process.env.BENCH_LINES ?? 1_000_000);
const lines: string[] = [];
for (let i = 0; i < N; i++) lines.push(JSON.stringify({ instruction: `Task ${i}: add ${i} and ${i + 1}.`, input: '', output: `${i} + ${i + 1} = ${2 * i + 1}.` }));
const text = lines.join('\n') + '\n';

const linter = new IncrementalLinter({ path: 'bench.jsonl' });
let t = process.hrtime.bigint();
linter.resetSync(text);
linter.result();
const full = Number(process.hrtime.bigint() - t) / 1e6;

const samples: number[] = [];
for (let k = 0; k < 300; k++) {
  const line = Math.floor((k * 7919) % N);
  // a keystroke: one character typed inside the output, then (every 10th edit) a broken record
  const edited = k % 10 === 0 ? lines[line].slice(0, -2) : lines[line].replace('.', '!.');
  t = process.hrtime.bigint();
  linter.applyChanges([{ startLine: line, deleteCount: 1, lines: [edited] }]);
  linter.result();
  samples.push(Number(process.hrtime.bigint() - t) / 1e6);
}
samples.sort((a, b) => a - b);
const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
console.log(`\n### Incremental linting (${N.toLocaleString('en-US')} lines, ${(text.length / 1e6).toFixed(0)} MB)\n`);
console.log('| measure | time | ratio |\n|---|---|---|');
console.log(`| full pass (resetSync + result) | ${full.toFixed(0)} ms | 1 |`);
console.log(`| single-line edit p50 | ${p(0.5).toFixed(2)} ms | ${(full / p(0.5)).toFixed(0)}× cheaper |`);
console.log(`| single-line edit p95 | ${p(0.95).toFixed(2)} ms | ${(full / p(0.95)).toFixed(0)}× cheaper (target p95 < 5 ms, ≥ 100×) |`);
