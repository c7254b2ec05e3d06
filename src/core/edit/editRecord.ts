/**
 * Edits one JSONL record in place: change, add or remove the value at a JSON pointer while every other byte
 * of the line stays as it was (key order, escapes, number spelling, spacing). Only the edited value is
 * re-serialized, in the line's style (see recordStyle.ts).
 */
import { findNodeAtLocation, parseTree, modify, applyEdits, type Node, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { stringifyStyled, type RecordStyle } from './recordStyle';

export class RecordEditError extends Error {}

/** "/messages/0/content" -> ["messages", "0", "content"] (RFC 6901 unescaping). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new RecordEditError(`not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function tree(text: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (!root || errors.length) {
    const e = errors[0];
    throw new RecordEditError(e ? `the line is not valid JSON (${printParseErrorCode(e.error)} at column ${e.offset + 1}); edit it as text` : 'the line is empty');
  }
  return root;
}

/** Path segments typed for jsonc-parser: array indices as numbers. */
function typedPath(root: Node, segments: string[]): (string | number)[] {
  const out: (string | number)[] = [];
  let node: Node | undefined = root;
  for (const seg of segments) {
    if (node?.type === 'array') {
      if (!/^(0|[1-9]\d*)$/.test(seg)) throw new RecordEditError(`"${seg}" is not an array index`);
      out.push(Number(seg));
    } else out.push(seg);
    node = node ? findNodeAtLocation(root, out) : undefined;
  }
  return out;
}

/**
 * The line with the value at `pointer` set to `value`. An existing value is replaced where it stands; a new
 * object member is appended after the object's last member; a new array element (index == length) is appended.
 */
export function setValueAt(text: string, pointer: string, value: unknown, style: RecordStyle): string {
  const root = tree(text);
  const segments = parsePointer(pointer);
  if (!segments.length) return stringifyStyled(value, style);
  const path = typedPath(root, segments);
  const serialized = stringifyStyled(value, style);
  const node = findNodeAtLocation(root, path);
  if (node) return text.slice(0, node.offset) + serialized + text.slice(node.offset + node.length);
  const parent = findNodeAtLocation(root, path.slice(0, -1));
  if (!parent) throw new RecordEditError(`${pointer}: its parent does not exist`);
  const last = path[path.length - 1];
  const children = parent.children ?? [];
  let insertion: string;
  if (parent.type === 'object') {
    insertion = stringifyStyled(String(last), style) + style.colon + serialized;
  } else if (parent.type === 'array') {
    if (last !== children.length) throw new RecordEditError(`${pointer}: index out of range (the array has ${children.length} elements)`);
    insertion = serialized;
  } else throw new RecordEditError(`${pointer}: the parent is a ${parent.type}, not an object or array`);
  if (children.length) {
    const end = children[children.length - 1].offset + children[children.length - 1].length;
    return text.slice(0, end) + style.comma + insertion + text.slice(end);
  }
  const open = parent.offset + 1;
  return text.slice(0, open) + insertion + text.slice(open);
}

/** The line without the value at `pointer` (and its separating comma); unchanged if it is absent. */
export function removeValueAt(text: string, pointer: string): string {
  const root = tree(text);
  const path = typedPath(root, parsePointer(pointer));
  if (!path.length) throw new RecordEditError('cannot remove the whole record; delete the record instead');
  if (!findNodeAtLocation(root, path)) return text;
  return applyEdits(text, modify(text, path, undefined, {}));
}

/** The line with every top-level member except `keep` replaced by the members of `extra` (unknown keys edited as raw JSON). */
export function replaceOtherMembers(text: string, keep: ReadonlySet<string>, extra: Record<string, unknown>, style: RecordStyle): string {
  const root = tree(text);
  if (root.type !== 'object') throw new RecordEditError('the record is not a JSON object');
  let out = text;
  // remove members not kept and not in extra (from the end, so offsets stay valid)
  const members = (root.children ?? []).map((p) => String(p.children?.[0]?.value));
  for (const key of [...members].reverse()) {
    if (!keep.has(key) && !Object.prototype.hasOwnProperty.call(extra, key)) out = removeValueAt(out, '/' + escapeSegment(key));
  }
  for (const [key, value] of Object.entries(extra)) {
    if (keep.has(key)) continue;
    const ptr = '/' + escapeSegment(key);
    const before = valueTextAt(out, ptr);
    if (before !== undefined && sameJson(before, value)) continue; // keep its exact spelling
    out = setValueAt(out, ptr, value, style);
  }
  return out;
}

/** The source text of the value at `pointer`, or undefined. */
export function valueTextAt(text: string, pointer: string): string | undefined {
  const root = tree(text);
  const node = findNodeAtLocation(root, typedPath(root, parsePointer(pointer)));
  return node ? text.slice(node.offset, node.offset + node.length) : undefined;
}

export function escapeSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function sameJson(sourceText: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(sourceText)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
