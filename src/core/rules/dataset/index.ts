import type { Rule } from '../../types';

/** DS### rules: structure and quality of dataset records. One rule per file in this folder. */
export const datasetRules: Rule[] = [];
