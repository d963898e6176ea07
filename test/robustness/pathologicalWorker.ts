/**
 * Child process of the pathological-input test: analyses the inputs it is sent, one at a time, as the
 * server would (findings and highlighting), and reports the CPU time each took.
 */
import { createCorpus } from '../../server/src/analysis';
import { semanticTokensFor } from '../../server/src/lsp/semanticTokens';
import { checkFindingTexts } from './harness';
import { PATHOLOGICAL_INPUTS } from './pathologicalInputs';

export interface PathologicalResult {
  name: string;
  characters: number;
  cpuMs: number;
  findings: number;
  error?: string;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

// Load the language model before the clock starts.
createCorpus().upsert({ uri: 'file:///warm-up.txt', text: 'The council said 4,500 people were evacuated on Monday.' });

process.on('message', (name: string) => {
  const text = PATHOLOGICAL_INPUTS[name]();
  const uri = `file:///${encodeURIComponent(name)}.txt`;
  const started = cpuMs();
  const result: PathologicalResult = { name, characters: text.length, cpuMs: 0, findings: 0 };
  try {
    const corpus = createCorpus();
    corpus.upsert({ uri, text });
    const findings = corpus.findings(uri);
    semanticTokensFor(corpus.get(uri)!, findings);
    result.findings = findings.length;
    checkFindingTexts(findings, (u) => (u === uri ? text : undefined));
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  result.cpuMs = Math.round(cpuMs() - started);
  process.send!(result);
});
