// Show Dataset Statistics opens a themed webview with the record count, length histograms and role bars.
export default [
  {
    name: 'the statistics view shows records, token lengths and roles of a chat dataset',
    run: async (ui) => {
      await ui.openFile('chat.jsonl');
      await ui.runCommand('Instruct Studio: Show Dataset Statistics');
      const view = ui.webview();
      const records = view.locator('.card[aria-label="records"] .value');
      await records.waitFor({ timeout: 30_000 });
      const n = await records.innerText();
      if (n !== '2') throw new Error(`records card shows ${n}, the file has 2 records`);
      await view.locator('section.hist svg rect').first().waitFor({ timeout: 10_000 });
      const roles = await view.locator('section', { hasText: 'turns by role' }).innerText();
      if (!/user\s*2/.test(roles) || !/assistant\s*2/.test(roles)) throw new Error(`role bars: ${roles}`);
      await ui.screenshot('statistics');
    },
  },
];
