/**
 * Reads a `.json` file that holds an array of records (Alpaca, LLaMA-Factory), giving each element its own
 * source text and position so it gets the same diagnostics as a JSONL line.
 */
import { visit, printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';
import { locateError } from './parseRecord';

export interface ArrayRecord {
  line: number;
  endLine: number;
  startColumn: number;
  text: string;
  value: unknown;
}

export interface ArrayFileError {
  message: string;
  line: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** undefined when the top-level value is not an array. */
export function parseJsonArrayFile(input: string): { records: ArrayRecord[]; errors: ArrayFileError[] } | undefined {
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? input.slice(1) : input;
  const first = /\S/.exec(text);
  if (!first || text[first.index] !== '[') return undefined;
  const records: ArrayRecord[] = [];
  const errors: ArrayFileError[] = [];
  let depth = 0;
  let elementStart = -1;
  let startLine = 0;
  let startCol = 0;
  let errorsAtBegin = 0;
  const endElement = (endOffset: number, endLine: number) => {
    const src = text.slice(elementStart, endOffset);
    let value: unknown;
    try {
      value = JSON.parse(src);
    } catch (e) {
      // the visitor has normally reported the syntax error at its place; if not, report it here
      if (errors.length === errorsAtBegin) {
        const err = locateError(src, e instanceof Error ? e.message : String(e));
        const oneLine = !src.includes('\n');
        errors.push({ message: err.message, line: startLine, startColumn: oneLine ? startCol + err.startColumn : startCol, endLine: startLine, endColumn: oneLine ? startCol + err.endColumn : startCol + 1 });
      }
      elementStart = -1;
      return;
    }
    records.push({ line: startLine, endLine, startColumn: startCol + (startLine === 0 ? bom : 0), text: src, value });
    elementStart = -1;
  };
  const begin = (offset: number, line: number, col: number) => {
    if (depth === 1 && elementStart < 0) {
      elementStart = offset;
      errorsAtBegin = errors.length;
      startLine = line;
      startCol = col;
    }
  };
  try {
    visit(text, {
      onObjectBegin: (offset, _l, line, col) => { begin(offset, line, col); depth++; },
      onObjectEnd: (offset, length, line) => { depth--; if (depth === 1 && elementStart >= 0) endElement(offset + length, line); },
      onArrayBegin: (offset, _l, line, col) => { begin(offset, line, col); depth++; },
      onArrayEnd: (offset, length, line) => { depth--; if (depth === 1 && elementStart >= 0) endElement(offset + length, line); },
      onLiteralValue: (_v, offset, length, line, col) => { if (depth === 1) { begin(offset, line, col); endElement(offset + length, line); } },
      onError: (error: ParseErrorCode, offset, length, line, col) => {
        const words: Record<string, string> = {
          CommaExpected: 'missing comma between values', ColonExpected: "expected ':' after key", PropertyNameExpected: 'expected a key in double quotes (or a trailing comma)',
          ValueExpected: 'expected a value (or a trailing comma)', CloseBraceExpected: "expected ',' or '}'", CloseBracketExpected: "expected ',' or ']'",
          UnexpectedEndOfString: 'unterminated string', InvalidCommentToken: 'comments are not allowed in JSON', EndOfFileExpected: 'unexpected text after the end of the array',
          InvalidSymbol: 'unexpected character (strings and keys need double quotes)', InvalidCharacter: 'control character inside a string (must be escaped)',
          InvalidEscapeCharacter: 'invalid escape sequence', InvalidNumberFormat: 'invalid number', InvalidUnicode: 'invalid \\u escape',
        };
        const code = printParseErrorCode(error);
        errors.push({ message: words[code] ?? code, line, startColumn: col + (line === 0 ? bom : 0), endLine: line, endColumn: col + Math.max(1, length) + (line === 0 ? bom : 0) });
        void offset;
      },
    }, { disallowComments: true, allowTrailingComma: false });
  } catch {
    errors.push({ message: 'the file is nested too deeply to read', line: 0, startColumn: 0, endLine: 0, endColumn: 1 });
  }
  return { records, errors };
}
