/**
 * Detection on the real public samples in ../shared/datasets (see its README.md for provenance).
 * Skips cleanly when that folder is absent. .tsv files are out of scope; .json files are parsed whole
 * (an array is a list of records, a single object is one record).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { FormatId } from '../../../src/core/types';
import { detectFormat } from '../../../src/core/formats/detect';
import { allFormats, getFormat } from '../../../src/core/formats/registry';
import { repoRoot, resolvePointer } from './helpers';

const DATASETS = path.resolve(repoRoot, '..', 'shared', 'datasets');

/** Expected format per file; `undefined` entries say why nothing should be detected. */
const EXPECTED: Record<string, FormatId | { none: string }> = {
  'alpaca_cot/aqua_train.json': 'alpaca',
  'alpaca_cot/creak_train.json': 'alpaca',
  'alpaca_cot/ecqa_train.json': 'alpaca',
  'axolotl/fixtures_alpaca.json': 'alpaca',
  'axolotl/fixtures_conversation.json': 'sharegpt',
  'axolotl/fixtures_conversation.missingturns.json': 'sharegpt',
  'codealpaca/code_alpaca_2k.json': 'alpaca',
  'codealpaca/code_alpaca_2k.jsonl': 'alpaca',
  'dolly/databricks-dolly-15k_sample.jsonl': 'dolly',
  'fastchat/dummy_conversation.json': 'sharegpt',
  'fastchat/dummy_conversation.jsonl': 'sharegpt',
  'flan_cot/aqua_train.jsonl': 'cot',
  'flan_cot/creak_train.jsonl': 'cot',
  'flan_cot/ecqa_train.jsonl': 'cot',
  'flan_cot/gsm8k_train.jsonl': 'cot',
  'gpteacher/toolformer-dedupe-only-dataset.json': 'alpaca',
  'gsm8k/train.jsonl': 'cot',
  'gsm8k_alpaca_format/alpaca_schema.json': { none: 'a JSON Schema document, not a dataset' },
  'gsm8k_alpaca_format/gsm_8k_train.json': 'alpaca',
  'llama_factory/alpaca_en_demo.json': 'alpaca',
  'llama_factory/alpaca_en_demo.jsonl': 'alpaca',
  'llama_factory/dataset_info.json': { none: 'the LLaMA-Factory dataset registry, not a dataset' },
  'llama_factory/dpo_en_demo.json': 'preference',
  'llama_factory/glaive_toolcall_en_demo.json': 'sharegpt',
  'llama_factory/identity.json': 'alpaca',
  'llama_factory/kto_en_demo.json': 'kto',
  'llama_factory/mllm_demo.json': 'openai-chat',
  'llama_factory/reason_tool_use_demo_50.jsonl': 'openai-chat',
  'llama_factory/v1_sft_demo.jsonl': 'openai-chat',
  'mlx_examples/lora_train.jsonl': 'text',
  'mlx_examples/wwdc25_train.jsonl': 'prompt-completion',
  'oasst/en_100_message.jsonl': 'oasst',
  'oasst/en_100_text.jsonl': { none: 'every line is a bare JSON string, not an object record (a rule reports that)' },
  'oasst/en_100_tree.jsonl': 'oasst',
  'openai_cookbook/toy_chat_fine_tuning.jsonl': 'openai-chat',
  'self_instruct_t0/ag_news_classify.jsonl': 'prompt-completion',
  'self_instruct_t0/ag_news_classify_question_first.jsonl': 'prompt-completion',
  'self_instruct_t0/ag_news_classify_with_choices.jsonl': 'prompt-completion',
  'self_instruct_t0/ag_news_classify_with_choices_question_first.jsonl': 'prompt-completion',
  'self_instruct_t0/ag_news_recommend.jsonl': 'prompt-completion',
  'self_instruct_t0/ag_news_which_section.jsonl': 'prompt-completion',
  'self_instruct_t0/ag_news_which_section_choices.jsonl': 'prompt-completion',
  'self_instruct_t0/cnn_dailymail_3_0_0_tldr_summary.jsonl': 'prompt-completion',
  'stanford_alpaca/alpaca_data_first2000.json': 'alpaca',
  'stanford_alpaca/alpaca_data_first2000.jsonl': 'alpaca',
  'stanford_alpaca/seed_tasks.jsonl': 'alpaca',
};

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function records(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    const data: unknown = JSON.parse(text);
    return Array.isArray(data) ? data : [data];
  }
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
}

const present = existsSync(DATASETS);
const skip = present ? false : `shared datasets not found at ${DATASETS}`;

test('every JSON/JSONL sample in the shared folder has an expected format', { skip }, () => {
  const files = listFiles(DATASETS)
    .map((p) => path.relative(DATASETS, p).split(path.sep).join('/'))
    .filter((p) => /\.jsonl?$/.test(p) && p !== 'MANIFEST.json')
    .sort();
  assert.deepEqual(files, Object.keys(EXPECTED).sort());
});

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map(allFormats.map((f) => [f.id, ajv.compile(f.schema)]));

for (const [rel, expected] of Object.entries(EXPECTED)) {
  const name = typeof expected === 'string' ? `${rel} is ${expected}` : `${rel} has no format (${expected.none})`;
  test(name, { skip }, () => {
    const recs = records(path.join(DATASETS, rel));
    const d = detectFormat(recs);
    if (typeof expected !== 'string') {
      assert.equal(d.format, undefined);
      assert.equal(d.confidence, 0);
      return;
    }
    assert.equal(d.format, expected, JSON.stringify(d.shares));
    assert.equal(d.mixed, false);
    assert.ok(d.confidence >= 0.8, `confidence ${d.confidence}`);
    // the whole file, not just the sample: schema, text-field pointers and conversions hold for every record
    const all = detectFormat(recs, { sample: Number.MAX_SAFE_INTEGER });
    assert.deepEqual(all.shares.map((s) => s.format), [expected]);
    const format = getFormat(expected);
    assert.ok(format);
    const validate = validators.get(expected);
    assert.ok(validate);
    recs.forEach((r, i) => {
      assert.ok(validate(r), `record ${i}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
      for (const tf of format.textFields(r)) assert.equal(resolvePointer(r, tf.pointer), tf.text, `record ${i} ${tf.pointer}`);
      const c = format.toConversation(r);
      assert.ok(c && c.turns.length > 0, `record ${i} converts to a conversation`);
    });
  });
}
