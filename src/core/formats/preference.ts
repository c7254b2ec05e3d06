/**
 * Preference pairs (DPO, ORPO, reward modelling). Shapes accepted:
 *  - {prompt?, chosen, rejected} with strings (TRL; Anthropic HH-RLHF transcripts without prompt) or
 *    message lists (TRL conversational, UltraFeedback binarized, which also carries `messages`);
 *  - LLaMA-Factory: {conversations | messages, chosen: {from, value}, rejected: {from, value}, system?, tools?};
 *  - OpenAI preference fine-tuning: {input: {messages, tools?}, preferred_output: [...], non_preferred_output: [...]};
 *  - StackExchange paired: {question, response_j (preferred), response_k};
 *  - AlpacaFarm / AlpacaEval pairwise: {instruction, input?, output_1, output_2, preference: 1 | 2}.
 * The conversation is the prompt followed by the chosen answer; rejected text has TextRole 'rejected'.
 */
import type { FieldSpec, Format, TextField, Turn } from '../types';
import { buildConversation, makeTurn, parseTools, parseTranscript } from '../conversation';
import { isObject, isString, joinPrompt, pushField, readMessage, readMessages, type Rec, type ReadResult } from './shared';

const PAIRS: [string, string][] = [
  ['chosen', 'rejected'],
  ['preferred_output', 'non_preferred_output'],
  ['response_j', 'response_k'],
  ['output_1', 'output_2'],
];

const answerShape = (v: unknown) => isString(v) || Array.isArray(v) || isObject(v);

function detect(record: unknown): number {
  if (!isObject(record)) return 0;
  for (const [good, bad] of PAIRS) {
    if (good in record && bad in record) {
      const score = good === 'response_j' || good === 'output_1' ? 0.95 : 1;
      return answerShape(record[good]) && answerShape(record[bad]) ? score : score - 0.2;
    }
  }
  if ('chosen' in record || 'rejected' in record) return 0.5;
  return 0;
}

/** The prompt part: where it lives and how it reads. */
function readContext(r: Rec): ReadResult & { length: number } {
  const out: ReadResult = { turns: [], fields: [] };
  if (isString(r.system)) {
    out.fields.push({ pointer: '/system', role: 'system', text: r.system });
    out.turns.push(makeTurn('system', r.system, '/system'));
  }
  let length = 0;
  const list = (v: unknown, base: string) => {
    const res = readMessages(v, { base });
    out.turns.push(...res.turns);
    out.fields.push(...res.fields);
    length = Array.isArray(v) ? v.length : 0;
  };
  if (isObject(r.input) && Array.isArray(r.input.messages)) list(r.input.messages, '/input/messages');
  else if (Array.isArray(r.conversations)) list(r.conversations, '/conversations');
  else if (Array.isArray(r.prompt)) list(r.prompt, '/prompt');
  else if (Array.isArray(r.messages) && !Array.isArray(r.chosen)) list(r.messages, '/messages');
  else {
    const key = (['prompt', 'question', 'instruction'] as const).find((k) => isString(r[k]));
    if (key === 'instruction') {
      pushField(out.fields, r, 'instruction', 'prompt', true);
      pushField(out.fields, r, 'input', 'context');
      out.turns.push(makeTurn('user', joinPrompt(r.instruction as string, r.input), '/instruction'));
      length = 1;
    } else if (key) {
      pushField(out.fields, r, key, 'prompt', true);
      const transcript = parseTranscript(r[key] as string);
      if (transcript) {
        // HH-RLHF style prompt ending with an open "Assistant:" marker
        if (transcript.length && transcript[transcript.length - 1].role === 'assistant' && transcript[transcript.length - 1].content === '') transcript.pop();
        out.turns.push(...transcript.map((t) => makeTurn(t.role, t.content, `/${key}`)));
      } else out.turns.push(makeTurn('user', r[key] as string, `/${key}`));
      length = 1;
    }
  }
  return { ...out, length };
}

function readAnswer(r: Rec, key: string, rejected: boolean, offset: number, hasContext: boolean): ReadResult {
  const v = r[key];
  if (Array.isArray(v)) return readMessages(v, { base: `/${key}`, turnOffset: hasContext ? offset : 0, rejected });
  if (isObject(v)) return readMessage(v, `/${key}`, offset, rejected);
  const out: ReadResult = { turns: [], fields: [] };
  if (!isString(v)) return out;
  out.fields.push({ pointer: `/${key}`, role: rejected ? 'rejected' : 'response', text: v, required: true });
  const transcript = hasContext ? undefined : parseTranscript(v);
  if (transcript) out.turns.push(...transcript.map((t) => makeTurn(t.role, t.content, `/${key}`)));
  else out.turns.push(makeTurn('assistant', v, `/${key}`));
  return out;
}

function pairOf(r: Rec): [string, string] | undefined {
  const pair = PAIRS.find(([good, bad]) => good in r || bad in r);
  // AlpacaFarm: `preference` names the better output (1 or 2)
  if (pair && pair[0] === 'output_1' && r.preference === 2) return ['output_2', 'output_1'];
  return pair;
}

function textFields(record: unknown): TextField[] {
  if (!isObject(record)) return [];
  const ctx = readContext(record);
  const out = [...ctx.fields];
  const pair = pairOf(record);
  const hasContext = ctx.fields.some((f) => f.role !== 'system');
  if (pair) {
    out.push(...readAnswer(record, pair[0], false, ctx.length, hasContext).fields);
    out.push(...readAnswer(record, pair[1], true, ctx.length, hasContext).fields);
  }
  return out;
}

function toConversation(record: unknown) {
  if (!isObject(record)) return undefined;
  const pair = pairOf(record);
  if (!pair) return undefined;
  const ctx = readContext(record);
  const hasContext = ctx.fields.some((f) => f.role !== 'system');
  const chosen = readAnswer(record, pair[0], false, ctx.length, hasContext).turns;
  let turns: Turn[] = [...ctx.turns];
  // TRL implicit prompt: the chosen list repeats the prompt turns
  const userInChosen = chosen.findIndex((t) => t.role === 'user');
  if (userInChosen >= 0 && ctx.turns.some((t) => t.role === 'user')) turns = ctx.turns.filter((t) => t.role === 'system');
  turns.push(...chosen);
  const tools = parseTools(record.tools) ?? (isObject(record.input) ? parseTools(record.input.tools) : undefined);
  return buildConversation(turns, { tools });
}

const fields: FieldSpec[] = [
  { pointer: '/prompt', label: 'Prompt', kind: 'text', role: 'prompt' },
  { pointer: '/chosen', label: 'Chosen', kind: 'text', role: 'response', required: true },
  { pointer: '/rejected', label: 'Rejected', kind: 'text', role: 'rejected', required: true },
];

const TURN_SPEC_OPENAI = { roleKey: 'role', contentKey: 'content', roles: ['system', 'user', 'assistant', 'tool'] };
const TURN_SPEC_SHAREGPT = { roleKey: 'from', contentKey: 'value', roles: ['system', 'human', 'gpt', 'function_call', 'observation'] };

function specFor(r: Rec, key: string, label: string, role: FieldSpec['role'], required: boolean): FieldSpec | undefined {
  const v = r[key];
  if (v === undefined) return undefined;
  const spec: FieldSpec = { pointer: `/${key}`, label, kind: 'text', required };
  if (role) spec.role = role;
  if (Array.isArray(v)) {
    spec.kind = 'turns';
    spec.turns = isObject(v[0]) && 'from' in v[0] ? TURN_SPEC_SHAREGPT : TURN_SPEC_OPENAI;
  } else if (isObject(v)) {
    const ck = 'value' in v ? 'value' : 'content';
    spec.pointer = `/${key}/${ck}`;
  }
  return spec;
}

function fieldsFor(record: unknown): FieldSpec[] {
  if (!isObject(record)) return fields;
  const out: FieldSpec[] = [];
  const push = (s: FieldSpec | undefined) => s && out.push(s);
  push(specFor(record, 'system', 'System', 'system', false));
  if (isObject(record.input)) out.push({ pointer: '/input/messages', label: 'Input', kind: 'turns', required: true, turns: TURN_SPEC_OPENAI });
  for (const [k, label] of [['conversations', 'Conversation'], ['prompt', 'Prompt'], ['question', 'Question'], ['instruction', 'Instruction']]) push(specFor(record, k, label, 'prompt', false));
  if (isString(record.input)) out.push({ pointer: '/input', label: 'Input', kind: 'text', role: 'context' });
  const pair = pairOf(record) ?? ['chosen', 'rejected'];
  push(specFor(record, pair[0], 'Chosen', 'response', true));
  push(specFor(record, pair[1], 'Rejected', 'rejected', true));
  return out.length ? out : fields;
}

const answer = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }, { type: 'object' }] };

export const preference: Format = {
  id: 'preference',
  label: 'Preference pairs',
  description: 'prompt / chosen / rejected (strings or message lists), LLaMA-Factory conversations + chosen/rejected, OpenAI preferred_output/non_preferred_output.',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Preference record',
    type: 'object',
    properties: {
      prompt: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] },
      chosen: answer,
      rejected: answer,
      conversations: { type: 'array', items: { type: 'object' } },
      messages: { type: 'array', items: { type: 'object' } },
      system: { type: 'string' },
      // OpenAI: {messages, tools?}; AlpacaFarm: the instruction's input text
      input: {
        anyOf: [
          { type: 'object', required: ['messages'], properties: { messages: { type: 'array', items: { type: 'object' } } } },
          { type: 'string' },
        ],
      },
      preferred_output: { type: 'array', items: { type: 'object' } },
      non_preferred_output: { type: 'array', items: { type: 'object' } },
      question: { type: 'string' },
      response_j: { type: 'string' },
      response_k: { type: 'string' },
      instruction: { type: 'string' },
      output_1: { type: 'string' },
      output_2: { type: 'string' },
      preference: { type: 'number' },
      score_chosen: { type: 'number' },
      score_rejected: { type: 'number' },
    },
    anyOf: [
      { required: ['chosen', 'rejected'] },
      { required: ['input', 'preferred_output', 'non_preferred_output'] },
      { required: ['question', 'response_j', 'response_k'] },
      { required: ['instruction', 'output_1', 'output_2'] },
    ],
  },
  knownKeys: [
    'prompt', 'chosen', 'rejected', 'conversations', 'messages', 'system', 'tools', 'images', 'id', 'prompt_id',
    'score_chosen', 'score_rejected', 'input', 'preferred_output', 'non_preferred_output', 'question', 'response_j',
    'response_k', 'qid', 'date', 'metadata', 'instruction', 'input', 'output_1', 'output_2', 'preference', 'generator_1',
    'generator_2', 'annotator',
  ],
  toConversation,
  textFields,
  fields,
  fieldsFor,
};
