// Where the offline VS Code test route keeps its tools, shared by install.mjs, vscode.mjs and the runners.
// Nothing here lives in the project's node_modules: code-server alone is ~320 MB.
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** code-server release that bundles VS Code 1.100.3; the newest whose engines.node accepts Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const PLAYWRIGHT_VERSION = '1.56.1';
export const MOCHA_VERSION = '11';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Cache folder: $INSTRUCT_STUDIO_VSCODE_CACHE, default ~/.cache/instruct-studio/vscode. */
export const CACHE = resolve(process.env.INSTRUCT_STUDIO_VSCODE_CACHE || join(homedir(), '.cache', 'instruct-studio', 'vscode'));
export const CODE_SERVER_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CODE_SERVER_RG = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
export const TOOLS_DIR = join(CACHE, 'tools');
export const PLAYWRIGHT_DIR = join(TOOLS_DIR, 'node_modules', 'playwright-core');
export const MOCHA_DIR = join(TOOLS_DIR, 'node_modules', 'mocha');
/** Chromium from Debian; override with $CHROMIUM. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** Env var through which the extension host's test index finds mocha (the server's env is inherited). */
export const MOCHA_ENV = 'INSTRUCT_STUDIO_MOCHA';
