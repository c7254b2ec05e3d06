// The extension loads in a real VS Code: it activates when a .jsonl is open and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as path from 'node:path';

const EXTENSION_ID = 'instruct-studio.instruct-studio';

describe('extension smoke', () => {
  it('is installed under its publisher.name id', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    // run-exthost.mjs --vsix sets this: the suites must run against the installed package, not the source folder
    const installedIn = process.env.INSTRUCT_STUDIO_EXPECT_INSTALLED_IN;
    if (installedIn) {
      assert.ok(path.resolve(ext.extensionPath).startsWith(path.resolve(installedIn) + path.sep),
        `expected the extension from ${installedIn}, got ${ext.extensionPath}`);
    }
  });

  it('activates when a .jsonl file is opened', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const [file] = await vscode.workspace.findFiles('**/*.jsonl', undefined, 1);
    assert.ok(file, 'the test workspace has a .jsonl file');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    assert.equal(ext.isActive, true);
    assert.ok(doc.lineCount >= 1);
  });

  it('registers the commands its manifest contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: { command: string }[] = ext.packageJSON.contributes?.commands ?? [];
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'every contributed command has a handler after activation');
    assert.ok(registered.has('instructStudio.showVersion'), 'instructStudio.showVersion is registered');
  });

  it('instructStudio.showVersion reports the manifest version', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const version = await vscode.commands.executeCommand<string>('instructStudio.showVersion');
    assert.equal(version, ext.packageJSON.version);
  });
});
