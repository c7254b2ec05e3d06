/**
 * Balance of the dataset: categories (Dolly `category`, FLAN `task_name`/`_task_name`, or the configured field),
 * languages (the injected detector, see language.ts; on the first 200 characters of each prompt), lengths in ≈ tokens per
 * text role, and turns per conversation. Streaming: add() one record at a time; memory is one number per record
 * and role (for the medians).
 */
import { approxTokens, bin, CATEGORY_KEYS, lengthHistogram, TURN_BOUNDS, type Histogram } from '../stats/stats';
import { bump, topOf } from './text';
import type { DatasetReport, ReportInput } from './types';
import type { DetectLanguage } from './language';

const byPointer = (value: unknown, field: string): unknown => {
  const parts = field.startsWith('/') ? field.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')) : [field];
  let v = value;
  for (const p of parts) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
};

export class BalanceAnalysis {
  private categoryField: string | undefined;
  private readonly categories = new Map<string, number>();
  private readonly languages = new Map<string, number>();
  private readonly lengths: Record<string, number[]> = {};
  private readonly turns = new Array<number>(TURN_BOUNDS.length + 1).fill(0);
  private chats = 0;

  constructor(private readonly detectLanguage: DetectLanguage | undefined, categoryField?: string) {
    this.categoryField = categoryField;
  }

  /** The record's category (undefined when it has none). */
  categoryOf(value: unknown): string | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    this.categoryField ??= CATEGORY_KEYS.find((k) => typeof (value as Record<string, unknown>)[k] === 'string' && k !== 'lang');
    const c = this.categoryField === undefined ? undefined : byPointer(value, this.categoryField);
    return typeof c === 'string' && c.trim() ? c.trim() : undefined;
  }

  add(r: ReportInput, category: string | undefined): void {
    if (category !== undefined) bump(this.categories, category);
    const sample = (r.prompt.trim() || r.response).slice(0, 200);
    if (this.detectLanguage) bump(this.languages, this.detectLanguage(sample));
    const perRole: Record<string, number> = {};
    const turns = new Set<number>();
    for (const f of r.fields) {
      perRole[f.role] = (perRole[f.role] ?? 0) + approxTokens(f.text);
      if (f.turn !== undefined) turns.add(f.turn);
    }
    for (const [role, t] of Object.entries(perRole)) (this.lengths[role] ??= []).push(t);
    if (turns.size) {
      this.chats++;
      this.turns[bin(TURN_BOUNDS, turns.size)]++;
    }
  }

  result(): Pick<DatasetReport, 'languages' | 'categories' | 'categoryField' | 'lengths' | 'turns'> {
    const lengths: DatasetReport['lengths'] = {};
    for (const [role, values] of Object.entries(this.lengths)) lengths[role] = lengthHistogram(values);
    const turns: Histogram | undefined = this.chats ? { bounds: TURN_BOUNDS, counts: this.turns } : undefined;
    return {
      languages: topOf(this.languages, 30).map(([lang, count]) => ({ lang, count })),
      categories: topOf(this.categories, 40).map(([category, count]) => ({ category, count })),
      categoryField: this.categories.size ? this.categoryField : undefined,
      lengths,
      turns,
    };
  }
}
