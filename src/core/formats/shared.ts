/**
 * Helpers the format files share: record access, JSON pointers, and reading a list of chat messages
 * (OpenAI `role/content`, ShareGPT `from/value`, content-part arrays) into turns and text fields.
 */
import type { Role, TextField, TextRole, Turn } from '../types';
import { makeTurn, normalizeRole, parseToolCallText } from '../conversation';

export type Rec = Record<string, unknown>;

export function isObject(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isString(v: unknown): v is string {
  return typeof v === 'string';
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function seg(key: string | number): string {
  return typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins segments into a JSON pointer under `base` ('' = the record). */
export function ptr(base: string, ...keys: (string | number)[]): string {
  if (base === '' && keys.length === 1 && typeof keys[0] === 'string') return topLevelPointer(keys[0]);
  return base + keys.map((k) => `/${seg(k)}`).join('');
}

// pointers of top-level keys, built once (every record of a file asks for the same few)
const topLevel = new Map<string, string>();
export function topLevelPointer(key: string): string {
  let p = topLevel.get(key);
  if (p === undefined) {
    p = `/${seg(key)}`;
    if (topLevel.size < 10_000) topLevel.set(key, p);
  }
  return p;
}

/** The first key of `keys` whose value in `rec` satisfies `test` (which must reject undefined: absent keys are not looked up apart). */
export function firstKey(rec: Rec, keys: readonly string[], test: (v: unknown) => boolean = isString): string | undefined {
  // no `k in rec` first: no key of these lists is on Object.prototype, and test rejects undefined
  for (const k of keys) if (test(rec[k])) return k;
  return undefined;
}

/**
 * Which keys of some fixed lists a record has, memoized on the record's own key list. Records of a file
 * almost all share theirs, and Object.keys of an object of a shape seen before is a copy of a cached list
 * (~10 ns for a GSM8K record), when looking up every listed key, present or not, costs ~15 ns a key.
 */
export class PresentKeys {
  private last: string[] | undefined;
  private present: readonly (readonly string[])[] = [];
  constructor(private readonly lists: readonly (readonly string[])[]) {}
  /** For each list, the keys of it that `rec` has as its own, in the list's order. */
  of(rec: Rec): readonly (readonly string[])[] {
    const keys = Object.keys(rec);
    const last = this.last;
    if (last !== undefined && last.length === keys.length) {
      let same = true;
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== last[i]) {
          same = false;
          break;
        }
      }
      if (same) return this.present;
    }
    const own = new Set(keys);
    this.last = keys;
    this.present = this.lists.map((list) => list.filter((k) => own.has(k)));
    return this.present;
  }
}

/** Pushes a text field for `rec[key]` when it is a string. */
export function pushField(out: TextField[], rec: Rec, key: string, role: TextRole, required = false, base = ''): void {
  const v = rec[key];
  if (typeof v !== 'string') return;
  // one literal per shape: a property added later would not fit in the object and need a second allocation
  out.push(required ? { pointer: ptr(base, key), role, text: v, required: true } : { pointer: ptr(base, key), role, text: v });
}

/** Joins a user prompt and its optional input/context the way trainers do (blank line between). */
export function joinPrompt(prompt: string, extra: unknown): string {
  return typeof extra === 'string' && extra.trim() !== '' ? `${prompt}\n\n${extra}` : prompt;
}

// ---------------------------------------------------------------------------------------------
// Chat messages

/** Roles a message list may use (schemas list them as enums). */
export const OPENAI_ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];
export const SHAREGPT_ROLES = [
  'system', 'human', 'user', 'gpt', 'assistant', 'chatgpt', 'bing', 'bard', 'model',
  'function_call', 'observation', 'tool', 'function',
];

/** Role key and content key of a message object, whichever convention it uses. */
export function messageKeys(m: Rec): { roleKey: string; contentKey: string } | undefined {
  if ('role' in m && ('content' in m || 'tool_calls' in m || 'function_call' in m)) return { roleKey: 'role', contentKey: 'content' };
  if ('from' in m && 'value' in m) return { roleKey: 'from', contentKey: 'value' };
  if ('role' in m && 'value' in m) return { roleKey: 'role', contentKey: 'value' };
  if ('from' in m && 'content' in m) return { roleKey: 'from', contentKey: 'content' };
  return undefined;
}

/** 'openai' when messages use role/content, 'sharegpt' when from/value, undefined when empty or neither. */
export function messageStyle(list: unknown): 'openai' | 'sharegpt' | undefined {
  if (!Array.isArray(list)) return undefined;
  let openai = 0;
  let sharegpt = 0;
  for (const m of list.slice(0, 8)) {
    if (!isObject(m)) continue;
    if ('from' in m && 'value' in m) sharegpt++;
    else if ('role' in m && ('content' in m || 'tool_calls' in m || 'function_call' in m)) openai++;
  }
  if (!openai && !sharegpt) return undefined;
  return sharegpt > openai ? 'sharegpt' : 'openai';
}

/** Share (0..1) of list items that are messages with a known role and a usable content. */
export function messageQuality(list: unknown[]): number {
  if (!list.length) return 0;
  let good = 0;
  for (const m of list) {
    if (!isObject(m)) continue;
    const keys = messageKeys(m);
    if (!keys) continue;
    const role = normalizeRole(m[keys.roleKey]);
    const c = m[keys.contentKey];
    if (role && (typeof c === 'string' || Array.isArray(c) || c === null || c === undefined)) good++;
  }
  return good / list.length;
}

const PART_TEXT_KEYS = ['text', 'value', 'refusal'];

function textRoleFor(role: Role | undefined, rejected: boolean): TextRole {
  switch (role) {
    case 'user':
      return 'prompt';
    case 'assistant':
      return rejected ? 'rejected' : 'response';
    case 'system':
      return 'system';
    case 'tool':
      return 'context';
    default:
      return 'other';
  }
}

export interface ReadOptions {
  /** Pointer of the list (or of the single message when `single`). */
  base: string;
  /** Turn number of the first message (for lists that continue another list). */
  turnOffset?: number;
  /** Assistant text is the rejected answer of a preference pair. */
  rejected?: boolean;
}

export interface ReadResult {
  turns: Turn[];
  fields: TextField[];
}

/** Reads one message object at `pointer` as turn number `turn`. */
export function readMessage(m: unknown, pointer: string, turn: number, rejected = false): ReadResult {
  const out: ReadResult = { turns: [], fields: [] };
  if (!isObject(m)) return out;
  const keys = messageKeys(m) ?? { roleKey: 'role' in m ? 'role' : 'from', contentKey: 'content' in m ? 'content' : 'value' };
  const rawRole = m[keys.roleKey];
  const role = normalizeRole(rawRole);
  const isCallTurn = rawRole === 'function_call';
  const textRole = isCallTurn ? 'other' : textRoleFor(role, rejected);
  const field = (p: string, text: string, r: TextRole, required = false): void => {
    const f: TextField = { pointer: p, role: r, text, turn };
    if (role) f.turnRole = role;
    if (required) f.required = true;
    out.fields.push(f);
  };

  const content = m[keys.contentKey];
  const toolCalls: unknown[] = [];
  const texts: string[] = [];
  let reasoning = '';
  const hasCalls = (Array.isArray(m.tool_calls) && m.tool_calls.length > 0) || isObject(m.function_call);
  if (typeof content === 'string') {
    const calls = isCallTurn ? parseToolCallText(content) : undefined;
    if (calls) toolCalls.push(...calls);
    else texts.push(content);
    field(ptr(pointer, keys.contentKey), content, textRole, (role === 'user' || role === 'assistant') && !hasCalls);
  } else if (Array.isArray(content)) {
    content.forEach((part, j) => {
      if (typeof part === 'string') {
        texts.push(part);
        field(ptr(pointer, keys.contentKey, j), part, textRole);
        return;
      }
      if (!isObject(part)) return;
      const tk = PART_TEXT_KEYS.find((k) => typeof part[k] === 'string');
      if (!tk) return;
      const text = part[tk] as string;
      const type = typeof part.type === 'string' ? part.type : 'text';
      const p = ptr(pointer, keys.contentKey, j, tk);
      if (type === 'reasoning' || type === 'thinking') {
        reasoning += (reasoning ? '\n' : '') + text;
        field(p, text, 'rationale');
      } else if (type === 'tool_call' || type === 'function_call') {
        const calls = parseToolCallText(text);
        if (calls) toolCalls.push(...calls);
        else texts.push(text);
        field(p, text, 'other');
      } else {
        texts.push(text);
        field(p, text, textRole);
      }
    });
  }
  for (const rk of ['reasoning_content', 'reasoning', 'thinking']) {
    if (typeof m[rk] === 'string') {
      reasoning += (reasoning ? '\n' : '') + (m[rk] as string);
      field(ptr(pointer, rk), m[rk] as string, 'rationale');
    }
  }
  if (Array.isArray(m.tool_calls)) {
    m.tool_calls.forEach((c, j) => {
      toolCalls.push(c);
      if (isObject(c) && isObject(c.function) && typeof c.function.arguments === 'string') {
        field(ptr(pointer, 'tool_calls', j, 'function', 'arguments'), c.function.arguments, 'other');
      }
    });
  }
  if (isObject(m.function_call)) {
    toolCalls.push({ type: 'function', function: m.function_call });
    if (typeof m.function_call.arguments === 'string') field(ptr(pointer, 'function_call', 'arguments'), m.function_call.arguments, 'other');
  }
  if (!role) return out;
  let text = texts.join('\n');
  if (reasoning) text = `<think>\n${reasoning}\n</think>\n\n${text}`;
  const extra: Partial<Turn> = {};
  if (typeof m.name === 'string') extra.name = m.name;
  if (toolCalls.length) extra.toolCalls = toolCalls;
  const t = makeTurn(role, text, typeof content === 'string' || Array.isArray(content) ? ptr(pointer, keys.contentKey) : pointer, extra);
  if (typeof m.loss_weight === 'number') t.trained = m.loss_weight > 0;
  else if (m.weight === 0 || m.weight === false) t.trained = false;
  else if (typeof m.train === 'boolean') t.trained = m.train && role === 'assistant';
  out.turns.push(t);
  return out;
}

/** Reads a list of messages under `opts.base`. */
export function readMessages(list: unknown, opts: ReadOptions): ReadResult {
  const out: ReadResult = { turns: [], fields: [] };
  if (!Array.isArray(list)) return out;
  const offset = opts.turnOffset ?? 0;
  list.forEach((m, i) => {
    const r = readMessage(m, ptr(opts.base, i), offset + i, opts.rejected);
    out.turns.push(...r.turns);
    out.fields.push(...r.fields);
  });
  return out;
}

/** JSON Schema of a message object (role/content or from/value) for a given role enum. */
export function messageSchema(style: 'openai' | 'sharegpt', roles: string[]): Record<string, unknown> {
  if (style === 'sharegpt') {
    return {
      type: 'object',
      required: ['from', 'value'],
      properties: { from: { type: 'string', enum: roles }, value: { type: 'string' } },
    };
  }
  return {
    type: 'object',
    required: ['role'],
    properties: {
      role: { type: 'string', enum: roles },
      content: {
        anyOf: [
          { type: 'string' },
          { type: 'null' },
          { type: 'array', items: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } } },
        ],
      },
      name: { type: 'string' },
      tool_calls: {
        type: 'array',
        items: {
          type: 'object',
          required: ['function'],
          properties: {
            id: { type: 'string' },
            type: { type: 'string' },
            function: {
              type: 'object',
              required: ['name'],
              properties: { name: { type: 'string' }, arguments: { type: 'string' } },
            },
          },
        },
      },
      tool_call_id: { type: 'string' },
      weight: { enum: [0, 1] },
      loss_weight: { type: 'number', minimum: 0 },
    },
    anyOf: [{ required: ['content'] }, { required: ['tool_calls'] }, { required: ['function_call'] }],
  };
}
