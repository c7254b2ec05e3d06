import type { FileRule, FindingDraft, RecordEntry, Span } from '../../types';
import { analyzeRecord } from '../../cot/analysis';
import { CONVENTION_LABELS } from '../../cot/finalAnswer';
import { type ConventionUse, ConventionTally, EntryMemo, conventionUse } from '../../cot/results';

const j = JSON.stringify;

interface PerRecord {
  use: ConventionUse;
  pointer: string;
  /** Span of the final-answer statement, lines relative to the record's first line. */
  span: Span;
}

/** COT012: a record whose final-answer convention differs from the file's prevailing one. */
export const answerConvention: FileRule = {
  id: 'COT012',
  name: 'answer-convention',
  description: 'The final answer is written in a different convention than most records of the file.',
  tags: ['cot', 'final-answer', 'consistency'],
  defaultSeverity: 'info',
  scope: 'file',
  defaultOptions: { minShare: 0.8, minRecords: 5 },
  optionsSchema: {
    type: 'object',
    properties: {
      minShare: { type: 'number', minimum: 0.5, maximum: 1, description: 'Share of records (with a final answer) the prevailing convention needs.' },
      minRecords: { type: 'integer', minimum: 1, description: 'Records the prevailing convention needs before others are reported.' },
    },
    additionalProperties: false,
  },
  docs: {
    rationale:
      'Answer extraction at evaluation time usually looks for one convention ("#### 72" for GSM8K, "The answer is" for FLAN, \\boxed{} for MATH). ' +
      'A few records in another convention train the model to mix them, and those records may be dropped by answer-based filters. ' +
      'Example: in a GSM8K file where records end with "#### N", a record ending with "The answer is 7." is reported. Reported once at least `minRecords` records share one convention and it covers at least `minShare` of the records that state an answer.',
    bad: [
      j({ question: 'How many?', answer: 'She has 3 + 4 = <<3+4=7>>7.\nThe answer is 7.' }),
    ],
    good: [j({ question: 'How many?', answer: 'She has 3 + 4 = <<3+4=7>>7.\n#### 7' })],
  },
  // Only records that differ from the convention leading when they are read are kept (a streamed file is
  // not held in memory); the leading convention settles within the first records in practice.
  create(env) {
    const minShare = typeof env.options.minShare === 'number' ? env.options.minShare : 0.8;
    const minRecords = typeof env.options.minRecords === 'number' ? env.options.minRecords : 5;
    const tally = new ConventionTally();
    // every record's wording (weak: for remove()); records that differ from the leading convention when
    // added are kept with their span, as candidates to report
    const contributed = new EntryMemo<ConventionUse>(env.streaming);
    const records = new Map<RecordEntry, PerRecord>();
    return {
      add(entry, ctx) {
        const a = analyzeRecord(ctx);
        for (const r of a.reasonings) {
          const use = conventionUse(r);
          if (!use || !r.final) continue;
          const leader = tally.leader();
          const canonical = tally.add(use);
          contributed.set(entry, canonical);
          if (leader !== use.convention) {
            const s = ctx.locateInString(r.field.pointer, r.final.markerStart, r.final.statementEnd);
            records.set(entry, {
              use: canonical, pointer: r.field.pointer,
              span: { line: s.line - entry.line, startColumn: s.startColumn, endLine: s.endLine - entry.line, endColumn: s.endColumn },
            });
          }
          break;
        }
      },
      remove(entry) {
        const use = contributed.get(entry);
        if (!use) return;
        tally.remove(use);
        contributed.delete(entry);
        records.delete(entry);
      },
      findings() {
        const p = tally.prevailing(minShare, minRecords);
        if (!p) return [];
        const out: FindingDraft[] = [];
        const pct = Math.round(p.share * 100);
        for (const [entry, per] of records) {
          if (per.use.convention === p.convention) continue;
          const span = per.span;
          out.push({
            line: span.line + entry.line, startColumn: span.startColumn, endLine: span.endLine + entry.line, endColumn: span.endColumn,
            field: per.pointer,
            message: `final answer written as ${CONVENTION_LABELS[per.use.convention]}; ${pct} % of the records with a final answer use ${CONVENTION_LABELS[p.convention]}`,
          });
        }
        return out;
      },
    };
  },
};
