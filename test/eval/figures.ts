/**
 * Unsourced figures, measured on labelled fixtures in the format of test/fixtures/figures: a finding that overlaps
 * a figure labelled "unsourced" is a hit; one that overlaps only "sourced" or "not-a-figure" labels, or no
 * label, is a false alarm; an "unsourced" label no finding overlaps is a miss.
 */
import { Corpus } from '../../server/src/analysis/corpus';
import { FigureDetector } from '../../server/src/analysis/figures/figureDetector';
import type { Finding } from '../../server/src/analysis/types';
import { FIGURE_FIXTURES, loadLabelledArticles, unlabelledNumbers, type LabelledSpan } from '../fixtures/figures/labels';
import type { EvalSection, FixtureSet } from './report';

const OWN_FIGURES: FixtureSet = { name: 'own fixtures', folder: FIGURE_FIXTURES, targets: { precision: 0.9, recall: 0.85 } };

export async function evaluateFigures(set: FixtureSet = OWN_FIGURES): Promise<EvalSection> {
  const articles = loadLabelledArticles(set.folder);
  // The figure check alone, so the measurement does not depend on the other checks.
  const corpus = new Corpus([new FigureDetector()]);
  for (const article of articles) corpus.upsert({ uri: article.uri, text: article.text });
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let exactSpans = 0;
  const details: string[] = [];
  for (const article of articles) {
    const findings = corpus.findings(article.uri).filter((f) => f.code === 'unsourced-figure');
    const overlapping = (finding: Finding): LabelledSpan[] => article.labels.filter((l) => l.start < finding.span.end && finding.span.start < l.end);
    const hitLabels = new Set<LabelledSpan>();
    for (const finding of findings) {
      const labels = overlapping(finding);
      const unsourced = labels.find((l) => l.label === 'unsourced');
      if (unsourced) {
        // Two findings inside one labelled figure ("17 to 6") count once.
        if (!hitLabels.has(unsourced)) truePositives++;
        hitLabels.add(unsourced);
        if (unsourced.start === finding.span.start && unsourced.end === finding.span.end) exactSpans++;
      } else {
        falsePositives++;
        const label = labels[0];
        details.push(`false alarm  ${article.name}: "${finding.text}"${label ? ` (labelled ${label.label}${label.why ? `: ${label.why}` : ''})` : ' (unlabelled)'}`);
      }
    }
    for (const label of article.labels) {
      if (label.label !== 'unsourced' || hitLabels.has(label)) continue;
      falseNegatives++;
      details.push(`missed       ${article.name}: "${label.text}"`);
    }
    for (const number of unlabelledNumbers(article)) details.push(`UNLABELLED   ${article.name}: ${number}`);
  }
  details.unshift(`${articles.length} articles; ${exactSpans} of ${truePositives} hits have exactly the labelled span`);
  return {
    title: `unsourced figures — ${set.name}`,
    truePositives,
    falsePositives,
    falseNegatives,
    details,
    targets: set.targets,
  };
}
