import type { RecordRule } from '../../types';
import { validateValue } from '../../schema/validate';
import { issueSpan } from './DS003-format-schema';

export const userSchema: RecordRule = {
  id: 'DS004',
  name: 'user-schema',
  description: 'A record does not match the JSON Schema configured in .instructlint.jsonc ("schema").',
  tags: ['structure', 'schema'],
  defaultSeverity: 'error',
  docs: {
    rationale:
      'Teams often have their own record contract (extra required keys, allowed categories, length limits). Point "schema" in .instructlint.jsonc at a JSON Schema (draft-07 or 2020-12) and every record is checked against it, each error at its key or value.',
    bad: [],
    good: [],
  },
  scope: 'record',
  check(ctx) {
    const schema = ctx.options.schema;
    if (!schema || typeof schema !== 'object') return [];
    return validateValue(schema as Record<string, unknown>, ctx.record.value).map((i) => ({
      message: i.message,
      field: i.pointer,
      ...issueSpan(ctx, i),
    }));
  },
};
