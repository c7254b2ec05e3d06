/**
 * Which strings of a record hold the question, the reasoning and the separate answer.
 * Order of precedence: config `cot: {question, rationale, answer}` pointers (ctx.options.cot), then
 * the format's text-field roles (prompt -> question; rationale/response -> reasoning; answer ->
 * answer; chat: each assistant turn reasons about the user turn before it), then well-known key
 * names when the file has no format.
 */
import type { RecordContext, TextField } from '../types';
import { fourHashesAt, shortLastLineStart } from './lines';

export interface CotString {
  pointer: string;
  text: string;
}

export interface ReasoningField extends CotString {
  /** 'rationale' for CoT fields (GSM8K answer, FLAN rationale); 'response' for general responses (alpaca output, assistant turns). */
  role: 'rationale' | 'response';
  /** The question this reasoning answers (the prompt, or the user turn before an assistant turn). */
  question?: CotString;
  turn?: number;
}

export interface CotFields {
  question?: CotString;
  /** Every text that reasons toward an answer. */
  reasonings: ReasoningField[];
  /** The record's separate final-answer field, if any. */
  answer?: CotString;
  /** Texts the reasoning may take quantities from (question, context, system). */
  sources: CotString[];
}

export interface CotPointers {
  question?: string;
  rationale?: string;
  answer?: string;
}

function unescapePointer(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value at a JSON pointer, or undefined. */
export function getAtPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  if (!pointer.startsWith('/')) pointer = `/${pointer}`;
  let cur: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = unescapePointer(raw);
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[key];
    else return undefined;
  }
  return cur;
}

function str(value: unknown, pointer: string | undefined): CotString | undefined {
  if (!pointer) return undefined;
  const p = pointer.startsWith('/') ? pointer : `/${pointer}`;
  const v = getAtPointer(value, p);
  return typeof v === 'string' ? { pointer: p, text: v } : undefined;
}

export function readCotPointers(options: Record<string, unknown>): CotPointers | undefined {
  const c = options.cot;
  if (!c || typeof c !== 'object') return undefined;
  const o = c as Record<string, unknown>;
  const out: CotPointers = {};
  if (typeof o.question === 'string') out.question = o.question;
  if (typeof o.rationale === 'string') out.rationale = o.rationale;
  if (typeof o.answer === 'string') out.answer = o.answer;
  return out.question || out.rationale || out.answer ? out : undefined;
}

function fromPointers(value: unknown, p: CotPointers): CotFields {
  const question = str(value, p.question);
  const rationale = str(value, p.rationale);
  const answer = str(value, p.answer);
  const out: CotFields = { reasonings: [], sources: question ? [question] : [] };
  if (question) out.question = question;
  if (answer) out.answer = answer;
  if (rationale) out.reasonings.push({ ...rationale, role: 'rationale', question });
  return out;
}

/**
 * Question, reasonings and answer from the format's text fields. Runs for every record of a file with a
 * format: plain loops; the text fields themselves serve as the question, sources and answer (a text field
 * is a pointer and a text); the lists are made at their final size (a push into [] reserves 16 slots).
 */
/** A text the reasoning may take quantities from. */
const isSource = (f: TextField) => f.role === 'prompt' || f.role === 'context' || f.role === 'system';
/** A text that reasons: a rationale or a response, of the assistant when it is a chat turn. */
const isReasoning = (f: TextField): f is TextField & { role: 'rationale' | 'response' } => (f.role === 'rationale' || f.role === 'response') && !(f.turnRole && f.turnRole !== 'assistant');

function fromTextFields(fields: TextField[]): CotFields {
  let sourceCount = 0;
  let promptCount = 0;
  let reasoningCount = 0;
  for (const f of fields) {
    if (isSource(f)) {
      sourceCount++;
      if (f.role === 'prompt') promptCount++;
    } else if (isReasoning(f)) reasoningCount++;
  }
  // every property in the literal: one set later would not fit in the object
  const out: CotFields = { reasonings: reasoningCount ? new Array<ReasoningField>(reasoningCount) : [], sources: sourceCount ? new Array<CotString>(sourceCount) : [], question: undefined, answer: undefined };
  let s = 0;
  for (const f of fields) {
    if (!isSource(f)) continue;
    out.sources[s++] = f;
    if (f.role === 'prompt' && !out.question) out.question = f;
  }
  let r = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.role === 'answer') {
      out.answer ??= f;
      continue;
    }
    if (!isReasoning(f)) continue;
    // the question: the closest prompt before this text (by turn for chats, by order otherwise); with one
    // prompt, that prompt
    let q: CotString | undefined;
    if (promptCount > 1) {
      for (let k = 0; k < fields.length; k++) {
        const pf = fields[k];
        if (pf.role !== 'prompt') continue;
        if (f.turn !== undefined && pf.turn !== undefined ? pf.turn < f.turn : k < i) q = pf;
      }
    }
    q ??= out.question;
    // one literal per shape (a property added later would need a second allocation)
    out.reasonings[r++] = f.turn === undefined ? { pointer: f.pointer, text: f.text, role: f.role, question: q } : { pointer: f.pointer, text: f.text, role: f.role, question: q, turn: f.turn };
  }
  return out;
}

const QUESTION_KEYS = ['question', 'problem', 'query', 'instruction', 'prompt', 'inputs', 'input'];
const RATIONALE_KEYS = ['rationale', 'reasoning', 'chain_of_thought', 'cot', 'solution', 'explanation', 'thought', 'thoughts'];
const RESPONSE_KEYS = ['output', 'response', 'completion', 'targets', 'target'];
const ANSWER_KEYS = ['answer', 'final_answer', 'correct_answer', 'label'];
const CHAT_KEYS = ['messages', 'conversations', 'conversation'];

/** An "answer" value that is really a worked solution (GSM8K): a "####" line, calculator annotations, or several sentences. */
function looksLikeReasoning(s: string): boolean {
  if (/(?:^|\n)\s*####/.test(s) || s.includes('<<')) return true;
  return s.length > 80 && (s.includes('\n') || /[.!?]\s+\S[^]*[.!?]/.test(s));
}

/**
 * text.includes('####'): first at the start of a short last line, where GSM8K writes it (a few characters
 * read from the end), then through the one-character search (much faster than a four-character one).
 */
function hasFourHashes(text: string): boolean {
  const at = shortLastLineStart(text);
  if (at >= 0 && fourHashesAt(text, at)) return true;
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) if (fourHashesAt(text, i)) return true;
  return false;
}

/** Fields by well-known key names (used when the file has no format). */
export function fieldsByKeys(value: unknown): CotFields {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { reasonings: [], sources: [] };
  const rec = value as Record<string, unknown>;
  // hot path: GSM8K {question, answer: "… #### N"}; arrays of their final size (a push into an empty
  // array allocates room for 17)
  if (typeof rec.question === 'string' && typeof rec.answer === 'string' && rec.rationale === undefined && rec.messages === undefined && rec.conversations === undefined && hasFourHashes(rec.answer)) {
    const question: CotString = { pointer: '/question', text: rec.question };
    const reasoning: ReasoningField = { pointer: '/answer', text: rec.answer, role: 'rationale', question };
    return { reasonings: [reasoning], sources: [question], question };
  }
  const out: CotFields = { reasonings: [], sources: [] };
  for (const key of CHAT_KEYS) {
    const turns = rec[key];
    if (!Array.isArray(turns)) continue;
    let q: CotString | undefined;
    turns.forEach((t, i) => {
      if (!t || typeof t !== 'object') return;
      const o = t as Record<string, unknown>;
      const role = String(o.role ?? o.from ?? '');
      const ck = typeof o.content === 'string' ? 'content' : typeof o.value === 'string' ? 'value' : undefined;
      if (!ck) return;
      const s = { pointer: `/${key}/${i}/${ck}`, text: o[ck] as string };
      if (role === 'user' || role === 'human') {
        q = s;
        out.sources.push(s);
        out.question ??= s;
      } else if (role === 'assistant' || role === 'gpt' || role === 'model') {
        out.reasonings.push({ ...s, role: 'response', question: q, turn: i });
      } else if (role === 'system') out.sources.push(s);
    });
    return out;
  }
  const strKey = (keys: string[]) => keys.find((k) => typeof rec[k] === 'string');
  const qk = strKey(QUESTION_KEYS);
  if (qk) out.question = { pointer: `/${qk}`, text: rec[qk] as string };
  for (const k of [...QUESTION_KEYS, 'context', 'system']) if (typeof rec[k] === 'string') out.sources.push({ pointer: `/${k}`, text: rec[k] as string });
  const rk = strKey(RATIONALE_KEYS);
  let ak = strKey(ANSWER_KEYS);
  if (rk) out.reasonings.push({ pointer: `/${rk}`, text: rec[rk] as string, role: 'rationale', question: out.question });
  else if (ak && looksLikeReasoning(rec[ak] as string)) {
    // GSM8K: the answer field holds the reasoning and the "#### N" line
    out.reasonings.push({ pointer: `/${ak}`, text: rec[ak] as string, role: 'rationale', question: out.question });
    ak = undefined;
  } else {
    const sk = strKey(RESPONSE_KEYS);
    if (sk) out.reasonings.push({ pointer: `/${sk}`, text: rec[sk] as string, role: 'response', question: out.question });
  }
  if (ak) out.answer = { pointer: `/${ak}`, text: rec[ak] as string };
  return out;
}

/** The CoT fields of the record in `ctx`. */
export function cotFields(ctx: RecordContext): CotFields {
  const pointers = readCotPointers(ctx.options);
  if (pointers) return fromPointers(ctx.record.value, pointers);
  if (ctx.format) {
    let fields: TextField[] = [];
    try {
      fields = ctx.textFields();
    } catch {
      fields = [];
    }
    const out = fromTextFields(fields);
    if (out.reasonings.length || out.answer) return out;
  }
  return fieldsByKeys(ctx.record.value);
}
