// Starts a real VS Code (code-server: VS Code 1.100.3's server + web workbench) and a headless Chromium to play its
// window, offline. Used by run-exthost.mjs (mocha suites in the extension host), test/ui (workbench UI tests) and
// scripts/demo.mjs. Tools come from the cache folder filled by install.mjs (see paths.mjs).
//
// Every run gets fresh temp dirs (user data with quiet settings, extensions, a copy of the workspace, a Chromium
// profile). code-server runs in its own process group and is stopped by killing that group; on exit, Ctrl-C,
// SIGTERM or an uncaught error everything started here is stopped and the temp dirs removed.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { CHROMIUM, CODE_SERVER_ENTRY, MOCHA_DIR, MOCHA_ENV, PLAYWRIGHT_DIR, REPO, TOOLS_DIR } from './paths.mjs';

/** The project's vsce (a devDependency), to package test fixture extensions. */
const VSCE = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Settings for a fresh profile: no welcome page or walkthroughs (they take keyboard focus), no network chatter. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'window.restoreWindows': 'none',
  'chat.commandCenter.enabled': false,
};

export function checkInstalled() {
  for (const [what, p] of [['code-server', CODE_SERVER_ENTRY], ['playwright-core', PLAYWRIGHT_DIR], ['mocha', MOCHA_DIR]]) {
    if (!existsSync(p)) throw new Error(`${what} is not installed (${p} missing): run \`node test/harness/install.mjs\``);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run \`node test/harness/install.mjs\` (or set CHROMIUM)`);
}

// ---- cleanup of everything this process started, however it ends ----
// `cleanups`: synchronous last resorts for process exit (SIGKILL the server group, remove temp dirs);
// `stoppers`: graceful async stops, tried first on a signal (bounded to a few seconds).
const cleanups = new Set();
const stoppers = new Set();
let exiting = false;
function cleanupSync() {
  for (const fn of [...cleanups].reverse()) { try { fn(); } catch { /* best effort while exiting */ } }
  cleanups.clear();
}
process.on('exit', cleanupSync); // Playwright's own exit hook kills the Chromium it launched
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    if (exiting) return; // a second Ctrl-C while stopping: the exit hook still runs
    exiting = true;
    console.error(`\n[vscode-harness] ${sig}: stopping VS Code and Chromium`);
    const graceful = Promise.allSettled([...stoppers].map((stop) => stop()));
    void Promise.race([graceful, sleep(5000)]).then(() => process.exit(code));
  });
}

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Installs a .vsix into `extensionsDir` with code-server's CLI (no server started). */
export function installVsix(vsix, extensionsDir) {
  checkInstalled();
  const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
  return out.trim();
}

/**
 * Starts code-server on a copy of `workspace`.
 * @param {object} o
 * @param {string} o.workspace folder copied into the temp dir (the original is never touched)
 * @param {Record<string,string>} [o.links] extra entries of the workspace copy, name -> absolute target (symlinks)
 * @param {string} [o.vsix] install this .vsix into the fresh extensions dir before starting
 * @param {string[]} [o.extensions] extension folders (test fixtures) to package and install too; their proposed APIs are enabled
 * @param {Record<string,string>} [o.env] extra environment (inherited by the extension host)
 * @param {string} [o.host] host the browser uses ('127.0.0.1' by default; 'localhost' for the demo)
 * @param {number} [o.port] fixed port (default: a free one)
 */
export async function startVSCode({ workspace, links = {}, vsix, extensions = [], env = {}, host = '127.0.0.1', port } = {}) {
  checkInstalled();
  const tmp = mkdtempSync(join(tmpdir(), 'instruct-studio-vscode-'));
  let server;
  const kill = (signal) => { if (server?.pid && alive(server.pid)) { try { process.kill(-server.pid, signal); } catch { /* gone */ } } };
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  const emergency = () => { kill('SIGKILL'); removeTmp(); };
  cleanups.add(emergency);
  try {
    const ws = join(tmp, 'workspace');
    cpSync(workspace, ws, { recursive: true });
    for (const [name, target] of Object.entries(links)) if (existsSync(target)) symlinkSync(target, join(ws, name));
    mkdirSync(join(tmp, 'user-data', 'User'), { recursive: true });
    writeFileSync(join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
    const extensionsDir = join(tmp, 'extensions');
    mkdirSync(extensionsDir);
    if (vsix) installVsix(vsix, extensionsDir);
    const proposed = [];
    for (const folder of extensions) {
      // the workbench loads one development extension only: fixtures are installed like a user's extensions
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      const out = join(tmp, `${manifest.name}.vsix`);
      const r = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: folder, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`packaging ${folder} failed:\n${r.stdout}${r.stderr}`);
      installVsix(out, extensionsDir);
      if (manifest.enabledApiProposals?.length) proposed.push('--enable-proposed-api', `${manifest.publisher}.${manifest.name}`);
    }
    port ??= await freePort();
    server = spawn(process.execPath, [CODE_SERVER_ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--ignore-last-opened', '--user-data-dir', join(tmp, 'user-data'), '--extensions-dir', extensionsDir, ...proposed],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: {
      ...process.env, [MOCHA_ENV]: MOCHA_DIR,
      // lets the smoke suite check that it runs against the installed package, not the source folder
      ...(vsix ? { INSTRUCT_STUDIO_EXPECT_INSTALLED_IN: extensionsDir } : {}),
      ...env,
    } });
    let log = '';
    let hostExited;
    const hostExit = new Promise((r) => { hostExited = r; });
    const onData = (d) => {
      log += d;
      const m = /Extension Host Process exited with code: (\d+)/.exec(log);
      if (m) hostExited(Number(m[1]));
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    const serverExit = new Promise((r) => server.on('exit', (code, signal) => r(code ?? signal)));
    const base = `http://${host}:${port}`;
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not listening yet */ }
      if (!alive(server.pid) || i > 600) throw new Error(`code-server did not start:\n${log}`);
      await sleep(100);
    }
    const stop = async () => {
      if (!cleanups.has(emergency)) return;
      kill('SIGTERM');
      await Promise.race([serverExit, sleep(3000)]);
      kill('SIGKILL'); // whatever of the group is left (extension host, file watcher)
      removeTmp();
      cleanups.delete(emergency);
      stoppers.delete(stop);
    };
    stoppers.add(stop);
    /** A server-side path as the vscode-remote URI the workbench resolves. */
    const remote = (p) => `vscode-remote://${host}:${port}${p}`;
    /** Workbench URL for the workspace copy, with optional payload ([['extensionDevelopmentPath', uri], …]). */
    const url = (payload) => `${base}/?folder=${encodeURIComponent(ws)}${payload?.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
    return { base, port, tmp, ws, extensionsDir, remote, url, log: () => log, hostExit, serverExit, stop };
  } catch (e) {
    emergency();
    cleanups.delete(emergency);
    throw e;
  }
}

/**
 * A headless Chromium (Debian's, driven by playwright-core from the cache) with a fresh profile under `tmp`.
 * Extension-host console output reaches `onLog(text)`: the workbench forwards it to window.codeAutomationLog with
 * printf-style arguments. `exitCode` resolves if the workbench calls window.codeAutomationExit (1.100.3 may not).
 */
export async function launchBrowser(tmp, { onLog, headless = true } = {}) {
  const { chromium } = createRequire(join(TOOLS_DIR, 'package.json'))('playwright-core');
  const context = await chromium.launchPersistentContext(join(tmp, 'chromium'), {
    executablePath: CHROMIUM, headless, viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const close = async () => { stoppers.delete(close); try { await context.close(); } catch { /* already gone */ } };
  cleanups.add(() => { void close(); });
  stoppers.add(close);
  const page = context.pages()[0] ?? (await context.newPage());
  let exited;
  const exitCode = new Promise((r) => { exited = r; });
  await page.exposeFunction('codeAutomationLog', (_type, args) => onLog?.(format(...(args ?? [])), _type, args));
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  return { context, page, exitCode, close };
}
