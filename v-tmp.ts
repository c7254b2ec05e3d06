import { readFileSync } from 'node:fs';
import { createReport } from './src/core/report/report';
import { loadLanguageDetector } from './src/core/report/language';
const f = process.argv[2];
async function main() {
const t = performance.now();
const b = createReport({ path: f, detectLanguage: await loadLanguageDetector() });
for (const l of readFileSync(f, 'utf8').split('\n')) b.pushLine(l);
const r = b.finish();
console.log(((performance.now()-t)/1000).toFixed(2)+'s');
console.log(JSON.stringify({ ...r, lengths: undefined, demographics: r.demographics.genderRatio, diversity: { ...r.diversity, topVerbs: r.diversity.topVerbs.slice(0, 8).map(v => `${v.verb}:${v.count} [${v.nouns.map(n=>n.noun+':'+n.count).join(',')}]`) }, artifacts: r.artifacts.map(a => `${a.id}:${a.count}`) }, null, 1).slice(0, 3500));
}
void main();
