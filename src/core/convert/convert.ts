/**
 * Converts records between Alpaca, ShareGPT and OpenAI chat through the canonical Conversation.
 * Lossless where the target can hold the data; otherwise the record is reported, never silently cut.
 */
import type { Conversation, Format } from '../types';

export type TargetFormat = 'alpaca' | 'sharegpt' | 'openai-chat';
export const TARGETS: { id: TargetFormat; label: string }[] = [
  { id: 'alpaca', label: 'Alpaca (instruction / input / output, history)' },
  { id: 'sharegpt', label: 'ShareGPT (conversations: from / value)' },
  { id: 'openai-chat', label: 'OpenAI chat (messages: role / content)' },
];

const SHAREGPT_FROM = { system: 'system', user: 'human', assistant: 'gpt', tool: 'observation' } as const;

export function fromConversation(c: Conversation, target: TargetFormat): { record?: Record<string, unknown>; problem?: string } {
  const turns = c.turns.filter((t) => t.role !== 'system');
  if (target === 'openai-chat') {
    return { record: { messages: [...(c.system !== undefined ? [{ role: 'system', content: c.system }] : []), ...turns.map((t) => ({ role: t.role, content: t.content, ...(t.trained === false && t.role === 'assistant' ? { weight: 0 } : {}) }))], ...(c.tools ? { tools: c.tools } : {}) } };
  }
  if (target === 'sharegpt') {
    return { record: { conversations: turns.map((t) => ({ from: SHAREGPT_FROM[t.role], value: t.content })), ...(c.system !== undefined ? { system: c.system } : {}), ...(c.tools ? { tools: JSON.stringify(c.tools) } : {}) } };
  }
  // alpaca: the last user/assistant pair is the record, earlier pairs go to history
  if (turns.some((t) => t.role === 'tool')) return { problem: 'tool turns cannot be written as Alpaca' };
  const pairs: [string, string][] = [];
  for (let i = 0; i < turns.length; i += 2) {
    const [u, a] = [turns[i], turns[i + 1]];
    if (u?.role !== 'user' || (a && a.role !== 'assistant')) return { problem: `turn ${i + 1} breaks the user / assistant alternation Alpaca needs` };
    pairs.push([u.content, a?.content ?? '']);
  }
  if (!pairs.length) return { problem: 'no user turn' };
  const [instruction, output] = pairs[pairs.length - 1];
  return { record: { instruction, input: '', output, ...(c.system !== undefined ? { system: c.system } : {}), ...(pairs.length > 1 ? { history: pairs.slice(0, -1) } : {}) } };
}

export interface ConversionResult {
  lines: string[];
  problems: { line: number; message: string }[];
}

/** Converts parsed records (with their line numbers) of `from` format into JSONL lines of `target`. */
export function convertRecords(records: { line: number; value: unknown }[], from: Format, target: TargetFormat): ConversionResult {
  const out: ConversionResult = { lines: [], problems: [] };
  for (const r of records) {
    let conv: Conversation | undefined;
    try {
      conv = from.toConversation(r.value);
    } catch (e) {
      out.problems.push({ line: r.line, message: `cannot read as ${from.id}: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    if (!conv) {
      out.problems.push({ line: r.line, message: `not a ${from.id} record` });
      continue;
    }
    const { record, problem } = fromConversation(conv, target);
    if (!record) out.problems.push({ line: r.line, message: problem ?? 'cannot convert' });
    else out.lines.push(JSON.stringify(record));
  }
  return out;
}
