/** Lines of a JSONL file → records to evaluate (1-based line numbers; blank lines skipped; bad JSON kept as a located error). */
import { parseRecord } from '../jsonl/parseRecord';
import type { EvalRecord } from './types';

export function evalRecordOfLine(text: string, line: number): EvalRecord {
  const p = parseRecord(text);
  return p.ok ? { line, value: p.value } : { line, parseError: `${p.error.message} (column ${p.error.startColumn + 1})` };
}

export async function* evalRecordsFromLines(lines: Iterable<string> | AsyncIterable<string>): AsyncGenerator<EvalRecord> {
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim()) yield evalRecordOfLine(text, n);
  }
}
