#!/usr/bin/env node
// Installs what the offline VS Code test route needs, idempotently (a second run is a no-op in well under a second):
//   apt (only what is missing): chromium (the window), ripgrep (see the seeding below),
//        pkg-config, g++, make, libkrb5-dev (code-server's native modules build with node-gyp)
//   npm, into the cache folder (paths.mjs), never into node_modules:
//        code-server@4.100.3 (VS Code 1.100.3 server + web workbench), playwright-core + mocha.
// As root the apt packages are installed (waiting for a dpkg lock held by another apt); otherwise it stops and
// names the command to run. Prints each step and its duration.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CACHE, CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_RG, CODE_SERVER_VERSION, TOOLS_DIR, PLAYWRIGHT_DIR, MOCHA_DIR,
  PLAYWRIGHT_VERSION, MOCHA_VERSION, CHROMIUM,
} from './paths.mjs';

const t0 = Date.now();
const say = (msg) => console.log(`[vscode-harness] ${msg}`);
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const which = (cmd) => spawnSync('/bin/sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
const fail = (msg) => { console.error(`[vscode-harness] ${msg}`); process.exit(1); };

/** Runs a command, output to `log` (a file) or inherited; throws with the log's tail on failure. */
function run(cmd, args, { cwd, env, log } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: log ? 'pipe' : 'inherit', maxBuffer: 64 << 20 });
  if (log) writeFileSync(log, `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0) {
    const tail = log ? `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n') : '';
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})${log ? `; log: ${log}\n${tail}` : ''}`);
  }
}

// 1. system packages
const missing = [];
if (!existsSync(CHROMIUM) && !which('chromium')) missing.push('chromium');
if (!which('rg')) missing.push('ripgrep');
if (!which('pkg-config')) missing.push('pkg-config');
if (!which('g++')) missing.push('g++');
if (!which('make')) missing.push('make');
if (spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status !== 0) missing.push('libkrb5-dev');
if (missing.length) {
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) fail(`missing system packages: ${missing.join(' ')}. Install them as root:\n  sudo sh -c '${cmd}'`);
  const t = Date.now();
  say(`apt-get install ${missing.join(' ')} (waits for the dpkg lock if another apt is running)`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  // Lock::Timeout makes apt wait for a concurrent apt/dpkg instead of failing at once
  run('apt-get', ['-o', 'DPkg::Lock::Timeout=900', '-qq', 'update'], { env, log: join(tmpdir(), 'instruct-studio-apt-update.log') });
  run('apt-get', ['-o', 'DPkg::Lock::Timeout=900', '-y', '-qq', 'install', ...missing], { env, log: join(tmpdir(), 'instruct-studio-apt-install.log') });
  say(`apt done in ${secs(t)}`);
}

// 2. code-server
mkdirSync(CACHE, { recursive: true });
if (!existsSync(CODE_SERVER_ENTRY) || !existsSync(CODE_SERVER_RG)) {
  const t = Date.now();
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // @vscode/ripgrep's postinstall downloads rg from GitHub (no internet here). It first looks in its download cache,
  // $TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<tag>-<target>.tar.gz: seed it with Debian's rg. The
  // install runs with a private TMPDIR so the seed never collides with another user's files in /tmp.
  const installTmp = join(CODE_SERVER_DIR, '.tmp');
  mkdirSync(installTmp);
  copyFileSync(which('rg'), join(installTmp, 'rg'));
  run('tar', ['czf', join(installTmp, 'rg.tar.gz'), '-C', installTmp, 'rg']);
  for (const v of ['1.15.9', '1.15.10', '1.15.11', '1.15.12', '1.15.13', '1.15.14']) {
    const d = join(installTmp, `vscode-ripgrep-cache-${v}`);
    mkdirSync(d);
    copyFileSync(join(installTmp, 'rg.tar.gz'), join(d, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'));
  }
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), '{"name":"instruct-studio-code-server","private":true}\n');
  say(`npm install code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (a minute or two; builds native modules)`);
  try {
    // code-server's postinstall refuses to run as root without unsafe-perm
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`],
      { cwd: CODE_SERVER_DIR, env: { npm_config_unsafe_perm: 'true', npm_config_yes: 'true', TMPDIR: installTmp }, log: join(CODE_SERVER_DIR, 'install.log') });
  } catch (e) {
    fail(`code-server install failed: ${e.message}`);
  } finally {
    rmSync(installTmp, { recursive: true, force: true });
  }
  if (!existsSync(CODE_SERVER_RG)) fail(`code-server installed but its ripgrep is missing (${CODE_SERVER_RG}); see ${join(CODE_SERVER_DIR, 'install.log')}`);
  say(`code-server ready in ${secs(t)}`);
}

// 3. browser driver and test framework for the extension host
if (!existsSync(join(PLAYWRIGHT_DIR, 'package.json')) || !existsSync(join(MOCHA_DIR, 'package.json'))) {
  const t = Date.now();
  mkdirSync(TOOLS_DIR, { recursive: true });
  writeFileSync(join(TOOLS_DIR, 'package.json'), '{"name":"instruct-studio-vscode-tools","private":true}\n');
  say(`npm install playwright-core@${PLAYWRIGHT_VERSION} mocha@${MOCHA_VERSION} into ${TOOLS_DIR}`);
  try {
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `playwright-core@${PLAYWRIGHT_VERSION}`, `mocha@${MOCHA_VERSION}`],
      { cwd: TOOLS_DIR, env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }, log: join(TOOLS_DIR, 'install.log') });
  } catch (e) {
    fail(`tools install failed: ${e.message}`);
  }
  say(`tools ready in ${secs(t)}`);
}
say(`ready in ${secs(t0)}: ${CACHE}`);
