/** Generates realistic Alpaca-like JSONL for benchmarks (deterministic; unicode, long outputs, some duplicates). */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_DIR = join(__dirname, '.data');

const verbs = ['Write', 'Explain', 'Summarize', 'Translate', 'List', 'Describe', 'Compare', 'Classify', 'Rewrite', 'Generate'];
const topics = ['the water cycle', 'a haiku about autumn', 'quantum tunnelling', 'the French Revolution', 'photosynthesis', 'a recipe for crêpes', 'binary search', 'the causes of inflation', 'Straße signs in Germany', '日本の四季'];

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
}

export function record(i: number, rand: () => number): string {
  const instruction = `${verbs[i % verbs.length]} ${topics[(i * 7) % topics.length]} (item ${i}).`;
  const sentences = 3 + Math.floor(rand() * 12);
  let output = '';
  for (let s = 0; s < sentences; s++) output += `Sentence ${s} about ${topics[(i + s) % topics.length]} with ${Math.floor(rand() * 1000)} details, naïve café résumé. `;
  if (i % 5 === 0) output += `\nStep 1: 12 + 30 = 42.\nStep 2: 42 × 2 = 84.\nThe answer is 84.`;
  return JSON.stringify({ instruction, input: i % 3 ? '' : `Context number ${i}.`, output: output.trim() });
}

/** Writes (once) a file of at least `mb` megabytes and returns its path. */
export async function ensureFile(mb: number): Promise<string> {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `alpaca-${mb}mb.jsonl`);
  if (existsSync(path) && statSync(path).size >= mb * 1e6) return path;
  const out = createWriteStream(path);
  const rand = rng(1);
  let written = 0;
  let buf = '';
  for (let i = 0; written < mb * 1e6; i++) {
    const line = (i % 97 === 0 && i > 0 ? record(i - 1, rng(i)) : record(i, rand)) + '\n';
    buf += line;
    written += Buffer.byteLength(line);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}
