/** FILE | DIR | GLOB arguments -> dataset files: .jsonl, and .json files that hold an array of records. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import picomatch from 'picomatch';

const SKIP_DIRS = ['**/node_modules/**', '**/.git/**'];

async function holdsArray(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return /^\uFEFF?\s*\[/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

export interface FileList {
  files: string[];
  /** Arguments that matched nothing or could not be read. */
  missing: string[];
}

export async function findFiles(args: string[], cwd: string, ignore: string[] = []): Promise<FileList> {
  const out = new Set<string>();
  const missing: string[] = [];
  const ignored = ignore.length ? picomatch(ignore, { dot: true }) : () => false;
  const add = async (file: string, explicit: boolean) => {
    const rel = path.relative(cwd, file).split(path.sep).join('/');
    if (!explicit && ignored(rel)) return;
    if (/\.jsonl$/i.test(file) || explicit) out.add(file);
    else if (/\.json$/i.test(file) && (await holdsArray(file))) out.add(file);
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) await add(abs, true);
    else if (stat?.isDirectory()) {
      const found = await glob(['**/*.jsonl', '**/*.json'], { cwd: abs, absolute: true, ignore: SKIP_DIRS, dot: false });
      for (const f of found.sort()) await add(f, false);
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, { cwd, absolute: true, ignore: SKIP_DIRS });
      if (!found.length) missing.push(arg);
      for (const f of found.sort()) await add(f, /\.jsonl$/i.test(f));
    } else missing.push(arg);
  }
  return { files: [...out], missing };
}

/** A file's text, or undefined when it cannot be read (config discovery probes files that may not exist). */
export async function readText(p: string): Promise<string | undefined> {
  try {
    return await fs.readFile(p, 'utf8');
  } catch {
    return undefined;
  }
}
