// Entry point VS Code calls inside the extension host (extensionTestsPath = dist/test/exthost/index.js):
// runs every dist/test/exthost/**/*.test.js with mocha (bdd, spec reporter, no colour).
//
// Mocha is not bundled: it is loaded from $INSTRUCT_STUDIO_MOCHA (the harness sets it to the copy in its cache
// folder; the extension host inherits code-server's environment; test/harness/electron.mjs sets it to the
// project's node_modules/mocha), falling back to a normal `require('mocha')`.
// Optional $INSTRUCT_STUDIO_TEST_GREP runs only the tests whose full title matches.
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type MochaType from 'mocha';

/** Prefix of the machine-readable summary line the runners read. */
export const SUMMARY_PREFIX = '[instruct-studio-tests]';

function findTests(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return findTests(p);
    return name.endsWith('.test.js') ? [p] : [];
  });
}

export function run(): Promise<void> {
  const load = createRequire(__filename);
  const Mocha = load(process.env.INSTRUCT_STUDIO_MOCHA || 'mocha') as typeof MochaType;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  if (process.env.INSTRUCT_STUDIO_TEST_GREP) mocha.grep(process.env.INSTRUCT_STUDIO_TEST_GREP);
  const files = findTests(__dirname);
  for (const f of files) mocha.addFile(f);
  // the runners show the extension host's output from here on (the workbench's own log comes before)
  console.log(`${SUMMARY_PREFIX} start ${JSON.stringify({ files: files.length })}`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        const summary = { files: files.length, passed: s?.passes ?? 0, failed: failures, pending: s?.pending ?? 0 };
        console.log(`${SUMMARY_PREFIX} end ${JSON.stringify(summary)}`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (summary.passed === 0) reject(new Error(`no test ran (${files.length} test files found)`));
        else resolve();
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
