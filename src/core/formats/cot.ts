/**
 * Chain-of-thought: a question, the reasoning and (optionally) a separate final answer.
 *  - {question, rationale, answer} (FLAN CoT sources, AQuA-RAT with `options`/`correct`);
 *  - GSM8K {question, answer} where `answer` holds the reasoning and ends with "#### N";
 *  - MATH {problem, solution}, MetaMathQA {query, response}, CoT-Collection {source, rationale, target}.
 * Text roles: question -> prompt; rationale/solution -> rationale; answer -> answer, except when the
 * record has no separate reasoning and the answer reads as a worked solution (GSM8K): then it is the
 * rationale.
 */
import type { FieldSpec, Format, TextField } from '../types';
import { buildConversation, makeTurn } from '../conversation';
import { PresentKeys, firstKey, isObject, isString, pushField, topLevelPointer, type Rec } from './shared';
import { fourHashesAt, shortLastLineStart } from '../cot/lines';

const QUESTION_KEYS = ['question', 'problem', 'query'];
const RATIONALE_KEYS = ['rationale', 'reasoning', 'solution', 'explanation', 'chain_of_thought', 'cot', 'generated_solution', 'response'];
const ANSWER_KEYS = ['answer', 'final_answer', 'expected_answer', 'correct_answer', 'correct'];
const SYSTEM_KEYS = ['system', 'system_prompt'];
const scalar = (v: unknown) => isString(v) || typeof v === 'number' || typeof v === 'boolean';
/** The keys of the lists above a record has (indexes: QUESTION, RATIONALE, ANSWER, SYSTEM). */
const present = new PresentKeys([QUESTION_KEYS, RATIONALE_KEYS, ANSWER_KEYS, SYSTEM_KEYS]);

/** An answer value that is really a worked solution: a "####" line, <<calc>> annotations, or several sentences. */
export function looksLikeReasoning(s: string): boolean {
  // GSM8K's "#### 72" last line, read back from the end, before the searches (this runs for every record)
  const last = shortLastLineStart(s);
  if (last >= 0 && fourHashesAt(s, last)) return true;
  if ((s.indexOf('#') >= 0 && /(?:^|\n)\s*####/.test(s)) || (s.indexOf('<<') >= 0 && /<<[^<>]*=[^<>]*>>/.test(s))) return true;
  return s.length > 80 && (s.includes('\n') || /[.!?]\s+\S[^]*[.!?]/.test(s));
}

/** A bare final answer ("19", "(B)", "Paris"): one short line, a single sentence at most. */
function isShortAnswer(s: string): boolean {
  const t = s.trim();
  return t.length <= 40 && !t.includes('\n') && !/[.!?]\s+\S/.test(t);
}

interface Keys {
  question?: string;
  rationale?: string;
  answer?: string;
  /** The answer key holds the reasoning (GSM8K). */
  answerIsRationale: boolean;
  /** The system-prompt keys the record has. */
  system: readonly string[];
}

function keysOf(r: Rec): Keys {
  // only the listed keys the record has are looked up (see PresentKeys)
  const has = present.of(r);
  let question = firstKey(r, has[0]);
  let rationale = firstKey(r, has[1]);
  let answer = firstKey(r, has[2], scalar);
  if (!question && isString(r.source) && isString(r.rationale)) {
    // CoT-Collection
    question = 'source';
    if (!answer && scalar(r.target)) answer = 'target';
  }
  if (rationale === 'response' && (!question || (!answer && isShortAnswer(r.response as string)))) {
    // {query, response: "18"}: a short response is the answer, not reasoning
    if (question && !answer) answer = 'response';
    rationale = undefined;
  }
  const answerIsRationale = !rationale && answer !== undefined && isString(r[answer]) && looksLikeReasoning(r[answer] as string);
  return { question, rationale, answer, answerIsRationale, system: has[3] };
}

function detect(record: unknown): number {
  if (!isObject(record)) return 0;
  const k = keysOf(record);
  if (!k.question) return QUESTION_KEYS.some((q) => q in record) ? 0.3 : 0;
  if (k.rationale) return k.rationale === 'response' ? 0.85 : k.question === 'source' ? 0.9 : 1;
  if (k.answerIsRationale) return 0.95;
  if (k.answer) return 0.7;
  return 0.4;
}

function textFields(record: unknown): TextField[] {
  if (!isObject(record)) return [];
  const k = keysOf(record);
  if (k.question && !k.system.length && !k.rationale && k.answer && record.options === undefined && isString(record[k.answer])) {
    // GSM8K {question, answer}: the list made at its final size (a push into [] makes room for 17)
    return [
      { pointer: topLevelPointer(k.question), role: 'prompt', text: record[k.question] as string, required: true },
      { pointer: topLevelPointer(k.answer), role: k.answerIsRationale ? 'rationale' : 'answer', text: record[k.answer] as string, required: true },
    ];
  }
  const out: TextField[] = [];
  for (const sk of k.system) pushField(out, record, sk, 'system');
  if (k.question) pushField(out, record, k.question, 'prompt', true);
  if (Array.isArray(record.options)) {
    record.options.forEach((o, i) => isString(o) && out.push({ pointer: `/options/${i}`, role: 'context', text: o }));
  }
  if (k.rationale) pushField(out, record, k.rationale, 'rationale', true);
  if (k.answer) pushField(out, record, k.answer, k.answerIsRationale ? 'rationale' : 'answer', !k.rationale);
  return out;
}

function toConversation(record: unknown) {
  if (!isObject(record)) return undefined;
  const k = keysOf(record);
  if (!k.question) return undefined;
  let user = record[k.question] as string;
  if (Array.isArray(record.options) && record.options.every(isString)) user += `\n${record.options.join('\n')}`;
  const turns = [makeTurn('user', user, `/${k.question}`)];
  const answer = k.answer !== undefined ? String(record[k.answer]) : undefined;
  if (k.rationale) {
    let text = record[k.rationale] as string;
    const lastLine = text.trim().split('\n').pop() ?? '';
    // the rationale already states the answer ("The answer is C", "#### 72", "\boxed{32}")
    const stated = answer !== undefined && lastLine.includes(answer.trim()) && /answer|####|\\boxed/i.test(lastLine);
    if (answer !== undefined && answer.trim() !== '' && !stated) text = `${text.trimEnd()}\nSo the answer is ${answer.trim().replace(/\.$/, '')}.`;
    turns.push(makeTurn('assistant', text, `/${k.rationale}`));
  } else if (k.answer !== undefined && answer !== undefined) {
    turns.push(makeTurn('assistant', answer, `/${k.answer}`));
  }
  const system = SYSTEM_KEYS.map((sk) => record[sk]).find(isString);
  return buildConversation(turns, { system });
}

const fields: FieldSpec[] = [
  { pointer: '/question', label: 'Question', kind: 'text', role: 'prompt', required: true },
  { pointer: '/rationale', label: 'Rationale', kind: 'text', role: 'rationale', required: true },
  { pointer: '/answer', label: 'Answer', kind: 'text', role: 'answer' },
];

function fieldsFor(record: unknown): FieldSpec[] {
  if (!isObject(record)) return fields;
  const k = keysOf(record);
  const out: FieldSpec[] = [{ ...fields[0], pointer: `/${k.question ?? 'question'}` }];
  if (k.rationale) out.push({ ...fields[1], pointer: `/${k.rationale}` });
  if (k.answerIsRationale) out.push({ pointer: `/${k.answer}`, label: 'Answer (reasoning)', kind: 'text', role: 'rationale', required: true });
  else if (k.answer) out.push({ ...fields[2], pointer: `/${k.answer}`, kind: isString(record[k.answer]) ? 'text' : 'json', required: !k.rationale });
  else if (!k.rationale) out.push(fields[1], fields[2]);
  return out;
}

const str = { type: 'string' };
const answerType = { type: ['string', 'number', 'boolean'] };

export const cot: Format = {
  id: 'cot',
  label: 'Chain of thought',
  description: 'question / rationale / answer; GSM8K question / answer ending in "#### N"; problem / solution.',
  detect,
  detectReadsValuesOf: QUESTION_KEYS,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Chain-of-thought record',
    type: 'object',
    properties: {
      question: str,
      problem: str,
      query: str,
      source: str,
      options: { type: 'array', items: str },
      ...Object.fromEntries(RATIONALE_KEYS.map((k) => [k, str])),
      ...Object.fromEntries(ANSWER_KEYS.map((k) => [k, answerType])),
      target: answerType,
      system: str,
      system_prompt: str,
    },
    allOf: [
      { anyOf: [...QUESTION_KEYS, 'source'].map((k) => ({ required: [k] })) },
      { anyOf: [...RATIONALE_KEYS, ...ANSWER_KEYS, 'target'].map((k) => ({ required: [k] })) },
    ],
  },
  knownKeys: [...QUESTION_KEYS, ...RATIONALE_KEYS, ...ANSWER_KEYS, 'options', 'source', 'target', 'id', 'level', 'type', 'task', 'original_question', ...SYSTEM_KEYS],
  toConversation,
  textFields,
  fields,
  fieldsFor,
};
