/**
 * Dolly (databricks-dolly-15k): {instruction, context, response, category}. `context` is the passage
 * for closed QA, extraction and summarization (often empty); `category` names the task type.
 */
import type { FieldSpec, Format, TextField } from '../types';
import { buildConversation, makeTurn } from '../conversation';
import { isObject, isString, joinPrompt, pushField } from './shared';

export const DOLLY_CATEGORIES = [
  'open_qa', 'closed_qa', 'general_qa', 'classification', 'information_extraction',
  'brainstorming', 'summarization', 'creative_writing',
];

function detect(record: unknown): number {
  if (!isObject(record) || !('instruction' in record)) return 0;
  let score: number;
  if (isString(record.response) && 'context' in record) score = 1;
  else if (isString(record.response) && !('input' in record) && !('output' in record)) score = 0.8;
  else if ('context' in record && !('output' in record)) score = 0.6;
  else if ('category' in record && !('output' in record)) score = 0.5;
  else return 0;
  if (!isString(record.instruction)) score -= 0.3;
  if ('context' in record && !isString(record.context)) score -= 0.1;
  return Math.max(0, score);
}

function textFields(record: unknown): TextField[] {
  const out: TextField[] = [];
  if (!isObject(record)) return out;
  pushField(out, record, 'instruction', 'prompt', true);
  pushField(out, record, 'context', 'context');
  pushField(out, record, 'response', 'response', true);
  return out;
}

function toConversation(record: unknown) {
  if (!isObject(record) || !isString(record.instruction)) return undefined;
  const turns = [makeTurn('user', joinPrompt(record.instruction, record.context), '/instruction')];
  if (isString(record.response)) turns.push(makeTurn('assistant', record.response, '/response'));
  return buildConversation(turns);
}

const fields: FieldSpec[] = [
  { pointer: '/instruction', label: 'Instruction', kind: 'text', role: 'prompt', required: true },
  { pointer: '/context', label: 'Context', kind: 'text', role: 'context' },
  { pointer: '/response', label: 'Response', kind: 'text', role: 'response', required: true },
  { pointer: '/category', label: 'Category', kind: 'text' },
];

export const dolly: Format = {
  id: 'dolly',
  label: 'Dolly',
  description: 'instruction / context / response / category (databricks-dolly-15k).',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Dolly record',
    type: 'object',
    required: ['instruction', 'response'],
    properties: {
      instruction: { type: 'string' },
      context: { type: 'string' },
      response: { type: 'string' },
      // free text in derived datasets; the Dolly 15k categories are listed in DOLLY_CATEGORIES
      category: { type: 'string' },
    },
  },
  knownKeys: ['instruction', 'context', 'response', 'category', 'id'],
  toConversation,
  textFields,
  fields,
};
