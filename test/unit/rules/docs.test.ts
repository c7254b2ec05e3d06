import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { allDocs } from '../../../scripts/gen-rule-docs';
import { allRules } from '../../../src/core/rules/index';
import { lintText } from '../../../src/core/lint';

const docsDir = join(__dirname, '..', '..', '..', 'docs', 'rules');

test('docs/rules is generated from the rules and up to date (run `npm run docs:rules`)', () => {
  for (const [name, text] of Object.entries(allDocs())) {
    const file = join(docsDir, name);
    assert.ok(existsSync(file), `${name} is missing: run \`npm run docs:rules\``);
    assert.ok(readFileSync(file, 'utf8') === text, `${name} is stale: run \`npm run docs:rules\``);
  }
});

test('every rule has an id, a kebab-case name, a description and a rationale', () => {
  const ids = new Set<string>();
  for (const r of allRules) {
    assert.match(r.id, /^(DS|COT)\d{3}$/);
    assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
    ids.add(r.id);
    assert.match(r.name, /^[a-z]+(-[a-z]+)*$/, r.id);
    assert.ok(r.description.length > 10 && r.docs.rationale.length > 30, r.id);
  }
});

// Each example is a small JSONL file; COT rules are checked by their own tests (test/unit/cot).
for (const rule of allRules.filter((r) => r.id.startsWith('DS'))) {
  test(`${rule.id} ${rule.name}: its "reported" examples are reported and its "not reported" ones are not`, () => {
    const options = { rules: [rule], config: { rules: { [rule.id]: rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity } as Record<string, 'warning'> } };
    for (const bad of rule.docs.bad) {
      const r = lintText(bad + '\n', options);
      assert.ok(r.findings.some((f) => f.ruleId === rule.id), `not reported:\n${bad}\n${JSON.stringify(r.findings)}`);
      for (const f of r.findings) assert.ok(f.startColumn >= 0 && f.endColumn >= f.startColumn || f.endLine > f.line, JSON.stringify(f));
    }
    for (const good of rule.docs.good) {
      const r = lintText(good + '\n', options);
      assert.deepEqual(r.findings.filter((f) => f.ruleId === rule.id).map((f) => f.message), [], `reported:\n${good}`);
    }
  });
}

test('schemas/instructlint.schema.json is generated and up to date (run `npm run schema:config`), and accepts a real config', async () => {
  const { configSchemaText, configSchema } = await import('../../../scripts/gen-config-schema');
  const file = join(__dirname, '..', '..', '..', 'schemas', 'instructlint.schema.json');
  assert.ok(readFileSync(file, 'utf8') === configSchemaText(), 'schemas/instructlint.schema.json is stale: run `npm run schema:config`');
  const { validateValue } = await import('../../../src/core/schema/validate');
  const schema = configSchema();
  assert.deepEqual(validateValue(schema, { format: 'alpaca', rules: { DS011: 'off', 'near-duplicate': ['warning', { threshold: 0.95 }] }, overrides: [{ files: ['eval/**'], rules: { DS020: 'off' } }], suppressions: [{ rule: 'DS015', record: 'id:7' }] }), []);
  assert.match(validateValue(schema, { rules: { DS999: 'off' } })[0].message, /unknown key "DS999"/);
});
