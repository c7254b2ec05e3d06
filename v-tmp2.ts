import { readFileSync } from 'node:fs';
import { createReport } from './src/core/report/report';
const base = readFileSync('/work/shared/datasets/stanford_alpaca/alpaca_data_first2000.jsonl','utf8').split('\n').filter(Boolean);
const lines: string[] = []; for (let i = 0; i < 10; i++) for (const l of base) lines.push(l.replace('"instruction": "', `"instruction": "v${i} `));
let t = performance.now(); for (const l of lines) JSON.parse(l); const bare = performance.now()-t; console.log('bare', bare);
t = performance.now(); const b = createReport({ config: { verbSample: 0 } }); for (const l of lines) b.pushLine(l); b.finish(); console.log('report', performance.now()-t);
