/** Running totals of a batch: constant memory per record except one latency number (for percentiles). */
import type { EvalResult, EvalSummary } from './types';

export class SummaryBuilder {
  private answered = 0;
  private errors = 0;
  private compared = 0;
  private matches = 0;
  private exactCompared = 0;
  private exact = 0;
  private latencies: number[] = [];
  private promptTokens = 0;
  private completionTokens = 0;
  private estimated = false;
  private errorKinds: Record<string, number> = {};

  add(r: EvalResult): void {
    if (r.error) {
      this.errors++;
      this.errorKinds[r.error.kind] = (this.errorKinds[r.error.kind] ?? 0) + 1;
      return;
    }
    this.answered++;
    if (r.match !== null) {
      this.compared++;
      if (r.match) this.matches++;
    }
    if (r.exactMatch !== null) {
      this.exactCompared++;
      if (r.exactMatch) this.exact++;
    }
    if (r.latencyMs !== undefined) this.latencies.push(r.latencyMs);
    this.promptTokens += r.tokens?.prompt ?? 0;
    this.completionTokens += r.tokens?.completion ?? 0;
    if (r.tokens?.estimated) this.estimated = true;
  }

  build(cancelled: boolean): EvalSummary {
    const sorted = Float64Array.from(this.latencies).sort();
    const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
    const mean = sorted.length ? Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length) : null;
    return {
      records: this.answered + this.errors,
      answered: this.answered,
      errors: this.errors,
      finalAnswerAccuracy: this.compared ? this.matches / this.compared : null,
      finalAnswerMatches: this.matches,
      finalAnswerCompared: this.compared,
      exactMatch: this.exactCompared ? this.exact / this.exactCompared : null,
      exactMatches: this.exact,
      exactMatchCompared: this.exactCompared,
      meanLatencyMs: mean,
      p50LatencyMs: pct(50),
      p95LatencyMs: pct(95),
      tokens: { prompt: this.promptTokens, completion: this.completionTokens, estimated: this.estimated },
      errorKinds: { ...this.errorKinds },
      cancelled,
    };
  }
}
