/**
 * Dataset statistics for the "Show Dataset Statistics" view: counts, per-role length histograms, categories,
 * chat roles and turns, exact duplicates and approximate token totals. Streaming: add() one record at a time.
 */
import type { Format, TextField } from '../types';
import { hashText } from '../jsonl/hash';

export interface Histogram {
  /** Upper bounds of the bins (the last bin is open-ended). */
  bounds: number[];
  counts: number[];
}

export interface DatasetStats {
  records: number;
  invalid: number;
  format?: string;
  /** Approximate tokens (characters / 4) per text role, and in total. */
  tokens: { total: number; byRole: Record<string, number> };
  /** Length in approximate tokens, per text role. */
  lengths: Record<string, Histogram & { median: number; max: number }>;
  categories: { name: string; count: number }[];
  roles: { role: string; count: number }[];
  turns: Histogram;
  duplicates: number;
}

export const LENGTH_BOUNDS = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
export const TURN_BOUNDS = [1, 2, 3, 4, 6, 8, 12, 16, 32];
export const CATEGORY_KEYS = ['category', 'task_name', '_task_name', 'task', 'source', 'type', 'lang'];

export const approxTokens = (s: string) => Math.ceil(s.length / 4);

export function bin(bounds: number[], v: number): number {
  let i = 0;
  while (i < bounds.length && v > bounds[i]) i++;
  return i;
}

/** Histogram of lengths over LENGTH_BOUNDS, with median and maximum. */
export function lengthHistogram(values: number[]): Histogram & { median: number; max: number } {
  const counts = new Array<number>(LENGTH_BOUNDS.length + 1).fill(0);
  for (const v of values) counts[bin(LENGTH_BOUNDS, v)]++;
  const sorted = [...values].sort((a, b) => a - b);
  return { bounds: LENGTH_BOUNDS, counts, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

export class StatsAccumulator {
  private records = 0;
  private invalid = 0;
  private tokensByRole: Record<string, number> = {};
  private lengths: Record<string, number[]> = {};
  private categoryKey: string | undefined;
  private categories = new Map<string, number>();
  private roles = new Map<string, number>();
  private turns = new Array<number>(TURN_BOUNDS.length + 1).fill(0);
  private seen = new Set<string>();
  private duplicates = 0;

  constructor(private readonly format: Format | undefined) {}

  addInvalid(): void {
    this.invalid++;
  }

  add(value: unknown, fields: TextField[]): void {
    this.records++;
    const h = hashText(JSON.stringify(value));
    if (this.seen.has(h)) this.duplicates++;
    else this.seen.add(h);
    const perRole: Record<string, number> = {};
    const turnSet = new Set<number>();
    for (const f of fields) {
      const t = approxTokens(f.text);
      this.tokensByRole[f.role] = (this.tokensByRole[f.role] ?? 0) + t;
      perRole[f.role] = (perRole[f.role] ?? 0) + t;
      if (f.turn !== undefined) {
        turnSet.add(f.turn);
        if (f.turnRole) this.roles.set(f.turnRole, (this.roles.get(f.turnRole) ?? 0) + 1);
      }
    }
    for (const [role, t] of Object.entries(perRole)) (this.lengths[role] ??= []).push(t);
    if (turnSet.size) this.turns[bin(TURN_BOUNDS, turnSet.size)]++;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      this.categoryKey ??= CATEGORY_KEYS.find((k) => typeof v[k] === 'string');
      const c = this.categoryKey && v[this.categoryKey];
      if (typeof c === 'string') this.categories.set(c, (this.categories.get(c) ?? 0) + 1);
    }
  }

  result(): DatasetStats {
    const lengths: DatasetStats['lengths'] = {};
    for (const [role, values] of Object.entries(this.lengths)) lengths[role] = lengthHistogram(values);
    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
    return {
      records: this.records,
      invalid: this.invalid,
      format: this.format?.id,
      tokens: { total: Object.values(this.tokensByRole).reduce((a, b) => a + b, 0), byRole: this.tokensByRole },
      lengths,
      categories: top(this.categories).slice(0, 30).map(([name, count]) => ({ name, count })),
      roles: top(this.roles).map(([role, count]) => ({ role, count })),
      turns: { bounds: TURN_BOUNDS, counts: this.turns },
      duplicates: this.duplicates,
    };
  }
}
