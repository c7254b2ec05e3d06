import type { FileRule, FindingDraft, RecordEntry } from '../../types';
import { promptText } from './util/text';
import { EvalIndex, type EvalMatch } from './util/evalIndex';

export const evalContamination: FileRule = {
  id: 'DS023',
  name: 'eval-contamination',
  description: 'A training record whose prompt appears in an evaluation file (exact, or a shared 13-word sequence).',
  tags: ['quality', 'contamination'],
  defaultSeverity: 'error',
  docs: {
    rationale: 'When evaluation items leak into training, the model memorises them and the evaluation overstates what it learned (GPT-3\'s contamination study used the same 13-gram test). List evaluation files in "evalFiles" in .instructlint.jsonc (globs) or pass them on the command line.',
    bad: [],
    good: [],
  },
  scope: 'file',
  create(env) {
    // an evaluation file is not contaminated by itself (eval paths may be relative to the config's folder)
    const self = (p: string) => !!env.path && (p === env.path || env.path.endsWith('/' + p) || env.path.endsWith('\\' + p));
    const index = new EvalIndex(env.evalRecords?.() ?? [], self);
    const hits = new Map<RecordEntry, EvalMatch>();
    return {
      add(entry, ctx) {
        if (!index.size) return;
        const hit = index.match(promptText(ctx.textFields()));
        if (hit) hits.set(entry, hit);
      },
      remove(entry) {
        hits.delete(entry);
      },
      findings() {
        const out: FindingDraft[] = [];
        for (const [e, h] of hits) {
          const kind = h.kind === 'exact' ? 'the same prompt as' : 'a 13-word passage of';
          out.push({ message: `${kind} the evaluation record ${h.path}:${h.line + 1} — evaluation data leaked into training`, line: e.line, startColumn: 0, endLine: e.endLine, endColumn: e.endLine === e.line ? e.text.length : 1, related: [] });
        }
        return out;
      },
    };
  },
};
