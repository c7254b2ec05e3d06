/**
 * CoT linting accuracy: injects known errors into real CoT records (../shared/datasets: GSM8K
 * train, FLAN CoT gsm8k/creak/ecqa) with a seeded PRNG and prints, per error type, the recall of
 * the rule meant to catch it, and the false-positive rate on the untouched records.
 *
 *   npx tsx bench/cot-accuracy.ts            # markdown table
 *   npx tsx bench/cot-accuracy.ts --show-fp  # also print every finding on clean records
 *
 * Injections are located with plain regular expressions, independent of the CoT extractors, so
 * the recall is not flattered by choosing only what the rules can see.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createStreamingLinter } from '../src/core/lint';
import { cotRules } from '../src/core/rules/cot/index';
import { prng, runRules, type MiniFinding } from './cot-accuracy.context';

const repoRoot = path.resolve(__dirname, '..');
const datasets = path.resolve(repoRoot, '..', 'shared', 'datasets');
const showFp = process.argv.includes('--show-fp');
const limitArg = process.argv.find((a) => a.startsWith('--limit='));
const limit = limitArg ? Number(limitArg.slice(8)) : Infinity;

const rand = prng(20261124);
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];

/** A clearly different number written like the original ("24" -> "27", "0.5" -> "2.5", "1,200" -> "1,210"). */
function wrongNumber(orig: string): string {
  const clean = orig.replace(/,/g, '');
  const v = Number(clean);
  const decimals = (clean.split('.')[1] ?? '').length;
  let w = v;
  while (w === v || (v >= 0 && w < 0)) {
    const d = pick([1, 2, 3, 5, 7, 9, 10, 11, -1, -2, -3, -5, -10]);
    w = rand() < 0.2 ? v * 2 + d : v + d;
  }
  let s = w.toFixed(decimals);
  if (orig.includes(',')) s = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return s;
}

type Rec = Record<string, unknown>;
interface Injection {
  type: string;
  /** Rules any of which catching the record counts as detection. */
  expect: string[];
  apply(rec: Rec): Rec | undefined;
}

function replaceAt(s: string, start: number, end: number, text: string): string {
  return s.slice(0, start) + text + s.slice(end);
}

/** The field holding the reasoning: GSM8K "answer", FLAN "rationale". */
const reasoningKey = (rec: Rec) => (typeof rec.rationale === 'string' ? 'rationale' : 'answer');

const ANN_RE = /<<([^<>=]+)=(-?[\d.,]+)>>(-?[\d.,]*\d)?/g;
// "… 48 / 2 = 24": an '=' preceded by a digit or ')' and followed by a number
const INLINE_RE = /[\d)]\s*=\s*\$?(\d[\d,]*(?:\.\d+)?)/g;

function matches(re: RegExp, s: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m);
  return out;
}

const injections: Record<string, Injection> = {
  'wrong annotation result': {
    type: 'wrong annotation result', expect: ['COT004'],
    apply(rec) {
      const key = reasoningKey(rec);
      const s = rec[key] as string;
      const ms = matches(ANN_RE, s);
      if (!ms.length) return undefined;
      const m = pick(ms);
      const wrong = wrongNumber(m[2]);
      // a consistent slip: the annotation and the number after it both change
      const resStart = m.index + 2 + m[1].length + 1;
      let out = replaceAt(s, resStart, resStart + m[2].length, wrong);
      if (m[3] !== undefined && m[3] === m[2]) {
        const afterStart = m.index + m[0].length - m[3].length + (wrong.length - m[2].length);
        out = replaceAt(out, afterStart, afterStart + m[3].length, wrong);
      }
      return { ...rec, [key]: out };
    },
  },
  'wrong inline result': {
    type: 'wrong inline result', expect: ['COT003', 'COT005', 'COT013'],
    apply(rec) {
      const key = reasoningKey(rec);
      const s = rec[key] as string;
      // GSM8K: the number written after an annotation; FLAN: the result of an inline equation
      const ann = matches(ANN_RE, s).filter((m) => m[3] !== undefined);
      if (ann.length) {
        const m = pick(ann);
        const at = m.index + m[0].length - m[3]!.length;
        return { ...rec, [key]: replaceAt(s, at, at + m[3]!.length, wrongNumber(m[3]!)) };
      }
      const ms = matches(INLINE_RE, s);
      if (!ms.length) return undefined;
      const m = pick(ms);
      const at = m.index + m[0].length - m[1].length;
      return { ...rec, [key]: replaceAt(s, at, at + m[1].length, wrongNumber(m[1])) };
    },
  },
  'changed final answer': {
    type: 'changed final answer', expect: ['COT006', 'COT002'],
    apply(rec) {
      if (typeof rec.rationale === 'string') {
        const a = String(rec.answer ?? '');
        if (!/^-?[\d,.]+$/.test(a.trim())) return undefined;
        return { ...rec, answer: wrongNumber(a.trim()) };
      }
      const s = rec.answer as string;
      const m = /####\s*(-?[\d,.]*\d)\s*$/.exec(s);
      if (!m) return undefined;
      const at = m.index + m[0].length - m[1].length - (m[0].length - m[0].trimEnd().length);
      return { ...rec, answer: replaceAt(s, at, at + m[1].length, wrongNumber(m[1])) };
    },
  },
  'removed final answer': {
    type: 'removed final answer', expect: ['COT001'],
    apply(rec) {
      if (typeof rec.rationale === 'string') {
        const { answer: _drop, ...rest } = rec;
        return rest;
      }
      const s = rec.answer as string;
      const m = /\n?####[^\n]*$/.exec(s);
      if (!m) return undefined;
      return { ...rec, answer: s.slice(0, m.index) };
    },
  },
  'duplicated step': {
    type: 'duplicated step', expect: ['COT009'],
    apply(rec) {
      const key = reasoningKey(rec);
      const s = rec[key] as string;
      if (s.includes('\n')) {
        const lines = s.split('\n');
        const idx = lines.map((l, i) => ({ l, i })).filter((x) => !x.l.startsWith('####') && x.l.trim().length >= 15);
        if (!idx.length) return undefined;
        const { l, i } = pick(idx);
        lines.splice(i + 1, 0, l);
        return { ...rec, [key]: lines.join('\n') };
      }
      // one paragraph: repeat a sentence (split after a lower-case word or a number, so "Mr." or "J." do not end one)
      const sents = s.split(/(?<=[a-z0-9]{2}[.!?])\s+(?=[A-Z0-9"])/);
      const cand = sents.map((x, i) => ({ x, i })).filter((x) => x.x.trim().length >= 15);
      if (!cand.length) return undefined;
      const { x, i } = pick(cand);
      sents.splice(i, 1, x, x);
      return { ...rec, [key]: sents.join(' ') };
    },
  },
};

interface Dataset {
  name: string;
  file: string;
  /** Non-math CoT: the false-positive target is stricter. */
  nonMath?: boolean;
  inject: string[];
}

const DATASETS: Dataset[] = [
  { name: 'GSM8K train', file: 'gsm8k/train.jsonl', inject: ['wrong annotation result', 'wrong inline result', 'changed final answer', 'removed final answer', 'duplicated step'] },
  { name: 'FLAN CoT gsm8k', file: 'flan_cot/gsm8k_train.jsonl', inject: ['wrong inline result', 'changed final answer', 'removed final answer', 'duplicated step'] },
  { name: 'FLAN CoT creak', file: 'flan_cot/creak_train.jsonl', nonMath: true, inject: ['duplicated step'] },
  { name: 'FLAN CoT ecqa', file: 'flan_cot/ecqa_train.jsonl', nonMath: true, inject: ['duplicated step'] },
];

const DEFAULT_ON = cotRules.filter((r) => r.defaultSeverity === 'error' || r.defaultSeverity === 'warning');

/**
 * GSM8K train written the way other datasets write the same reasoning, to measure the rules on layouts the
 * GSM8K-shaped tables above never show: no calculator annotations, another final-answer convention, and the
 * reasoning in another field. Each style's file goes through the real engine (format detection, the format's
 * field mapping), as `instruct-lint` runs it. The injections are applied to the GSM8K record first (so they
 * are located the same way), then the record is re-written.
 */
interface Style {
  name: string;
  rewrite(rec: Rec): Rec;
}

const stripAnnotations = (s: string) => s.replace(/<<[^<>]*>>/g, '');
/** The reasoning without annotations, its "#### N" line replaced by `final(N)` (removed when the injection removed it). */
function rewritten(rec: Rec, final: (n: string) => string): string {
  return stripAnnotations(String(rec.answer)).replace(/\n?####\s*([^\n]*)$/, (_m, n: string) => final(n.trim()));
}

const STYLES: Style[] = [
  // MetaMathQA: {query, response, type}, "The answer is: N" as the last line
  { name: 'MetaMath style', rewrite: (rec) => ({ query: rec.question, response: rewritten(rec, (n) => `\nThe answer is: ${n}`), type: 'GSM_Rephrased' }) },
  // a chat transcript: the reasoning in the assistant turn, ending in a boxed answer
  {
    name: 'chat style (messages)',
    rewrite: (rec) => ({
      messages: [
        { role: 'system', content: 'You are a helpful math tutor. Reason step by step.' },
        { role: 'user', content: rec.question },
        { role: 'assistant', content: rewritten(rec, (n) => `\nSo the final answer is $\\boxed{${n}}$.`) },
      ],
    }),
  },
  // Alpaca: instruction + output, "The final answer is N." as the last sentence
  { name: 'Alpaca style', rewrite: (rec) => ({ instruction: rec.question, input: '', output: rewritten(rec, (n) => ` The final answer is ${n}.`) }) },
];
const STYLE_INJECTIONS = ['wrong inline result', 'changed final answer', 'removed final answer', 'duplicated step'];

/** COT findings per line of a JSONL text, through the engine (as the CLI lints a file). */
function engineFindings(lines: string[]): MiniFinding[][] {
  const out: MiniFinding[][] = lines.map(() => []);
  const linter = createStreamingLinter({ rules: cotRules, path: 'style.jsonl' });
  for (const l of lines) linter.pushLine(l);
  const res = linter.finish();
  for (const f of res.findings) out[f.line]?.push(f);
  return out;
}

function describe(f: MiniFinding): string {
  return `${f.ruleId} ${f.message}`;
}

interface Tables {
  rows: string[];
  fpRows: string[];
  fpDetails: string[];
}

/**
 * One data set: the findings on its clean lines (every default-on finding except COT012's info is a false
 * positive unless the record is really wrong), then the recall of each injected error type, one error per
 * record on every record where it applies. `write` turns a (mutated) record into the line that is linted.
 */
function measure(t: Tables, name: string, clean: string[], records: Rec[], types: string[], target: number, lint: (lines: string[]) => MiniFinding[][], write: (r: Rec) => string): void {
  if (process.env.COT_BENCH_TRACE) console.error(`${name}: ${clean.length} records`);
  let flagged = 0;
  lint(clean).forEach((fs, i) => {
    const real = fs.filter((f) => f.ruleId !== 'COT012');
    if (!real.length) return;
    flagged++;
    if (showFp) t.fpDetails.push(`${name} line ${i + 1}: ${real.map(describe).join(' | ')}\n  ${clean[i].slice(0, 3000)}`);
  });
  t.fpRows.push(`| ${name} | ${clean.length} | ${flagged} | ${(100 * flagged / clean.length).toFixed(2)} % | ≤ ${(target * 100).toFixed(1)} % |`);
  for (const type of types) {
    const inj = injections[type];
    if (process.env.COT_BENCH_TRACE) console.error(`  ${type}`);
    const mutated = records.flatMap((r) => {
      const m = inj.apply(r);
      return m ? [write(m)] : [];
    });
    let hit = 0;
    let shown = 0;
    lint(mutated).forEach((fs, i) => {
      if (fs.some((f) => inj.expect.includes(f.ruleId))) hit++;
      else if (showFp && shown++ < (Number(process.env.COT_BENCH_MISSES) || 25)) t.fpDetails.push(`MISS ${name} ${type}: ${fs.map(describe).join(' | ')}\n  ${mutated[i].slice(0, 3000)}`);
    });
    t.rows.push(`| ${name} | ${type} | ${inj.expect.join(' / ')} | ${mutated.length} | ${hit} | ${(mutated.length ? hit / mutated.length : NaN).toFixed(4)} |`);
  }
}

const readLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(0, limit);

function main(): void {
  if (!existsSync(datasets)) {
    console.log(`skipped: ${datasets} not found (the shared datasets are not part of the repository)`);
    return;
  }
  const t: Tables = { rows: [], fpRows: [], fpDetails: [] };
  const { rows, fpRows, fpDetails } = t;
  const formatless = (lines: string[]) => runRules(DEFAULT_ON, lines);
  for (const ds of DATASETS) {
    const file = path.join(datasets, ds.file);
    if (!existsSync(file)) continue;
    const lines = readLines(file);
    measure(t, ds.name, lines, lines.map((l) => JSON.parse(l) as Rec), ds.inject, ds.nonMath ? 0.002 : 0.005, formatless, (r) => JSON.stringify(r));
  }
  const gsm8k = path.join(datasets, 'gsm8k/train.jsonl');
  if (existsSync(gsm8k)) {
    const base = readLines(gsm8k).map((l) => JSON.parse(l) as Rec);
    for (const style of STYLES) {
      const write = (r: Rec) => JSON.stringify(style.rewrite(r));
      measure(t, `GSM8K train, ${style.name}`, base.map(write), base, STYLE_INJECTIONS, 0.005, engineFindings, write);
    }
  }
  console.log('| Data | Injected error | Rule | Records | Detected | Recall |');
  console.log('|---|---|---|---:|---:|---:|');
  for (const r of rows) console.log(r);
  console.log('');
  console.log('| Clean data | Records | Records with a finding | False-positive rate | Target |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of fpRows) console.log(r);
  if (showFp) {
    console.log('');
    for (const d of fpDetails) console.log(d);
  }
}

main();
