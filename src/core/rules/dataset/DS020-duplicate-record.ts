import type { FileRule, FindingDraft } from '../../types';
import { hashNumber } from '../../jsonl/hash';
import { Groups } from './util/groups';
import { deleteLine } from './util/text';

export const duplicateRecord: FileRule = {
  id: 'DS020',
  name: 'duplicate-record',
  description: 'The same record appears more than once (top-level key order, spacing and escapes ignored).',
  tags: ['quality', 'duplicates'],
  defaultSeverity: 'warning',
  docs: {
    rationale: 'Exact duplicates are over-weighted in training and a common cause of memorisation; they also inflate evaluation scores when they cross a train/eval split.',
    bad: ['{"instruction": "Say hi", "input": "", "output": "Hi!"}\n{"input": "", "instruction": "Say hi", "output": "Hi!"}'],
    good: ['{"instruction": "Say hi", "input": "", "output": "Hi!"}\n{"instruction": "Say bye", "input": "", "output": "Bye!"}'],
  },
  scope: 'file',
  create(env) {
    const groups = new Groups(env.streaming);
    return {
      add(entry) {
        // JSON.stringify of the parsed value ignores spacing and escapes; top-level keys are sorted so that
        // {"a","b"} and {"b","a"} match (nested key order is kept: it is rarely reshuffled within a file)
        const v = entry.value as Record<string, unknown>;
        const sorted: Record<string, unknown> = {};
        for (const k of Object.keys(v).sort()) sorted[k] = v[k];
        groups.add(entry, hashNumber(JSON.stringify(sorted)), undefined);
      },
      remove(entry) {
        groups.remove(entry);
      },
      findings() {
        const out: FindingDraft[] = [];
        for (const key of groups.multi) {
          const [first, ...rest] = groups.members(key).map(([e]) => e);
          for (const e of rest) {
            out.push({
              message: `duplicate of the record on line ${first.line + 1}`,
              line: e.line, startColumn: 0, endLine: e.endLine, endColumn: e.endLine === e.line ? e.text.length : 1,
              related: [{ message: 'first copy', line: first.line }],
              fix: deleteLine(e.line, 'Delete this duplicate record'),
            });
          }
        }
        return out;
      },
    };
  },
};
