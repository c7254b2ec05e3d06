/**
 * The record a cursor is on, as a Conversation: a JSONL line, or the element of a `.json` array that spans the
 * line. The file's format is the configured one, else detected from its first records. Pure: lines come in
 * through a LineSource-like reader.
 */
import type { Conversation, Format } from '../types';
import { parseRecord } from '../jsonl/parseRecord';
import { parseJsonArrayFile } from '../jsonl/jsonArray';
import { detectFormat, detectRecordFormat } from '../formats/detect';
import { getFormat } from '../formats/registry';
import { recordConversation } from '../eval/prompt';

export interface LineReader {
  readonly lineCount: number;
  lineText(line: number): string;
}

export type RecordAt =
  | { ok: true; line: number; value: unknown; format: Format; conversation: Conversation }
  | { ok: false; line: number; message: string };

const SAMPLE = 200;

/** The file's format: `configured` when it names a format, else detected from the first 200 non-blank lines. */
export function fileFormat(reader: LineReader, configured?: string): Format | undefined {
  const explicit = configured && configured !== 'auto' ? getFormat(configured) : undefined;
  if (explicit) return explicit;
  const values: unknown[] = [];
  for (let i = 0; i < reader.lineCount && values.length < SAMPLE; i++) {
    const t = reader.lineText(i);
    if (!t.trim()) continue;
    const p = parseRecord(t);
    if (p.ok) values.push(p.value);
  }
  const id = detectFormat(values).format;
  return id ? getFormat(id) : undefined;
}

function toRecordAt(line: number, value: unknown, fileFmt: Format | undefined): RecordAt {
  // a record of another format than the file's (a mixed file) is read as its own; the file's format is the
  // fallback when no format recognises the record (a configured format the record only half follows)
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const format = isObject && fileFmt && (fileFmt.detect(value) > 0 || !detectRecordFormat(value)) ? fileFmt : undefined;
  const c = recordConversation(value, `line ${line + 1}`, format);
  if (!c.ok) return { ok: false, line, message: c.message };
  if (!c.conversation.turns.length) return { ok: false, line, message: `the record on line ${line + 1} has no turns to show (its text fields are missing or empty)` };
  return { ok: true, line, value, format: c.format!, conversation: c.conversation };
}

/** The JSONL record on `line` (0-based). */
export function jsonlRecordAt(reader: LineReader, line: number, configured?: string): RecordAt {
  if (line < 0 || line >= reader.lineCount) return { ok: false, line, message: `line ${line + 1} is outside the file` };
  const text = reader.lineText(line);
  if (!text.trim()) return { ok: false, line, message: `line ${line + 1} is blank: put the cursor on a record` };
  const p = parseRecord(text);
  if (!p.ok) return { ok: false, line, message: `line ${line + 1}, column ${p.error.startColumn + 1}: ${p.error.message} — fix the JSON to preview this record` };
  return toRecordAt(line, p.value, fileFormat(reader, configured));
}

/** The element of a `.json` array file that spans `line`. */
export function jsonArrayRecordAt(file: ReturnType<typeof parseJsonArrayFile>, line: number, configured?: string): RecordAt {
  if (!file) return { ok: false, line, message: 'this .json file does not hold an array of records' };
  const rec = file.records.find((r) => r.line <= line && line <= r.endLine);
  if (!rec) {
    const err = file.errors[0];
    return { ok: false, line, message: err ? `line ${err.line + 1}, column ${err.startColumn + 1}: ${err.message}` : `no record spans line ${line + 1}: put the cursor inside one` };
  }
  const explicit = configured && configured !== 'auto' ? getFormat(configured) : undefined;
  const detected = detectFormat(file.records.slice(0, SAMPLE).map((r) => r.value)).format;
  return toRecordAt(rec.line, rec.value, explicit ?? getFormat(detected ?? ''));
}
