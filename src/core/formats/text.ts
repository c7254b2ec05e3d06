/**
 * Plain text: {"text": "..."} (pretraining / completion-only data, MLX LoRA, Guanaco). The whole text is
 * trained. A transcript written with speaker markers ("### Human: … ### Assistant: …",
 * "\n\nHuman: … \n\nAssistant: …") becomes one turn per marker, with only assistant turns trained.
 */
import type { FieldSpec, Format, TextField } from '../types';
import { buildConversation, makeTurn, parseTranscript } from '../conversation';
import { isObject, isString } from './shared';

function detect(record: unknown): number {
  if (!isObject(record) || !('text' in record)) return 0;
  return isString(record.text) ? 0.9 : 0.3;
}

function textFields(record: unknown): TextField[] {
  if (!isObject(record) || !isString(record.text)) return [];
  return [{ pointer: '/text', role: 'response', text: record.text, required: true }];
}

function toConversation(record: unknown) {
  if (!isObject(record) || !isString(record.text)) return undefined;
  const transcript = parseTranscript(record.text);
  if (transcript) return buildConversation(transcript.map((t) => makeTurn(t.role, t.content, '/text')));
  return buildConversation([makeTurn('assistant', record.text, '/text')]);
}

const fields: FieldSpec[] = [{ pointer: '/text', label: 'Text', kind: 'text', role: 'response', required: true }];

export const text: Format = {
  id: 'text',
  label: 'Text',
  description: '{"text": ...} records: plain text trained as a whole (speaker-marked transcripts split into turns).',
  detect,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Text record',
    type: 'object',
    required: ['text'],
    properties: { text: { type: 'string' } },
  },
  knownKeys: ['text', 'id', 'meta', 'metadata', 'source'],
  toConversation,
  textFields,
  fields,
};
