import type { FileRule, FindingDraft, RecordEntry } from '../../types';
import { detectRecordFormat } from '../../formats/detect';
import { allFormats } from '../../formats/registry';

/**
 * detectRecordFormat, remembered per record shape for records whose values are all strings, numbers,
 * booleans or null (Alpaca, Dolly, FLAN, prompt/completion…): their format follows from the keys and the
 * values' types alone. Records holding lists or objects (chats, trees) are scored each time.
 */
function formatOf(record: Record<string, unknown>): string | undefined {
  let shape = '';
  for (const k in record) {
    const v = record[k];
    const t = typeof v;
    if ((v !== null && t === 'object') || VALUE_KEYS.has(k)) return detectRecordFormat(record);
    // empty strings are told apart: some detectors score an empty field lower
    shape += `${k}\u0000${t === 'string' ? (v === '' ? 'e' : 's') : t[0]}\u0001`;
  }
  const known = shapes.get(shape);
  if (known !== undefined || shapes.has(shape)) return known;
  const own = detectRecordFormat(record);
  if (shapes.size < 1000) shapes.set(shape, own);
  return own;
}
const shapes = new Map<string, string | undefined>();
/** Keys whose values some format's detect reads: records holding one are scored each time. */
const VALUE_KEYS = new Set(allFormats.flatMap((f) => f.detectReadsValuesOf ?? []));

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
        const own = formatOf(entry.value as Record<string, unknown>);
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
