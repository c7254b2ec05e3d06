import type { RecordRule } from '../../types';
import { approxTokens } from '../../stats/stats';

export const lengthOutlier: RecordRule = {
  id: 'DS014',
  name: 'length-outlier',
  description: 'A record longer than the context length it will be trained with (approximate tokens).',
  tags: ['quality', 'length'],
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', properties: { maxTokens: { type: 'integer', minimum: 16, description: 'Context length of the training run, in tokens (≈ characters / 4).' } } },
  defaultOptions: { maxTokens: 8192 },
  docs: {
    rationale: 'Trainers truncate records longer than the context length: the end of the answer, usually the part that matters, is cut off silently (or the record is dropped). Set maxTokens to your run\'s sequence length.',
    bad: [],
    good: ['{"instruction": "Say hi", "input": "", "output": "Hi!"}'],
  },
  scope: 'record',
  check(ctx) {
    const max = Number(ctx.options.maxTokens ?? 8192);
    // cheap upper bound first: the line's length bounds the text's length
    if (ctx.record.text.length / 4 <= max) return [];
    const fields = ctx.textFields();
    const total = fields.reduce((n, f) => n + approxTokens(f.text), 0);
    if (total <= max) return [];
    const longest = fields.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    return [{ message: `≈ ${total.toLocaleString('en-US')} tokens, over the context length of ${max.toLocaleString('en-US')}: the trainer will truncate or drop this record (longest field: ${longest.pointer.slice(1)}, ≈ ${approxTokens(longest.text).toLocaleString('en-US')} tokens)`, field: longest.pointer, ...ctx.locate(longest.pointer, 'key') }];
  },
};
