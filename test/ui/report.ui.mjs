// Show Dataset Report opens a webview with Vega-Lite charts; an artefact example opens its record in the text editor.
const verbs = ['Write a short poem about the sea.', 'Explain how a rainbow forms.', 'Summarize the following paragraph.', 'Write a story about a lost dog.', 'List three uses of copper.', 'Classify these animals into mammals and birds.', 'Explain why leaves change colour.', 'Write a haiku about winter.', 'Translate this sentence into French.', 'What is the capital of Peru?'];
const categories = ['creative_writing', 'open_qa', 'summarization', 'creative_writing', 'brainstorming', 'classification', 'open_qa', 'creative_writing', 'general_qa', 'open_qa'];
const lines = verbs.map((instruction, i) => JSON.stringify({ instruction, context: '', response: i === 2 ? 'As an AI language model, I cannot summarize a paragraph that is not given.' : `Here is an answer to number ${i + 1}, written by a person for the report test.`, category: categories[i] }));

export default [
  {
    name: 'the report view shows a verb chart and an artefact example that opens its record',
    timeout: 150_000,
    run: async (ui) => {
      ui.writeFile('report.jsonl', lines.join('\n') + '\n');
      await ui.openFile('report.jsonl');
      await ui.runCommand('Instruct Studio: Show Dataset Report');
      const view = ui.webview();
      const records = view.locator('.card[aria-label="records"] .value');
      await records.waitFor({ timeout: 60_000 });
      const n = await records.innerText();
      if (n !== '10') throw new Error(`records card shows ${n}, the file has 10 records`);
      // the sunburst is drawn by vega (SVG renderer) with the CSP-safe interpreter
      await view.locator('figure[data-chart="verbs"].rendered svg path').first().waitFor({ timeout: 30_000 });
      await view.locator('figure[data-chart="categories"].rendered svg').first().waitFor({ timeout: 30_000 });
      const verbsText = await view.locator('figure[data-chart="verbs"] svg').innerHTML();
      if (!verbsText.includes('write')) throw new Error('the verb chart has no "write" label');
      await ui.runCommand('View: Toggle Primary Side Bar Visibility');
      await ui.screenshot('report-top');
      await ui.runCommand('View: Toggle Primary Side Bar Visibility');
      const details = view.locator('.artifacts details').filter({ has: view.locator('summary', { hasText: 'As an AI' }) });
      await details.locator('summary').click();
      await ui.screenshot('report');
      await details.locator('a.record-link', { hasText: 'line 3' }).click();
      // the text editor comes to the front with the record's line selected
      await ui.statusBarItem('Ln 3, Col', 20_000);
    },
  },
  {
    name: 'saving the file updates the report; a dark theme re-colours the charts',
    timeout: 150_000,
    run: async (ui) => {
      // copy the first record's line down and save -> 11 records
      await ui.page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
      await ui.page.keyboard.press('Control+Home');
      await ui.runCommand('Copy Line Down');
      await ui.page.keyboard.press('Control+S');
      const view = ui.webview();
      await view.locator('.card[aria-label="records"] .value', { hasText: /^11$/ }).waitFor({ timeout: 60_000 });
      ui.writeFile('.vscode/settings.json', JSON.stringify({ 'workbench.colorTheme': 'Default Dark Modern' }));
      await ui.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
      await view.locator('body.vscode-dark').waitFor({ timeout: 30_000 });
      await view.locator('figure[data-chart="verbs"].rendered svg path').first().waitFor({ timeout: 30_000 });
      // the axis labels take the dark theme's foreground, not vega's default dark grey
      const fill = await view.locator('figure[data-chart="categories"] svg text').first().getAttribute('fill');
      if (!fill || /#000|black|rgb\(0, 0, 0\)/i.test(fill)) throw new Error(`chart text colour in the dark theme: ${fill}`);
      await ui.screenshot('report-dark');
    },
  },
  {
    name: 'after a window reload the report panel is restored and recomputed',
    timeout: 150_000,
    run: async (ui) => {
      await ui.runCommand('Developer: Reload Window');
      await ui.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const view = ui.webview();
      await view.locator('.card[aria-label="records"] .value', { hasText: /^11$/ }).waitFor({ timeout: 90_000 });
      await view.locator('figure[data-chart="verbs"].rendered svg path').first().waitFor({ timeout: 30_000 });
    },
  },
];
