// The injection grammar colours dataset keys, calculator annotations, #### final answers and <think> tags.
export default [
  {
    name: 'dataset keys, <<calc>> annotations and #### answers get their own token colours',
    run: async (ui) => {
      ui.writeFile('grammar.jsonl', '{"source": "handwritten", "question": "Tom has 3 boxes of 4 apples. How many?", "answer": "3 * 4 = <<3*4=12>>12 apples.\\n#### 12"}\n');
      await ui.runCommand('Refresh Explorer');
      await ui.openFile('grammar.jsonl');
      const line = ui.page.locator('.view-line').first();
      await line.waitFor({ timeout: 15_000 });
      // each token is a span with a theme class (mtkN); the grammar splits the annotation into its own tokens
      const colourOf = (text) => line.locator('span > span', { hasText: text }).first().evaluate((el) => getComputedStyle(el).color);
      let last = '';
      for (let i = 0; i < 100; i++) {
        const [string, calc, key, plainKey] = await Promise.all([colourOf('Tom has'), colourOf('3*4'), colourOf('question'), colourOf('source')]);
        last = JSON.stringify({ string, calc, key, plainKey });
        if (calc !== string && key !== plainKey) break;
        await ui.page.waitForTimeout(100);
      }
      const c = JSON.parse(last);
      if (c.calc === c.string) throw new Error(`the calculator annotation has the string colour: ${last}`);
      if (c.key === c.plainKey) throw new Error(`the dataset key "question" looks like any other key: ${last}`);
      await ui.screenshot('grammar');
    },
  },
];
