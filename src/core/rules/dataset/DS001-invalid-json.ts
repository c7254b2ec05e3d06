import type { FindingDraft, RecordRule } from '../../types';

/**
 * The engine parses every line itself (JSON.parse, then jsonc-parser to locate a failure) and reports
 * failures under this rule's id; `check` never runs on a line that did not parse. This object holds
 * the rule's metadata and docs in one place.
 */
export const invalidJson: RecordRule = {
  id: 'DS001',
  name: 'invalid-json',
  description: 'A record line is not valid JSON.',
  tags: ['syntax'],
  defaultSeverity: 'error',
  docs: {
    rationale:
      'A line that is not valid JSON is skipped or crashes the data loader, silently shrinking the dataset. The message names the exact problem and column: unterminated string, trailing comma, unquoted key, two records on one line, a record cut off mid-way.',
    bad: ['{"instruction": "Say hi", "output": "Hi!",}', '{instruction: "Say hi", "output": "Hi!"}', '{"instruction": "Say hi"}{"instruction": "Bye"}'],
    good: ['{"instruction": "Say hi", "output": "Hi!"}'],
  },
  scope: 'record',
  check: () => [],
};

/** The finding the engine reports for a line that does not parse. */
export function invalidJsonFinding(line: number, error: { message: string; startColumn: number; endColumn: number }): FindingDraft {
  return { message: error.message, line, startColumn: error.startColumn, endLine: line, endColumn: error.endColumn };
}
