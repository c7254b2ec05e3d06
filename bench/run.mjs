// npm run bench: runs every bench/*.bench.ts one after the other. BENCH_FILTER=name runs a subset.
// `node bench/run.mjs some-file.ts [args]` runs one benchmark script (bench:cot-speed, bench:cot-accuracy).
// Each script is first bundled with esbuild the way the product is (dist/ is built the same way), so the
// figures are those of the shipped code: tsx's per-module output reaches every import through a getter,
// which costs the hot loops 10-30 %. The bundle goes next to its source (bench/.name.bundle.cjs, ignored
// by git) so that paths relative to __dirname stay what they are in the sources.
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

const dir = new URL('.', import.meta.url).pathname;
const [single, ...args] = process.argv.slice(2);
const filter = process.env.BENCH_FILTER;
const files = single ? [single.replace(/^bench\//, '')] : readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
let failed = 0;
for (const f of files) {
  if (!single) console.log(`\n## ${f}`);
  const out = join(dir, `.${basename(f, '.ts')}.bundle.cjs`);
  buildSync({ entryPoints: [join(dir, f)], outfile: out, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], sourcemap: 'inline', logLevel: 'warning' });
  // the 1 M-line incremental case holds the whole document's lint state: give the benchmarks room
  const r = spawnSync(process.execPath, ['--max-old-space-size=12000', '--enable-source-maps', out, ...args], { stdio: 'inherit' });
  rmSync(out, { force: true });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
