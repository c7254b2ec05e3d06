/**
 * FLAN collection: {inputs, targets} plus task metadata (task_name, task_source, template_type,
 * template_idx, with or without the leading underscore the Hugging Face exports use).
 */
import type { FieldSpec, Format, TextField } from '../types';
import { buildConversation, makeTurn } from '../conversation';
import { isObject, isString, pushField } from './shared';

const META = ['task_name', 'task_source', 'template_type', 'template_idx', '_task_name', '_task_source', '_template_type', '_template_idx', 'task', 'id'];

function detect(record: unknown): number {
  if (!isObject(record) || !('inputs' in record)) return 0;
  let score = 'targets' in record ? 1 : 0.5;
  if (!isString(record.inputs)) score -= 0.3;
  if ('targets' in record && !isString(record.targets)) score -= 0.2;
  return Math.max(0, score);
}

function textFields(record: unknown): TextField[] {
  const out: TextField[] = [];
  if (!isObject(record)) return out;
  pushField(out, record, 'inputs', 'prompt', true);
  pushField(out, record, 'targets', 'response', true);
  return out;
}

function toConversation(record: unknown) {
  if (!isObject(record) || !isString(record.inputs)) return undefined;
  const turns = [makeTurn('user', record.inputs, '/inputs')];
  if (isString(record.targets)) turns.push(makeTurn('assistant', record.targets, '/targets'));
  return buildConversation(turns);
}

const fields: FieldSpec[] = [
  { pointer: '/inputs', label: 'Inputs', kind: 'text', role: 'prompt', required: true },
  { pointer: '/targets', label: 'Targets', kind: 'text', role: 'response', required: true },
  { pointer: '/task_name', label: 'Task', kind: 'text' },
  { pointer: '/template_type', label: 'Template type', kind: 'text' },
];

function fieldsFor(record: unknown): FieldSpec[] {
  if (!isObject(record)) return fields;
  // exports with underscore-prefixed metadata
  return fields.map((f) => {
    const key = f.pointer.slice(1);
    return !(key in record) && `_${key}` in record ? { ...f, pointer: `/_${key}` } : f;
  });
}

export const flan: Format = {
  id: 'flan',
  label: 'FLAN',
  description: 'inputs / targets with FLAN task metadata (task_name, template_type, template_idx, task_source).',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'FLAN record',
    type: 'object',
    required: ['inputs', 'targets'],
    properties: {
      inputs: { type: 'string' },
      targets: { type: 'string' },
      task_name: { type: 'string' },
      task_source: { type: 'string' },
      template_type: { type: 'string' },
      template_idx: { type: 'integer', minimum: 0 },
      _task_name: { type: 'string' },
      _task_source: { type: 'string' },
      _template_type: { type: 'string' },
      _template_idx: { type: 'integer', minimum: 0 },
      task: { type: 'string' },
    },
  },
  knownKeys: ['inputs', 'targets', ...META],
  toConversation,
  textFields,
  fields,
  fieldsFor,
};
