import type { Rule } from '../../types';
import { invalidJson } from './DS001-invalid-json';
import { notAnObject } from './DS002-not-an-object';
import { formatSchema } from './DS003-format-schema';
import { userSchema } from './DS004-user-schema';
import { unknownKey } from './DS005-unknown-key';

/** DS### rules: structure and quality of dataset records. One rule per file in this folder. */
export const datasetRules: Rule[] = [
  invalidJson,
  notAnObject,
  formatSchema,
  userSchema,
  unknownKey,
];
