// Bundles the client, the language server, the thread that reads articles for it and the command-line
// tool with esbuild.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { PROVENANCE_VERSION: JSON.stringify(version) },
};

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: {
      server: 'server/src/server.ts',
      cli: 'server/src/cli/main.ts',
      // Loaded by the server and the CLI from next to themselves (see readingPool.ts).
      readingWorker: 'server/src/parsing/readingWorker.ts',
    },
    outdir: 'dist',
  }),
]);
