/** Writes schemas/instructlint.schema.json (completion and validation of .instructlint.jsonc) from the rule registry. `npm run schema:config`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../src/core/rules/index';
import { allFormats } from '../src/core/formats/registry';

export function configSchema(): Record<string, unknown> {
  const level = { enum: ['error', 'warning', 'info', 'off'] };
  const ruleProps: Record<string, unknown> = {};
  for (const r of allRules) {
    const setting = {
      description: `${r.id} ${r.name}: ${r.description} (default: ${r.defaultSeverity})`,
      anyOf: [level, { type: 'array', items: [level, r.optionsSchema ?? { type: 'object' }], minItems: 1, maxItems: 2 }],
    };
    ruleProps[r.id] = setting;
    ruleProps[r.name] = setting;
  }
  const rules = { type: 'object', description: 'Rule id or name → level, or [level, options].', properties: ruleProps, additionalProperties: false };
  const format = { enum: ['auto', ...allFormats.map((f) => f.id)], description: 'Dataset format; "auto" detects it from the first 200 records.' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Instruct Studio configuration (.instructlint.jsonc)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      root: { type: 'boolean', description: 'Stop searching parent folders for configuration.' },
      format,
      schema: { type: 'string', description: 'Path (relative to this file) of a JSON Schema every record must match (rule DS004).' },
      rules,
      overrides: {
        type: 'array',
        items: { type: 'object', required: ['files'], additionalProperties: false, properties: { files: { type: 'array', items: { type: 'string' }, description: 'Globs relative to this file.' }, format, schema: { type: 'string' }, rules } },
      },
      evalFiles: { type: 'array', items: { type: 'string' }, description: 'Globs of evaluation files (train/eval overlap).' },
      report: {
        type: 'object',
        additionalProperties: false,
        description: 'Dataset report (instruct-studio report, "Show Dataset Report").',
        properties: {
          categoryField: { type: 'string', description: 'Key or JSON pointer of the category field (default: category, task_name, _task_name, task, source, type).' },
          patterns: { type: 'array', description: 'Extra artefact patterns searched in responses.', items: { type: 'object', required: ['id', 'pattern'], additionalProperties: false, properties: { id: { type: 'string' }, pattern: { type: 'string', description: 'Regular expression (case-insensitive).' }, kind: { enum: ['refusal', 'tic'] } } } },
          terms: { type: 'object', description: 'Demographic word lists: group → member → words (replaces a built-in group of the same name).', additionalProperties: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } },
          verbSample: { type: 'integer', minimum: 0, description: 'Prompts parsed for root verbs (a seeded random sample; default 2000).' },
        },
      },
      ignore: { type: 'array', items: { type: 'string' }, description: 'Globs the CLI and workspace validation skip.' },
      suppressions: {
        type: 'array',
        items: { type: 'object', required: ['rule', 'record'], additionalProperties: false, properties: { rule: { type: 'string' }, record: { type: 'string', pattern: '^(id|hash):.+', description: '"id:<id field value>" or "hash:<content hash>"' }, reason: { type: 'string' } } },
      },
      cot: { type: 'object', description: 'JSON pointers of the question, rationale and answer for records the format does not describe.', properties: { question: { type: 'string' }, rationale: { type: 'string' }, answer: { type: 'string' } }, additionalProperties: false },
    },
  };
}

export const configSchemaText = () => JSON.stringify(configSchema(), null, 2) + '\n';

if (require.main === module) {
  const dir = join(__dirname, '..', 'schemas');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'instructlint.schema.json'), configSchemaText());
  console.log('wrote schemas/instructlint.schema.json');
}
