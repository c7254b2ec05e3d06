import type { FileRule, FindingDraft, RecordEntry } from '../../types';
import { hashText } from '../../jsonl/hash';
import { normalize, promptText } from './util/text';

const N = 13;

function ngramHashes(text: string): string[] {
  const words = normalize(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + N <= words.length; i++) out.push(hashText(words.slice(i, i + N).join(' ')));
  return out;
}

export const evalContamination: FileRule = {
  id: 'DS023',
  name: 'eval-contamination',
  description: 'A training record whose prompt appears in an evaluation file (exact, or a shared 13-word sequence).',
  tags: ['quality', 'contamination'],
  defaultSeverity: 'error',
  docs: {
    rationale: 'When evaluation items leak into training, the model memorises them and the evaluation overstates what it learned (GPT-3\'s contamination study used the same 13-gram test). List evaluation files in "evalFiles" in .instructlint.jsonc (globs) or pass them on the command line.',
    bad: [],
    good: [],
  },
  scope: 'file',
  create(env) {
    const exact = new Map<string, { path: string; line: number }>();
    const grams = new Map<string, { path: string; line: number }>();
    for (const r of env.evalRecords?.() ?? []) {
      // an evaluation file is not contaminated by itself (eval paths may be relative to the config's folder)
      if (env.path && (r.path === env.path || env.path.endsWith('/' + r.path) || env.path.endsWith('\\' + r.path))) continue;
      const prompt = promptText(r.textFields);
      if (!prompt.trim()) continue;
      exact.set(hashText(normalize(prompt)), { path: r.path, line: r.line });
      for (const g of ngramHashes(prompt)) if (!grams.has(g)) grams.set(g, { path: r.path, line: r.line });
    }
    const hits = new Map<RecordEntry, { kind: string; path: string; line: number }>();
    return {
      add(entry, ctx) {
        if (!exact.size) return;
        const prompt = promptText(ctx.textFields());
        if (!prompt.trim()) return;
        const same = exact.get(hashText(normalize(prompt)));
        if (same) {
          hits.set(entry, { kind: 'the same prompt as', ...same });
          return;
        }
        for (const g of ngramHashes(prompt)) {
          const hit = grams.get(g);
          if (hit) {
            hits.set(entry, { kind: 'a 13-word passage of', ...hit });
            return;
          }
        }
      },
      remove(entry) {
        hits.delete(entry);
      },
      findings() {
        const out: FindingDraft[] = [];
        for (const [e, h] of hits) {
          out.push({ message: `${h.kind} the evaluation record ${h.path}:${h.line + 1} — evaluation data leaked into training`, line: e.line, startColumn: 0, endLine: e.endLine, endColumn: e.endLine === e.line ? e.text.length : 1, related: [] });
        }
        return out;
      },
    };
  },
};
