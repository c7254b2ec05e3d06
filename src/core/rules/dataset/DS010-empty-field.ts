import type { RecordRule } from '../../types';
import { isBlankText } from './util/text';

export const emptyField: RecordRule = {
  id: 'DS010',
  name: 'empty-field',
  description: 'A required text field, or a chat turn, is empty or only whitespace.',
  tags: ['quality'],
  defaultSeverity: 'error',
  docs: {
    rationale: 'An empty instruction or answer teaches the model to answer nothing, or to answer questions nobody asked. Optional fields such as Alpaca\'s "input" may be empty and are not reported.',
    bad: ['{"instruction": "Name a prime number.", "input": "", "output": "  "}', '{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": ""}]}'],
    good: ['{"instruction": "Name a prime number.", "input": "", "output": "7"}'],
  },
  scope: 'record',
  check(ctx) {
    const out = [];
    for (const f of ctx.textFields()) {
      if (!isBlankText(f.text)) continue;
      const isTurn = f.turn !== undefined;
      if (!f.required && !isTurn) continue;
      if (isTurn && f.turnRole === 'assistant' && f.role === 'other') continue; // tool-call turns carry no text
      const what = isTurn ? `${f.turnRole ?? 'chat'} turn ${f.turn! + 1}` : `"${f.pointer.slice(1)}"`;
      out.push({
        message: `${what} is ${f.text === '' ? 'empty' : 'only whitespace'}`,
        field: f.pointer,
        severity: f.required ? undefined : ('warning' as const),
        ...ctx.locate(f.pointer, 'value'),
      });
    }
    return out;
  },
};
