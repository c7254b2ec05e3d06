import type { FileRule, FindingDraft, RecordEntry, Span } from '../../types';
import { analyzeRecord } from '../../cot/analysis';
import { CONVENTION_LABELS } from '../../cot/finalAnswer';
import { type ConventionUse, ConventionTally, conventionUse } from '../../cot/results';

const j = JSON.stringify;

interface PerRecord {
  use: ConventionUse;
  pointer: string;
  /**
   * Span of the final-answer statement, lines relative to the record's first line. Located only for
   * records that do not follow the convention leading when they were added (locating costs a parse);
   * the rare record that becomes an outlier later is reported on its whole line.
   */
  span?: Span;
}

/** COT012: a record whose final-answer convention differs from the file's prevailing one. */
export const answerConvention: FileRule = {
  id: 'COT012',
  name: 'answer-convention',
  description: 'The final answer is written in a different convention than most records of the file.',
  tags: ['cot', 'final-answer', 'consistency'],
  defaultSeverity: 'info',
  scope: 'file',
  defaultOptions: { minShare: 0.6, minRecords: 5 },
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
  create(env) {
    const minShare = typeof env.options.minShare === 'number' ? env.options.minShare : 0.6;
    const minRecords = typeof env.options.minRecords === 'number' ? env.options.minRecords : 5;
    const tally = new ConventionTally();
    const records = new Map<RecordEntry, PerRecord>();
    return {
      add(entry, ctx) {
        const a = analyzeRecord(ctx);
        for (const r of a.reasonings) {
          const use = conventionUse(r);
          if (!use || !r.final) continue;
          const per: PerRecord = { use, pointer: r.field.pointer };
          const leader = tally.prevailing(0, 1);
          if (!leader || leader.convention !== use.convention) {
            const s = ctx.locateInString(r.field.pointer, r.final.markerStart, r.final.statementEnd);
            per.span = { line: s.line - entry.line, startColumn: s.startColumn, endLine: s.endLine - entry.line, endColumn: s.endColumn };
          }
          records.set(entry, per);
          tally.add(use);
          break;
        }
      },
      remove(entry) {
        const per = records.get(entry);
        if (!per) return;
        tally.remove(per.use);
        records.delete(entry);
      },
      findings() {
        const p = tally.prevailing(minShare, minRecords);
        if (!p) return [];
        const out: FindingDraft[] = [];
        const pct = Math.round(p.share * 100);
        for (const [entry, per] of records) {
          if (per.use.convention === p.convention) continue;
          const span = per.span ?? { line: 0, startColumn: 0, endLine: entry.endLine - entry.line, endColumn: entry.text.length - entry.text.lastIndexOf('\n') - 1 };
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
