// npm run bench: runs every bench/*.bench.ts (through tsx) one after the other. BENCH_FILTER=name runs a subset.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const filter = process.env.BENCH_FILTER;
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f}`);
  // the 1 M-line incremental case holds the whole document's lint state: give the benchmarks room
  const r = spawnSync(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
