/**
 * Dataset editor: open-to-first-rows on a generated ~100 MB JSONL file, through the host's row model (the same
 * code the editor runs on VS Code's TextDocument). Prints the time to detect the format and produce the first
 * 100 rows, against a same-run baseline that parses every line up front (what an eager editor would do), plus
 * a full-file search in time slices.   npx tsx bench/editor-open.bench.ts [MB]
 */
import { RowModel, filterLines } from '../src/core/edit/rowModel';

const targetMb = Number(process.argv[2] ?? 100);
const words = 'the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part'.split(' ');
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');

function generate(): string[] {
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetMb * 1e6; i++) {
    const line = JSON.stringify({ instruction: sentence(12) + '?', input: i % 3 ? '' : sentence(20), output: `${sentence(40)}\n${sentence(30)}\n#### ${i}` });
    lines.push(line);
    bytes += line.length + 1;
  }
  return lines;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const lines = generate();
  const genMs = performance.now() - t0;
  const mb = lines.reduce((n, l) => n + l.length + 1, 0) / 1e6;
  const src = { lineCount: lines.length + 1, lineText: (i: number) => (i < lines.length ? lines[i] : '') };
  console.log(`editor-open: ${lines.length.toLocaleString()} lines, ${mb.toFixed(1)} MB (generated in ${genMs.toFixed(0)} ms)`);

  // the dataset editor: detect + columns + the first screen (100 rows)
  const t1 = performance.now();
  const model = new RowModel(src);
  const rows = [];
  for (let i = 0; i < 100; i++) rows.push(model.row(i));
  const openMs = performance.now() - t1;

  // a scroll to the middle: one window of 100 rows
  const t2 = performance.now();
  const mid = Math.floor(lines.length / 2);
  for (let i = mid; i < mid + 100; i++) model.row(i);
  const scrollMs = performance.now() - t2;

  // baseline: parse every line up front (an eager editor)
  const t3 = performance.now();
  let parsed = 0;
  for (const l of lines) if (JSON.parse(l)) parsed++;
  const eagerMs = performance.now() - t3;

  // full-file search in slices (the host stays responsive between slices)
  const t4 = performance.now();
  let slices = 0;
  const found = await filterLines(model.rowCount, (i) => model.matches(i, '#### 4242', ''), { onProgress: () => slices++ });
  const searchMs = performance.now() - t4;

  console.log(`  format: ${model.formatInfo?.label}; columns: ${model.columns().map((c) => c.label).join(', ')}`);
  console.log(`  open to first 100 rows:   ${openMs.toFixed(1)} ms`);
  console.log(`  window of 100 rows (mid): ${scrollMs.toFixed(1)} ms`);
  console.log(`  baseline, parse all ${parsed.toLocaleString()} lines: ${eagerMs.toFixed(0)} ms  (open is ${(eagerMs / openMs).toFixed(0)}x faster)`);
  console.log(`  full search: ${found?.length} match(es) in ${searchMs.toFixed(0)} ms over ${slices} slices (${((mb / searchMs) * 1000).toFixed(0)} MB/s)`);
  console.log(`  heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB (the lines themselves: ~${(mb * 2).toFixed(0)} MB as UTF-16)`);
}

void main();
