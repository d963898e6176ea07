import { createHash } from 'node:crypto';

/**
 * The key under which a team marks one figure as sourced: a hash of the sentence's wording (spacing,
 * quote style and case ignored) with the figure's text. Edits elsewhere in the article leave it valid;
 * rewording the sentence retires it, since the editor's judgement was about that wording.
 */
export function markedSourcedKey(sentence: string, figure: string): string {
  return sentenceKeys(sentence)(figure);
}

/**
 * `markedSourcedKey` for many figures of one sentence: the sentence is normalised and hashed once, so a
 * long sentence full of figures costs its length once rather than once per figure.
 */
export function sentenceKeys(sentence: string): (figure: string) => string {
  const hashed = createHash('sha1').update(`${normalise(sentence)}\n`);
  return (figure) => hashed.copy().update(normalise(figure)).digest('hex').slice(0, 20);
}

function normalise(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Figures the team has marked as sourced. The server fills it from the workspace's shared file; the
 * figure check consults it and tells it which articles hold which keys, so that a change of the marks
 * names the articles whose findings change.
 */
export class MarkedSourced {
  private keys = new Set<string>();
  private readonly urisByKey = new Map<string, Set<string>>();
  private readonly keysByUri = new Map<string, string[]>();

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Replaces the marked keys; returns the articles holding a key that was added or dropped. */
  replace(keys: Iterable<string>): Set<string> {
    const next = new Set(keys);
    const affected = new Set<string>();
    const touch = (key: string): void => {
      for (const uri of this.urisByKey.get(key) ?? []) affected.add(uri);
    };
    for (const key of next) if (!this.keys.has(key)) touch(key);
    for (const key of this.keys) if (!next.has(key)) touch(key);
    this.keys = next;
    return affected;
  }

  /** Records the keys of the figures an article holds (replacing what it held before). */
  track(uri: string, keys: string[]): void {
    this.untrack(uri);
    this.keysByUri.set(uri, keys);
    for (const key of keys) {
      let uris = this.urisByKey.get(key);
      if (!uris) this.urisByKey.set(key, (uris = new Set()));
      uris.add(uri);
    }
  }

  untrack(uri: string): void {
    for (const key of this.keysByUri.get(uri) ?? []) {
      const uris = this.urisByKey.get(key);
      uris?.delete(uri);
      if (uris?.size === 0) this.urisByKey.delete(key);
    }
    this.keysByUri.delete(uri);
  }
}
