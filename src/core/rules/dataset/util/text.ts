/** Helpers shared by the dataset rules. */
import type { RecordContext, Span, TextField } from '../../../types';

/** Is this UTF-16 unit one that String.prototype.trim removes (WhiteSpace or LineTerminator)? */
export function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Does `trim()` change the text? (Two character tests instead of a copy.) */
export function hasSurroundingWhitespace(s: string): boolean {
  return s.length > 0 && (isTrimmed(s.charCodeAt(0)) || isTrimmed(s.charCodeAt(s.length - 1)));
}

/** Is the text empty or only whitespace? (Stops at the first other character.) */
export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isTrimmed(s.charCodeAt(i))) return false;
  return true;
}

// a run of two whitespace characters, or one that is not a plain space: what normalize() rewrites
const UNSQUASHED = /\s\s|[^\S ]/;

/** Whitespace collapsed to single spaces and trimmed (a copy only when something changes). */
export function squash(s: string): string {
  const out = UNSQUASHED.test(s) ? s.replace(/\s+/g, ' ') : s;
  return hasSurroundingWhitespace(out) ? out.trim() : out;
}

/** Lowercased, whitespace-collapsed text, for "same text" comparisons. */
export function normalize(s: string): string {
  return squash(s.toLowerCase());
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
  return joinRoles(fields, 'prompt', 'context', 'system');
}

export function responseText(fields: TextField[]): string {
  return joinRoles(fields, 'response', 'rationale', 'answer');
}

/** The texts of the fields with one of three roles, joined by newlines (no array built: every record pays for this). */
function joinRoles(fields: TextField[], a: string, b: string, c: string): string {
  let out: string | undefined;
  for (const f of fields) {
    if (f.role !== a && f.role !== b && f.role !== c) continue;
    out = out === undefined ? f.text : `${out}\n${f.text}`;
  }
  return out ?? '';
}

/** Whole-line deletion of a record's line (for duplicates and blank lines). */
export function deleteLine(line: number, title: string) {
  return { title, edits: [{ line, startColumn: 0, endLine: line + 1, endColumn: 0, text: '' }] };
}
