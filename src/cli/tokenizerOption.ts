/** `--tokenizer cl100k|o200k|path/to/tokenizer.json` → a TokenCounter (tokenizer_config.json next to the file is read too). */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { hfTokenCounter, tiktokenCounter, TOKENIZERS, type TokenCounter, type TokenizerId } from '../core/tokens/index';

export class OptionError extends Error {}

const ALIASES: Record<string, TokenizerId> = { cl100k: 'cl100k_base', cl100k_base: 'cl100k_base', o200k: 'o200k_base', o200k_base: 'o200k_base' };

export async function readJsonFile(file: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OptionError(code === 'ENOENT' ? `no such file: ${shown}` : `cannot read ${shown}: ${code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new OptionError(`${shown} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function loadTokenizer(spec: string | undefined, cwd: string): Promise<TokenCounter> {
  if (!spec) return tiktokenCounter('cl100k_base');
  const alias = ALIASES[spec.toLowerCase()];
  if (alias) return tiktokenCounter(alias);
  let file = path.resolve(cwd, spec);
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) {
    throw new OptionError(`--tokenizer "${spec}" is neither a built-in tokenizer (${TOKENIZERS.map((t) => t.id.replace(/_base$/, '')).join(', ')}) nor an existing tokenizer.json`);
  }
  if (stat.isDirectory()) file = path.join(file, 'tokenizer.json');
  const shown = path.relative(cwd, file) || file;
  const json = await readJsonFile(file, shown);
  const configFile = path.join(path.dirname(file), 'tokenizer_config.json');
  const hasConfig = await fs.stat(configFile).then((s) => s.isFile(), () => false);
  const config = hasConfig ? await readJsonFile(configFile, path.relative(cwd, configFile) || configFile) : {};
  try {
    return hfTokenCounter(json, config, shown);
  } catch (e) {
    throw new OptionError(e instanceof Error ? e.message : String(e));
  }
}
