/**
 * Runs the same suite as runSuite.ts in a desktop VS Code through `@vscode/test-electron`, for machines
 * that can download VS Code builds (these CI machines cannot; use runSuite.js there).
 *
 *   node out/test/vscode/launch/runElectron.js [--grep RE]
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { runTests } from '@vscode/test-electron';
import { GREP_ENV } from '../suite/index';
import { copyWorkspace, repoRoot } from './workspace';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { grep: { type: 'string' } } });
  const root = repoRoot();
  const workspace = copyWorkspace(path.join(root, 'seeds'));
  try {
    // Desktop VS Code forwards the extension host's stdout here, so no output file is needed.
    return await runTests({
      // Same minor as code-server 4.100.3, so both runners exercise the same API.
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, '..', 'suite', 'index'),
      extensionTestsEnv: values.grep ? { [GREP_ENV]: values.grep } : {},
      launchArgs: [workspace.folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } finally {
    workspace.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
