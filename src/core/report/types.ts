/** The dataset report's JSON document (`instruct-studio report --format json`) and what each analysis is fed. */
import type { Histogram } from '../stats/stats';
import type { TextField } from '../types';

/** One record as the analyses see it. `line` is 1-based (as editors show it). */
export interface ReportInput {
  line: number;
  value: unknown;
  fields: TextField[];
  /** The first user-side prompt text (the instruction; Dolly's context and system prompts excluded). */
  instruction: string;
  /** User-side text (prompt, context, system). */
  prompt: string;
  /** Model-side text (responses, rationales, answers). */
  response: string;
  responseWords: string[];
  promptWords: string[];
}

export interface Example {
  /** 1-based line of the record. */
  line: number;
  text: string;
}

export interface VerbNouns {
  verb: string;
  count: number;
  nouns: { noun: string; count: number }[];
}

export interface DiversityReport {
  topVerbs: VerbNouns[];
  /** Root verbs are parsed on a seeded random sample of prompts (part-of-speech tagging costs ~1 ms a prompt). */
  verbSample: { parsed: number; prompts: number; withVerb: number };
  /** Distinct words / words, and distinct word pairs / word pairs, over the prompts. */
  distinct1: number;
  distinct2: number;
  responses: { distinct1: number; distinct2: number };
  /** True when the distinct counts are HyperLogLog estimates (very large files). */
  estimated: boolean;
  nearDuplicates: { threshold: number; clusters: number; records: number; largest: { size: number; lines: number[]; prompt: string }[] };
}

export interface ArtifactReport {
  id: string;
  pattern: string;
  kind: 'refusal' | 'tic';
  count: number;
  examples: Example[];
}

export interface TermGroupReport {
  group: string;
  /** Word occurrences over prompts and responses. */
  count: number;
  /** Records with at least one of the words. */
  records: number;
  terms: { term: string; count: number }[];
}

export interface DemographicsReport {
  caveat: string;
  /** Masculine / feminine word occurrences (undefined when neither appears). */
  genderRatio?: number;
  groups: { name: string; caveat?: string; members: TermGroupReport[] }[];
}

export interface LengthOutlier {
  category: string;
  records: number;
  medianTokens: number;
  overallMedian: number;
  ratio: number;
}

export interface ContaminationReport {
  evalFile: string;
  evalRecords: number;
  exact: number;
  ngram: number;
  pairs: { line: number; evalLine: number; kind: 'exact' | 'ngram'; text: string }[];
}

export interface DatasetReport {
  version: 1;
  path?: string;
  format?: string;
  records: number;
  invalid: number;
  /** 1-based lines of the first invalid records (at most 10). */
  invalidLines: number[];
  diversity: DiversityReport;
  languages: { lang: string; count: number }[];
  categories: { category: string; count: number }[];
  categoryField?: string;
  /** ≈ tokens (characters / 4) per text role. */
  lengths: Record<string, Histogram & { median: number; max: number }>;
  turns?: Histogram;
  artifacts: ArtifactReport[];
  demographics: DemographicsReport;
  lengthOutliers: LengthOutlier[];
  contamination: ContaminationReport[];
}

/** `report` in .instructlint.jsonc. */
export interface ReportConfig {
  /** Key (or JSON pointer) of the category field; default: category, task_name, _task_name, task, source, type. */
  categoryField?: string;
  /** Extra artefact patterns (regular expressions, case-insensitive), searched in responses. */
  patterns?: { id: string; pattern: string; kind?: 'refusal' | 'tic' }[];
  /** Extra or replacement demographic word lists: group -> member -> words. */
  terms?: Record<string, Record<string, string[]>>;
  /** Prompts parsed for root verbs (default 2000). */
  verbSample?: number;
}
