import type { Rule } from '../../types';

/** COT### rules: chain-of-thought reasoning. One rule per file in this folder. */
export const cotRules: Rule[] = [];
