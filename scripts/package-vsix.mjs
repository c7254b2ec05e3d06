#!/usr/bin/env node
// Packages the extension: a production esbuild build (minified bundles, no source maps), then
// `vsce package --no-dependencies` (everything the extension runs is bundled into dist/, so no node_modules ship;
// .vscodeignore lists what goes in). Writes instruct-studio-<version>.vsix at the repo root, or --out FILE, and
// prints its size and contents.
//
// vsce flags: --allow-missing-repository (the manifest names no public repository) and --no-rewrite-relative-links
// (README links to docs/ that the package does not ship; vsce would otherwise refuse without a repository URL).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const repo = resolve(import.meta.dirname, '..');
const { values: opt } = parseArgs({ options: { out: { type: 'string' } } });
const { name, version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const out = resolve(opt.out ?? join(repo, `${name}-${version}.vsix`));
const t0 = Date.now();
const run = (file, args) => execFileSync(file, args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

run(process.execPath, ['esbuild.mjs', '--production']);
const vsce = join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
const log = run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
if (/WARNING|ERROR/.test(log)) console.log(log.trim());
const files = run(process.execPath, [vsce, 'ls', '--no-dependencies']).trim().split('\n').filter(Boolean);
console.log(`packaged ${out}`);
console.log(`  ${(statSync(out).size / 1024).toFixed(0)} KiB, ${files.length} files: ${files.join(', ')}`);
console.log(`  took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
