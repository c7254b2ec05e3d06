#!/usr/bin/env node
// Runs the same extension-host suites (dist/test/exthost/index.js) in VS Code desktop through @vscode/test-electron,
// for machines WITH internet: runTests downloads VS Code (stable, or $VSCODE_VERSION) into .vscode-test/ first.
// Offline this fails with ENOTFOUND; use `npm run test:exthost` (code-server, test/harness/run-exthost.mjs) there.
//
//   npm run test:electron          (builds first)
//
// Mocha comes from the project's node_modules here; the suites' index reads its path from $INSTRUCT_STUDIO_MOCHA.
import { mkdtempSync, rmSync, cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO } from './paths.mjs';

const require = createRequire(join(REPO, 'package.json'));
const tmp = mkdtempSync(join(tmpdir(), 'instruct-studio-electron-'));
const workspace = join(tmp, 'workspace');
cpSync(join(REPO, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
let code = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    // the second development extension registers a chat model for the vscode-lm tests (a proposed API in 1.100)
    extensionDevelopmentPath: [REPO, join(REPO, 'test', 'fixtures', 'lm-provider')],
    extensionTestsPath: join(REPO, 'dist', 'test', 'exthost', 'index.js'),
    extensionTestsEnv: { INSTRUCT_STUDIO_MOCHA: dirname(require.resolve('mocha/package.json')) },
    launchArgs: [workspace, '--disable-extensions', '--enable-proposed-api', 'instruct-studio-tests.fake-chat-model', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', join(tmp, 'user-data'), '--extensions-dir', join(tmp, 'extensions')],
  });
  code = 0;
} catch (e) {
  console.error(`VS Code desktop tests failed: ${e?.message ?? e}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(String(e?.message ?? e))) {
    console.error('(no internet: VS Code desktop cannot be downloaded; run `npm run test:exthost` instead)');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
