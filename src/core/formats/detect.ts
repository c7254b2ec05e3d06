/**
 * Format detection over a sample of records.
 *
 * Each object record is scored by every format's `detect` (0..1, from key sets and value shapes). The
 * record's format is the best score, ties broken by specificity (the order of `allFormats`: kto >
 * preference > oasst > dolly > flan > cot > alpaca > sharegpt > openai-chat > prompt-completion > text),
 * so e.g. messages + boolean label is KTO, not OpenAI chat. Scores below MIN_SCORE match nothing.
 * The file's format is the one that wins the most records; confidence = its share of the sampled
 * records x its mean score on them. `mixed` when another format wins >= 10% (and >= 2) of them.
 */
import type { DetectionResult, FormatId } from '../types';
import { allFormats } from './registry';
import { isObject } from './shared';

export const DEFAULT_SAMPLE = 200;
/** A record must score at least this to count for a format. */
export const MIN_SCORE = 0.3;
const MIXED_SHARE = 0.1;
const MIXED_MIN_RECORDS = 2;

/** The best format of one record and its score. */
export function scoreRecord(record: unknown): { format: FormatId; score: number } | undefined {
  if (!isObject(record)) return undefined;
  let best: { format: FormatId; score: number } | undefined;
  for (const f of allFormats) {
    let s = 0;
    try {
      s = f.detect(record);
    } catch {
      s = 0;
    }
    if (s >= MIN_SCORE && (!best || s > best.score)) best = { format: f.id, score: s };
  }
  return best;
}

/**
 * The format of a single record, or undefined when none fits. Remembered per record shape (keys + value
 * types) for records whose values are all strings, numbers, booleans or null (Alpaca, Dolly, FLAN,
 * prompt/completion…), whose format follows from the keys and the types alone — unless the record holds a
 * key whose value some format's detect reads (`Format.detectReadsValuesOf`). Records holding lists or
 * objects (chats, trees) are scored each time. (Rule DS007 asks this for every record of a file.)
 */
export function detectRecordFormat(record: unknown): FormatId | undefined {
  if (!isObject(record)) return undefined;
  let shape = '';
  for (const k in record) {
    const v = record[k];
    const t = typeof v;
    if ((v !== null && t === 'object') || VALUE_KEYS.has(k)) return scoreRecord(record)?.format;
    // empty strings are told apart: some detectors score an empty field lower
    shape += `${k}\u0000${t === 'string' ? (v === '' ? 'e' : 's') : t[0]}\u0001`;
  }
  const known = shapes.get(shape);
  if (known !== undefined || shapes.has(shape)) return known;
  const own = scoreRecord(record)?.format;
  if (shapes.size < 1000) shapes.set(shape, own);
  return own;
}
const shapes = new Map<string, FormatId | undefined>();
/** Keys whose values some format's detect reads: records holding one are scored each time. */
const VALUE_KEYS = new Set(allFormats.flatMap((f) => f.detectReadsValuesOf ?? []));

export function detectFormat(records: unknown[], options?: { sample?: number }): DetectionResult {
  const limit = Math.max(1, options?.sample ?? DEFAULT_SAMPLE);
  const wins = new Map<FormatId, { count: number; score: number }>();
  let sampled = 0;
  for (const r of records) {
    if (sampled >= limit) break;
    if (!isObject(r)) continue;
    sampled++;
    const best = scoreRecord(r);
    if (!best) continue;
    const w = wins.get(best.format) ?? { count: 0, score: 0 };
    w.count++;
    w.score += best.score;
    wins.set(best.format, w);
  }
  if (!sampled || !wins.size) return { format: undefined, confidence: 0, mixed: false, shares: [], sampled };
  const order = new Map(allFormats.map((f, i) => [f.id, i]));
  const ranked = [...wins.entries()].sort((a, b) => b[1].count - a[1].count || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0));
  const [winner, w] = ranked[0];
  const share = w.count / sampled;
  const second = ranked[1]?.[1];
  const mixed = second !== undefined && second.count >= MIXED_MIN_RECORDS && second.count / sampled >= MIXED_SHARE;
  return {
    format: winner,
    confidence: share * (w.score / w.count),
    mixed,
    shares: ranked.map(([format, v]) => ({ format, share: v.count / sampled })),
    sampled,
  };
}
