import type { Rule } from '../../types';
import { invalidJson } from './DS001-invalid-json';
import { notAnObject } from './DS002-not-an-object';
import { formatSchema } from './DS003-format-schema';
import { userSchema } from './DS004-user-schema';
import { unknownKey } from './DS005-unknown-key';
import { blankLine } from './DS006-blank-line';
import { mixedFormats } from './DS007-mixed-formats';
import { emptyField } from './DS010-empty-field';
import { surroundingWhitespace } from './DS011-surrounding-whitespace';
import { outputCopiesInput } from './DS012-output-copies-input';
import { roleOrder } from './DS013-role-order';
import { lengthOutlier } from './DS014-length-outlier';
import { piiOrSecret } from './DS015-pii-or-secret';
import { duplicateRecord } from './DS020-duplicate-record';
import { conflictingOutputs } from './DS021-conflicting-outputs';
import { nearDuplicate } from './DS022-near-duplicate';
import { evalContamination } from './DS023-eval-contamination';

/** DS### rules: structure and quality of dataset records. One rule per file in this folder. */
export const datasetRules: Rule[] = [
  invalidJson,
  notAnObject,
  formatSchema,
  userSchema,
  unknownKey,
  blankLine,
  mixedFormats,
  emptyField,
  surroundingWhitespace,
  outputCopiesInput,
  roleOrder,
  lengthOutlier,
  piiOrSecret,
  duplicateRecord,
  conflictingOutputs,
  nearDuplicate,
  evalContamination,
];
