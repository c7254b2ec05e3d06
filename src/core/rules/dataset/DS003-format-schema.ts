import type { RecordRule } from '../../types';
import { validateValue } from '../../schema/validate';

export const formatSchema: RecordRule = {
  id: 'DS003',
  name: 'format-schema',
  description: "A record does not match its format's schema: a missing required key or a value of the wrong type.",
  tags: ['structure', 'schema'],
  defaultSeverity: 'error',
  docs: {
    rationale:
      'Each dataset format (Alpaca, ShareGPT, OpenAI chat…) has keys the trainer reads. A missing key or a number where text is expected makes the loader fail, or — worse — turns into the string "None" and is trained on.',
    bad: ['{"instruction": "Add 2 and 3", "input": "", "output": 5}', '{"messages": [{"role": "bot", "content": "Hi"}]}'],
    good: ['{"instruction": "Add 2 and 3", "input": "", "output": "5"}'],
  },
  scope: 'record',
  check(ctx) {
    if (!ctx.format) return [];
    return validateValue(ctx.format.schema, ctx.record.value)
      // unknown keys are DS005's business (with a "did you mean")
      .filter((i) => i.keyword !== 'additionalProperties')
      .map((i) => ({ message: i.message, field: i.pointer, ...ctx.locate(i.pointer, i.part) }));
  },
};
