/**
 * Categories whose responses are much shorter or longer than the dataset's (median ≈ tokens at most half or at
 * least twice the overall median, categories with ≥ 5 records): often a sign that one source or generator wrote them.
 */
import { approxTokens } from '../stats/stats';
import { median } from './text';
import type { LengthOutlier, ReportInput } from './types';

const MAX_CATEGORIES = 200;

export class LengthOutlierAnalysis {
  private readonly byCategory = new Map<string, number[]>();
  private readonly all: number[] = [];

  add(r: ReportInput, category: string | undefined): void {
    if (!r.response) return;
    const t = approxTokens(r.response);
    this.all.push(t);
    if (category === undefined) return;
    const list = this.byCategory.get(category);
    if (list) list.push(t);
    else if (this.byCategory.size < MAX_CATEGORIES) this.byCategory.set(category, [t]);
  }

  result(): LengthOutlier[] {
    const overall = median(this.all);
    if (!overall || this.byCategory.size < 2) return [];
    const out: LengthOutlier[] = [];
    for (const [category, xs] of this.byCategory) {
      if (xs.length < 5) continue;
      const m = median(xs);
      const ratio = Math.round((m / overall) * 100) / 100;
      if (ratio <= 0.5 || ratio >= 2) out.push({ category, records: xs.length, medianTokens: m, overallMedian: overall, ratio });
    }
    return out.sort((a, b) => Math.abs(Math.log(b.ratio)) - Math.abs(Math.log(a.ratio)));
  }
}
