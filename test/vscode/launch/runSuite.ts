/**
 * Runs the mocha suite in out/test/vscode/suite inside a real VS Code (code-server) driven by Chromium,
 * following the same extensionDevelopmentPath / extensionTestsPath contract as `@vscode/test-electron`.
 *
 *   node out/test/vscode/launch/runSuite.js [--extension DIR] [--workspace DIR] [--grep RE] [--timeout SECONDS]
 *
 * Exits with the suite's exit code (0 = all passed), or 1 on a harness failure or timeout.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { Browser } from 'playwright-core';
import { launchChromium, recordConsole, workbenchUrl } from './browser';
import { CodeServer, startCodeServer } from './codeServer';
import { tailFile } from './tail';
import { checkExtensionBuilt, copyWorkspace, freshFile, repoRoot, resultsDir } from './workspace';
import { GREP_ENV, OUTPUT_ENV } from '../suite/index';

interface Options {
  readonly extension: string;
  readonly workspace: string;
  readonly grep?: string;
  readonly timeoutMs: number;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      workspace: { type: 'string' },
      grep: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const root = repoRoot();
  return {
    extension: path.resolve(values.extension ?? process.env.PROVENANCE_EXTENSION_PATH ?? root),
    workspace: path.resolve(values.workspace ?? path.join(root, 'seeds')),
    grep: values.grep,
    timeoutMs: Number(values.timeout ?? 300) * 1000,
  };
}

async function main(): Promise<number> {
  const options = parseOptions();
  const results = resultsDir();
  const testsModule = path.join(__dirname, '..', 'suite', 'index');
  if (!fs.existsSync(`${testsModule}.js`)) throw new Error(`${testsModule}.js missing: run \`npx tsc -b\``);
  const unbuilt = checkExtensionBuilt(options.extension);
  if (unbuilt) console.warn(`warning: ${unbuilt}`);

  const outputFile = freshFile(path.join(results, 'vscode-suite.log'));
  const logsDir = path.join(results, 'vscode-suite-logs');
  fs.rmSync(logsDir, { recursive: true, force: true });
  const tail = tailFile(outputFile, (chunk) => process.stdout.write(chunk));

  const workspace = copyWorkspace(options.workspace);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    server = await startCodeServer({
      workspace: workspace.folder,
      logFile: freshFile(path.join(results, 'code-server.log')),
      keepLogsIn: path.join(logsDir, 'server'),
      env: { [OUTPUT_ENV]: outputFile, ...(options.grep ? { [GREP_ENV]: options.grep } : {}) },
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    recordConsole(page, path.join(results, 'vscode-suite-page.log'));

    // The workbench calls window.codeAutomationExit(code) once the test module's run() settles; it is
    // the only completion signal the browser workbench gives, so the runner waits on it.
    let settle: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: BrowserLog[]) => {
      saveBrowserLogs(logs ?? [], path.join(logsDir, 'browser'));
      settle(code);
    });
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`\nsuite did not finish within ${options.timeoutMs / 1000} s`);
        resolve(1);
      }, options.timeoutMs);
    });
    const crashed = new Promise<number>((resolve) => {
      page.on('crash', () => {
        console.error('\nthe workbench page crashed');
        resolve(1);
      });
    });

    await page.goto(workbenchUrl(server, { extensionDevelopmentPath: options.extension, extensionTestsPath: testsModule }));
    return await Promise.race([exitCode, timedOut, crashed]);
  } finally {
    clearTimeout(timer);
    tail.stop();
    await browser?.close().catch(() => undefined);
    await server?.stop();
    workspace.dispose();
  }
}

/** The workbench hands over its own (browser-side) log files with the exit code. */
interface BrowserLog {
  readonly relativePath: string;
  readonly contents: string;
}

function saveBrowserLogs(logs: readonly BrowserLog[], dir: string): void {
  for (const { relativePath, contents } of logs) {
    const file = path.resolve(dir, relativePath);
    if (!file.startsWith(dir + path.sep)) continue; // paths come from the page; stay inside dir
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
