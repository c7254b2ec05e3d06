/**
 * The train/eval overlap index shared by rule DS023 and the dataset report's contamination section: the normalized
 * prompts of evaluation records (exact matches) and their 13-word sequences (GPT-3's contamination test).
 */
import { hashText } from '../../../jsonl/hash';
import type { TextField } from '../../../types';
import { normalize, promptText } from './text';

export const NGRAM = 13;

export function ngramHashes(text: string): string[] {
  const words = normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + NGRAM <= words.length; i++) out.push(hashText(words.slice(i, i + NGRAM).join(' ')));
  return out;
}

export interface EvalRef {
  path: string;
  line: number;
}

export interface EvalMatch extends EvalRef {
  kind: 'exact' | 'ngram';
}

export class EvalIndex {
  private readonly exact = new Map<string, EvalRef>();
  private readonly grams = new Map<string, EvalRef>();

  /** `skip(path)`: evaluation files not to index (an evaluation file is not contaminated by itself). */
  constructor(records: Iterable<{ path: string; line: number; textFields: TextField[] }>, skip: (path: string) => boolean = () => false) {
    for (const r of records) {
      if (skip(r.path)) continue;
      const prompt = promptText(r.textFields);
      if (!prompt.trim()) continue;
      this.exact.set(hashText(normalize(prompt)), { path: r.path, line: r.line });
      for (const g of ngramHashes(prompt)) if (!this.grams.has(g)) this.grams.set(g, { path: r.path, line: r.line });
    }
  }

  get size(): number {
    return this.exact.size;
  }

  /** The evaluation record a training prompt matches: the same prompt, else the first shared 13-word sequence. */
  match(prompt: string): EvalMatch | undefined {
    if (!this.exact.size || !prompt.trim()) return undefined;
    const same = this.exact.get(hashText(normalize(prompt)));
    if (same) return { kind: 'exact', ...same };
    for (const g of ngramHashes(prompt)) {
      const hit = this.grams.get(g);
      if (hit) return { kind: 'ngram', ...hit };
    }
    return undefined;
  }
}
