import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, openFile, waitFor } from './helpers';

// Seed 000 reuses sentences of seed 001 word for word: a finding every server publishes.
const ARTICLE = '000_8923a64fda5dc978.txt';

/**
 * Language servers started by this extension host: its child processes running the bundled server. The
 * tests run inside the extension host, so the client's server is a child of this very process (Linux /proc).
 */
async function serverProcesses(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The parent pid is the second field after the parenthesised command name.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent !== process.pid) continue;
    const cmdline = await fs.readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('server.js')) pids.push(Number(entry));
  }
  return pids;
}

suite('a language server that dies', () => {
  test('is started again, and its findings come back', async function () {
    if (process.platform !== 'linux') this.skip();
    const editor = await openFile(ARTICLE);
    const uri = editor.document.uri;
    const copied = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'provenance' && codeOf(d) === 'copied-passage');
    await waitFor('a copied-passage diagnostic before the crash', copied, () => describeDiagnostics(vscode.languages.getDiagnostics(uri)));
    const [server] = await serverProcesses();
    assert.ok(server, 'the language server runs as a child of the extension host');

    // Diagnostics the old server published may linger: only a publication after the kill counts.
    let published = false;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) published = true;
    });
    try {
      process.kill(server, 'SIGKILL');
      const replacement = await waitFor(
        'a new language server process',
        async () => (await serverProcesses()).find((pid) => pid !== server),
        () => 'no other server process appeared',
        60_000,
      );
      assert.notEqual(replacement, server);
      await waitFor('the copied-passage diagnostic published by the new server', () => (published ? copied() : undefined), () => describeDiagnostics(vscode.languages.getDiagnostics(uri)), 60_000);
    } finally {
      listener.dispose();
    }
  });
});
