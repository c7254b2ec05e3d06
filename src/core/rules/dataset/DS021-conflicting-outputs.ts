import type { FileRule, FindingDraft } from '../../types';
import { hashNumber } from '../../jsonl/hash';
import { Groups } from './util/groups';
import { normalize, promptText, responseText } from './util/text';

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
    const groups = new Groups<number>(env.streaming);
    const skip = env.format?.id === 'preference' || env.format?.id === 'kto';
    return {
      add(entry, ctx) {
        if (skip) return;
        const fields = ctx.textFields();
        const prompt = normalize(promptText(fields));
        // answers can be long: hash them as written (trimmed), prompts normalized
        const response = responseText(fields).trim();
        if (!prompt || !response) return;
        groups.add(entry, hashNumber(prompt), hashNumber(response));
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
            if (answer === firstAnswer) continue;
            out.push({
              message: `same prompt as line ${first.line + 1}, different answer`,
              line: e.line, startColumn: 0, endLine: e.endLine, endColumn: e.endLine === e.line ? e.text.length : 1,
              related: [{ message: 'the same prompt with another answer', line: first.line }],
            });
          }
        }
        return out;
      },
    };
  },
};
