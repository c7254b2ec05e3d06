import type { FileRule, FindingDraft, RecordEntry } from '../../types';
import { promptText } from './util/text';
import { BANDS, bandKey, fnv, minhashWords, signature, similarity, SignaturePool } from './util/minhash';

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
    const pool = new SignaturePool();
    const SLOT = Symbol('minhash');
    const slotOf = (e: RecordEntry) => (e as unknown as Record<symbol, number | undefined>)[SLOT];
    const exactOf = new Map<number, number>();
    const sigOf = (e: RecordEntry) => {
      const slot = slotOf(e);
      return slot === undefined ? undefined : { sig: pool.get(slot), exact: exactOf.get(slot)! };
    };
    const buckets = new Map<number, RecordEntry | RecordEntry[]>();
    return {
      add(entry, ctx) {
        const prompt = promptText(ctx.textFields()).toLowerCase();
        const words = minhashWords(prompt);
        if (words.length < minWords) return;
        const sig = signature(words);
        for (let b = 0; b < BANDS; b++) {
          const key = bandKey(sig, b);
          const cur = buckets.get(key);
          if (cur === undefined) buckets.set(key, entry);
          else if (Array.isArray(cur)) cur.push(entry);
          else buckets.set(key, [cur, entry]);
        }
        const slot = pool.push(sig);
        exactOf.set(slot, fnv(prompt));
        (entry as unknown as Record<symbol, number>)[SLOT] = slot;
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
              const sim = similarity(se.sig, sf.sig);
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
