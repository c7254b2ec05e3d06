/**
 * ShareGPT: {conversations: [{from, value}]} with from = human | gpt | system | function_call |
 * observation | tool (LLaMA-Factory tags; also user/assistant and chatgpt/bing/bard of raw ShareGPT
 * dumps), optional top-level `system` and `tools` (a JSON string), multimodal `images`/`videos`/`audios`.
 * Also accepted: the list under `messages` or `conversation` when its turns use from/value, and
 * `conversations` whose turns use role/content (LLaMA-Factory with role/content tags), and LIMA's
 * `conversations: ["question", "answer", ...]` (plain strings, alternating user and assistant).
 */
import type { FieldSpec, Format, TextField } from '../types';
import { buildConversation, makeTurn, parseTools } from '../conversation';
import {
  SHAREGPT_ROLES, isObject, isString, messageQuality, messageSchema, messageStyle, ptr, pushField, readMessages, type ReadResult, type Rec,
} from './shared';

const LIST_KEYS = ['conversations', 'conversation', 'messages'] as const;

/** The key of the turn list this record uses, or undefined. */
function listKey(r: Rec): string | undefined {
  for (const k of LIST_KEYS) {
    if (!Array.isArray(r[k])) continue;
    if (k === 'messages' && messageStyle(r[k]) !== 'sharegpt') continue;
    return k;
  }
  return undefined;
}

function detect(record: unknown): number {
  if (!isObject(record)) return 0;
  const key = listKey(record);
  if (!key) return 'conversations' in record ? 0.4 : 0;
  const list = record[key] as unknown[];
  const style = messageStyle(list);
  let base: number;
  if (style === 'sharegpt') base = key === 'conversations' ? 1 : 0.95;
  else if (style === 'openai') base = 0.85;
  else if (key !== 'messages' && isStringList(list)) return 0.8;
  else return list.length ? 0.4 : 0.6;
  return base * (0.5 + 0.5 * messageQuality(list));
}

const isStringList = (list: unknown[]) => list.length > 0 && list.every(isString);

/** LIMA: alternating user/assistant strings. */
function readStrings(list: string[], key: string): ReadResult {
  const out: ReadResult = { turns: [], fields: [] };
  list.forEach((text, i) => {
    const role = i % 2 === 0 ? 'user' : 'assistant';
    const pointer = ptr('', key, i);
    out.turns.push(makeTurn(role, text, pointer));
    out.fields.push({ pointer, role: role === 'user' ? 'prompt' : 'response', text, turn: i, turnRole: role, required: true });
  });
  return out;
}

function read(record: Rec, key: string): ReadResult {
  const list = record[key] as unknown[];
  return key !== 'messages' && isStringList(list) ? readStrings(list as string[], key) : readMessages(list, { base: `/${key}` });
}

function textFields(record: unknown): TextField[] {
  if (!isObject(record)) return [];
  const out: TextField[] = [];
  pushField(out, record, 'system', 'system');
  const key = listKey(record);
  if (key) out.push(...read(record, key).fields);
  return out;
}

function toConversation(record: unknown) {
  if (!isObject(record)) return undefined;
  const key = listKey(record);
  if (!key) return undefined;
  const { turns } = read(record, key);
  return buildConversation(turns, { system: isString(record.system) ? record.system : undefined, tools: parseTools(record.tools) });
}

const fields: FieldSpec[] = [
  { pointer: '/system', label: 'System', kind: 'text', role: 'system' },
  {
    pointer: '/conversations',
    label: 'Conversation',
    kind: 'turns',
    required: true,
    turns: { roleKey: 'from', contentKey: 'value', roles: SHAREGPT_ROLES },
  },
  { pointer: '/tools', label: 'Tools', kind: 'json' },
];

function fieldsFor(record: unknown): FieldSpec[] {
  if (!isObject(record)) return fields;
  const key = listKey(record);
  if (!key) return fields;
  const openai = messageStyle(record[key]) === 'openai';
  return fields.map((f) =>
    f.kind === 'turns'
      ? { ...f, pointer: `/${key}`, turns: { roleKey: openai ? 'role' : 'from', contentKey: openai ? 'content' : 'value', roles: SHAREGPT_ROLES } }
      : f,
  );
}

const sharegptTurn = messageSchema('sharegpt', SHAREGPT_ROLES);
const roleTurn = { type: 'object', required: ['role', 'content'], properties: { role: { type: 'string', enum: SHAREGPT_ROLES }, content: { type: 'string' } } };
const list = { type: 'array', items: { anyOf: [sharegptTurn, roleTurn, { type: 'string' }] } };

export const sharegpt: Format = {
  id: 'sharegpt',
  label: 'ShareGPT',
  description: 'conversations: [{from: human|gpt|system|function_call|observation, value}] with optional system and tools.',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'ShareGPT record',
    type: 'object',
    properties: {
      conversations: list,
      conversation: list,
      messages: { type: 'array', items: sharegptTurn },
      system: { type: 'string' },
      tools: { anyOf: [{ type: 'string' }, { type: 'array' }] },
      images: { type: 'array', items: { type: 'string' } },
      videos: { type: 'array', items: { type: 'string' } },
      audios: { type: 'array', items: { type: 'string' } },
    },
    anyOf: [{ required: ['conversations'] }, { required: ['conversation'] }, { required: ['messages'] }],
  },
  knownKeys: ['conversations', 'system', 'tools', 'id', 'images', 'videos', 'audios', 'conversation', 'messages', 'source'],
  toConversation,
  textFields,
  fields,
  fieldsFor,
};
