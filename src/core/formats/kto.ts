/**
 * KTO (unpaired preference): a conversation plus a boolean saying whether its answer is desirable.
 *  - LLaMA-Factory: {messages | conversations: [...], label: true|false} (the `kto_tag` column, `label` by default);
 *  - TRL unpaired: {prompt, completion, label} with strings or message lists;
 *  - LLaMA-Factory alpaca layout: {instruction, input, output, kto_tag | label}.
 */
import type { FieldSpec, Format, TextField, Turn } from '../types';
import { buildConversation, makeTurn, parseTools } from '../conversation';
import { isObject, isString, joinPrompt, pushField, readMessages, type Rec } from './shared';

const LABEL_KEYS = ['label', 'kto_tag'];
const LIST_KEYS = ['messages', 'conversations'];

function labelKey(r: Rec): string | undefined {
  return LABEL_KEYS.find((k) => k in r);
}

function listKey(r: Rec): string | undefined {
  return LIST_KEYS.find((k) => Array.isArray(r[k]));
}

function detect(record: unknown): number {
  if (!isObject(record)) return 0;
  const lk = labelKey(record);
  if (!lk) return 0;
  const body = listKey(record) !== undefined || ('prompt' in record && 'completion' in record) || ('instruction' in record && 'output' in record);
  if (!body) return 0;
  return typeof record[lk] === 'boolean' ? 1 : 0.4;
}

function textFields(record: unknown): TextField[] {
  if (!isObject(record)) return [];
  const out: TextField[] = [];
  pushField(out, record, 'system', 'system');
  const key = listKey(record);
  if (key) {
    out.push(...readMessages(record[key], { base: `/${key}` }).fields);
    return out;
  }
  if (isString(record.instruction)) {
    pushField(out, record, 'instruction', 'prompt', true);
    pushField(out, record, 'input', 'context');
    pushField(out, record, 'output', 'response', true);
    return out;
  }
  pushField(out, record, 'prompt', 'prompt', true);
  if (Array.isArray(record.prompt)) out.push(...readMessages(record.prompt, { base: '/prompt' }).fields);
  pushField(out, record, 'completion', 'response', true);
  if (Array.isArray(record.completion)) {
    const offset = Array.isArray(record.prompt) ? record.prompt.length : 1;
    out.push(...readMessages(record.completion, { base: '/completion', turnOffset: offset }).fields);
  }
  return out;
}

function toConversation(record: unknown) {
  if (!isObject(record)) return undefined;
  const system = isString(record.system) ? record.system : undefined;
  const tools = parseTools(record.tools);
  const key = listKey(record);
  if (key) return buildConversation(readMessages(record[key], { base: `/${key}` }).turns, { system, tools });
  const turns: Turn[] = [];
  if (isString(record.instruction)) {
    turns.push(makeTurn('user', joinPrompt(record.instruction, record.input), '/instruction'));
    if (isString(record.output)) turns.push(makeTurn('assistant', record.output, '/output'));
    return buildConversation(turns, { system, tools });
  }
  if (isString(record.prompt)) turns.push(makeTurn('user', record.prompt, '/prompt'));
  else if (Array.isArray(record.prompt)) turns.push(...readMessages(record.prompt, { base: '/prompt' }).turns);
  else return undefined;
  if (isString(record.completion)) turns.push(makeTurn('assistant', record.completion, '/completion'));
  else if (Array.isArray(record.completion)) turns.push(...readMessages(record.completion, { base: '/completion' }).turns);
  return buildConversation(turns, { system, tools });
}

const fields: FieldSpec[] = [
  { pointer: '/messages', label: 'Messages', kind: 'turns', required: true, turns: { roleKey: 'role', contentKey: 'content', roles: ['system', 'user', 'assistant', 'tool'] } },
  { pointer: '/label', label: 'Desirable', kind: 'boolean', required: true },
];

function fieldsFor(record: unknown): FieldSpec[] {
  if (!isObject(record)) return fields;
  const lk = labelKey(record) ?? 'label';
  const label: FieldSpec = { pointer: `/${lk}`, label: 'Desirable', kind: 'boolean', required: true };
  const key = listKey(record);
  if (key) {
    const first = (record[key] as unknown[]).find(isObject);
    const sharegpt = first !== undefined && 'from' in first;
    const turns = sharegpt
      ? { roleKey: 'from', contentKey: 'value', roles: ['system', 'human', 'gpt', 'function_call', 'observation'] }
      : { roleKey: 'role', contentKey: 'content', roles: ['system', 'user', 'assistant', 'tool'] };
    return [{ pointer: `/${key}`, label: 'Conversation', kind: 'turns', required: true, turns }, label];
  }
  if ('instruction' in record) {
    return [
      { pointer: '/instruction', label: 'Instruction', kind: 'text', role: 'prompt', required: true },
      { pointer: '/input', label: 'Input', kind: 'text', role: 'context' },
      { pointer: '/output', label: 'Output', kind: 'text', role: 'response', required: true },
      label,
    ];
  }
  return [
    { pointer: '/prompt', label: 'Prompt', kind: 'text', role: 'prompt', required: true },
    { pointer: '/completion', label: 'Completion', kind: 'text', role: 'response', required: true },
    label,
  ];
}

const list = { type: 'array', items: { type: 'object' } };
const textOrList = { anyOf: [{ type: 'string' }, list] };

export const kto: Format = {
  id: 'kto',
  label: 'KTO (unpaired preference)',
  description: 'messages/conversations or prompt/completion plus a boolean `label` (desirable or not).',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'KTO record',
    type: 'object',
    properties: {
      messages: list,
      conversations: list,
      prompt: textOrList,
      completion: textOrList,
      label: { type: 'boolean' },
      kto_tag: { type: 'boolean' },
      system: { type: 'string' },
      instruction: { type: 'string' },
      input: { type: 'string' },
      output: { type: 'string' },
    },
    allOf: [
      { anyOf: [{ required: ['label'] }, { required: ['kto_tag'] }] },
      { anyOf: [{ required: ['messages'] }, { required: ['conversations'] }, { required: ['prompt', 'completion'] }, { required: ['instruction', 'output'] }] },
    ],
  },
  knownKeys: ['messages', 'conversations', 'prompt', 'completion', 'label', 'kto_tag', 'system', 'tools', 'images', 'id', 'instruction', 'input', 'output'],
  toConversation,
  textFields,
  fields,
  fieldsFor,
};
