// Bundles the extension (node, CommonJS, `vscode` external), the CLI, the webviews (browser ESM)
// and the extension-host test suites. `node esbuild.mjs --watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Files under `dir` (recursively) whose name matches `re`. */
function find(dir, re) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? find(p, re) : re.test(name) ? [p] : [];
  });
}

// mainFields: prefer ESM entry points (jsonc-parser's UMD build hides its requires from the bundler)
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none', mainFields: ['module', 'main'] };
// ESM dependencies bundled into CommonJS may read import.meta.url (e.g. fdir's createRequire): give it the bundle's URL
const nodeCjs = { define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" } };
const builds = [
  { ...common, ...nodeCjs, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'],
    entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist' },
  { ...common, ...nodeCjs, platform: 'node', format: 'cjs', target: 'node18',
    entryPoints: { cli: 'src/cli/bin.ts', cliCommands: 'src/cli/main.ts', lintWorker: 'src/cli/lintWorker.ts' }, outdir: 'dist' },
];
// one bundle per webview: webview/<view>/main.ts -> dist/webview/<view>.js
const views = existsSync('webview') ? readdirSync('webview').filter((v) => existsSync(join('webview', v, 'main.ts'))) : [];
if (views.length) {
  builds.push({ ...common, platform: 'browser', format: 'esm', target: 'es2022',
    entryPoints: Object.fromEntries(views.map((v) => [v, join('webview', v, 'main.ts')])), outdir: 'dist/webview',
    loader: { '.ttf': 'file', '.css': 'text' } });
}
// extension-host mocha suites (run inside VS Code): test/exthost/**/*.ts -> dist/test/exthost/**.js
const suites = find('test/exthost', /\.ts$/);
if (suites.length) {
  builds.push({ ...common, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode', 'mocha'],
    entryPoints: suites, outbase: 'test/exthost', outdir: 'dist/test/exthost' });
}
// codicons for the webviews (@vscode-elements looks for <link id="vscode-codicon-stylesheet">): copied next to the bundles
if (views.length) {
  mkdirSync('dist/webview', { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(join('node_modules/@vscode/codicons/dist', f), join('dist/webview', f));
}
const present = builds.filter((b) => Object.values(b.entryPoints).every((e) => existsSync(e)));
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
