import type { FileRule, FileRuleState, FindingDraft, RecordContext } from '../../types';
import { HASH64, hash53, hash64, lanes53 } from '../../jsonl/hash';
import { Groups } from './util/groups';
import { FirstSeenTable, IntTuples } from './util/hashTable';
import { hashNormalizedPrompt } from './util/promptHash';
import { responseText } from './util/text';

export const conflictingOutputs: FileRule = {
  id: 'DS021',
  name: 'conflicting-outputs',
  description: 'The same prompt appears with different answers.',
  tags: ['quality', 'duplicates'],
  defaultSeverity: 'warning',
  docs: {
    rationale: 'Two different answers to the same instruction pull the model in two directions; for factual or math data one of them is usually wrong. (Preference data, where that is the point, is not checked.)',
    bad: ['{"instruction": "What is 7 × 8?", "input": "", "output": "56"}\n{"instruction": "What is 7 × 8?", "input": "", "output": "54"}'],
    good: ['{"instruction": "What is 7 × 8?", "input": "", "output": "56"}\n{"instruction": "What is 7 × 9?", "input": "", "output": "63"}'],
  },
  scope: 'file',
  create(env) {
    const skip = env.format?.id === 'preference' || env.format?.id === 'kto';
    if (env.streaming) return streamingIndex(skip, env.expectedRecords);
    const groups = new Groups<number>();
    return {
      add(entry, ctx) {
        if (skip) return;
        const pr = promptAndResponse(ctx);
        if (pr) groups.add(entry, pr.prompt, hash53(pr.response));
      },
      remove(entry) {
        groups.remove(entry);
      },
      findings() {
        const out: FindingDraft[] = [];
        for (const key of groups.multi) {
          const members = groups.members(key);
          const [first, firstAnswer] = members[0];
          for (const [e, answer] of members.slice(1)) {
            if (answer !== firstAnswer) out.push(finding(e.line, first.line, e.endLine === e.line ? e.text.length : 1, e.endLine));
          }
        }
        return out;
      },
    };
  },
};

/**
 * Prompts compared normalized (by a hash of the normalized text, as a 53-bit number; HASH64 holds its two
 * lanes right after the call); answers can be long: compared as written (trimmed).
 */
function promptAndResponse(ctx: RecordContext): { prompt: number; response: string } | undefined {
  const fields = ctx.textFields();
  const response = responseText(fields).trim();
  if (!response || !hashNormalizedPrompt(fields)) return undefined;
  return { prompt: lanes53(), response };
}

function finding(line: number, first: number, endColumn: number, endLine = line): FindingDraft {
  return {
    message: `same prompt as line ${first + 1}, different answer`,
    line, startColumn: 0, endLine, endColumn,
    related: [{ message: 'the same prompt with another answer', line: first }],
  };
}

/**
 * Streaming: 64-bit prompt hash -> first line and a 32-bit hash of its answer (16 bytes a slot). A later
 * record with the same prompt is a conflict when its answer hash differs from the first one's.
 */
function streamingIndex(skip: boolean, expected: number | undefined): FileRuleState {
  const seen = new FirstSeenTable(skip ? 16 : expected ? expected * 1.1 : undefined, true);
  const conflicts = new IntTuples(3); // line, first line, line length
  return {
    add(entry, ctx) {
      if (skip) return;
      const pr = promptAndResponse(ctx);
      if (!pr) return;
      const hi = HASH64[0];
      const lo = HASH64[1];
      hash64(pr.response);
      const answer = HASH64[0] ^ Math.imul(HASH64[1], 0x9e3779b1);
      const slot = seen.firstOrAdd(hi, lo, entry.line, answer);
      if (slot >= 0 && seen.valueAt(slot) !== answer >>> 0) conflicts.push(entry.line, seen.lineAt(slot), entry.text.length);
    },
    remove() {
      throw new Error('a streaming index cannot remove records');
    },
    findings() {
      const out: FindingDraft[] = [];
      for (let i = 0; i < conflicts.length; i++) out.push(finding(conflicts.get(i, 0), conflicts.get(i, 1), conflicts.get(i, 2)));
      return out;
    },
  };
}
