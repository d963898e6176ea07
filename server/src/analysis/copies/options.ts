/** Settings of the copied-passage check. */
export interface CopyDetectorOptions {
  /** Passages shorter than this many words are never reported. */
  minWords: number;
  /**
   * Least similarity (0–1) of a reported passage: the mean over its sentences of their IDF-weighted
   * overlap of content words, or of their shared wording where that is higher. Raise it to report only
   * close copies; reworded passages typically score 0.4–0.7, verbatim ones 1.
   */
  similarityThreshold: number;
}

export const DEFAULT_COPY_OPTIONS: Readonly<CopyDetectorOptions> = {
  minWords: 8,
  similarityThreshold: 0.35,
};

/** Fills in defaults and clamps values that would make the check meaningless. */
export function resolveCopyOptions(options: Partial<CopyDetectorOptions> = {}): CopyDetectorOptions {
  const minWords = options.minWords ?? DEFAULT_COPY_OPTIONS.minWords;
  const similarityThreshold = options.similarityThreshold ?? DEFAULT_COPY_OPTIONS.similarityThreshold;
  return {
    minWords: Math.max(3, Math.round(Number.isFinite(minWords) ? minWords : DEFAULT_COPY_OPTIONS.minWords)),
    similarityThreshold: Math.min(1, Math.max(0, Number.isFinite(similarityThreshold) ? similarityThreshold : DEFAULT_COPY_OPTIONS.similarityThreshold)),
  };
}
