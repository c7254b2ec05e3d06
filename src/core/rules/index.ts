import type { Rule } from '../types';
import { datasetRules } from './dataset/index';
import { cotRules } from './cot/index';

/** Every built-in rule, in id order. */
export const allRules: Rule[] = [...datasetRules, ...cotRules].sort((a, b) => a.id.localeCompare(b.id));

export function getRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id || r.name === id);
}
