import type { FileRule, FindingDraft, RecordEntry } from '../../types';
import { detectRecordFormat } from '../../formats/detect';

export const mixedFormats: FileRule = {
  id: 'DS007',
  name: 'mixed-formats',
  description: 'Records of another dataset format than the rest of the file.',
  tags: ['structure'],
  defaultSeverity: 'warning',
  docs: {
    rationale: 'A trainer reads every record with the file\'s format: an Alpaca record in a ShareGPT file is dropped or trains on empty text. Usually the result of concatenating two sources.',
    bad: ['{"instruction": "a", "input": "", "output": "b"}\n{"instruction": "c", "input": "", "output": "d"}\n{"messages": [{"role": "user", "content": "e"}, {"role": "assistant", "content": "f"}]}'],
    good: ['{"instruction": "a", "input": "", "output": "b"}\n{"instruction": "c", "input": "", "output": "d"}'],
  },
  scope: 'file',
  create(env) {
    const odd = new Map<RecordEntry, string>();
    return {
      add(entry) {
        const fileFormat = env.file.detection.format;
        if (!fileFormat) return;
        const own = detectRecordFormat(entry.value);
        if (own && own !== fileFormat) odd.set(entry, own);
      },
      remove(entry) {
        odd.delete(entry);
      },
      findings() {
        const fileFormat = env.file.detection.format;
        const out: FindingDraft[] = [];
        for (const [e, own] of odd) {
          out.push({
            message: `this record looks like ${own}, the file is ${fileFormat}`,
            line: e.line, startColumn: 0, endLine: e.endLine, endColumn: e.endLine === e.line ? e.text.length : 1,
          });
        }
        return out;
      },
    };
  },
};
