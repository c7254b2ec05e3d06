#!/usr/bin/env node
// Runs the UI tests: every test/ui/*.ui.mjs (or those whose name contains one of the arguments), each file in its
// own fresh workbench (see lib.mjs for the file shape and the helpers). A failing test leaves a screenshot
// test/ui/screenshots/<file>--<test>--failure.png. Prints `N passed, M failed`; non-zero exit on any failure, when no
// test ran, or when a workbench could not start. Build first (`npm run test:ui` does).
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from '../harness/paths.mjs';
import { EXTENSION_ID, openWorkbench } from './lib.mjs';

const started = Date.now();
const filters = process.argv.slice(2);
const dir = join(REPO, 'test', 'ui');
const files = readdirSync(dir).filter((f) => f.endsWith('.ui.mjs') && (!filters.length || filters.some((x) => f.includes(x)))).sort();
const TEST_TIMEOUT = Number(process.env.INSTRUCT_STUDIO_UI_TIMEOUT_MS ?? 90_000);
let passed = 0;
let failed = 0;
const withTimeout = (p, ms, what) => {
  let timer;
  return Promise.race([p, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
};

for (const file of files) {
  const mod = await import(pathToFileURL(join(dir, file)).href);
  const tests = mod.default;
  const stem = basename(file, '.ui.mjs');
  console.log(`\n${file}`);
  if (!Array.isArray(tests) || !tests.length) { console.log('  ✘ exports no tests (export default [{ name, run }])'); failed++; continue; }
  let ui;
  try {
    ui = await openWorkbench(mod.options ?? {});
  } catch (e) {
    console.log(`  ✘ the workbench did not open: ${e.message}`);
    failed += tests.length;
    continue;
  }
  try {
    for (const t of tests) {
      const t0 = Date.now();
      try {
        await withTimeout(t.run(ui), t.timeout ?? TEST_TIMEOUT, `"${t.name}"`);
        passed++;
        console.log(`  ✔ ${t.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`  ✘ ${t.name}\n      ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
        try { console.log(`      screenshot: ${await ui.screenshot(`${stem}--${t.name}--failure`)}`); } catch { /* page gone */ }
        await ui.reset().catch(() => {});
      }
    }
    // a UI test can pass around an extension that failed to activate: make that a failure of its own
    const errors = ui.activationErrors();
    if (errors.length) {
      failed++;
      console.log(`  ✘ ${EXTENSION_ID} activated without errors\n      ${errors.join('\n      ')}`);
    }
  } finally {
    await ui.close();
  }
}
console.log(`\nui run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (!files.length) console.log(`no UI test files matched${filters.length ? ` ${filters.join(', ')}` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
