/**
 * OpenAssistant (OASST1/OASST2) exports. Three record shapes:
 *  - tree:    {message_tree_id, tree_state, prompt: message}           (message trees export)
 *  - message: {message_id, parent_id, text, role, ..., replies: [...]} (nested message export)
 *  - row:     {message_id, parent_id, text, role, lang, rank, ...}     (flat rows, one message each)
 * role is `prompter` or `assistant`. The conversation follows the best-ranked, non-deleted reply at
 * each level (rank 0 first, then the first reply). The plain-text "### Human: … ### Assistant: …"
 * export is a {"text"} record and belongs to the `text` format, which splits those markers into turns.
 */
import type { FieldSpec, Format, TextField, Turn } from '../types';
import { buildConversation, makeTurn } from '../conversation';
import { isObject, isString, ptr, type Rec } from './shared';

const ROLES = ['prompter', 'assistant'];

function roleOf(m: Rec): 'user' | 'assistant' | undefined {
  return m.role === 'prompter' ? 'user' : m.role === 'assistant' ? 'assistant' : undefined;
}

/** The root message object and its pointer. */
function root(record: Rec): { msg: Rec; base: string } | undefined {
  if (isObject(record.prompt) && ('message_tree_id' in record || 'tree_state' in record)) return { msg: record.prompt, base: '/prompt' };
  if ('message_id' in record || 'text' in record) return { msg: record, base: '' };
  return undefined;
}

function detect(record: unknown): number {
  if (!isObject(record)) return 0;
  if ('message_tree_id' in record && !('message_id' in record)) {
    if (isObject(record.prompt) && isString(record.prompt.text)) return 1;
    return 0.5;
  }
  const hasText = isString(record.text);
  const oaRole = isString(record.role) && ROLES.includes(record.role);
  if ('message_id' in record && hasText) return oaRole ? 1 : 0.7;
  if (record.role === 'prompter' && hasText) return 0.8;
  return 0;
}

function walk(m: Rec, base: string, depth: number, out: TextField[]): void {
  const role = roleOf(m);
  if (isString(m.text)) {
    const f: TextField = { pointer: ptr(base, 'text'), role: role === 'user' ? 'prompt' : role === 'assistant' ? 'response' : 'other', text: m.text, turn: depth, required: true };
    if (role) f.turnRole = role;
    out.push(f);
  }
  if (Array.isArray(m.replies)) m.replies.forEach((r, i) => isObject(r) && walk(r, ptr(base, 'replies', i), depth + 1, out));
}

function textFields(record: unknown): TextField[] {
  if (!isObject(record)) return [];
  const r = root(record);
  const out: TextField[] = [];
  if (r) walk(r.msg, r.base, 0, out);
  return out;
}

/** The reply to follow: best rank (lowest), else the first; deleted replies are skipped. */
function bestReply(replies: unknown): { msg: Rec; index: number } | undefined {
  if (!Array.isArray(replies)) return undefined;
  let best: { msg: Rec; index: number } | undefined;
  replies.forEach((r, index) => {
    if (!isObject(r) || r.deleted === true) return;
    if (!best) best = { msg: r, index };
    else if (typeof r.rank === 'number' && (typeof best.msg.rank !== 'number' || r.rank < best.msg.rank)) best = { msg: r, index };
  });
  return best;
}

function toConversation(record: unknown) {
  if (!isObject(record)) return undefined;
  const r = root(record);
  if (!r) return undefined;
  const turns: Turn[] = [];
  let cur: { msg: Rec; base: string } | undefined = r;
  while (cur) {
    const role = roleOf(cur.msg);
    if (role && isString(cur.msg.text)) turns.push(makeTurn(role, cur.msg.text, ptr(cur.base, 'text')));
    const next = bestReply(cur.msg.replies);
    cur = next ? { msg: next.msg, base: ptr(cur.base, 'replies', next.index) } : undefined;
  }
  return buildConversation(turns);
}

const treeFields: FieldSpec[] = [
  { pointer: '/message_tree_id', label: 'Tree id', kind: 'text' },
  { pointer: '/prompt/text', label: 'Prompt', kind: 'text', role: 'prompt', required: true },
  { pointer: '/prompt/replies', label: 'Replies', kind: 'json' },
];
const messageFields: FieldSpec[] = [
  { pointer: '/message_id', label: 'Message id', kind: 'text' },
  { pointer: '/parent_id', label: 'Parent id', kind: 'text' },
  { pointer: '/role', label: 'Role', kind: 'text' },
  { pointer: '/text', label: 'Text', kind: 'text', required: true },
  { pointer: '/lang', label: 'Language', kind: 'text' },
  { pointer: '/rank', label: 'Rank', kind: 'number' },
  { pointer: '/replies', label: 'Replies', kind: 'json' },
];

const message = {
  type: 'object',
  required: ['text', 'role'],
  properties: {
    message_id: { type: 'string' },
    parent_id: { type: ['string', 'null'] },
    text: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    lang: { type: ['string', 'null'] },
    rank: { type: ['integer', 'null'] },
    deleted: { type: 'boolean' },
    synthetic: { type: 'boolean' },
    review_count: { type: ['integer', 'null'] },
    review_result: { type: ['boolean', 'null'] },
    replies: { type: 'array', items: { $ref: '#/definitions/message' } },
  },
};

export const oasst: Format = {
  id: 'oasst',
  label: 'OpenAssistant',
  description: 'OpenAssistant exports: message trees {message_tree_id, prompt: {text, role, replies}} and message rows {message_id, parent_id, text, role: prompter|assistant}.',
  detect,
  detectReadsValuesOf: ['role'],
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'OpenAssistant record',
    definitions: { message },
    anyOf: [
      {
        type: 'object',
        required: ['message_tree_id', 'prompt'],
        properties: { message_tree_id: { type: 'string' }, tree_state: { type: 'string' }, prompt: { $ref: '#/definitions/message' } },
      },
      { allOf: [{ $ref: '#/definitions/message' }, { required: ['message_id'] }] },
    ],
  },
  knownKeys: [
    'message_tree_id', 'tree_state', 'prompt', 'message_id', 'parent_id', 'user_id', 'created_date', 'text', 'role',
    'lang', 'review_count', 'review_result', 'deleted', 'rank', 'synthetic', 'model_name', 'detoxify', 'emojis',
    'labels', 'replies',
  ],
  toConversation,
  textFields,
  fields: treeFields,
  fieldsFor: (record) => (isObject(record) && !('message_tree_id' in record && !('message_id' in record)) ? messageFields : treeFields),
};
