/**
 * Prompt / completion: {prompt, completion} as strings (OpenAI legacy fine-tuning, MLX, self-instruct)
 * or as message lists (TRL conversational prompt-completion). `response` is accepted in place of
 * `completion`.
 */
import type { FieldSpec, Format, TextField, Turn } from '../types';
import { buildConversation, makeTurn } from '../conversation';
import { isObject, isString, pushField, readMessages, type Rec } from './shared';

function completionKey(r: Rec): 'completion' | 'response' | undefined {
  if ('completion' in r) return 'completion';
  if ('response' in r) return 'response';
  return undefined;
}

const textOrList = (v: unknown) => isString(v) || Array.isArray(v);

function detect(record: unknown): number {
  if (!isObject(record) || !('prompt' in record)) return 0;
  const ck = completionKey(record);
  let score = ck === 'completion' ? 1 : ck === 'response' ? 0.8 : 0.4;
  if (!textOrList(record.prompt)) score -= 0.3;
  if (ck && !textOrList(record[ck])) score -= 0.2;
  return Math.max(0, score);
}

function textFields(record: unknown): TextField[] {
  if (!isObject(record)) return [];
  const out: TextField[] = [];
  pushField(out, record, 'prompt', 'prompt', true);
  const promptList = Array.isArray(record.prompt) ? record.prompt : undefined;
  if (promptList) out.push(...readMessages(promptList, { base: '/prompt' }).fields);
  const ck = completionKey(record);
  if (ck) {
    pushField(out, record, ck, 'response', true);
    if (Array.isArray(record[ck])) out.push(...readMessages(record[ck], { base: `/${ck}`, turnOffset: promptList?.length ?? 1 }).fields);
  }
  return out;
}

function toConversation(record: unknown) {
  if (!isObject(record)) return undefined;
  const turns: Turn[] = [];
  if (isString(record.prompt)) turns.push(makeTurn('user', record.prompt, '/prompt'));
  else if (Array.isArray(record.prompt)) turns.push(...readMessages(record.prompt, { base: '/prompt' }).turns);
  else return undefined;
  const ck = completionKey(record);
  if (ck && isString(record[ck])) turns.push(makeTurn('assistant', record[ck] as string, `/${ck}`));
  else if (ck && Array.isArray(record[ck])) turns.push(...readMessages(record[ck], { base: `/${ck}` }).turns);
  return buildConversation(turns);
}

const fields: FieldSpec[] = [
  { pointer: '/prompt', label: 'Prompt', kind: 'text', role: 'prompt', required: true },
  { pointer: '/completion', label: 'Completion', kind: 'text', role: 'response', required: true },
];

function fieldsFor(record: unknown): FieldSpec[] {
  if (!isObject(record)) return fields;
  const ck = completionKey(record) ?? 'completion';
  return fields.map((f) => {
    const key = f.pointer === '/prompt' ? 'prompt' : ck;
    const kind = Array.isArray(record[key]) ? 'turns' : 'text';
    const spec: FieldSpec = { ...f, pointer: `/${key}`, kind, label: key[0].toUpperCase() + key.slice(1) };
    if (kind === 'turns') spec.turns = { roleKey: 'role', contentKey: 'content', roles: ['system', 'user', 'assistant', 'tool'] };
    return spec;
  });
}

const textOrMessages = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'object', required: ['role', 'content'] } }] };

export const promptCompletion: Format = {
  id: 'prompt-completion',
  label: 'Prompt / completion',
  description: 'prompt / completion strings (or TRL message lists); `response` accepted for `completion`.',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Prompt/completion record',
    type: 'object',
    required: ['prompt'],
    properties: { prompt: textOrMessages, completion: textOrMessages, response: { type: 'string' } },
    anyOf: [{ required: ['completion'] }, { required: ['response'] }],
  },
  knownKeys: ['prompt', 'completion', 'response', 'id'],
  toConversation,
  textFields,
  fields,
  fieldsFor,
};
