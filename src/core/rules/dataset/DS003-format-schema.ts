import type { RecordRule } from '../../types';
import { validateValue, type SchemaIssue } from '../../schema/validate';
import { closestKey } from '../../schema/suggest';
import type { RecordContext, Span } from '../../types';

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
    const issues = validateValue(ctx.format.schema, ctx.record.value);
    if (!issues.length) return [];
    const keys = Object.keys(ctx.record.value as object);
    return issues
      // unknown keys are DS005's business (with a "did you mean")
      .filter((i) => i.keyword !== 'additionalProperties')
      // a required key that is only misspelt is reported once, by DS005, with a rename fix
      .filter((i) => !(i.keyword === 'required' && i.pointer === '' && keys.some((k) => closestKey(k, [missingKey(i)]) === missingKey(i))))
      .map((i) => ({ message: i.message, field: i.pointer, ...issueSpan(ctx, i) }));
  },
};

const missingKey = (i: SchemaIssue) => /missing required key "([^"]+)"/.exec(i.message)?.[1] ?? '';

/** A missing key points at the opening brace of its object (not the whole record); other issues at their key or value. */
export function issueSpan(ctx: RecordContext, i: SchemaIssue): Span {
  const span = ctx.locate(i.pointer, i.part);
  if (!i.message.startsWith('missing required key')) return span;
  return { line: span.line, startColumn: span.startColumn, endLine: span.line, endColumn: span.startColumn + 1 };
}
