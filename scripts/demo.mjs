#!/usr/bin/env node
// `npm run demo`: VS Code with Instruct Studio loaded, in your browser, offline.
// Installs what is missing (npm dependencies, then the VS Code test route: code-server and friends in a cache
// folder, see test/harness/install.mjs), builds, starts code-server on a temporary copy of demo/ (plus
// shared-datasets/ -> ../shared/datasets when that folder exists) and prints the URL to open. Ctrl-C or SIGTERM stop
// it and remove the temporary copy.
//
//   node scripts/demo.mjs [--port N] [--open] [--workspace DIR]
//
// --open launches a browser (xdg-open / open) when there is a display; without one it only prints the URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const repo = resolve(import.meta.dirname, '..');
const { values: opt } = parseArgs({ options: {
  port: { type: 'string' }, open: { type: 'boolean', default: false }, workspace: { type: 'string' },
} });
const step = (what, args) => {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) { console.error(`[demo] ${what} failed`); process.exit(r.status ?? 1); }
  return Date.now() - t0;
};
step('installing npm dependencies', ['scripts/ensure-deps.mjs']);
step('installing VS Code (code-server) and Chromium tools', ['test/harness/install.mjs']);
const buildMs = step('building', ['esbuild.mjs']);
console.log(`[demo] built in ${(buildMs / 1000).toFixed(1)} s`);

// imported only now: the harness checks at start that its tools are installed
const { startVSCode } = await import('../test/harness/vscode.mjs');
const datasets = resolve(repo, '..', 'shared', 'datasets');
const vs = await startVSCode({
  workspace: resolve(opt.workspace ?? join(repo, 'demo')),
  links: existsSync(datasets) ? { 'shared-datasets': datasets } : {},
  host: 'localhost',
  port: opt.port ? Number(opt.port) : undefined,
});
const url = vs.url([['extensionDevelopmentPath', vs.remote(repo)]]);
console.log(`
Instruct Studio demo is running (VS Code ${'1.100.3'} via code-server, extension loaded from ${repo}).
Open this URL in Chrome, Edge or Firefox:

  ${url}

The workspace is a temporary copy of ${opt.workspace ?? 'demo/'}${existsSync(datasets) ? ' with shared-datasets/ linked in' : ''}; edits are discarded on exit.
Press Ctrl-C to stop.`);

if (opt.open) {
  const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) console.log('(--open: no display here, so no browser was started; open the URL yourself)');
  else {
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', (e) => console.log(`(--open: ${opener} failed: ${e.message})`)).unref();
  }
}

// Ctrl-C / SIGTERM are handled by the harness (graceful stop, then exit); here only a dying server ends the demo
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { stopping = true; });
const code = await vs.serverExit;
if (stopping) await new Promise(() => {}); // the harness exits once everything is stopped
console.error(`[demo] code-server exited (${code}); last log lines:\n${vs.log().trim().split('\n').slice(-15).join('\n')}`);
await vs.stop();
process.exit(1);
