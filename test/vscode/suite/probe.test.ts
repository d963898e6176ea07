import * as assert from 'assert';
import * as vscode from 'vscode';

// Proves the harness itself: a real VS Code of the version the extension targets, with a folder open.
suite('harness', () => {
  test('runs inside VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./);
  });

  test('has a workspace folder open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length > 0, 'no workspace folder is open');
  });
});
