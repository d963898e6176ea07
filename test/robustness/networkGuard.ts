/**
 * Preloaded (`node --require`) into the CLI and the language server by the security test. Every way
 * Node offers to open a connection, resolve a host name or start a process is replaced by one that
 * records the call (with its stack) in the file named by PROVENANCE_GUARD_LOG, then throws. The stdio
 * channel of the language server is a pair of pipes that were open before the process started, so it
 * calls none of these.
 */
import childProcess = require('node:child_process');
import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import http2 = require('node:http2');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');

const log = process.env.PROVENANCE_GUARD_LOG;

function forbid(owner: object, names: string[], what: string): void {
  const functions = owner as Record<string, unknown>;
  for (const name of names) {
    if (typeof functions[name] !== 'function') continue;
    functions[name] = function forbidden(): never {
      const call = `${what}.${name}`;
      const line = `${call} called in process ${process.pid}\n${new Error(call).stack ?? ''}\n`;
      if (log) fs.appendFileSync(log, line);
      process.stderr.write(`forbidden: ${line}`);
      throw new Error(`${call} is forbidden in Provenance`);
    };
  }
}

forbid(net.Socket.prototype, ['connect'], 'net.Socket.prototype');
forbid(net, ['connect', 'createConnection'], 'net');
forbid(tls, ['connect'], 'tls');
forbid(http, ['request', 'get'], 'http');
forbid(https, ['request', 'get'], 'https');
forbid(http2, ['connect'], 'http2');
forbid(dns, ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse'], 'dns');
forbid(dns.promises, ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'], 'dns.promises');
forbid(dns.Resolver.prototype, ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'], 'dns.Resolver.prototype');
forbid(childProcess, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'child_process');
forbid(globalThis, ['fetch', 'WebSocket', 'EventSource'], 'globalThis');
