/** Helpers shared by the dataset rules. */
import type { RecordContext, Span, TextField } from '../../../types';

/** Lowercased, whitespace-collapsed text, for "same text" comparisons. */
export function normalize(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Does the record's source line escape non-ASCII characters (\u00e9) rather than write them raw? */
export function escapesNonAscii(line: string): boolean {
  return /\\u00[89a-f][0-9a-f]|\\u0[1-9a-f][0-9a-f]{2}|\\u[1-9a-f][0-9a-f]{3}/i.test(line) && !/[\u0080-\uffff]/.test(line);
}

/** JSON string literal in the file's style (ASCII-escaped when the line is). */
export function jsonString(s: string, asciiOnly: boolean): string {
  const out = JSON.stringify(s);
  return asciiOnly ? out.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : out;
}

/** A fix that replaces a string value with another, keeping the line's escaping style. */
export function replaceStringFix(ctx: RecordContext, field: TextField, next: string, title: string) {
  const span: Span = ctx.locate(field.pointer, 'value');
  return { title, edits: [{ line: span.line, startColumn: span.startColumn, endLine: span.endLine, endColumn: span.endColumn, text: jsonString(next, escapesNonAscii(ctx.record.text)) }] };
}

/** The prompt text of a record (prompt + context), for duplicate and copy checks. */
export function promptText(fields: TextField[]): string {
  return fields.filter((f) => f.role === 'prompt' || f.role === 'context' || f.role === 'system').map((f) => f.text).join('\n');
}

export function responseText(fields: TextField[]): string {
  return fields.filter((f) => f.role === 'response' || f.role === 'rationale' || f.role === 'answer').map((f) => f.text).join('\n');
}

/** Whole-line deletion of a record's line (for duplicates and blank lines). */
export function deleteLine(line: number, title: string) {
  return { title, edits: [{ line, startColumn: 0, endLine: line + 1, endColumn: 0, text: '' }] };
}
