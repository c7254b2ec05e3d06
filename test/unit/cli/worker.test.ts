// The built CLI (bin/instruct-lint.js → dist/cli.js) lints in a heap-limited worker thread; a run that needs
// more heap than the limit must still finish with the complete, correct result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const built = existsSync(join(root, 'dist', 'lintWorker.js'));

test('a lint that outgrows the worker heap limit runs again without it and reports every finding', { skip: !built && 'dist/ is not built (npm run build)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'instruct-lint-worker-'));
  const file = join(dir, 'spaces.jsonl');
  // 40 000 records, each with two fields that start and end with a space: 80 000 findings with fixes
  const lines: string[] = [];
  for (let i = 0; i < 40_000; i++) lines.push(JSON.stringify({ instruction: ` Say ${i} `, input: '', output: `Answer ${i} ` }));
  writeFileSync(file, lines.join('\n') + '\n');
  const run = (env: Record<string, string>) => spawnSync(process.execPath, [join(root, 'bin', 'instruct-lint.js'), '--format', 'json', file], { env: { ...process.env, ...env }, maxBuffer: 1 << 28, encoding: 'utf8' });
  const limited = run({ INSTRUCT_STUDIO_LINT_HEAP_MB: '12' });
  assert.equal(limited.status, 0, limited.stderr);
  assert.match(limited.stderr, /needs more than 12 MB of heap: linting again without the limit/);
  const report = JSON.parse(limited.stdout);
  assert.equal(report.files.length, 1);
  assert.equal(report.files[0].records, 40_000);
  assert.equal(report.files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'DS011').length, 80_000);
  // the normal run (512 MB limit) gives the same report, without the retry
  const normal = run({});
  assert.equal(normal.status, 0, normal.stderr);
  assert.doesNotMatch(normal.stderr, /linting again/);
  assert.deepEqual(JSON.parse(normal.stdout), report);
});
