/** A record → its Conversation (format detected or given), and → the messages the model is asked and the answer the dataset gives. */
import { detectRecordFormat } from '../formats/detect';
import { getFormat } from '../formats/registry';
import { promptMessages, type ChatMessage } from '../model/types';
import type { Conversation, Format } from '../types';
import type { EvalRecord } from './types';

export type RecordConversation = { ok: true; conversation: Conversation; format?: Format } | { ok: false; message: string };

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : typeof v);

/** The conversation of a parsed record; `where` starts the messages ("line 3", "record 2 (line 3)"). */
export function recordConversation(value: unknown, where: string, format?: Format): RecordConversation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: `${where} holds ${kindOf(value)}, not a record (a JSON object such as {"instruction": …, "output": …})` };
  const f = format ?? getFormat(detectRecordFormat(value) ?? '');
  if (!f) return { ok: false, message: `${where}: no known dataset format fits this record (expected e.g. instruction/output, messages, conversations, question/answer; or name the format)` };
  let conversation: Conversation | undefined;
  try {
    conversation = f.toConversation(value);
  } catch (e) {
    return { ok: false, message: `${where}: cannot read it as ${f.label}: ${e instanceof Error ? e.message : String(e)}` };
  }
  return conversation ? { ok: true, conversation, format: f } : { ok: false, message: `${where}: the record does not have the fields of ${f.label}` };
}

export type RecordPrompt = { ok: true; messages: ChatMessage[]; expected?: string } | { ok: false; message: string };

export function recordPrompt(rec: EvalRecord, format?: Format): RecordPrompt {
  const where = `line ${rec.line}`;
  if (rec.parseError !== undefined) return { ok: false, message: `${where} is not valid JSON: ${rec.parseError}` };
  let conversation = rec.conversation;
  if (!conversation) {
    const c = recordConversation(rec.value, where, format);
    if (!c.ok) return c;
    conversation = c.conversation;
  }
  const { messages, expected } = promptMessages(conversation);
  if (!messages.some((m) => m.role === 'user' && m.content.trim())) return { ok: false, message: `${where}: the record has no question to ask (no non-empty user turn before its answer)` };
  return { ok: true, messages, expected };
}
