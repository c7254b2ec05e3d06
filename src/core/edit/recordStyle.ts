/**
 * The serialization style of a JSONL line, so an edited record is written the way the file already is:
 * non-ASCII characters escaped (`\u00e9`, Python's `ensure_ascii=True`) or raw, and a space after `:` / `,`
 * (Python's `json.dumps` default `", "` / `": "`) or none (`JSON.stringify`).
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';

export interface RecordStyle {
  /** Write characters above U+007F as `\uXXXX` escapes. */
  asciiEscape: boolean;
  /** Text after each `:` between a key and its value ('' or ' '). */
  colon: string;
  /** Text after each `,` between members ('' or ' '). */
  comma: string;
}

export const DEFAULT_STYLE: RecordStyle = { asciiEscape: false, colon: ': ', comma: ', ' };

/** What one line tells about the style; undefined members are not decided by this line. */
export function detectLineStyle(text: string): Partial<RecordStyle> {
  const out: Partial<RecordStyle> = {};
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(text)) out.asciiEscape = false;
  else if (/\\u00[89a-f][0-9a-f]|\\u0[1-9a-f][0-9a-f]{2}|\\u[1-9a-f][0-9a-f]{3}/i.test(text)) out.asciiEscape = true;
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.ColonToken && kind !== SyntaxKind.CommaToken) continue;
    const after = scanner.getTokenOffset() + 1;
    const spacing = text[after] === ' ' ? ' ' : '';
    if (kind === SyntaxKind.ColonToken && out.colon === undefined) out.colon = ':' + spacing;
    if (kind === SyntaxKind.CommaToken && out.comma === undefined) out.comma = ',' + spacing;
    if (out.colon !== undefined && out.comma !== undefined) break;
  }
  return out;
}

/** The style of a file from a few of its lines: the first line that decides each member wins. */
export function detectStyle(lines: Iterable<string>, fallback: RecordStyle = DEFAULT_STYLE): RecordStyle {
  const out: Partial<RecordStyle> = {};
  for (const line of lines) {
    const s = detectLineStyle(line);
    out.asciiEscape ??= s.asciiEscape;
    out.colon ??= s.colon;
    out.comma ??= s.comma;
    if (out.asciiEscape !== undefined && out.colon !== undefined && out.comma !== undefined) break;
  }
  return { asciiEscape: out.asciiEscape ?? fallback.asciiEscape, colon: out.colon ?? fallback.colon, comma: out.comma ?? fallback.comma };
}

/** A line's own style where it shows one, else the file's. */
export function styleOfLine(text: string, fileStyle: RecordStyle): RecordStyle {
  const s = detectLineStyle(text);
  return { asciiEscape: s.asciiEscape ?? fileStyle.asciiEscape, colon: s.colon ?? fileStyle.colon, comma: s.comma ?? fileStyle.comma };
}

function escapeNonAscii(json: string): string {
  // eslint-disable-next-line no-control-regex
  return json.replace(/[^\u0000-\u007f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** A JSON value as one line in the given style (no line breaks: strings escape theirs). */
export function stringifyStyled(value: unknown, style: RecordStyle): string {
  const str = (s: string) => (style.asciiEscape ? escapeNonAscii(JSON.stringify(s)) : JSON.stringify(s));
  const walk = (v: unknown): string => {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'string') return str(v);
      if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
      if (typeof v === 'boolean') return String(v);
      return 'null';
    }
    if (Array.isArray(v)) return '[' + v.map((x) => walk(x === undefined ? null : x)).join(style.comma) + ']';
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined || typeof x === 'function') continue;
      parts.push(str(k) + style.colon + walk(x));
    }
    return '{' + parts.join(style.comma) + '}';
  };
  return walk(value);
}
