#!/usr/bin/env node
// Runs the extension's mocha suites inside a real VS Code extension host (code-server, offline), with headless
// Chromium as the window. Builds nothing: `npm run test:exthost` builds first.
//
//   node test/harness/run-exthost.mjs [--vsix FILE] [--grep TEXT] [--workspace DIR] [--timeout MS] [--verbose]
//
// Loads the extension from the repo (extensionDevelopmentPath), or with --vsix installs that package into a fresh
// extensions dir and runs the suites against the installed copy. Suites: dist/test/exthost/index.js.
// Workspace: a copy of test/fixtures/workspace. Prints the mocha output, then a last line `N passed, M failed`
// (`, K skipped` when any); exits non-zero when a test failed, none ran, or the run timed out.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from './paths.mjs';
import { launchBrowser, startVSCode } from './vscode.mjs';

const { values: opt } = parseArgs({ options: {
  vsix: { type: 'string' }, grep: { type: 'string' }, workspace: { type: 'string' },
  timeout: { type: 'string' }, verbose: { type: 'boolean', default: false },
} });
const started = Date.now();
const tests = join(REPO, 'dist', 'test', 'exthost', 'index.js');
if (!existsSync(tests)) { console.error(`${tests} is missing: run \`npm run build\` first`); process.exit(1); }
if (opt.vsix && !existsSync(opt.vsix)) { console.error(`no such .vsix: ${opt.vsix}`); process.exit(1); }
const limit = Number(opt.timeout ?? process.env.INSTRUCT_STUDIO_VSCODE_TIMEOUT_MS ?? 180_000);

const START_LIMIT = Math.min(limit, 90_000);

/** A minimal extension folder to serve as the development host's extension (no code, no contributions). */
function placeholderExtension(tmp) {
  const dir = join(tmp, 'placeholder-extension');
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'instruct-studio-test-host', publisher: 'instruct-studio', version: '0.0.0', engines: { vscode: '^1.90.0' },
  }));
  return dir;
}

let out = '';
// The page log mixes the workbench's own messages with the extension host's console: show the lines between the
// suites' start and end markers as they come, keep the rest for --verbose and for failures.
let phase = 'before';
const onLog = (s) => {
  out += `${s}\n`;
  if (s.startsWith('[instruct-studio-tests] start')) { phase = 'tests'; return; }
  if (s.startsWith('[instruct-studio-tests] end')) { phase = 'after'; return; }
  if (phase === 'tests' || opt.verbose) console.log(s);
};
let vs;
let browser;
let code;
try {
  vs = await startVSCode({
    workspace: resolve(opt.workspace ?? join(REPO, 'test', 'fixtures', 'workspace')),
    vsix: opt.vsix && resolve(opt.vsix),
    // a test-only extension registers a chat model through VS Code's provider API (proposed in 1.100), for the
    // vscode-lm adapter's suite (test/exthost/vscodeLm.test.ts)
    extensions: [join(REPO, 'test', 'fixtures', 'lm-provider')],
    env: { ...(opt.grep ? { INSTRUCT_STUDIO_TEST_GREP: opt.grep } : {}) },
  });
  browser = await launchBrowser(vs.tmp, { onLog });
  // VS Code runs extensionTestsPath only in an extension development host. With --vsix the extension under test
  // comes from the extensions dir, so the development path is an empty placeholder extension (the repo would
  // shadow the installed copy).
  const devPath = opt.vsix ? placeholderExtension(vs.tmp) : REPO;
  const payload = [['extensionDevelopmentPath', vs.remote(devPath)], ['extensionTestsPath', vs.remote(tests)]];
  await browser.page.goto(vs.url(payload));
  let timer;
  let startTimer;
  code = await Promise.race([
    browser.exitCode, vs.hostExit,
    vs.serverExit.then((c) => `code-server exited (${c})`),
    new Promise((r) => { timer = setTimeout(() => r('timeout'), limit); }),
    // fail fast when the suites never start (extension host or test loading broken)
    new Promise((r) => { startTimer = setTimeout(() => { if (phase === 'before') r(`the suites did not start within ${START_LIMIT} ms`); }, START_LIMIT); }),
  ]);
  clearTimeout(timer);
  clearTimeout(startTimer);
} catch (e) {
  code = `harness error: ${e.message}`;
} finally {
  await browser?.close();
  await vs?.stop();
}
const serverLog = vs?.log().trim() ?? '';
const finished = /\[instruct-studio-tests\] end /.test(out);
// the suites never reported: show everything that may say why (test failures alone don't need it)
if (!finished && !opt.verbose) console.log(`--- workbench log ---\n${out.trim()}\n--- code-server log ---\n${serverLog}\n---`);
else if (opt.verbose) console.log(`--- code-server log ---\n${serverLog}\n---`);

// the suites' index prints a JSON summary; fall back to mocha's own "N passing / N failing" lines
const summary = /\[instruct-studio-tests\] end (\{.*\})/.exec(out);
const num = (re) => Number(re.exec(out)?.[1] ?? 0);
let { passed, failed, pending } = summary ? JSON.parse(summary[1]) : { passed: num(/(\d+) passing/), failed: num(/(\d+) failing/), pending: num(/(\d+) pending/) };
const noTests = finished && passed === 0 && failed === 0;
if (code === 'timeout') console.log(`the test run did not finish within ${limit} ms`);
else if (typeof code === 'string') console.log(code);
else if (noTests) console.log(`no test ran${opt.grep ? ` (--grep ${opt.grep} matched none)` : ''}`);
else if (code !== 0 && failed === 0) console.log(`the extension host exited with code ${code} before reporting`);
// the run itself failed: count it, so that the last line never reads "0 failed" for a broken run
if (code !== 0 && failed === 0 && !noTests) failed = 1;
console.log(`exthost run took ${((Date.now() - started) / 1000).toFixed(1)} s${opt.vsix ? ` (installed from ${opt.vsix})` : ''}`);
console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
