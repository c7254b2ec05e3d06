/**
 * Alpaca: {instruction, input, output} with optional system and history [[query, answer], ...]
 * (LLaMA-Factory). Variants accepted: `response` instead of `output` (GPTeacher) and the self-instruct
 * seed-task layout {instruction, instances: [{input, output}]}.
 */
import type { FieldSpec, Format, TextField, Turn } from '../types';
import { buildConversation, makeTurn } from '../conversation';
import { isObject, isString, joinPrompt, ptr, pushField, type Rec } from './shared';

const TEXT = { type: 'string' };

function answerKey(r: Rec): 'output' | 'response' | undefined {
  if (isString(r.output)) return 'output';
  if (isString(r.response)) return 'response';
  return undefined;
}

function detect(record: unknown): number {
  if (!isObject(record) || !('instruction' in record)) return 0;
  let score: number;
  if (isString(record.output)) score = 1;
  else if (isString(record.response) && !('context' in record)) score = 'input' in record ? 0.9 : 0.75;
  else if (Array.isArray(record.instances)) score = 0.85;
  else if ('input' in record || 'output' in record) score = 0.6;
  else score = 0.5;
  if (!isString(record.instruction)) score -= 0.3;
  if ('input' in record && !isString(record.input)) score -= 0.1;
  if ('history' in record && !Array.isArray(record.history)) score -= 0.1;
  return Math.max(0, score);
}

function textFields(record: unknown): TextField[] {
  const out: TextField[] = [];
  if (!isObject(record)) return out;
  pushField(out, record, 'system', 'system');
  if (Array.isArray(record.history)) {
    record.history.forEach((pair, i) => {
      if (!Array.isArray(pair)) return;
      if (isString(pair[0])) out.push({ pointer: ptr('', 'history', i, 0), role: 'prompt', text: pair[0], turn: 2 * i, turnRole: 'user' });
      if (isString(pair[1])) out.push({ pointer: ptr('', 'history', i, 1), role: 'response', text: pair[1], turn: 2 * i + 1, turnRole: 'assistant' });
    });
  }
  pushField(out, record, 'instruction', 'prompt', true);
  pushField(out, record, 'input', 'context');
  const ak = answerKey(record);
  if (ak) pushField(out, record, ak, 'response', true);
  if (Array.isArray(record.instances)) {
    record.instances.forEach((inst, i) => {
      if (!isObject(inst)) return;
      pushField(out, inst, 'input', 'context', false, ptr('', 'instances', i));
      pushField(out, inst, 'output', 'response', true, ptr('', 'instances', i));
    });
  }
  pushField(out, record, 'text', 'other');
  return out;
}

function toConversation(record: unknown) {
  if (!isObject(record) || !isString(record.instruction)) return undefined;
  const turns: Turn[] = [];
  if (Array.isArray(record.history)) {
    record.history.forEach((pair, i) => {
      if (!Array.isArray(pair)) return;
      if (isString(pair[0])) turns.push(makeTurn('user', pair[0], ptr('', 'history', i, 0)));
      if (isString(pair[1])) turns.push(makeTurn('assistant', pair[1], ptr('', 'history', i, 1)));
    });
  }
  const ak = answerKey(record);
  if (!ak && Array.isArray(record.instances) && record.instances.length) {
    // self-instruct seed task: the instruction goes with the first instance, later instances follow as turns
    record.instances.forEach((inst, i) => {
      if (!isObject(inst)) return;
      const user = i === 0 ? joinPrompt(record.instruction as string, inst.input) : isString(inst.input) ? inst.input : '';
      turns.push(makeTurn('user', user, i === 0 ? '/instruction' : ptr('', 'instances', i, 'input')));
      if (isString(inst.output)) turns.push(makeTurn('assistant', inst.output, ptr('', 'instances', i, 'output')));
    });
  } else {
    turns.push(makeTurn('user', joinPrompt(record.instruction, record.input), '/instruction'));
    if (ak) turns.push(makeTurn('assistant', record[ak] as string, `/${ak}`));
  }
  return buildConversation(turns, { system: isString(record.system) ? record.system : undefined });
}

const fields: FieldSpec[] = [
  { pointer: '/system', label: 'System', kind: 'text', role: 'system' },
  { pointer: '/instruction', label: 'Instruction', kind: 'text', role: 'prompt', required: true },
  { pointer: '/input', label: 'Input', kind: 'text', role: 'context' },
  { pointer: '/output', label: 'Output', kind: 'text', role: 'response', required: true },
  { pointer: '/history', label: 'History', kind: 'json' },
];

function fieldsFor(record: unknown): FieldSpec[] {
  if (!isObject(record)) return fields;
  if (!isString(record.output) && isString(record.response)) {
    return fields.map((f) => (f.pointer === '/output' ? { ...f, pointer: '/response', label: 'Response' } : f));
  }
  if (!('output' in record) && Array.isArray(record.instances)) {
    return [...fields.filter((f) => f.pointer !== '/output' && f.pointer !== '/input'), { pointer: '/instances', label: 'Instances', kind: 'json', required: true }];
  }
  return fields;
}

export const alpaca: Format = {
  id: 'alpaca',
  label: 'Alpaca',
  description: 'instruction / input / output (optional system and history); also `response` instead of `output` and self-instruct `instances`.',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Alpaca record',
    type: 'object',
    required: ['instruction'],
    properties: {
      instruction: TEXT,
      input: TEXT,
      output: TEXT,
      response: TEXT,
      system: TEXT,
      history: { type: 'array', items: { type: 'array', minItems: 2, maxItems: 2, items: TEXT } },
      instances: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', required: ['output'], properties: { input: TEXT, output: TEXT } },
      },
      text: TEXT,
    },
    anyOf: [{ required: ['output'] }, { required: ['response'] }, { required: ['instances'] }],
  },
  knownKeys: ['instruction', 'input', 'output', 'system', 'history', 'response', 'instances', 'text', 'id', 'name', 'is_classification', 'images', 'videos', 'audios'],
  toConversation,
  textFields,
  fields,
  fieldsFor,
};
