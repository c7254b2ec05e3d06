import type { RecordRule } from '../../types';
import { closestKey } from '../../schema/suggest';
import { allFormats } from '../../formats/registry';

const escapeKey = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

export const unknownKey: RecordRule = {
  id: 'DS005',
  name: 'unknown-key',
  description: "A top-level key looks like a misspelling of one of the format's keys.",
  tags: ['structure'],
  defaultSeverity: 'warning',
  docs: {
    rationale:
      'A misspelt key ("instuction", "Output") is silently ignored by the trainer: the record trains on an empty field. Keys that are not close to any known key (ids, sources, metadata) are left alone.',
    bad: ['{"instuction": "Say hi", "input": "", "output": "Hi!"}'],
    good: ['{"instruction": "Say hi", "input": "", "output": "Hi!", "source": "handwritten"}'],
  },
  scope: 'record',
  check(ctx) {
    const value = ctx.record.value as Record<string, unknown>;
    // no format detected (e.g. every record has the typo): use the format that knows most of the record's other keys
    const known = ctx.format?.knownKeys ?? bestGuess(Object.keys(value));
    if (!known) return [];
    const out = [];
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const guess = closestKey(key, known);
      if (!guess || guess in value) continue;
      const pointer = '/' + escapeKey(key);
      const span = ctx.locate(pointer, 'key');
      out.push({
        message: `unknown key "${key}" — did you mean "${guess}"?`,
        field: pointer,
        ...span,
        fix: { title: `Rename "${key}" to "${guess}"`, edits: [{ line: span.line, startColumn: span.startColumn, endLine: span.endLine, endColumn: span.endColumn, text: JSON.stringify(guess) }] },
      });
    }
    return out;
  },
};

function bestGuess(keys: string[]): string[] | undefined {
  let best: string[] | undefined;
  let bestHits = 0;
  for (const f of allFormats) {
    const hits = keys.filter((k) => f.knownKeys.includes(k)).length;
    if (hits > bestHits) {
      best = f.knownKeys;
      bestHits = hits;
    }
  }
  return best;
}
