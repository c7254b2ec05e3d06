/**
 * OpenAI chat fine-tuning: {messages: [{role, content, name?, tool_calls?, tool_call_id?, weight?}],
 * tools?, parallel_tool_calls?}. `content` may be a string, null (assistant tool calls) or an array of
 * content parts ({type: 'text', text} in OpenAI, {type: 'text' | 'reasoning' | 'tool_call', value} in
 * LLaMA-Factory v1). `weight: 0` (or LLaMA-Factory `loss_weight: 0`) marks a turn as not trained.
 */
import type { FieldSpec, Format, TextField } from '../types';
import { buildConversation, parseTools } from '../conversation';
import { OPENAI_ROLES, isObject, messageQuality, messageSchema, messageStyle, readMessages } from './shared';

function detect(record: unknown): number {
  if (!isObject(record) || !('messages' in record)) return 0;
  const list = record.messages;
  if (!Array.isArray(list)) return 0.3;
  const style = messageStyle(list);
  if (style === 'sharegpt') return 0;
  if (!style) return list.length ? 0.3 : 0.6;
  return 0.5 + 0.5 * messageQuality(list);
}

function textFields(record: unknown): TextField[] {
  if (!isObject(record)) return [];
  return readMessages(record.messages, { base: '/messages' }).fields;
}

function tools(record: Record<string, unknown>): unknown[] | undefined {
  const t = parseTools(record.tools);
  if (t) return t;
  if (Array.isArray(record.functions)) return record.functions.map((f) => ({ type: 'function', function: f }));
  return undefined;
}

function toConversation(record: unknown) {
  if (!isObject(record) || !Array.isArray(record.messages)) return undefined;
  return buildConversation(readMessages(record.messages, { base: '/messages' }).turns, { tools: tools(record) });
}

const fields: FieldSpec[] = [
  {
    pointer: '/messages',
    label: 'Messages',
    kind: 'turns',
    required: true,
    turns: { roleKey: 'role', contentKey: 'content', roles: OPENAI_ROLES },
  },
  { pointer: '/tools', label: 'Tools', kind: 'json' },
  { pointer: '/parallel_tool_calls', label: 'Parallel tool calls', kind: 'boolean' },
];

export const openaiChat: Format = {
  id: 'openai-chat',
  label: 'OpenAI chat',
  description: 'messages: [{role: system|user|assistant|tool, content, tool_calls, weight}] with optional tools (OpenAI fine-tuning, LLaMA-Factory, TRL).',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'OpenAI chat record',
    type: 'object',
    required: ['messages'],
    properties: {
      messages: { type: 'array', items: messageSchema('openai', OPENAI_ROLES) },
      // OpenAI: an array of {type: 'function', function}; LLaMA-Factory stores it as a JSON string
      tools: { anyOf: [{ type: 'array', items: { type: 'object' } }, { type: 'string' }] },
      functions: { type: 'array', items: { type: 'object' } },
      parallel_tool_calls: { type: 'boolean' },
      images: { type: 'array', items: { type: 'string' } },
      videos: { type: 'array', items: { type: 'string' } },
      audios: { type: 'array', items: { type: 'string' } },
    },
  },
  knownKeys: ['messages', 'tools', 'parallel_tool_calls', 'functions', 'id', 'metadata', 'images', 'videos', 'audios'],
  toConversation,
  textFields,
  fields,
};
