/**
 * Dataset report benchmark: 100 000 generated records (Alpaca-like, with categories and some model tics), the
 * report's time (all analyses, language identification included) and its ratio to a bare JSON.parse-per-line loop
 * over the same lines, measured in the same run. Target: under ~10 s for 100 000 records. BENCH_REPORT_N changes the size.
 */
import { record } from './gen';
import { createReport } from '../src/core/report/report';
import { loadLanguageDetector } from '../src/core/report/language';

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
}

const CATEGORIES = ['open_qa', 'creative_writing', 'classification', 'summarization', 'brainstorming', 'closed_qa', 'information_extraction', 'general_qa'];
const TICS = ['As an AI language model, I cannot browse the internet. ', "I'm sorry, but I can't help with that. ", 'Certainly! ', ''];

async function main() {
  const n = Number(process.env.BENCH_REPORT_N ?? 100_000);
  const rand = rng(7);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = JSON.parse(record(i, rand)) as { instruction: string; input: string; output: string };
    lines.push(JSON.stringify({ instruction: r.instruction, context: r.input, response: (i % 40 === 0 ? TICS[(i / 40) % TICS.length] : '') + r.output, category: CATEGORIES[i % CATEGORIES.length] }));
  }
  const mb = lines.reduce((s, l) => s + l.length + 1, 0) / 1e6;
  const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
  let t = performance.now();
  let c = process.cpuUsage();
  for (const l of lines) JSON.parse(l);
  const bare = (performance.now() - t) / 1000;
  const bareCpu = cpu(process.cpuUsage(c));
  t = performance.now();
  const detectLanguage = await loadLanguageDetector();
  const load = (performance.now() - t) / 1000;
  t = performance.now();
  c = process.cpuUsage();
  const b = createReport({ detectLanguage });
  for (const l of lines) b.pushLine(l);
  const report = b.finish();
  const secs = (performance.now() - t) / 1000;
  const reportCpu = cpu(process.cpuUsage(c));
  console.log(`\n### Dataset report (${n.toLocaleString('en-US')} records, ${mb.toFixed(0)} MB)\n`);
  console.log('| pass | wall time | CPU time | ratio to JSON.parse loop (wall) |\n|---|---|---|---|');
  console.log(`| bare JSON.parse per line (baseline) | ${bare.toFixed(2)} s | ${bareCpu.toFixed(2)} s | 1 |`);
  console.log(`| report (diversity, balance, languages, artefacts, demographics, outliers) | ${secs.toFixed(2)} s | ${reportCpu.toFixed(2)} s | ${(secs / bare).toFixed(1)}× | target < 10 s ${secs < 10 ? '✔' : '✘'}`);
  console.log(`\nlanguage model load (once per process): ${load.toFixed(2)} s; verbs parsed on ${report.diversity.verbSample.parsed.toLocaleString('en-US')} sampled prompts; ${report.records.toLocaleString('en-US')} records reported`);
}

void main();
