/**
 * The dataset insight report: diversity, balance, artefacts, demographic words, length outliers and train/eval
 * contamination in one streaming pass. `createReport(options).pushLine(text)` for each line of a JSONL file (or
 * `pushValue` for records of a JSON array), then `finish()`. The first 200 records are buffered to detect the
 * format (as the linter does); after that, memory is what the analyses keep (signatures, counters, samples).
 */
import { detectFormat, DEFAULT_SAMPLE } from '../formats/detect';
import { getFormat } from '../formats/registry';
import { parseRecord } from '../jsonl/parseRecord';
import type { Format, FormatId } from '../types';
import { promptText, responseText } from '../rules/dataset/util/text';
import { ArtifactAnalysis, compilePatterns } from './artifacts';
import { BalanceAnalysis } from './balance';
import { ContaminationAnalysis, type EvalRecords } from './contamination';
import { DemographicsAnalysis } from './demographics';
import { DiversityAnalysis } from './diversity';
import { LengthOutlierAnalysis } from './outliers';
import { wordsOf } from './text';
import type { DetectLanguage } from './language';
import type { DatasetReport, ReportConfig, ReportInput } from './types';

/** Distinct-n and demographic words read the first 4 000 characters of a record's prompt and 1 500 of its response (splitting every word of long responses into strings was most of the report's time). */
const PROMPT_CHARS = 4000;
const RESPONSE_CHARS = 1500;

export interface ReportOptions {
  path?: string;
  /** A format id, or undefined / 'auto' to detect it from the first 200 records. */
  format?: FormatId | 'auto';
  config?: ReportConfig;
  evalRecords?: EvalRecords;
  /** From `await loadLanguageDetector()`; without it the report has no languages. */
  detectLanguage?: DetectLanguage;
}

export interface ReportBuilder {
  /** One line of a JSONL file (blank lines are skipped, lines that are not JSON are counted as invalid). */
  pushLine(text: string): void;
  /** One parsed record (JSON arrays). `line` is 0-based. */
  pushValue(value: unknown, line: number): void;
  finish(): DatasetReport;
}

export function createReport(options: ReportOptions = {}): ReportBuilder {
  const config = options.config ?? {};
  const diversity = new DiversityAnalysis(config.verbSample ?? 2000);
  const balance = new BalanceAnalysis(options.detectLanguage, config.categoryField);
  const artifacts = new ArtifactAnalysis(compilePatterns(config));
  const demographics = new DemographicsAnalysis(config);
  const outliers = new LengthOutlierAnalysis();
  const self = (p: string) => !!options.path && (p === options.path || options.path.endsWith('/' + p) || options.path.endsWith('\\' + p));
  const contamination = new ContaminationAnalysis(options.evalRecords, self);
  let format: Format | undefined = options.format && options.format !== 'auto' ? getFormat(options.format) : undefined;
  let decided = !!format;
  const pending: { value: unknown; line: number }[] = [];
  let records = 0;
  let invalid = 0;
  const invalidLines: number[] = [];
  let lineNo = 0;

  const analyse = (value: unknown, line: number) => {
    records++;
    const fields = format && value && typeof value === 'object' && !Array.isArray(value) ? format.textFields(value) : [];
    const prompt = promptText(fields);
    const response = responseText(fields);
    const instruction = fields.find((f) => f.role === 'prompt')?.text ?? prompt;
    const input: ReportInput = { line: line + 1, value, fields, instruction, prompt, response, promptWords: wordsOf(prompt.slice(0, PROMPT_CHARS)), responseWords: wordsOf(response.slice(0, RESPONSE_CHARS)) };
    const category = balance.categoryOf(value);
    diversity.add(input);
    balance.add(input, category);
    artifacts.add(input);
    demographics.add(input);
    outliers.add(input, category);
    contamination.add(input);
  };
  const decide = () => {
    if (decided) return;
    decided = true;
    format = getFormat(detectFormat(pending.map((p) => p.value)).format ?? '');
    for (const p of pending) analyse(p.value, p.line);
    pending.length = 0;
  };
  const pushValue = (value: unknown, line: number) => {
    if (decided) analyse(value, line);
    else {
      pending.push({ value, line });
      if (pending.length >= DEFAULT_SAMPLE) decide();
    }
  };
  return {
    pushLine(text) {
      const line = lineNo++;
      if (!text.trim()) return;
      const p = parseRecord(text);
      if (p.ok) pushValue(p.value, line);
      else if (invalid++ < 10) invalidLines.push(line + 1);
    },
    pushValue,
    finish() {
      decide();
      return {
        version: 1,
        path: options.path,
        format: format?.id,
        records,
        invalid,
        invalidLines,
        diversity: diversity.result(),
        ...balance.result(),
        artifacts: artifacts.result(),
        demographics: demographics.result(),
        lengthOutliers: outliers.result(),
        contamination: contamination.result(),
      };
    },
  };
}
