/**
 * Parses one record. `JSON.parse` is the fast path; only a line it rejects gets a jsonc-parser pass to
 * say, in plain words and at an exact column, what is wrong.
 */
import { parse as jsoncParse, ParseErrorCode, type ParseError } from 'jsonc-parser';

export interface RecordParseError {
  message: string;
  startColumn: number;
  endColumn: number;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: RecordParseError };

export function parseRecord(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: locateError(text, e instanceof Error ? e.message : String(e)) };
  }
}

const IDENT = /^[A-Za-z_$][\w$-]*/;

function span(start: number, length: number, text: string): { startColumn: number; endColumn: number } {
  const s = Math.max(0, Math.min(start, text.length));
  return { startColumn: s, endColumn: Math.max(s, Math.min(text.length, s + Math.max(1, length))) };
}

/** Previous non-space character index before `i`, or -1. */
function prevSignificant(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && /\s/.test(text[j])) j--;
  return j;
}

function describe(text: string, err: ParseError): RecordParseError {
  let at = err.offset;
  const ch = text[at] ?? '';
  const rest = text.slice(at);
  const atEnd = text.slice(at).trim() === '';
  const cutOff = (): RecordParseError => ({ message: 'unexpected end of line: the record is cut off (missing closing quote, brace or bracket?)', ...span(Math.max(0, text.length - 1), 1, text) });
  switch (err.error) {
    case ParseErrorCode.UnexpectedEndOfString:
      return { message: 'unterminated string: a closing double quote is missing', ...span(at, text.length - at, text) };
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return { message: 'comments are not allowed in JSONL', ...span(at, err.length || 2, text) };
    case ParseErrorCode.InvalidEscapeCharacter: {
      const bad = /\\(?:[^"\\/bfnrtu]|$)/.exec(text.slice(at, at + Math.max(err.length, 2) + 1));
      const p = bad ? at + bad.index : at;
      return { message: `invalid escape sequence "${text.slice(p, p + 2)}" inside a string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`, ...span(p, 2, text) };
    }
    case ParseErrorCode.InvalidUnicode:
      return { message: 'invalid \\u escape: expected four hex digits', ...span(at, 6, text) };
    case ParseErrorCode.InvalidCharacter: {
      let p = at;
      while (p < text.length && text.charCodeAt(p) >= 0x20) p++;
      if (p >= text.length) p = at;
      at = p;
      const code = text.charCodeAt(at);
      const name = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
      return { message: `control character ${name} inside a string (must be escaped, e.g. \\n or \\u${code.toString(16).padStart(4, '0')})`, ...span(at, 1, text) };
    }
    case ParseErrorCode.InvalidNumberFormat:
      return { message: `invalid number "${text.slice(at, at + (err.length || 1))}"`, ...span(at, err.length, text) };
    case ParseErrorCode.EndOfFileExpected: {
      if (ch === '{' || ch === '[') return { message: 'two records on one line: each record must be on its own line', ...span(at, 1, text) };
      return { message: `unexpected text after the end of the record: "${rest.slice(0, 20)}"`, ...span(at, rest.length, text) };
    }
    case ParseErrorCode.ColonExpected:
      if (atEnd) return cutOff();
      return { message: "expected ':' after key", ...span(at, err.length, text) };
    case ParseErrorCode.CommaExpected:
      if (atEnd) return cutOff();
      return { message: 'missing comma between values', ...span(at, err.length, text) };
    case ParseErrorCode.CloseBraceExpected:
    case ParseErrorCode.CloseBracketExpected:
      if (atEnd) return cutOff();
      return { message: `expected ${err.error === ParseErrorCode.CloseBraceExpected ? "',' or '}'" : "',' or ']'"}`, ...span(at, err.length, text) };
    case ParseErrorCode.PropertyNameExpected: {
      if (atEnd) return cutOff();
      if (ch === '}' && text[prevSignificant(text, at)] === ',') return { message: 'trailing comma before }', ...span(prevSignificant(text, at), 1, text) };
      if (ch === "'") return { message: 'single-quoted key: JSON keys need double quotes', ...span(at, err.length, text) };
      const id = IDENT.exec(rest);
      if (id) return { message: `unquoted key ${id[0]}: JSON keys need double quotes ("${id[0]}")`, ...span(at, id[0].length, text) };
      return { message: 'expected a key in double quotes', ...span(at, err.length, text) };
    }
    case ParseErrorCode.ValueExpected: {
      if (atEnd) return cutOff();
      if (ch === ']' && text[prevSignificant(text, at)] === ',') return { message: 'trailing comma before ]', ...span(prevSignificant(text, at), 1, text) };
      if (ch === '}' && text[prevSignificant(text, at)] === ',') return { message: 'trailing comma before }', ...span(prevSignificant(text, at), 1, text) };
      return { message: 'expected a value', ...span(at, err.length, text) };
    }
    case ParseErrorCode.InvalidSymbol: {
      if (ch === "'") return { message: 'single-quoted string: JSON strings need double quotes', ...span(at, err.length, text) };
      const id = IDENT.exec(rest);
      if (id && /^(NaN|Infinity|-Infinity)$/.test(id[0])) return { message: `${id[0]} is not valid JSON (use null or a number)`, ...span(at, id[0].length, text) };
      if (id && (text[at + id[0].length] === ':' || /^\s*:/.test(text.slice(at + id[0].length)))) return { message: `unquoted key ${id[0]}: JSON keys need double quotes ("${id[0]}")`, ...span(at, id[0].length, text) };
      if (id) return { message: `unexpected word "${id[0]}": strings need double quotes (true, false and null are lowercase)`, ...span(at, id[0].length, text) };
      return { message: `unexpected character "${ch}"`, ...span(at, err.length, text) };
    }
    default:
      return { message: 'invalid JSON', ...span(at, err.length, text) };
  }
}

/** Position from a V8 JSON.parse message ("... at position 12"), if it says one. */
function v8Position(message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

export function locateError(text: string, v8Message: string): RecordParseError {
  let errors: ParseError[] = [];
  try {
    jsoncParse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    errors = []; // e.g. stack overflow on absurdly deep nesting: fall back to V8's message
  }
  // NaN / Infinity are words jsonc-parser may accept in some positions; report them first
  const nan = /(?<![\w"])(-?Infinity|NaN)(?![\w"])/.exec(text);
  if (text.trim() === '') return { message: 'empty record', startColumn: 0, endColumn: text.length };
  if (errors.length) {
    const first = errors.reduce((a, b) => (b.offset < a.offset ? b : a));
    if (nan && nan.index < first.offset) return { message: `${nan[1]} is not valid JSON (use null or a number)`, ...span(nan.index, nan[1].length, text) };
    return describe(text, first);
  }
  // jsonc-parser found nothing (it is more lenient): control characters inside strings and NUL
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 32) {
      return { message: `control character U+${c.toString(16).toUpperCase().padStart(4, '0')} (must be escaped inside strings, e.g. \\u${c.toString(16).padStart(4, '0')})`, ...span(i, 1, text) };
    }
  }
  if (nan) return { message: `${nan[1]} is not valid JSON (use null or a number)`, ...span(nan.index, nan[1].length, text) };
  if (/end of (JSON|data)/i.test(v8Message)) return { message: 'unexpected end of line: the record is cut off (missing closing quote, brace or bracket?)', ...span(text.length - 1, 1, text) };
  const pos = v8Position(v8Message);
  const clean = v8Message.replace(/^Unexpected/, 'unexpected').replace(/ in JSON at position \d+.*$/, '');
  if (pos !== undefined) return { message: `invalid JSON: ${clean}`, ...span(pos, 1, text) };
  return { message: `invalid JSON: ${clean.slice(0, 200)}`, startColumn: 0, endColumn: text.length };
}
