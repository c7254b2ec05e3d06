/**
 * Prompt preview: time for the host to turn the record under the cursor into what the panel draws (find the
 * record + detect the file's format, render through a template, tokenize with per-token pieces), for records
 * of ~1 k, ~5 k and ~20 k tokens, against a same-run baseline that only counts the tokens (tokenizeSegments).
 * The extension host must not block for more than ~50 ms.   npx tsx bench/preview-render.bench.ts
 */
import { jsonlRecordAt } from '../src/core/preview/recordAt';
import { renderForPreview } from '../src/core/preview/render';
import { chatml } from '../src/core/templates';
import { tokenizeSegments } from '../src/core/tokens';

const words = 'the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people'.split(' ');
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn: () => void, runs = 7): number {
  fn(); // warm-up (loads the ranks once)
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

for (const targetWords of [800, 4000, 16000]) {
  // 200 records so format detection reads a full sample, the one under the cursor is the big one
  const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({
    messages: [
      { role: 'system', content: 'You are a careful assistant.' },
      { role: 'user', content: sentence(i === 100 ? targetWords / 4 : 20) + '?' },
      { role: 'assistant', content: `${sentence(i === 100 ? (targetWords * 3) / 4 : 40)}\n#### ${i}` },
    ],
  }));
  const reader = { lineCount: lines.length, lineText: (i: number) => lines[i] };
  const opts = { tokenizer: 'cl100k_base' as const, trainOnInputs: false, trainedRoles: ['assistant' as const], maxContextTokens: 4096 };
  let tokens = 0;
  const full = time(() => {
    const r = jsonlRecordAt(reader, 100);
    if (!r.ok) throw new Error(r.message);
    tokens = renderForPreview(r.conversation, chatml, opts).total;
  });
  const find = time(() => jsonlRecordAt(reader, 100));
  const r = jsonlRecordAt(reader, 100);
  if (!r.ok) throw new Error(r.message);
  const render = time(() => renderForPreview(r.conversation, chatml, opts));
  const segments = chatml.render(r.conversation);
  const base = time(() => tokenizeSegments(segments, 'cl100k_base'));
  console.log(`preview-render: ${tokens.toLocaleString('en-US')} tokens — record + detection + render + pieces ${full.toFixed(1)} ms (finding the record and the file's format ${find.toFixed(1)} ms, rendering ${render.toFixed(1)} ms); counting only ${base.toFixed(1)} ms (×${(full / base).toFixed(2)})`);
}
