/**
 * The lint engine: config + rules -> findings. Three entry points share one implementation:
 *  - lintText(text)            whole text at once (tests, small files, .json arrays)
 *  - createStreamingLinter()   line by line with flat memory (CLI)
 *  - IncrementalLinter         per-document state for the extension: re-checks only touched lines
 * Rules that throw are contained and reported as an 'internal-error' finding, never crash the run.
 *
 * NOTE: the signatures below are the contract; the implementation lands in the next commit.
 */
import type { FileRuleEnv, LintConfig, LintResult, Rule, Finding } from './types';

export interface EngineOptions {
  /** Effective config for this file (overrides already applied, see config/). */
  config?: LintConfig;
  /** Rules to run; default: all built-in rules (rules/index.ts). */
  rules?: Rule[];
  /** Parsed user JSON Schema for each record (config.schema), if any. */
  userSchema?: Record<string, unknown>;
  path?: string;
  /** 'jsonl' (default) or 'json' (a file holding an array of records). Default: from path extension. */
  kind?: 'jsonl' | 'json';
  evalRecords?: FileRuleEnv['evalRecords'];
}

export function lintText(_text: string, _options: EngineOptions = {}): LintResult {
  throw new Error('not implemented yet');
}

export interface StreamingLinter {
  /** Feed the next line (without its end-of-line characters). */
  pushLine(text: string): void;
  /** Flush: runs file rules and returns the result (findings sorted by line). */
  finish(): LintResult;
}

/** `onFinding` receives record-level findings as they are found (so callers need not hold them). */
export function createStreamingLinter(_options: EngineOptions & { onFinding?: (f: Finding) => void } = {}): StreamingLinter {
  throw new Error('not implemented yet');
}

export interface LineChange {
  /** First replaced line (0-based). */
  startLine: number;
  /** Number of old lines replaced. */
  deleteCount: number;
  /** New lines inserted at startLine. */
  lines: string[];
}

export class IncrementalLinter {
  constructor(readonly options: EngineOptions = {}) {}
  /** Full pass over a new text, in slices: each `next()` handles a bounded number of lines so a caller can yield. */
  *reset(_text: string, _sliceLines = 2000): Generator<void, void, void> {
    throw new Error('not implemented yet');
  }
  resetSync(text: string): void { for (const _ of this.reset(text, Infinity)) { /* run to the end */ } }
  /** Re-checks only the changed lines; file rules update incrementally. */
  applyChanges(_changes: LineChange[]): void {
    throw new Error('not implemented yet');
  }
  result(): LintResult {
    throw new Error('not implemented yet');
  }
}
