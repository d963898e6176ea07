import type { Report } from './report';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** Compiler-style lines, `path:line:col  severity  code  message`, with 1-based line and column. */
export function formatText(report: Report): string {
  const lines = report.findings.map((f) => {
    const head = `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.code}  ${f.message}`;
    const related = f.related.map((r) => `    ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}  ${r.message}`);
    return [head, ...related].join('\n');
  });
  const count = report.findings.length;
  lines.push(`${count} finding${count === 1 ? '' : 's'} in ${new Set(report.findings.map((f) => f.file)).size} file(s)`);
  return lines.join('\n') + '\n';
}

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

const RULES: Record<string, string> = {
  'unsourced-figure': 'A number that no one in the article is credited for.',
  'conflicting-date': 'The same event is dated differently here and elsewhere.',
  'copied-passage': 'A passage taken from another article, verbatim or reworded.',
  'repeated-passage': 'A passage repeated inside the same article.',
};

/** SARIF 2.1.0, for code-scanning dashboards. SARIF columns count UTF-16 code units, as LSP does. */
export function formatSarif(report: Report, version: string): string {
  const region = (range: Report['findings'][number]['range'], text: string) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    snippet: { text },
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Provenance',
            version,
            rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => ({
          ruleId: f.code,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: toSarifUri(f.file) }, region: region(f.range, f.text) } }],
          relatedLocations: f.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation: { uri: toSarifUri(r.file) }, region: region(r.range, r.text) },
          })),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function toSarifUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

const HEADINGS: Record<string, string> = {
  'unsourced-figure': 'Unsourced figures',
  'conflicting-date': 'Conflicting dates',
  'copied-passage': 'Copied passages',
  'repeated-passage': 'Repeated passages',
};

/** A Markdown report grouped by file, then by kind of finding, for sharing with an editor. */
export function formatMarkdown(report: Report, title = 'Provenance report'): string {
  const out = [`# ${title}`, '', `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} in ${new Set(report.findings.map((f) => f.file)).size} file(s).`];
  const byFile = new Map<string, Report['findings']>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push('', `## ${file}`);
    for (const code of Object.keys(HEADINGS)) {
      const ofKind = findings.filter((f) => f.code === code);
      if (ofKind.length === 0) continue;
      out.push('', `### ${HEADINGS[code]}`, '');
      for (const f of ofKind) {
        out.push(`- **Line ${f.range.start.line + 1}**: ${f.message}`, `  > ${oneLine(f.text)}`);
        for (const r of f.related) out.push(`  - ${r.file}, line ${r.range.start.line + 1}: ${r.message}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
