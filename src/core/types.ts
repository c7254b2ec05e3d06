/**
 * Core contracts shared by the CLI, the extension host, the webviews and the tests.
 * Pure: nothing here imports `vscode` or the DOM. See docs/ARCHITECTURE.md.
 *
 * Coordinates: lines and columns are 0-based inside the core; columns are UTF-16 code units
 * within the line (what VS Code and JavaScript strings use). The CLI converts to 1-based.
 */

import type { ReportConfig } from './report/types';

export type Severity = 'error' | 'warning' | 'info';
export type RuleLevel = Severity | 'off';

/** A range in a file. `endLine` equals `line` for single-line spans (always the case for JSONL records). */
export interface Span {
  line: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** One replacement. `line`/`endLine` default to the finding's line. To delete line L entirely: {line:L,startColumn:0,endLine:L+1,endColumn:0,text:''}. */
export interface TextEdit {
  line?: number;
  startColumn: number;
  endLine?: number;
  endColumn: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding extends Span {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  /** JSON pointer of the value the finding is about, e.g. "/messages/2/content". */
  field?: string;
  fix?: Fix;
  /** Other places involved (e.g. the first copy of a duplicate). */
  related?: { message: string; line: number }[];
}

/** What a rule returns; the engine adds ruleId, ruleName and the configured severity. */
export interface FindingDraft extends Partial<Span> {
  message: string;
  field?: string;
  fix?: Fix;
  related?: { message: string; line: number }[];
  /** Overrides the configured severity downwards only (e.g. a rule reporting an info-level hint). */
  severity?: Severity;
}

// ---------------------------------------------------------------------------------------------
// Conversation: the canonical form every format maps to (templates, tokens, preview, model runs).

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface Turn {
  role: Role;
  content: string;
  /** true when the trainer computes loss on this turn (normally assistant turns). */
  trained: boolean;
  /** JSON pointer of the source value, so views can link back to the record. */
  source?: string;
  name?: string;
  toolCalls?: unknown[];
}

export interface Conversation {
  system?: string;
  turns: Turn[];
  tools?: unknown[];
}

// ---------------------------------------------------------------------------------------------
// Formats

export type FormatId =
  | 'alpaca'
  | 'dolly'
  | 'flan'
  | 'sharegpt'
  | 'openai-chat'
  | 'oasst'
  | 'prompt-completion'
  | 'text'
  | 'preference'
  | 'kto'
  | 'cot';

/**
 * The role a piece of text plays in a record. Rules use it (empty required field, copies, PII,
 * CoT linting) without knowing each format's key names.
 */
export type TextRole = 'system' | 'prompt' | 'context' | 'response' | 'rationale' | 'answer' | 'rejected' | 'other';

export interface TextField {
  /** JSON pointer to the string value. */
  pointer: string;
  role: TextRole;
  text: string;
  /** For chat formats: the index of the turn and its role. */
  turn?: number;
  turnRole?: Role;
  /** A required field of the format (emptiness is an error rather than a hint). */
  required?: boolean;
}

/** Describes one field for the dataset editor's form and table. */
export interface FieldSpec {
  pointer: string; // e.g. "/instruction" or "/messages"
  label: string;
  kind: 'text' | 'turns' | 'json' | 'boolean' | 'number';
  role?: TextRole;
  required?: boolean;
  /** For kind 'turns': the keys of a turn object and the allowed roles. */
  turns?: { roleKey: string; contentKey: string; roles: string[] };
}

export interface Format {
  id: FormatId;
  label: string;
  description: string;
  /** 0..1: how sure this record is of this format (1 = required keys present with the right types). */
  detect(record: unknown): number;
  /**
   * Top-level keys whose values (not only their types) `detect` reads, for records whose values are all
   * strings, numbers, booleans or null. Without any of them in a record, the record's keys and value types
   * decide its score (detectRecordFormat remembers the format per record shape).
   */
  detectReadsValuesOf?: readonly string[];
  /** JSON Schema (draft-07) of one record. */
  schema: Record<string, unknown>;
  /** Keys this format knows at the top level (unknown keys are reported with "did you mean"). */
  knownKeys: string[];
  toConversation(record: unknown): Conversation | undefined;
  textFields(record: unknown): TextField[];
  fields: FieldSpec[];
  /** The fields of one record when it uses a variant key (e.g. alpaca `response` instead of `output`); defaults to `fields`. */
  fieldsFor?(record: unknown): FieldSpec[];
}

export interface DetectionResult {
  /** The winning format, or undefined when nothing fits. */
  format: FormatId | undefined;
  confidence: number;
  /** True when records disagree (more than one format wins a notable share of sampled records). */
  mixed: boolean;
  /** Share of sampled records won by each format. */
  shares: { format: FormatId; share: number }[];
  sampled: number;
}

// ---------------------------------------------------------------------------------------------
// Records and rules

/** A parsed record as the engine holds it. For JSONL, one non-blank line. */
export interface RecordEntry {
  /** First line (0-based) of the record in the file. Kept up to date by the engine as lines move. */
  line: number;
  /** Last line of the record (== line for JSONL). */
  endLine: number;
  /** The record's source text (the line, without its end-of-line). */
  text: string;
  /** Parsed value (any JSON value; non-objects are reported by a rule). */
  value: unknown;
  /** A stable content hash of `text` (for duplicates and suppressions). */
  hash: string;
}

export interface RecordContext {
  record: RecordEntry;
  /** The file's effective format (config or detection), if any. */
  format: Format | undefined;
  /** Rule options merged with the rule's defaults. */
  options: Record<string, unknown>;
  /** The text fields of the record according to its format (cached per record). */
  textFields(): TextField[];
  /** The record as a conversation according to its format (cached per record). */
  conversation(): Conversation | undefined;
  /** Span of the key or of the value at a JSON pointer ("" = whole record). Falls back to the whole record. */
  locate(pointer: string, part?: 'key' | 'value'): Span;
  /** Span of characters [start, end) of the decoded string at `pointer`, mapped through escapes to source columns. */
  locateInString(pointer: string, start: number, end: number): Span;
  /** The file path (for messages and overrides); may be undefined for untitled documents. */
  path?: string;
  /**
   * Scratch space of this record's check, shared by every rule that checks it (the engine drops it once every
   * rule has seen the record): where a family of rules keeps the analysis they all read (the CoT analysis),
   * keyed by a symbol of its own. The engine may check several records before the next rule runs, so a cache of
   * "the last record" does not work across rules: this does.
   */
  readonly shared: Record<symbol, unknown>;
}

export interface RuleDocs {
  /** Why the rule matters, in a paragraph. */
  rationale: string;
  /** Example records (JSONL lines) that trigger the rule. */
  bad: string[];
  /** Example records that pass. */
  good: string[];
}

export interface RuleMeta {
  id: string; // 'DS001', 'COT003'
  name: string; // kebab-case, 'empty-field'
  description: string;
  tags: string[];
  defaultSeverity: RuleLevel;
  /** JSON Schema of the rule's options object (for config validation and docs). */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  docs: RuleDocs;
}

export interface RecordRule extends RuleMeta {
  scope: 'record';
  check(ctx: RecordContext): FindingDraft[];
}

/**
 * A file rule keeps an incremental index over the file's records. The engine calls `add` for each
 * record when it appears and `remove` when it changes or disappears (with the same entry object),
 * then asks for `findings()`. `entry.line` is kept current by the engine.
 * Keep only what findings() needs (hashes, band keys, the entry reference): when streaming, the engine
 * releases `entry.text` and `entry.value` right after add() returns (read `entry.hash` during add() if needed).
 */
export interface FileRuleState {
  add(entry: RecordEntry, ctx: RecordContext): void;
  remove(entry: RecordEntry): void;
  findings(): FindingDraft[];
}

export interface FileRuleEnv {
  options: Record<string, unknown>;
  /**
   * True in the CLI's streaming pass: records are only added, never removed, and lines never move, so an index
   * may keep line numbers instead of entry references (memory then stays small per record).
   */
  streaming?: boolean;
  /** Streaming: about how many records the file holds (from its size and the first lines), to size indexes once. */
  expectedRecords?: number;
  format: Format | undefined;
  path?: string;
  /** Records of evaluation files named in config (for contamination rules); empty when none. */
  evalRecords?: () => Iterable<{ path: string; line: number; value: unknown; hash: string; textFields: TextField[] }>;
  /** File-level facts the engine knows (detection result, blank lines, line count). */
  file: FileFacts;
}

export interface FileFacts {
  detection: DetectionResult;
  /** 0-based indexes of blank (whitespace-only) lines, not counting a final empty line after the last newline. */
  blankLines: number[];
  lineCount: number;
  /** True when the file had a UTF-8 byte order mark. */
  bom: boolean;
  /** 'lf' | 'crlf' | 'mixed' */
  eol: 'lf' | 'crlf' | 'mixed';
  /** Text of each line, for fixes on lines that are not records (blank lines). */
  lineText(line: number): string;
}

export interface FileRule extends RuleMeta {
  scope: 'file';
  create(env: FileRuleEnv): FileRuleState;
}

export type Rule = RecordRule | FileRule;

// ---------------------------------------------------------------------------------------------
// Config

export type RuleSetting = RuleLevel | [RuleLevel, Record<string, unknown>];

export interface Suppression {
  rule: string;
  /** 'id:<value of the record's id field>' or 'hash:<record content hash>' */
  record: string;
  reason?: string;
}

export interface LintConfig {
  format?: 'auto' | FormatId;
  /** Path (relative to the config file) of a user JSON Schema validating each record. */
  schema?: string;
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; format?: 'auto' | FormatId; schema?: string; rules?: Record<string, RuleSetting> }[];
  /** Globs of evaluation files (train/eval contamination). */
  evalFiles?: string[];
  /** Globs the CLI and workspace validation skip. */
  ignore?: string[];
  suppressions?: Suppression[];
  /** CoT field mapping for records the format does not describe: JSON pointers. */
  cot?: { question?: string; rationale?: string; answer?: string };
  /** Settings of the dataset report (`instruct-studio report`, "Show Dataset Report"). */
  report?: ReportConfig;
}

// ---------------------------------------------------------------------------------------------
// Results

export interface LintResult {
  path?: string;
  format: FormatId | undefined;
  detection: DetectionResult;
  records: number;
  findings: Finding[];
}
