import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { onExit } from './exitCleanup';
import { repoRoot } from './workspace';

export interface CodeServerOptions {
  /** Folder opened as the workspace. */
  readonly workspace: string;
  /** Extra environment for code-server; its extension host (and so the tests) inherits it. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where code-server's own stdout/stderr go; they are too noisy for the console. */
  readonly logFile?: string;
  /** User settings written before start, e.g. to keep the Welcome page out of screenshots. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /**
   * Where to copy the server-side logs (extension host, output channels such as the language client's)
   * on stop; the temp user-data-dir that holds them is deleted.
   */
  readonly keepLogsIn?: string;
  readonly readyTimeoutMs?: number;
}

export interface CodeServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly workspace: string;
  /** The `vscode-remote://` form of a server-side path, as the workbench's `payload` parameter expects. */
  remoteUri(absolutePath: string): string;
  stop(): Promise<void>;
}

export const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  // The seed copies are not a repository; git scanning only adds start-up work and log noise.
  'git.enabled': false,
};

const STOP_GRACE_MS = 5_000;
const START_ATTEMPTS = 3;

/** Where scripts/setup-real-vscode.sh installs code-server; overridable to share one install across checkouts. */
export function codeServerInstallDir(): string {
  return process.env.PROVENANCE_CODE_SERVER_DIR ?? path.join(repoRoot(), '.vscode-test', 'code-server');
}

function codeServerEntry(): string {
  const entry = path.join(codeServerInstallDir(), 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server is not installed at ${codeServerInstallDir()}: run scripts/setup-real-vscode.sh`);
  }
  return entry;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  // A free port found by binding :0 can be taken again before code-server binds it; retrying covers that race.
  const entry = codeServerEntry();
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startOnce(entry, options, await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(entry: string, options: CodeServerOptions, port: number): Promise<CodeServer> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'provenance-cs-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  // The extension host leaves sockets (e.g. the git extension's) in TMPDIR; keep them inside scratch.
  const tmpDir = path.join(scratch, 'tmp');
  fs.mkdirSync(tmpDir);
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2),
  );

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // An explicit config file keeps code-server from writing one into the user's home.
    '--config', path.join(scratch, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    options.workspace,
  ];
  const log = fs.openSync(options.logFile ?? path.join(scratch, 'code-server.log'), 'a');
  // detached gives code-server its own process group, so stop() can signal the extension host and the
  // language server it spawns too, not just the top process.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...childEnv(options.env), TMPDIR: tmpDir },
  });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const removeScratch = (): void => fs.rmSync(scratch, { recursive: true, force: true });
  const unregister = onExit(() => {
    killGroup(child, 'SIGKILL');
    removeScratch();
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      killGroup(child, 'SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), delay(STOP_GRACE_MS).then(() => false)]);
      // Even after a graceful exit, sweep the group: a language server may outlive its parent.
      killGroup(child, 'SIGKILL');
      if (!graceful) await exited;
      unregister();
      if (options.keepLogsIn) copyLogs(path.join(userDataDir, 'logs'), options.keepLogsIn);
      removeScratch();
    })());

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, exited, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    workspace: options.workspace,
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${toPosix(absolutePath)}`,
    stop,
  };
}

function copyLogs(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
}

function childEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // When run from a VS Code terminal these would make code-server talk to that VS Code instead.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

async function waitUntilServing(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`code-server exited with ${exitCode} before serving`);
    if (await isHealthy(url)) return;
    await delay(200);
  }
  throw new Error(`code-server did not serve ${url} within ${timeoutMs} ms`);
}

function isHealthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${url}/healthz`, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function toPosix(p: string): string {
  const posix = p.split(path.sep).join('/');
  return posix.startsWith('/') ? posix : `/${posix}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
