/**
 * Looks at the extension the way a user does, in a real VS Code (code-server) in Chromium, and saves
 * screenshots into test-results/ for a human to check.
 *
 *   node out/test/ui/run.js [--extension DIR] [--workspace DIR] [--timeout SECONDS]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { resultsDir } from '../vscode/launch/workspace';
import { SQUIGGLE, Workbench } from './workbench';

const ARTICLE = '000_8923a64fda5dc978.txt';
const SOURCE = '001_30e3fa680b242716.txt';

interface Check {
  readonly name: string;
  readonly run: (workbench: Workbench) => Promise<string>;
}

const checks: Check[] = [
  {
    name: `opens ${ARTICLE} via Quick Open`,
    async run(workbench) {
      await workbench.openFile(ARTICLE);
      return workbench.screenshot('workbench.png');
    },
  },
  {
    name: 'shows a squiggle under a finding',
    async run(workbench) {
      // The language server indexes the workspace before publishing, so allow it time.
      await workbench.page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 30_000 });
      return workbench.screenshot('squiggle.png');
    },
  },
  {
    name: `hovering the copied passage's squiggle explains it, naming ${SOURCE}`,
    async run(workbench) {
      // Other findings may be squiggled too, so hover each until the copied-passage explanation shows.
      const seen: string[] = [];
      for (const squiggle of (await workbench.page.locator(SQUIGGLE).all()).slice(0, 10)) {
        const text = await workbench.hover(squiggle);
        if (text.includes(SOURCE)) return workbench.screenshot('hover.png');
        seen.push(text.split('\n')[0]);
      }
      await workbench.screenshot('hover.png');
      throw new Error(`no hover mentions ${SOURCE}; hovers began with: ${seen.join(' | ') || '(no hover appeared)'}`);
    },
  },
];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { extension: { type: 'string' }, workspace: { type: 'string' }, timeout: { type: 'string' } },
  });
  const timeoutMs = Number(values.timeout ?? 180) * 1000;
  const timer = setTimeout(() => {
    console.error(`UI checks did not finish within ${timeoutMs / 1000} s`);
    // Exit handlers stop code-server and Chromium.
    process.exit(1);
  }, timeoutMs);

  // A failure picture from an earlier run would be mistaken for this one's.
  fs.rmSync(path.join(resultsDir(), 'failure.png'), { force: true });
  let passed = 0;
  let failed = 0;
  const workbench = await Workbench.open({
    extension: values.extension && path.resolve(values.extension),
    workspace: values.workspace && path.resolve(values.workspace),
  });
  try {
    // Later checks build on the screen state of earlier ones, so the first failure ends the run.
    for (const check of checks) {
      try {
        const file = await check.run(workbench);
        passed++;
        console.log(`  ✔ ${check.name} (${file})`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${check.name}\n    ${error instanceof Error ? error.message : String(error)}`);
        await workbench.screenshot('failure.png').catch(() => undefined);
        break;
      }
    }
  } finally {
    clearTimeout(timer);
    await workbench.close();
  }
  const skipped = checks.length - passed - failed;
  console.log(`ui: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
