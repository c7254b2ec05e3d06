import type { RecordRule } from '../../types';

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? 'a string' : `a ${typeof v}`);

export const notAnObject: RecordRule = {
  id: 'DS002',
  name: 'not-an-object',
  description: 'A record is valid JSON but not an object.',
  tags: ['structure'],
  defaultSeverity: 'error',
  docs: {
    rationale:
      'Training loaders expect one JSON object per line. A bare string, number, array or null parses but has no fields, so it is dropped or breaks the loader.',
    bad: ['"Say hi"', '["Say hi", "Hi!"]'],
    good: ['{"instruction": "Say hi", "output": "Hi!"}'],
  },
  scope: 'record',
  check(ctx) {
    const v = ctx.record.value;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return [];
    return [{ message: `a record must be a JSON object ({…}), this line holds ${kind(v)}` }];
  },
};
