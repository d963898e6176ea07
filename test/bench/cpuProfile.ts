import { readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 `.cpuprofile` this module reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function comes from, after the bundle's source map is applied. */
interface Frame {
  category: string;
  /** "file:function" for the server's own code, undefined for everything else. */
  label: string | undefined;
  /** True for frames of the product or its libraries, which time spent in runtime code is charged to. */
  owns: boolean;
}

export interface PhaseBreakdown {
  phase: string;
  totalMs: number;
  /** CPU time per category; samples in runtime or native code count for the nearest caller that owns them. */
  categories: Array<{ category: string; ms: number }>;
  /** The server's own functions by inclusive time (callees included). */
  functions: Array<{ label: string; ms: number }>;
}

/**
 * Sorts a frame into the part of the product it belongs to. Detectors are grouped by their folder under
 * `server/src/analysis/`, so detectors added later show up without changing this file.
 */
function categorize(source: string | undefined, functionName: string): Omit<Frame, 'label'> {
  if (!source) {
    if (functionName === '(garbage collector)') return { category: 'garbage collection', owns: true };
    if (functionName === '(idle)') return { category: 'idle (waiting for I/O or the client)', owns: true };
    if (functionName === '(program)') return { category: 'V8 and native code', owns: true };
    return { category: 'V8 and native code', owns: false };
  }
  const s = source.replace(/\\/g, '/');
  const library = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1];
  if (library) {
    if (library.startsWith('wink')) return { category: 'wink-nlp (tokens, tags, entities)', owns: true };
    if (library.startsWith('vscode-')) return { category: 'LSP transport (vscode-jsonrpc / languageserver)', owns: true };
    return { category: `library: ${library}`, owns: true };
  }
  const analysis = /server\/src\/analysis\/(?:([^/]+)\/)?([^/]+)\.ts$/.exec(s);
  if (analysis) {
    const [, folder, file] = analysis;
    if (folder) return { category: `detector: ${folder}/`, owns: true };
    if (['article', 'nlp', 'lineIndex', 'spans'].includes(file)) return { category: 'article parsing (own code around wink)', owns: true };
    return { category: `engine: ${file}.ts`, owns: true };
  }
  if (/server\/src\/lsp\//.test(s)) return { category: 'LSP conversion (diagnostics, hover, actions)', owns: true };
  if (/server\/src\/files\//.test(s)) return { category: 'file reading', owns: true };
  if (/server\/src\//.test(s) || /shared\//.test(s)) return { category: 'server wiring (server.ts, workspaceIndex.ts)', owns: true };
  if (s.startsWith('node:')) return { category: 'Node runtime (streams, fs, JSON)', owns: false };
  return { category: 'other', owns: false };
}

class FrameResolver {
  private readonly maps = new Map<string, SourceMap | null>();

  resolve(node: ProfileNode): Frame {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    let source: string | undefined = url || undefined;
    let line: number | undefined;
    if (url.startsWith('file://')) {
      const file = fileURLToPath(url);
      const map = this.mapOf(file);
      const entry = map && lineNumber >= 0 ? (map.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number }) : undefined;
      source = entry?.originalSource ? path.resolve(path.dirname(file), entry.originalSource) : file;
      line = entry?.originalLine;
    }
    const { category, owns } = categorize(source, functionName);
    const own = source && /\/(server\/src|shared)\//.test(source.replace(/\\/g, '/')) && !source.includes('node_modules');
    // Callbacks have no name; their line tells them apart.
    const name = functionName || `(anonymous, line ${line === undefined ? '?' : line + 1})`;
    const label = own ? `${path.basename(source!)}:${name}` : undefined;
    return { category, label, owns };
  }

  private mapOf(file: string): SourceMap | null {
    let map = this.maps.get(file);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = null;
      }
      this.maps.set(file, map);
    }
    return map;
  }
}

/** The profiles a process wrote: one per thread, named CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile. */
export function profilesOf(dir: string, pid: number): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile') && name.split('.')[3] === String(pid))
    .map((name) => path.join(dir, name));
}

/**
 * CPU time of the server by part of the product, within time windows given on the process.hrtime clock
 * in microseconds (V8 stamps its samples with the same monotonic clock). Windows may overlap.
 */
export function breakDown(files: string[], windows: Array<{ phase: string; from: number; to: number }>): PhaseBreakdown[] {
  const resolver = new FrameResolver();
  const results = windows.map((w) => ({ ...w, total: 0, categories: new Map<string, number>(), functions: new Map<string, number>() }));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const frames = new Map<number, Frame>();
    const frameOf = (id: number): Frame => {
      let frame = frames.get(id);
      if (!frame) frames.set(id, (frame = resolver.resolve(byId.get(id)!)));
      return frame;
    };
    let time = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      time += profile.timeDeltas[i];
      const next = i + 1 < profile.samples.length ? profile.timeDeltas[i + 1] : profile.endTime - time;
      const ms = Math.max(0, next) / 1000;
      const windows = results.filter((w) => time >= w.from && time < w.to);
      if (windows.length === 0) continue;
      // Charge runtime and native frames to the nearest caller that belongs to the product or a library.
      let category: string | undefined;
      const labels = new Set<string>();
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const frame = frameOf(id);
        if (category === undefined && frame.owns) category = frame.category;
        if (frame.label) labels.add(frame.label);
      }
      category ??= frameOf(profile.samples[i]).category;
      for (const window of windows) {
        window.total += ms;
        window.categories.set(category, (window.categories.get(category) ?? 0) + ms);
        for (const label of labels) window.functions.set(label, (window.functions.get(label) ?? 0) + ms);
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return results.map((w) => ({
    phase: w.phase,
    totalMs: w.total,
    categories: sorted(w.categories).map(([category, ms]) => ({ category, ms })),
    functions: sorted(w.functions)
      .slice(0, 15)
      .map(([label, ms]) => ({ label, ms })),
  }));
}
