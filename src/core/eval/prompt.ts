/** A record → the messages the model is asked and the answer the dataset gives. */
import { detectRecordFormat } from '../formats/detect';
import { getFormat } from '../formats/registry';
import { promptMessages, type ChatMessage } from '../model/types';
import type { Conversation, Format } from '../types';
import type { EvalRecord } from './types';

export type RecordPrompt = { ok: true; messages: ChatMessage[]; expected?: string } | { ok: false; message: string };

export function recordPrompt(rec: EvalRecord, format?: Format): RecordPrompt {
  const where = `line ${rec.line}`;
  if (rec.parseError !== undefined) return { ok: false, message: `${where} is not valid JSON: ${rec.parseError}` };
  let conversation: Conversation | undefined = rec.conversation;
  if (!conversation) {
    const f = format ?? getFormat(detectRecordFormat(rec.value) ?? '');
    if (!f) return { ok: false, message: `${where}: no known dataset format fits this record (expected e.g. instruction/output, messages, conversations, question/answer)` };
    try {
      conversation = f.toConversation(rec.value);
    } catch (e) {
      return { ok: false, message: `${where}: cannot read it as ${f.label}: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (!conversation) return { ok: false, message: `${where}: the record does not have the fields of ${f.label}` };
  }
  const { messages, expected } = promptMessages(conversation);
  if (!messages.some((m) => m.role === 'user' && m.content.trim())) return { ok: false, message: `${where}: the record has no question to ask (no non-empty user turn before its answer)` };
  return { ok: true, messages, expected };
}
