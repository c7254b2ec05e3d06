import type { FileRule } from '../../types';
import { deleteLine } from './util/text';

export const blankLine: FileRule = {
  id: 'DS006',
  name: 'blank-line',
  description: 'A blank or whitespace-only line inside a JSONL file.',
  tags: ['structure'],
  defaultSeverity: 'warning',
  docs: {
    rationale: 'Many JSONL loaders (pandas, some trainers) fail or count an empty record on a blank line. Blank lines also shift line numbers between tools.',
    bad: ['{"instruction": "a", "input": "", "output": "b"}\n\n{"instruction": "c", "input": "", "output": "d"}'],
    good: ['{"instruction": "a", "input": "", "output": "b"}\n{"instruction": "c", "input": "", "output": "d"}'],
  },
  scope: 'file',
  create(env) {
    return {
      add() {},
      remove() {},
      findings() {
        return env.file.blankLines.map((line) => ({
          message: 'blank line: JSONL files hold one record per line, with no empty lines',
          line, startColumn: 0, endLine: line, endColumn: env.file.lineText(line).length,
          fix: deleteLine(line, 'Delete the blank line'),
        }));
      },
    };
  },
};
