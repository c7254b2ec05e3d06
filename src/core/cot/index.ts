/**
 * Chain-of-thought analysis: steps, numbers, equations, a safe exact evaluator, final answers.
 * Pure (no vscode, no DOM); used by the COT### rules, the prompt preview and batch evaluation.
 */
export { type Rational, rat, add, sub, mul, div, pow, equals, compare, toNumber, parseDecimal, roundTo, truncateTo, formatRational } from './rational';
export { type NumberMention, type NumberKind, extractNumbers, parseNumberText } from './numbers';
export { type Token, type TokenKind, type Expr, tokenize, parseTokens, evaluate, evaluateString, formatExpr } from './expr';
export { type Equation, type WrittenNumber, type TextSpan, findInlineEquations, findAnnotations, acceptsResult, formatLike, mayHaveEquations } from './equations';
export {
  type FinalAnswer, type AnswerConvention, type AnswerKind, type AnswerComparison, CONVENTION_LABELS,
  extractFinalAnswer, answersMatch, compareAnswers, classifyAnswer,
} from './finalAnswer';
export { type Step, type StepLabel, splitSteps, splitSentences, stepContent } from './steps';
export { type CotFields, type CotString, type ReasoningField, type CotPointers, cotFields, fieldsByKeys, getAtPointer } from './fields';
export { ReasoningAnalysis, RecordAnalysis, analyzeRecord } from './analysis';
