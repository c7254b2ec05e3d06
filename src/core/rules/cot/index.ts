import type { Rule } from '../../types';
import { missingFinalAnswer } from './cot001-missing-final-answer';
import { answerFieldMismatch } from './cot002-answer-field-mismatch';
import { arithmeticMismatch } from './cot003-arithmetic-mismatch';
import { annotationMismatch } from './cot004-annotation-mismatch';
import { annotationTextMismatch } from './cot005-annotation-text-mismatch';
import { finalAnswerNotLastResult } from './cot006-final-answer-not-last-result';
import { unsupportedQuantity } from './cot007-unsupported-quantity';
import { stepNumbering } from './cot008-step-numbering';
import { repeatedStep } from './cot009-repeated-step';
import { thinkTags } from './cot010-think-tags';
import { reasoningAfterAnswer } from './cot011-reasoning-after-answer';
import { answerConvention } from './cot012-answer-convention';
import { algebraInconsistent } from './cot013-algebra-inconsistent';

/** COT### rules: chain-of-thought reasoning. One rule per file in this folder. */
export const cotRules: Rule[] = [
  missingFinalAnswer,
  answerFieldMismatch,
  arithmeticMismatch,
  annotationMismatch,
  annotationTextMismatch,
  finalAnswerNotLastResult,
  unsupportedQuantity,
  stepNumbering,
  repeatedStep,
  thinkTags,
  reasoningAfterAnswer,
  answerConvention,
  algebraInconsistent,
];
