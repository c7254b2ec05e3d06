import type { FileRule, FindingDraft, RecordEntry } from '../../types';
import { promptText } from './util/text';

const HASHES = 32;
const BANDS = 8; // 8 bands × 4 rows: pairs above ~0.7 Jaccard almost always share a band
const ROWS = HASHES / BANDS;
// fixed odd multipliers and offsets for the universal hash family (deterministic across runs)
const A = Array.from({ length: HASHES }, (_, i) => (Math.imul(0x9e3779b1, i + 1) | 1) >>> 0);
const B = Array.from({ length: HASHES }, (_, i) => Math.imul(0x85ebca6b, i + 7) >>> 0);

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MinHash signature of the word 3-shingles of a text (each word hashed once, shingles combined from word hashes). */
export function signature(words: string[]): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const wh = words.map(fnv);
  for (let i = 0; i + 3 <= wh.length; i++) {
    const x = (Math.imul(wh[i], 0x2545f491) ^ Math.imul(wh[i + 1], 0x9e3779b9) ^ wh[i + 2]) >>> 0;
    for (let k = 0; k < HASHES; k++) {
      const h = (Math.imul(A[k], x) + B[k]) >>> 0;
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

export const nearDuplicate: FileRule = {
  id: 'DS022',
  name: 'near-duplicate',
  description: 'Prompts that are almost the same (MinHash over word 3-grams, estimated Jaccard similarity above a threshold).',
  tags: ['quality', 'duplicates'],
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', properties: { threshold: { type: 'number', minimum: 0.5, maximum: 1 }, minWords: { type: 'integer', minimum: 3 } } },
  defaultOptions: { threshold: 0.9, minWords: 8 },
  docs: {
    rationale: 'Near-duplicate instructions (templated generations, light paraphrases) make the model memorise phrasings instead of generalising, and hide evaluation leaks. Short prompts (under minWords words) are not compared.',
    bad: ['{"instruction": "Write a short poem about the sea at night and the moon above it.", "input": "", "output": "a"}\n{"instruction": "Write a short poem about the sea at night and the moon above it!", "input": "", "output": "b"}'],
    good: ['{"instruction": "Write a short poem about the sea at night and the moon above it.", "input": "", "output": "a"}\n{"instruction": "Explain how a refrigerator moves heat out of its inside.", "input": "", "output": "b"}'],
  },
  scope: 'file',
  create(env) {
    const threshold = Number(env.options.threshold ?? 0.9);
    const minWords = Number(env.options.minWords ?? 8);
    // per record: its signature and a hash of its prompt; per band key: the record, or the records, in it
    // signatures live in one growing typed-array pool; each entry carries its slot number under a private symbol
    let pool = new Uint32Array(HASHES * 1024);
    let used = 0;
    const SLOT = Symbol('minhash');
    const slotOf = (e: RecordEntry) => (e as unknown as Record<symbol, number | undefined>)[SLOT];
    const exactOf = new Map<number, number>();
    const sigOf = (e: RecordEntry) => {
      const slot = slotOf(e);
      return slot === undefined ? undefined : { sig: pool.subarray(slot * HASHES, slot * HASHES + HASHES), exact: exactOf.get(slot)! };
    };
    const buckets = new Map<number, RecordEntry | RecordEntry[]>();
    const bandKey = (sig: Uint32Array, b: number) => {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r], 0x01000193);
      return h >>> 0;
    };
    return {
      add(entry, ctx) {
        const prompt = promptText(ctx.textFields()).toLowerCase();
        const words = prompt.split(/[\s.,;:!?()"'[\]{}]+/).filter(Boolean);
        if (words.length < minWords) return;
        const sig = signature(words);
        for (let b = 0; b < BANDS; b++) {
          const key = bandKey(sig, b);
          const cur = buckets.get(key);
          if (cur === undefined) buckets.set(key, entry);
          else if (Array.isArray(cur)) cur.push(entry);
          else buckets.set(key, [cur, entry]);
        }
        if ((used + 1) * HASHES > pool.length) {
          const bigger = new Uint32Array(pool.length * 2);
          bigger.set(pool);
          pool = bigger;
        }
        pool.set(sig, used * HASHES);
        exactOf.set(used, fnv(prompt));
        (entry as unknown as Record<symbol, number>)[SLOT] = used++;
      },
      remove(entry) {
        const s = sigOf(entry);
        if (!s) return;
        for (let b = 0; b < BANDS; b++) {
          const key = bandKey(s.sig, b);
          const cur = buckets.get(key);
          if (cur === entry) buckets.delete(key);
          else if (Array.isArray(cur)) {
            const rest = cur.filter((e) => e !== entry);
            buckets.set(key, rest.length === 1 ? rest[0] : rest);
          }
        }
        exactOf.delete(slotOf(entry)!);
        delete (entry as unknown as Record<symbol, unknown>)[SLOT];
      },
      findings() {
        const out: FindingDraft[] = [];
        const reported = new Set<RecordEntry>();
        const seenPairs = new Set<string>();
        for (const bucket of buckets.values()) {
          if (!Array.isArray(bucket)) continue;
          const members = [...bucket].sort((a, b) => a.line - b.line);
          for (let i = 1; i < members.length; i++) {
            const e = members[i];
            if (reported.has(e)) continue;
            for (let j = 0; j < i; j++) {
              const f = members[j];
              const pair = `${f.line}:${e.line}`;
              if (seenPairs.has(pair)) continue;
              seenPairs.add(pair);
              const se = sigOf(e)!;
              const sf = sigOf(f)!;
              // identical prompts are DS020 (same record) or DS021 (different answer), not near-duplicates
              if (se.exact === sf.exact) continue;
              let same = 0;
              for (let k = 0; k < HASHES; k++) if (se.sig[k] === sf.sig[k]) same++;
              const sim = same / HASHES;
              if (sim < threshold) continue;
              reported.add(e);
              out.push({
                message: `prompt nearly identical to line ${f.line + 1} (≈${Math.round(sim * 100)} % similar)`,
                line: e.line, startColumn: 0, endLine: e.endLine, endColumn: e.endLine === e.line ? e.text.length : 1,
                related: [{ message: 'the similar prompt', line: f.line }],
              });
              break;
            }
          }
        }
        return out;
      },
    };
  },
};
