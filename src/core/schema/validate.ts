/**
 * JSON Schema validation (ajv; draft-07 by default, 2020-12 when `$schema` says so) with errors turned
 * into plain words at a JSON pointer: `"output" must be a string, got number`, `missing required key
 * "instruction"`, `unknown key "instuction" — did you mean "instruction"?`.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { closestKey } from './suggest';

export interface SchemaIssue {
  pointer: string;
  part: 'key' | 'value';
  message: string;
  keyword: string;
}

const options = { allErrors: true, strict: false, verbose: true } as const;
let draft07: Ajv | undefined;
let draft2020: Ajv2020 | undefined;
const byObject = new WeakMap<object, CompileResult>();
const byText = new Map<string, CompileResult>();

export type CompileResult = { ok: true; validate: ValidateFunction } | { ok: false; message: string };

function ajvFor(schema: Record<string, unknown>): Ajv | Ajv2020 {
  const id = String(schema.$schema ?? '');
  if (/2020-12|2019-09/.test(id)) {
    if (!draft2020) {
      draft2020 = new Ajv2020(options);
      addFormats(draft2020);
    }
    return draft2020;
  }
  if (!draft07) {
    draft07 = new Ajv(options);
    addFormats(draft07);
  }
  return draft07;
}

/** Compiles (once per schema object, or per identical schema text). A schema that won't compile gives a message, not a throw. */
export function compileSchema(schema: Record<string, unknown>): CompileResult {
  const cached = byObject.get(schema);
  if (cached) return cached;
  const key = JSON.stringify(schema);
  let result = byText.get(key);
  if (!result) {
    try {
      const ajv = ajvFor(schema);
      const copy = { ...schema };
      delete copy.$id; // the same $id compiled twice would throw
      result = { ok: true, validate: ajv.compile(copy) };
    } catch (e) {
      result = { ok: false, message: `the JSON Schema does not compile: ${e instanceof Error ? e.message : String(e)}` };
    }
    byText.set(key, result);
  }
  byObject.set(schema, result);
  return result;
}

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);
const article = (t: string) => (t === 'array' || t === 'object' || t === 'integer' ? `an ${t === 'array' ? 'array (a list)' : t}` : t === 'null' ? 'null' : `a ${t}`);

/** "/messages/2/content" -> `"messages[2].content"`; top level -> "the record". */
export function describePointer(pointer: string): string {
  if (!pointer) return 'the record';
  const segs = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const s of segs) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  return `"${out}"`;
}

function describeBranch(s: unknown): string {
  if (!s || typeof s !== 'object') return 'a value';
  const o = s as Record<string, unknown>;
  if (typeof o.description === 'string' && o.description.length < 60) return o.description;
  if (o.type === 'array' && o.items && typeof o.items === 'object' && (o.items as Record<string, unknown>).type === 'object') return 'a list of objects';
  if (typeof o.type === 'string') return article(o.type);
  if (Array.isArray(o.type)) return o.type.map((t) => article(String(t))).join(' or ');
  if (o.const !== undefined) return JSON.stringify(o.const);
  return 'a value of another shape';
}

function escapeKey(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

function toIssue(e: ErrorObject): SchemaIssue {
  const at = e.instancePath;
  const what = describePointer(at);
  switch (e.keyword) {
    case 'required':
      return { pointer: at, part: 'value', keyword: e.keyword, message: `missing required key "${(e.params as { missingProperty: string }).missingProperty}"${at ? ` in ${what}` : ''}` };
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type).split(',');
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} must be ${expected.map(article).join(' or ')}, got ${typeName(e.data)}` };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} must be one of ${allowed.join(', ')}, got ${JSON.stringify(e.data)}` };
    }
    case 'const':
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}, got ${JSON.stringify(e.data)}` };
    case 'minItems': {
      const n = (e.params as { limit: number }).limit;
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} must have at least ${n} item${n === 1 ? '' : 's'}` };
    }
    case 'maxItems':
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} must have at most ${(e.params as { limit: number }).limit} items` };
    case 'minLength':
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} must be at least ${(e.params as { limit: number }).limit} characters long` };
    case 'maxLength':
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} must be at most ${(e.params as { limit: number }).limit} characters long` };
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const props = Object.keys(((e.parentSchema as Record<string, unknown> | undefined)?.properties as Record<string, unknown> | undefined) ?? {});
      const guess = closestKey(key, props);
      return { pointer: `${at}/${escapeKey(key)}`, part: 'key', keyword: e.keyword, message: `unknown key "${key}"${guess ? ` — did you mean "${guess}"?` : ''}` };
    }
    case 'anyOf':
    case 'oneOf': {
      const branches = ((e.parentSchema as Record<string, unknown> | undefined)?.[e.keyword] as unknown[] | undefined) ?? [];
      const onlyRequired = branches.length > 0 && branches.every((b) => b && typeof b === 'object' && Object.keys(b).length === 1 && Array.isArray((b as { required?: unknown }).required));
      if (onlyRequired) {
        const options = branches.map((b) => ((b as { required: string[] }).required).map((k) => `"${k}"`).join(' + '));
        return { pointer: at, part: 'value', keyword: e.keyword, message: `missing required key: ${options.length > 1 ? `one of ${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}` : options[0]}${at ? ` in ${what}` : ''}` };
      }
      const kinds = [...new Set(branches.map(describeBranch))];
      if (e.keyword === 'oneOf' && (e.params as { passingSchemas?: unknown }).passingSchemas) {
        return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} matches more than one allowed shape (${kinds.join(', ')})` };
      }
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} must be ${kinds.join(' or ')}, got ${typeName(e.data)}` };
    }
    default:
      return { pointer: at, part: 'value', keyword: e.keyword, message: `${what} ${e.message ?? 'is invalid'}` };
  }
}

/**
 * Validates a value; returns readable issues. Errors inside a failed anyOf/oneOf collapse into the
 * anyOf's one message; duplicates at one place are dropped.
 */
export function validateValue(schema: Record<string, unknown>, value: unknown): SchemaIssue[] {
  const compiled = compileSchema(schema);
  if (!compiled.ok) return [{ pointer: '', part: 'value', keyword: 'schema', message: compiled.message }];
  if (compiled.validate(value)) return [];
  const errors = compiled.validate.errors ?? [];
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const kept = errors.filter((e) => {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      // an outer union already speaks for this place
      return !unions.some((u) => u !== e && e.schemaPath.startsWith(u.schemaPath.replace(/\/(anyOf|oneOf)$/, '') + '/') && u.schemaPath.length < e.schemaPath.length && e.instancePath.startsWith(u.instancePath));
    }
    return !unions.some((u) => e.schemaPath.startsWith(u.schemaPath + '/') && e.instancePath.startsWith(u.instancePath));
  });
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const e of kept) {
    if (e.keyword === 'if') continue;
    const issue = toIssue(e);
    const k = issue.pointer + '\u0000' + issue.message;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(issue);
  }
  return out;
}
