import type { FindingDraft, RecordRule, TextField } from '../../types';

const CHAT_FORMATS = new Set(['sharegpt', 'openai-chat', 'kto']);

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

export const roleOrder: RecordRule = {
  id: 'DS013',
  name: 'role-order',
  description: 'Chat turns out of order: the first turn after the system prompt is not the user\'s, roles do not alternate, a system turn in the middle, or the conversation does not end with the assistant.',
  tags: ['structure', 'chat'],
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', properties: { requireAssistantLast: { type: 'boolean' } } },
  defaultOptions: { requireAssistantLast: true },
  docs: {
    rationale: 'Chat templates (Llama, Mistral, Gemma) reject or silently merge turns that do not alternate user/assistant, and a conversation that ends with the user trains nothing. Tool results may follow an assistant turn that called a tool.',
    bad: ['{"messages": [{"role": "assistant", "content": "Hello"}, {"role": "user", "content": "Hi"}]}', '{"messages": [{"role": "user", "content": "Hi"}, {"role": "user", "content": "Hello?"}, {"role": "assistant", "content": "Hello!"}]}'],
    good: ['{"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}'],
  },
  scope: 'record',
  check(ctx) {
    if (!ctx.format || !CHAT_FORMATS.has(ctx.format.id)) return [];
    const byTurn = new Map<number, TextField>();
    for (const f of ctx.textFields()) if (f.turn !== undefined && f.turnRole && !byTurn.has(f.turn)) byTurn.set(f.turn, f);
    const turns = [...byTurn.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
    if (!turns.length) return [];
    const out: FindingDraft[] = [];
    const at = (f: TextField, message: string): FindingDraft => {
      const parent = f.pointer.replace(/\/[^/]+$/, '');
      const turn = valueAt(ctx.record.value, parent);
      const key = turn && typeof turn === 'object' ? ['role', 'from'].find((k) => k in (turn as object)) : undefined;
      return { message, field: parent, ...ctx.locate(key ? `${parent}/${key}` : parent, 'value') };
    };
    let prev: string | undefined;
    turns.forEach((f, i) => {
      const role = f.turnRole!;
      if (role === 'system') {
        if (i > 0) out.push(at(f, `turn ${i + 1}: a system turn belongs at the start of the conversation`));
        return;
      }
      if (prev === undefined) {
        if (role !== 'user') out.push(at(f, `turn ${i + 1}: the first turn after the system prompt should be the user's, not the ${role}'s`));
      } else if (role === prev && role !== 'tool') {
        out.push(at(f, `turn ${i + 1}: two ${role} turns in a row — roles should alternate user / assistant`));
      } else if (role === 'tool' && prev !== 'assistant' && prev !== 'tool') {
        out.push(at(f, `turn ${i + 1}: a tool result must follow the assistant turn that called the tool`));
      }
      prev = role;
    });
    const last = turns[turns.length - 1];
    if (ctx.options.requireAssistantLast !== false && ctx.format.id !== 'kto' && last.turnRole !== 'assistant') {
      out.push(at(last, `the conversation ends with a ${last.turnRole} turn: nothing is trained after it (the last turn should be the assistant's)`));
    }
    return out;
  },
};
