// The prompt preview in the real workbench: open a GSM8K dataset, open the preview beside it, see the trained
// answer shaded and the token counts, run the record against a loopback OpenAI-compatible model and see the
// streamed answer, the word diff and the final-answer match; a 401 shows a message with "Set API Key".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLoopbackModel } from '../support/loopbackModel.mjs';
import { DEFAULT_WORKSPACE } from './lib.mjs';

/** The dataset's final answer of each question, so the loopback model can answer right (in its own words). */
const answers = new Map(readFileSync(join(DEFAULT_WORKSPACE, 'gsm8k.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => {
  const r = JSON.parse(l);
  return [r.question, r.answer.split('####').pop().trim()];
}));

let server;

async function setup(ui, extra = {}) {
  server ??= await startLoopbackModel({ models: ['loopback-7b'] });
  ui.writeFile('.vscode/settings.json', JSON.stringify({
    ...extra,
    'instructStudio.model.provider': 'openai-compatible',
    'instructStudio.model.baseUrl': server.openaiBaseUrl,
    'instructStudio.model.model': 'loopback-7b',
    'instructStudio.model.timeoutMs': 5000,
  }, null, 2));
}

export default [
  {
    name: 'the preview shows the rendered record with the trained answer shaded and token counts',
    run: async (ui) => {
      await setup(ui);
      await ui.openFile('gsm8k.jsonl');
      try {
        await ui.runCommand('Instruct Studio: Open Prompt Preview');
      } catch {
        // the palette can open before the workbench has read the extension's commands: once more
        await ui.reset();
        await ui.runCommand('Instruct Studio: Open Prompt Preview');
      }
      const view = ui.webview();
      const trained = view.locator('.prompt .seg.trained').first();
      await trained.waitFor({ timeout: 30_000 });
      const text = await view.locator('.prompt .seg.trained').allInnerTexts();
      if (!text.join('').includes('#### 10')) throw new Error(`trained text: ${JSON.stringify(text)}`);
      const special = await view.locator('.prompt .seg.special').first().innerText();
      if (special !== '<|im_start|>') throw new Error(`first special token: ${special}`);
      const counts = await view.locator('.counts').innerText();
      for (const want of ['tokens', 'trained', 'masked', 'user', 'assistant']) if (!counts.includes(want)) throw new Error(`counts: ${counts}`);
      const source = await view.locator('.source').innerText();
      if (!/gsm8k\.jsonl:1/.test(source)) throw new Error(`source: ${source}`);
      // token boundaries on hover
      await view.locator('.prompt .tok').nth(12).hover();
      const info = await view.locator('.token-info').innerText();
      if (!/Token 13 of \d+: .* · id \d+/.test(info)) throw new Error(`token info: ${info}`);
      await ui.screenshot('preview');
    },
  },
  {
    name: 'the template picker re-renders with Llama 3 special tokens',
    run: async (ui) => {
      const view = ui.webview();
      // keyboard only: open the picker, move to the second template (Llama 3), choose it
      await view.locator('vscode-single-select.template').focus();
      await ui.page.keyboard.press('Space');
      await ui.page.keyboard.press('ArrowDown');
      await ui.page.keyboard.press('Enter');
      await view.locator('.prompt .seg.special', { hasText: '<|begin_of_text|>' }).first().waitFor({ timeout: 10_000 });
      await ui.screenshot('preview-llama3');
    },
  },
  {
    name: 'after a window reload the panel comes back with its template and record',
    timeout: 150_000,
    run: async (ui) => {
      await ui.runCommand('Developer: Reload Window');
      const view = ui.webview();
      await view.locator('.prompt .seg.special', { hasText: '<|begin_of_text|>' }).first().waitFor({ timeout: 90_000 });
      const source = await view.locator('.source').innerText();
      if (!/gsm8k\.jsonl:1/.test(source)) throw new Error(`source after reload: ${source}`);
      await view.locator('vscode-single-select.template').focus();
      await ui.page.keyboard.press('Space');
      await ui.page.keyboard.press('ArrowUp');
      await ui.page.keyboard.press('Enter');
      await view.locator('.prompt .seg.special', { hasText: '<|im_start|>' }).first().waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'Run against model streams the answer beside the dataset answer with the final-answer match',
    run: async (ui) => {
      server.setReply((r) => {
        const q = r.messages[r.messages.length - 1].content;
        const a = answers.get(q) ?? '0';
        return { text: `Tom has 3 boxes of 4 apples, which is 12 apples.\nHe eats 2, so 12 - 2 = ${a} apples are left.\n#### ${a}`, dripMs: 20 };
      });
      const view = ui.webview();
      await view.locator('vscode-button.run').click();
      await view.locator('.model-answer.streaming').waitFor({ timeout: 10_000 });
      await view.locator('.final.match').waitFor({ timeout: 20_000 });
      const verdict = await view.locator('.final').innerText();
      if (!/Final answer: match/.test(verdict) || !/10/.test(verdict)) throw new Error(`verdict: ${verdict}`);
      const model = await view.locator('.model-answer').innerText();
      if (!model.includes('#### 10')) throw new Error(`model answer: ${model}`);
      if (!(await view.locator('.model-answer ins').count())) throw new Error('no word diff in the model answer');
      await ui.screenshot('preview-run');
    },
  },
  {
    name: 'Run Batch Evaluation shows the summary with the final-answer accuracy',
    run: async (ui) => {
      // the second record gets a wrong answer: it is listed as worth a look
      server.setReply((r) => {
        const q = r.messages[r.messages.length - 1].content;
        return { text: q.includes('book') ? '2 books and 3 pens cost 2 * 8 + 3 * 2 = 20 dollars.\n#### 20' : `12 - 2 = 10\n#### ${answers.get(q)}` };
      });
      await ui.runCommand('View: Focus First Editor Group');
      // not ui.runCommand: the command opens a quick pick of its own right away
      await ui.page.keyboard.press('F1');
      await ui.page.locator('.quick-input-widget .quick-input-box input').fill('>Instruct Studio: Run Batch Evaluation');
      await ui.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Run Batch Evaluation' }).first().click();
      const item = ui.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Whole file' });
      await item.first().waitFor({ timeout: 10_000 });
      await item.first().click();
      // the summary is a second webview: find the frame that shows the cards
      let cards;
      for (let t = 0; t < 60 && !cards; t++) {
        for (let i = 0; i < 3; i++) {
          const c = ui.webview(i).locator('.card[aria-label="final-answer accuracy"] .value');
          if (await c.count().catch(() => 0)) { cards = c; break; }
        }
        if (!cards) await new Promise((r) => setTimeout(r, 500));
      }
      if (!cards) throw new Error('no summary webview');
      const acc = await cards.innerText();
      if (acc !== '50.0%') throw new Error(`accuracy ${acc}`);
      const rows = await ui.webview(0).locator('tbody tr').count().catch(() => 0) + await ui.webview(1).locator('tbody tr').count().catch(() => 0);
      if (rows !== 1) throw new Error(`${rows} records worth a look, expected 1`);
      await ui.screenshot('eval-summary');
    },
  },
  {
    name: 'a refused key is a message with Set API Key, never a hang',
    run: async (ui) => {
      server.setReply(() => ({ status: 401, message: 'Incorrect API key provided' }));
      await ui.runCommand('View: Close All Editors');
      await ui.openFile('gsm8k.jsonl');
      await ui.runCommand('Instruct Studio: Open Prompt Preview');
      const view = ui.webview();
      await view.locator('.prompt .seg.trained').first().waitFor({ timeout: 30_000 });
      await view.locator('vscode-button.run').click();
      await view.locator('.run-error').waitFor({ timeout: 15_000 });
      const msg = await view.locator('.run-error').innerText();
      if (!/HTTP 401/.test(msg) || !/Set API Key/.test(msg)) throw new Error(`error box: ${msg}`);
      await ui.screenshot('preview-error');
    },
  },
  {
    name: 'the panel follows the dark and high-contrast themes',
    run: async (ui) => {
      const view = ui.webview();
      for (const [theme, shot] of [['Default Dark Modern', 'preview-dark'], ['Default High Contrast', 'preview-hc']]) {
        server.setReply(() => ({ text: `Tom has 12 apples (${theme}) and eats 2, so 10 are left.\n#### 10` }));
        await setup(ui, { 'workbench.colorTheme': theme });
        await ui.page.locator(theme.includes('High') ? '.monaco-workbench.hc-black' : '.monaco-workbench.vs-dark').waitFor({ timeout: 15_000 });
        await view.locator('vscode-button.run').click();
        await view.locator('.model-answer', { hasText: `(${theme})` }).waitFor({ timeout: 15_000 });
        await view.locator('.final.match').waitFor({ timeout: 15_000 });
        await ui.screenshot(shot);
      }
      await server.close();
    },
  },
];
