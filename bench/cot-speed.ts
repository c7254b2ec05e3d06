/**
 * CoT linting speed: all COT rules over a generated GSM8K-like JSONL text (default ≥ 100 MB),
 * against a bare JSON.parse loop over the same lines, measured in the same run.
 *
 *   node bench/run.mjs cot-speed.ts            # ~100 MB
 *   node bench/run.mjs cot-speed.ts --mb=20    # smaller
 *   node bench/run.mjs cot-speed.ts --rounds=8 # more rounds (default 4)
 *
 * Two passes are timed: the COT rules through the streaming linter, as the CLI runs them (format detection,
 * record contexts, findings: the figure the target is about), and the rules alone over a minimal context
 * (what the rules themselves cost). Both print their throughput, the CPU time per record beyond the parse
 * and the ratio to the JSON.parse loop (target ≥ 0.25), on wall time and on the process's CPU time (less
 * moved by other jobs). Each loop goes over the whole file in every round, timed slice by slice; each slice
 * keeps its best round (see `timed`).
 */
import { cotRules } from '../src/core/rules/cot/index';
import type { FileRuleState, RecordContext, RecordRule } from '../src/core/types';
import { BATCH_RECORDS, createStreamingLinter, type StreamingLinter } from '../src/core/lint';
import { benchContext, prng } from './cot-accuracy.context';

const mbArg = process.argv.find((a) => a.startsWith('--mb='));
const targetBytes = (mbArg ? Number(mbArg.slice(5)) : 100) * 1024 * 1024;

const rand = prng(7);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];

const NAMES = ['Natalia', 'Weng', 'Betty', 'Julie', 'James', 'Mark', 'Albert', 'Ken', 'Alexis', 'Tina', 'Randy', 'Joy'];
const THINGS = ['clips', 'apples', 'pages', 'cookies', 'marbles', 'stickers', 'books', 'dollars', 'miles', 'cupcakes'];

/** One GSM8K-style record: a question and 2-6 annotated steps ending in "#### N"; 1 % of the records carry a slip (GSM8K itself: 0.45 %). */
function record(): string {
  const slipAt = rand() < 0.01 ? 0 : -1;
  const name = pick(NAMES);
  const thing = pick(THINGS);
  let v = int(2, 120);
  const question = `${name} has ${v} ${thing} in April and buys some more ${thing} in May, then gives some away to friends and family over the summer. How many ${thing} does ${name} have at the end of the summer?`;
  const steps: string[] = [];
  const n = int(2, 6);
  for (let i = 0; i < n; i++) {
    const b = int(2, 40);
    const op = pick(['+', '*', '-', '/']);
    let expr: string;
    let r: number;
    if (op === '/' && v % b === 0) [expr, r] = [`${v}/${b}`, v / b];
    else if (op === '-' && v > b) [expr, r] = [`${v}-${b}`, v - b];
    else if (op === '*') [expr, r] = [`${v}*${b}`, v * b];
    else [expr, r] = [`${v}+${b}`, v + b];
    const shown = i === slipAt ? r + 1 : r;
    const shownExpr = expr.replace('*', pick([' x ', '*', ' * '])).replace('/', pick(['/', ' / ']));
    steps.push(`${pick(['So', 'Then', 'This means', 'After that,', 'In total,'])} ${name} has ${shownExpr} = <<${expr}=${shown}>>${shown} ${thing} ${pick(['left', 'in total', 'now', 'after that step'])}.`);
    v = r;
  }
  return JSON.stringify({ question, answer: `${steps.join('\n')}\n#### ${v}` });
}

function main(): void {
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const l = record();
    lines.push(l);
    bytes += l.length + 1;
  }
  const mb = bytes / 1024 / 1024;
  console.log(`generated ${lines.length} records, ${mb.toFixed(1)} MB`);

  /** CPU time of this process in ms (user + system, all threads): what other jobs on a shared machine move least. */
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  // Every loop below goes over the whole file, and times each slice of SLICE lines on its own (wall and CPU).
  // Rounds repeat the loops; each slice keeps its best time, and a loop's figure is the sum of its slices'
  // bests: a burst of load from another job on this shared machine then spoils one slice of one round, not
  // the whole figure.
  const SLICE = 25_000;
  const slices = Math.ceil(lines.length / SLICE);
  interface Timing { ms: number[]; cpu: number[]; findings: number }
  const timing = (): Timing => ({ ms: new Array(slices + 1).fill(Infinity), cpu: new Array(slices + 1).fill(Infinity), findings: 0 });
  /** Runs `slice(from, to)` over every slice and `end()` once, keeping each one's best in `into`. */
  const timed = (into: Timing, slice: (from: number, to: number) => void, end: () => number) => {
    for (let k = 0; k <= slices; k++) {
      const c = cpuMs();
      const t = performance.now();
      if (k < slices) slice(k * SLICE, Math.min(lines.length, (k + 1) * SLICE));
      else into.findings = end();
      into.ms[k] = Math.min(into.ms[k], performance.now() - t);
      into.cpu[k] = Math.min(into.cpu[k], cpuMs() - c);
    }
  };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const parsed = timing();
  let keys = 0;
  // each loop's slice function is made once: a function made anew every round is compiled anew every
  // round, on another thread, and that CPU time would be counted against the loop
  const parseSlice = (from: number, to: number) => {
    for (let i = from; i < to; i++) keys += Object.keys(JSON.parse(lines[i]) as object).length;
  };
  const parseLoop = () => timed(parsed, parseSlice, () => 0);

  const recordRules = cotRules.filter((r): r is RecordRule => r.scope === 'record' && r.defaultSeverity !== 'off');
  const fileRules = cotRules.filter((r) => r.scope === 'file' && r.defaultSeverity !== 'off');
  // each rule's options object is made once, as the engine's plan does (not one object per record); the
  // file rules are created as the CLI's streaming pass creates them (records are only added)
  const recordOptions = recordRules.map((r) => ({ ...(r.defaultOptions ?? {}) }));
  const alone = timing();
  let states: { state: FileRuleState; options: Record<string, unknown> }[] = [];
  let findings = 0;
  // records in batches, each rule over the whole batch before the next rule, as the engine checks them
  const ctxs: RecordContext[] = new Array(BATCH_RECORDS);
  const aloneSlice = (from: number, to: number) => {
    for (let at = from; at < to; at += BATCH_RECORDS) {
      const n = Math.min(BATCH_RECORDS, to - at);
      for (let j = 0; j < n; j++) ctxs[j] = benchContext(lines[at + j], JSON.parse(lines[at + j]), at + j);
      for (let k = 0; k < recordRules.length; k++) {
        const rule = recordRules[k];
        const options = recordOptions[k];
        for (let j = 0; j < n; j++) {
          ctxs[j].options = options;
          findings += rule.check(ctxs[j]).length;
        }
      }
      for (const st of states) {
        for (let j = 0; j < n; j++) {
          ctxs[j].options = st.options;
          st.state.add(ctxs[j].record, ctxs[j]);
        }
      }
    }
  };
  const cotLoop = () => {
    states = fileRules.map((r) => {
      const options = { ...(r.defaultOptions ?? {}) };
      if (r.scope !== 'file') throw new Error('unreachable');
      return { options, state: r.create({ options, format: undefined, streaming: true, file: { detection: { format: undefined, confidence: 0, mixed: false, shares: [], sampled: 0 }, blankLines: [], lineCount: lines.length, bom: false, eol: 'lf', lineText: () => '' } }) };
    });
    findings = 0;
    timed(alone, aloneSlice, () => {
      for (const st of states) findings += st.state.findings().length;
      return findings;
    });
  };

  // what the CLI runs: one streaming linter over the whole file with the COT rules (format detection,
  // contexts, findings)
  const engine = timing();
  let linter: StreamingLinter;
  const engineSlice = (from: number, to: number) => {
    for (let i = from; i < to; i++) linter.pushLine(lines[i]);
  };
  const engineEnd = () => linter.finish().findings.length;
  const engineLoop = () => {
    linter = createStreamingLinter({ rules: cotRules, path: 'gsm8k-like.jsonl', sizeBytes: bytes });
    timed(engine, engineSlice, engineEnd);
  };

  if (process.argv.includes('--breakdown')) {
    // time per rule inside one pass (the first rule to touch a record pays for the shared analysis)
    const acc = new Map<string, number>();
    const add = (k: string, t0: number) => acc.set(k, (acc.get(k) ?? 0) + performance.now() - t0);
    const states = fileRules.map((r) => ({ id: r.id, options: { ...(r.defaultOptions ?? {}) }, state: (r.scope === 'file' ? r : undefined)!.create({ options: {}, format: undefined, streaming: true, file: { detection: { format: undefined, confidence: 0, mixed: false, shares: [], sampled: 0 }, blankLines: [], lineCount: 0, bom: false, eol: 'lf', lineText: () => '' } }) }));
    for (let i = 0; i < lines.length; i++) {
      let t0 = performance.now();
      const value = JSON.parse(lines[i]);
      add('JSON.parse', t0);
      t0 = performance.now();
      const ctx = benchContext(lines[i], value, i);
      add('context', t0);
      for (let k = 0; k < recordRules.length; k++) {
        t0 = performance.now();
        ctx.options = recordOptions[k];
        recordRules[k].check(ctx);
        add(recordRules[k].id, t0);
      }
      for (const s of states) {
        t0 = performance.now();
        ctx.options = s.options;
        s.state.add(ctx.record, ctx);
        add(s.id, t0);
      }
    }
    for (const [k, v] of acc) console.log(`  ${k.padEnd(10)} ${(v * 1000 / lines.length).toFixed(2)} µs/record`);
  }

  // the engine's rounds come first, alternating with the parse loop: the minimal contexts of the "rules
  // alone" loop would otherwise make the rules' code see two kinds of context, which the CLI never does
  const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
  const rounds = roundsArg ? Number(roundsArg.slice(9)) : 4;
  parseLoop(); // warm-up
  for (let k = 0; k < rounds; k++) {
    parseLoop();
    engineLoop();
  }
  for (let k = 0; k < rounds; k++) {
    parseLoop();
    cotLoop();
  }
  if (keys < 0) console.log(keys);
  const base = sum(parsed.ms);
  const baseCpu = sum(parsed.cpu);
  const perRecord = (ms: number) => ((ms * 1000) / lines.length).toFixed(2);
  console.log(`best of ${rounds} rounds for each of ${slices} slices of ${SLICE} lines, summed`);
  console.log(`JSON.parse loop:            ${base.toFixed(0)} ms  (${(mb / (base / 1000)).toFixed(1)} MB/s), CPU ${baseCpu.toFixed(0)} ms`);
  for (const [name, r] of [['COT rules alone:           ', alone], ['COT rules in the engine:   ', engine]] as const) {
    const ms = sum(r.ms);
    const cpu = sum(r.cpu);
    console.log(`${name}${ms.toFixed(0)} ms  (${(mb / (ms / 1000)).toFixed(1)} MB/s), CPU ${cpu.toFixed(0)} ms, ${r.findings} findings; ${perRecord(cpu - baseCpu)} µs CPU per record beyond the parse; ratio ${(base / ms).toFixed(3)}, on CPU time ${(baseCpu / cpu).toFixed(3)}`);
  }
  console.log(`ratio through the engine, on CPU time (what the CLI runs): ${(baseCpu / sum(engine.cpu)).toFixed(3)}  (target ≥ 0.25)`);
}

main();
