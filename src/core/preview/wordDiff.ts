/** A word diff of the dataset's answer against the model's, for the preview (jsdiff's diffWordsWithSpace). */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  /** 'same': in both; 'model': only in the model's answer; 'dataset': only in the dataset's. */
  op: 'same' | 'model' | 'dataset';
  text: string;
}

/** Past this many characters the diff is skipped (jsdiff is O(n·d) and the panel must stay responsive). */
export const MAX_DIFF_CHARS = 40000;

export function wordDiff(dataset: string, model: string): DiffPart[] | undefined {
  if (dataset.length + model.length > MAX_DIFF_CHARS) return undefined;
  return diffWordsWithSpace(dataset, model).map((c) => ({ op: c.added ? 'model' : c.removed ? 'dataset' : 'same', text: c.value }));
}
